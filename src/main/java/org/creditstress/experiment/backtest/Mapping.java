package org.creditstress.experiment.backtest;

import java.util.Locale;

/**
 * One {@code --map METRIC=COLUMN[:OPTION...]}: a metrics.csv column of the model compared with a
 * column of the observed file. Options: {@code percent} (the column is in percent, divided by 100 to
 * compare with the model's shares; {@code share}, the default, leaves it as it is) and how the
 * model's months are aggregated to the observed period: {@code mean} (default; right for ratios and
 * for rates already annualised month by month, such as {@code chargeoff_rate_annualised}),
 * {@code last} (the period's last month, for stocks observed at period end) or {@code sum} (flows).
 *
 * @param metric      the model's metric
 * @param column      the observed column
 * @param scale       multiplies the observed values (0.01 for percent)
 * @param aggregation how months make a period
 */
public record Mapping(String metric, String column, double scale, Aggregation aggregation) {

    /** How a period's months are combined. */
    public enum Aggregation {
        MEAN, LAST, SUM;

        /** Combines the finite values; NaN if there are none (LAST: NaN if the last month is undefined). */
        public double apply(double[] months) {
            if (this == LAST) {
                return months[months.length - 1];
            }
            double s = 0;
            int n = 0;
            for (double v : months) {
                if (Double.isFinite(v)) {
                    s += v;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : this == SUM ? s : s / n;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Parses {@code METRIC=COLUMN[:OPTION...]}.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    public static Mapping parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("expected METRIC=COLUMN[:percent][:mean|last|sum], e.g. chargeoff_rate_annualised=chargeoff_rate_pct:percent");
        }
        String metric = text.substring(0, eq).strip();
        String[] parts = text.substring(eq + 1).split(":", -1);
        String column = parts[0].strip();
        if (metric.isEmpty() || column.isEmpty()) {
            throw new IllegalArgumentException("expected METRIC=COLUMN, both non-empty");
        }
        double scale = 1;
        Aggregation agg = Aggregation.MEAN;
        boolean unitSet = false;
        boolean aggSet = false;
        for (int i = 1; i < parts.length; i++) {
            String o = parts[i].strip().toLowerCase(Locale.ROOT);
            switch (o) {
                case "percent", "pct", "share" -> {
                    if (unitSet) {
                        throw new IllegalArgumentException("the unit is given twice");
                    }
                    unitSet = true;
                    scale = o.equals("share") ? 1 : 0.01;
                }
                case "mean", "last", "sum" -> {
                    if (aggSet) {
                        throw new IllegalArgumentException("the aggregation is given twice");
                    }
                    aggSet = true;
                    agg = Aggregation.valueOf(o.toUpperCase(Locale.ROOT));
                }
                default -> throw new IllegalArgumentException("unknown option '" + parts[i].strip()
                        + "'; expected percent, share, mean, last or sum");
            }
        }
        return new Mapping(metric, column, scale, agg);
    }

    @Override
    public String toString() {
        return metric + "=" + column + (scale == 1 ? "" : ":percent") + (aggregation == Aggregation.MEAN ? "" : ":" + aggregation.label());
    }
}
