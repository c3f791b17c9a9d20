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
     * Splits a path into segments: names as strings, list indexes as Integers. A name is any text
     * without {@code . [ ]}; an index is digits, either in brackets right after a name or index
     * ({@code a[0]}) or as a dotted segment ({@code a.0}).
     *
     * @throws IllegalArgumentException when the path is empty or malformed (empty names, unbalanced
     *                                  or misplaced brackets, a non-number in brackets)
     */
    public static List<Object> split(String path) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        int n = path.length();
        while (true) {
            int start = i;
            while (i < n && ".[]".indexOf(path.charAt(i)) < 0) {
                i++;
            }
            if (i == start) {
                throw malformed(path, i == n ? "a name is missing at the end" : "a name is missing before '" + path.charAt(i) + "'");
            }
            out.add(segment(path.substring(start, i)));
            while (i < n && path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw malformed(path, "'[' is not closed");
                }
                String inside = path.substring(i + 1, close);
                if (inside.isEmpty() || !inside.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw malformed(path, "'[" + inside + "]' is not a list index");
                }
                out.add(segment(inside));
                i = close + 1;
            }
            if (i == n) {
                return out;
            }
            if (path.charAt(i) != '.') {
                throw malformed(path, "unexpected '" + path.charAt(i) + "'");
            }
            i++;
        }
    }

    private static Object segment(String part) {
        if (!part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return part;
        }
        if (part.length() > 9) {
            throw new IllegalArgumentException("list index " + part + " is too large");
        }
        return Integer.parseInt(part);
    }

    private static IllegalArgumentException malformed(String path, String why) {
        return new IllegalArgumentException("malformed key path '" + path + "': " + why);
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
