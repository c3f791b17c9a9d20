package org.creditstress.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Several scenario keys moved together by one parameter, written {@code mult:KEYS} (each key is set
 * to its scenario value times the parameter) or {@code shift:KEYS} (its value plus the parameter).
 * KEYS is a comma-separated list of dotted keys, each of which may use {@code [*]} for every element
 * of a list, e.g. {@code mult:population.segments[*].emergency_probability}. The scenario values are
 * those of the scenario file with the user's {@code --set} overrides, every default filled in.
 *
 * @param kind  "mult" or "shift"
 * @param spec  the text after the kind, as written
 * @param keys  the expanded keys, in order
 * @param base  their scenario values
 */
public record TiedKeys(String kind, String spec, List<String> keys, double[] base) {

    /** Whether a parameter's key names tied keys. */
    public static boolean isTied(String key) {
        return key.startsWith("mult:") || key.startsWith("shift:");
    }

    /**
     * Expands {@code mult:KEYS} or {@code shift:KEYS} against a resolved scenario.
     *
     * @throws IllegalArgumentException naming the key that does not exist or holds no number
     */
    public static TiedKeys resolve(String key, JsonNode resolved) {
        int colon = key.indexOf(':');
        String kind = key.substring(0, colon);
        String spec = key.substring(colon + 1);
        List<String> keys = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String k : spec.split(",")) {
            String one = k.strip();
            if (one.isEmpty()) {
                throw new IllegalArgumentException("empty key in the list '" + spec + "'");
            }
            int before = keys.size();
            expand(resolved, one.split("\\."), 0, "", keys, values, one);
            if (keys.size() == before) {
                throw new IllegalArgumentException("'" + one + "' matches no key of the scenario");
            }
        }
        return new TiedKeys(kind, spec, List.copyOf(keys), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void expand(JsonNode node, String[] parts, int i, String prefix, List<String> keys, List<Double> values,
                               String written) {
        if (i == parts.length) {
            if (!node.isNumber()) {
                throw new IllegalArgumentException("'" + prefix + "' (from '" + written + "') holds no number");
            }
            keys.add(prefix);
            values.add(node.asDouble());
            return;
        }
        String part = parts[i];
        int bracket = part.indexOf('[');
        String name = bracket < 0 ? part : part.substring(0, bracket);
        JsonNode child = node.get(name);
        String path = prefix.isEmpty() ? name : prefix + "." + name;
        if (child == null) {
            throw new IllegalArgumentException("unknown key '" + path + "' (from '" + written + "')");
        }
        if (bracket < 0) {
            expand(child, parts, i + 1, path, keys, values, written);
            return;
        }
        if (!part.endsWith("]") || !child.isArray()) {
            throw new IllegalArgumentException("'" + path + "' is not a list, or '" + part + "' is malformed (from '" + written + "')");
        }
        String index = part.substring(bracket + 1, part.length() - 1).strip();
        if (index.equals("*")) {
            for (int e = 0; e < child.size(); e++) {
                expand(child.get(e), parts, i + 1, path + "[" + e + "]", keys, values, written);
            }
            return;
        }
        int e;
        try {
            e = Integer.parseInt(index);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("'" + part + "': the index must be a whole number or * (from '" + written + "')");
        }
        if (e < 0 || e >= child.size()) {
            throw new IllegalArgumentException("'" + path + "' has " + child.size() + " elements, no [" + e + "] (from '" + written + "')");
        }
        expand(child.get(e), parts, i + 1, path + "[" + e + "]", keys, values, written);
    }

    /** The value of key {@code i} at parameter {@code p}. */
    public double value(int i, double p) {
        return kind.equals("mult") ? base[i] * p : base[i] + p;
    }

    /** The {@code --set} overrides that put parameter value {@code p} into the scenario. */
    public List<String> overrides(double p) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(keys.get(i) + "=" + ParameterRange.format(value(i, p), false));
        }
        return out;
    }

    /** "mult over 4 keys (population.segments[0].x, ...)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s over %d key%s: %s", kind, keys.size(), keys.size() == 1 ? "" : "s", String.join(", ", keys));
    }
}
