package org.creditstress.experiment.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creditstress.scenario.KeyPath;

/**
 * One {@code --vary KEY=SPEC} of a sweep. SPEC is a list {@code a,b,c} (values as YAML, as with
 * {@code --set}), a grid range {@code lo:hi:steps} ({@code steps} evenly spaced values from lo to hi,
 * both included), or a range {@code lo:hi} (for lhs and sobol designs, which draw values in it).
 *
 * @param key   the key path in canonical form, e.g. {@code lenders[0].model_quality}
 * @param spec  the SPEC text as given
 * @param kind  which of the three forms
 * @param list  the values of a list or grid range (empty for a range)
 * @param lo    lower end of a range (null for a list)
 * @param hi    upper end of a range (null for a list)
 */
public record Vary(String key, String spec, Kind kind, List<String> list, BigDecimal lo, BigDecimal hi) {

    /** The form of SPEC. */
    public enum Kind { LIST, GRID_RANGE, RANGE }

    /** Grid ranges above this many steps are refused (a typo such as 0:1:1000000 would never end). */
    static final int MAX_STEPS = 10_000;

    /**
     * Parses {@code KEY=SPEC}.
     *
     * @throws IllegalArgumentException naming the option and what is wrong
     */
    public static Vary parse(String option) {
        int eq = option.indexOf('=');
        if (eq <= 0 || eq == option.length() - 1) {
            throw new IllegalArgumentException("--vary '" + option + "': expected KEY=LIST or KEY=lo:hi[:steps], "
                    + "e.g. --vary economy.unemployment.shock_level=0.08,0.10,0.12");
        }
        String key;
        try {
            key = KeyPath.join(KeyPath.split(option.substring(0, eq).strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--vary '" + option + "': " + e.getMessage());
        }
        String spec = option.substring(eq + 1).strip();
        if (spec.contains(":") && !spec.contains(",")) {
            String[] parts = spec.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("--vary '" + option + "': a range is lo:hi or lo:hi:steps");
            }
            BigDecimal lo = number(option, parts[0]);
            BigDecimal hi = number(option, parts[1]);
            if (lo.compareTo(hi) >= 0) {
                throw new IllegalArgumentException("--vary '" + option + "': range needs lo < hi, got " + parts[0] + ":" + parts[1]);
            }
            if (parts.length == 2) {
                return new Vary(key, spec, Kind.RANGE, List.of(), lo, hi);
            }
            int steps;
            try {
                steps = Integer.parseInt(parts[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--vary '" + option + "': steps '" + parts[2] + "' is not a whole number");
            }
            if (steps < 2 || steps > MAX_STEPS) {
                throw new IllegalArgumentException("--vary '" + option + "': steps must be between 2 and " + MAX_STEPS
                        + " (the number of values, both ends included), got " + steps);
            }
            return new Vary(key, spec, Kind.GRID_RANGE, gridValues(lo, hi, steps), lo, hi);
        }
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String v : spec.split(",", -1)) {
            String s = v.strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("--vary '" + option + "': empty value in the list");
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException("--vary '" + option + "': value '" + s + "' is listed twice");
            }
            values.add(s);
        }
        return new Vary(key, spec, Kind.LIST, List.copyOf(values), null, null);
    }

    private static BigDecimal number(String option, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--vary '" + option + "': '" + text + "' is not a number");
        }
    }

    /** {@code steps} values from lo to hi, exact in decimal where possible: 0.06:0.14:5 gives 0.06, 0.08, 0.1, 0.12, 0.14. */
    static List<String> gridValues(BigDecimal lo, BigDecimal hi, int steps) {
        BigDecimal step = hi.subtract(lo).divide(BigDecimal.valueOf(steps - 1L), MathContext.DECIMAL64);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            BigDecimal v = i == steps - 1 ? hi : lo.add(step.multiply(BigDecimal.valueOf(i)), MathContext.DECIMAL64);
            out.add(text(v));
        }
        return out;
    }

    /** Plain decimal text without trailing zeros, at most 15 significant digits. */
    static String text(BigDecimal v) {
        BigDecimal r = v.round(new MathContext(15, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return r.signum() == 0 ? "0" : r.toPlainString();
    }

    /**
     * The value at position {@code u} in [0, 1) for lhs and sobol: in a range, {@code lo + u (hi - lo)}
     * (for an integer key the whole numbers lo..hi in equal strata); in a list, element
     * {@code floor(u n)}.
     */
    public String valueAt(double u, boolean integer) {
        if (kind == Kind.LIST || kind == Kind.GRID_RANGE) {
            return list.get(Math.min(list.size() - 1, (int) Math.floor(u * list.size())));
        }
        double a = lo.doubleValue();
        double b = hi.doubleValue();
        if (integer) {
            long l = lo.setScale(0, RoundingMode.CEILING).longValueExact();
            long h = hi.setScale(0, RoundingMode.FLOOR).longValueExact();
            return Long.toString(Math.min(h, l + (long) Math.floor(u * (h - l + 1))));
        }
        return text(new BigDecimal(a + u * (b - a)));
    }

    /** The values of a grid axis; for an integer key, checks they are whole numbers. */
    public List<String> gridAxis(boolean integer) {
        if (kind == Kind.RANGE) {
            throw new IllegalArgumentException("--vary '" + key + "=" + spec + "': the grid design needs a list or "
                    + "lo:hi:steps (lo:hi alone is for --design lhs or sobol)");
        }
        if (integer) {
            for (String v : list) {
                if (v.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
                    BigDecimal b = new BigDecimal(v);
                    if (b.stripTrailingZeros().scale() > 0) {
                        throw new IllegalArgumentException("--vary '" + key + "=" + spec + "': " + key
                                + " is a whole number but the grid gives " + v + "; choose steps so that (hi - lo) / (steps - 1) is whole");
                    }
                }
            }
        }
        return list;
    }
}
