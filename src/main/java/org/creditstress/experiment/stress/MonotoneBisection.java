package org.creditstress.experiment.stress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Finds where a monotone yes/no property of a number switches from no to yes: the smallest x in
 * [lo, hi] at which it holds, by bisection. Assumes it fails below some threshold and holds
 * above it; checks that it fails at lo and holds at hi first. Midpoints are rounded to a tenth of
 * the tolerance's decimal place, so the values read well and bisection still halves the bracket. For integer parameters the search
 * runs on whole numbers and ends with two neighbours.
 */
public final class MonotoneBisection {

    /** How a search ended. */
    public enum Status {
        /** The property fails at {@code below} and holds at {@code above}, which are within the tolerance. */
        FOUND,
        /** The property already holds at the low end: the threshold is at or below it. */
        HOLDS_AT_LOW,
        /** The property fails even at the high end: the threshold is above it, if any. */
        FAILS_AT_HIGH
    }

    /**
     * @param status    how the search ended
     * @param below     the largest evaluated x where the property failed (NaN if none)
     * @param above     the smallest evaluated x where it held (NaN if none)
     * @param evaluated every x evaluated, in order
     */
    public record Outcome(Status status, double below, double above, List<Double> evaluated) {
    }

    private MonotoneBisection() {
    }

    /** Evaluates lo and hi, then bisects if they bracket the switch. */
    public static Outcome search(DoublePredicate holds, double lo, double hi, double tolerance, boolean integer) {
        List<Double> evaluated = new ArrayList<>();
        evaluated.add(lo);
        boolean atLo = holds.test(lo);
        if (atLo) {
            return new Outcome(Status.HOLDS_AT_LOW, Double.NaN, lo, evaluated);
        }
        evaluated.add(hi);
        boolean atHi = holds.test(hi);
        if (!atHi) {
            return new Outcome(Status.FAILS_AT_HIGH, hi, Double.NaN, evaluated);
        }
        return refine(holds, lo, hi, tolerance, integer, evaluated);
    }

    /**
     * Bisects a bracket: the property fails at {@code lo} and holds at {@code hi}. Stops when
     * {@code hi - lo <= tolerance} (integer: when they are neighbours, or closer than the tolerance).
     *
     * @param evaluated points already evaluated; the new ones are appended
     */
    public static Outcome refine(DoublePredicate holds, double lo, double hi, double tolerance, boolean integer,
                                 List<Double> evaluated) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("need lo < hi, got " + lo + " and " + hi);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
        List<Double> points = new ArrayList<>(evaluated);
        double below = lo;
        double above = hi;
        double tol = integer ? Math.max(1, tolerance) : tolerance;
        while (above - below > tol) {
            double mid = integer ? Math.floor((below + above) / 2) : snap(below + (above - below) / 2, below, above, tol);
            if (mid <= below || mid >= above) {
                break;  // no representable point in between
            }
            points.add(mid);
            if (holds.test(mid)) {
                above = mid;
            } else {
                below = mid;
            }
        }
        return new Outcome(Status.FOUND, below, above, points);
    }

    /**
     * Rounds a midpoint to a short decimal (a tenth of the tolerance's leading decimal place) so
     * that evaluated values read as 0.075 rather than 0.07500000000000001; keeps it strictly inside
     * the bracket, else returns it unrounded.
     */
    static double snap(double mid, double below, double above, double tolerance) {
        int scale = 1 - (int) Math.floor(Math.log10(tolerance));
        if (scale > 300 || scale < -300) {
            return mid;
        }
        double r = new BigDecimal(mid).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
        return r > below && r < above ? r : mid;
    }

    /** Number of midpoints a bisection of [lo, hi] to the tolerance evaluates. */
    public static int steps(double lo, double hi, double tolerance, boolean integer) {
        double tol = integer ? Math.max(1, tolerance) : tolerance;
        int n = 0;
        double w = hi - lo;
        while (w > tol && n < 200) {
            w = integer ? Math.ceil(w / 2) : w / 2;
            n++;
        }
        return n;
    }
}
