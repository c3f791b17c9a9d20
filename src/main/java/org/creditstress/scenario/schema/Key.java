package org.creditstress.scenario.schema;

import java.util.List;

/**
 * One leaf key of the scenario format: its type, default, allowed range, unit and meaning.
 * Declared once in {@link ScenarioSchema}; validation, defaults, the resolved scenario and
 * {@code docs/scenario-reference.md} all come from this declaration.
 *
 * @param name         the YAML key
 * @param type         value type
 * @param defaultValue default (Integer, Double, Boolean, String or List); null when required
 *                     or when {@link #defaultFrom} names a sibling key whose value is taken
 * @param defaultFrom  sibling key whose value is the default, or null
 * @param min          smallest allowed value (numbers, or list elements, or list length for
 *                     string lists), inclusive
 * @param max          largest allowed value, inclusive
 * @param unit         unit of the value, e.g. "yuan/month", "share", "months"
 * @param doc          one or two sentences: what it means, how it is used
 * @param choices      allowed values of a {@link KeyType#CHOICE} key
 * @param listLength   exact length of a number list, or 0 for any length
 */
public record Key(String name, KeyType type, Object defaultValue, String defaultFrom,
                  double min, double max, String unit, String doc, List<String> choices,
                  int listLength) {

    public boolean required() {
        return defaultValue == null && defaultFrom == null;
    }

    /** The range as a reader sees it, e.g. "[0, 1]". */
    public String rangeText() {
        return switch (type) {
            case INTEGER, NUMBER, NUMBER_LIST -> "[" + fmt(min) + ", " + fmt(max) + "]";
            case CHOICE -> String.join(" | ", choices);
            default -> "";
        };
    }

    static String fmt(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (v >= Long.MAX_VALUE) {
            return "2^63 - 1";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
