package org.creditstress.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Key paths as users write them: {@code lenders[0].model_quality}; {@code lenders.0.model_quality}
 * is accepted too.
 */
public final class KeyPath {
    private KeyPath() {
    }

    public static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    public static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /**
     * Splits a path into segments: names as strings, list indexes as Integers.
     *
     * @throws IllegalArgumentException when the path is empty or malformed
     */
    public static List<Object> split(String path) {
        List<Object> out = new ArrayList<>();
        for (String part : path.replace("[", ".").replace("]", "").split("\\.", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("malformed key path '" + path + "'");
            }
            if (part.chars().allMatch(Character::isDigit)) {
                if (part.length() > 9) {
                    throw new IllegalArgumentException("list index " + part + " is too large");
                }
                out.add(Integer.parseInt(part));
            } else {
                out.add(part);
            }
        }
        return out;
    }

    /** Canonical text of split segments. */
    public static String join(List<Object> segments) {
        String p = "";
        for (Object s : segments) {
            p = s instanceof Integer i ? index(p, i) : child(p, (String) s);
        }
        return p;
    }
}
