package org.creditstress.model.engine;

/**
 * The last twelve monthly values of one quantity (a ring indexed by month mod 12): what a rule
 * that looks back a year keeps, such as a covenant's annual loss rate, a funder's losses over the
 * year or the year's peak book a dividend keeps capital for. Months not yet recorded count as 0.
 */
public final class LastYear implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Months kept. */
    public static final int MONTHS = 12;
    private final double[] values = new double[MONTHS];
    private int recorded;

    /** Records month {@code month}'s value (each month once, in order), replacing that of twelve months before. */
    public void record(int month, double value) {
        values[Math.floorMod(month, MONTHS)] = value;
        recorded = Math.min(MONTHS, recorded + 1);
    }

    /** How many of the twelve months hold a recorded value. */
    public int months() {
        return recorded;
    }

    /** The sum of the recorded months. */
    public double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** The largest recorded value, at least {@code floor} (months not yet recorded hold 0). */
    public double max(double floor) {
        double m = floor;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Forgets every month. */
    public void clear() {
        java.util.Arrays.fill(values, 0.0);
        recorded = 0;
    }
}
