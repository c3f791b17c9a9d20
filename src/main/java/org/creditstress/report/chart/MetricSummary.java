package org.creditstress.report.chart;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The monthly statistics of one metric across replications, as read from {@code summary.csv}.
 * Months are ascending; a statistic that is not defined in a month is {@link Double#NaN}.
 * Immutable.
 */
public final class MetricSummary {

    private final String metric;
    private final int[] months;
    private final Map<Statistic, double[]> values;

    MetricSummary(String metric, int[] months, Map<Statistic, double[]> values) {
        this.metric = Objects.requireNonNull(metric);
        this.months = months.clone();
        this.values = new EnumMap<>(Statistic.class);
        for (Statistic s : Statistic.values()) {
            double[] v = values.get(s);
            if (v == null || v.length != months.length) {
                throw new IllegalArgumentException("statistic " + s + " of " + metric + " has wrong length");
            }
            this.values.put(s, v.clone());
        }
        for (int i = 1; i < months.length; i++) {
            if (months[i] <= months[i - 1]) {
                throw new IllegalArgumentException("months of " + metric + " must be strictly ascending");
            }
        }
    }

    /** The metric (column) name, e.g. {@code m3plus_ratio}. */
    public String metric() {
        return metric;
    }

    /** The months, ascending. */
    public int[] months() {
        return months.clone();
    }

    /** Number of months. */
    public int size() {
        return months.length;
    }

    /** The values of one statistic aligned with {@link #months()}; NaN where undefined. */
    public double[] values(Statistic statistic) {
        return values.get(statistic).clone();
    }

    /** The value of a statistic in a month, or NaN if the month is absent or the value undefined. */
    public double value(Statistic statistic, int month) {
        int i = Arrays.binarySearch(months, month);
        return i < 0 ? Double.NaN : values.get(statistic)[i];
    }

    /** Whether the statistic has at least one finite value. */
    public boolean hasData(Statistic statistic) {
        for (double v : values.get(statistic)) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }
}
