package org.creditstress.experiment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.creditstress.scenario.KeyPath;
import org.creditstress.scenario.schema.Key;
import org.creditstress.scenario.schema.KeyType;
import org.creditstress.scenario.schema.ScenarioSchema;
import org.creditstress.scenario.schema.Section;

/**
 * A scenario key varied over a range, as written on the command line: {@code KEY=LO:HI}
 * ({@code --input}, {@code --param}) or {@code --vary KEY --range LO:HI}. The key is a dotted
 * path as for {@code --set}. Integer keys (for example {@code lenders[0].write_off_months}) take
 * whole values only: values are rounded to the nearest integer in the range.
 *
 * @param key     the key path, as the user wrote it
 * @param low     lower end, inclusive
 * @param high    upper end, inclusive, above {@code low}
 * @param integer whether the key holds integers
 */
public record ParameterRange(String key, double low, double high, boolean integer) {

    public ParameterRange {
        if (!(low < high)) {
            throw new IllegalArgumentException("the range's low end must be below its high end, got "
                    + format(low, integer) + ":" + format(high, integer));
        }
    }

    /**
     * Parses {@code KEY=LO:HI}; the key type is looked up in the schema ({@link #forKey}).
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    public static ParameterRange parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || spec.substring(0, eq).isBlank()) {
            throw new IllegalArgumentException("expected KEY=LO:HI, e.g. economy.unemployment.shock_level=0.06:0.12");
        }
        return forKey(spec.substring(0, eq).strip(), spec.substring(eq + 1));
    }

    /**
     * A range for {@code key} from {@code LO:HI} text. An integer key's ends are moved inwards to
     * whole numbers.
     *
     * @throws IllegalArgumentException for a malformed range, low not below high, or a key that is
     *                                  in the schema but holds no number
     */
    public static ParameterRange forKey(String key, String range) {
        String[] parts = range.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected a range LO:HI, e.g. 0.06:0.12, got '" + range + "'");
        }
        double lo = number(parts[0], "low end");
        double hi = number(parts[1], "high end");
        Optional<Key> schemaKey = schemaKey(key);
        boolean integer = false;
        if (schemaKey.isPresent()) {
            KeyType type = schemaKey.get().type();
            if (type != KeyType.NUMBER && type != KeyType.INTEGER) {
                throw new IllegalArgumentException("'" + key + "' is a " + type.label()
                        + " key; only number and integer keys can be varied");
            }
            integer = type == KeyType.INTEGER;
        }
        if (integer) {
            if (!(lo < hi)) {
                return new ParameterRange(key, lo, hi, true);  // throws with the user's numbers
            }
            lo = Math.ceil(lo);
            hi = Math.floor(hi);
            if (!(lo < hi)) {
                throw new IllegalArgumentException("'" + key + "' holds integers and " + range
                        + " contains fewer than two of them");
            }
        }
        return new ParameterRange(key, lo, hi, integer);
    }

    private static double number(String text, String what) {
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("the range's " + what + " '" + text.strip() + "' is not a number");
    }

    /**
     * The schema declaration of a key path ({@code lenders[0].model_quality}), or empty when the
     * path names no key (the scenario loader then reports it with a suggestion).
     */
    public static Optional<Key> schemaKey(String path) {
        List<Object> segments;
        try {
            segments = KeyPath.split(path);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Section section = ScenarioSchema.root();
        for (int i = 0; i < segments.size(); i++) {
            if (!(segments.get(i) instanceof String name)) {
                continue;
            }
            if (i == segments.size() - 1) {
                return section.key(name);
            }
            Optional<Section> child = section.section(name);
            if (child.isEmpty()) {
                return Optional.empty();
            }
            section = child.get();
        }
        return Optional.empty();
    }

    /** The value at unit coordinate {@code u} in [0, 1] (0 = low, 1 = high), rounded for integer keys. */
    public double at(double u) {
        double v = low + u * (high - low);
        v = Math.min(high, Math.max(low, v));
        return integer ? Math.rint(v) : v;
    }

    /** The unit coordinate of a value (0 = low, 1 = high). */
    public double unit(double value) {
        return (value - low) / (high - low);
    }

    /** {@code high - low}. */
    public double width() {
        return high - low;
    }

    /** The {@code --set} override that puts {@code value} into the scenario. */
    public String override(double value) {
        return key + "=" + format(value, integer);
    }

    /** The value as written into a scenario: plain decimal, whole for integer keys. */
    public String format(double value) {
        return format(value, integer);
    }

    static String format(double value, boolean integer) {
        if (integer || (value == Math.rint(value) && Math.abs(value) < 1e15)) {
            return Long.toString(Math.round(value));
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** {@code KEY=LO:HI}. */
    @Override
    public String toString() {
        return key + "=" + format(low) + ":" + format(high);
    }
}
