package org.creditstress.run;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditstress.metric.Metric;
import org.creditstress.metric.MetricRegistry;

/**
 * A number per replication taken from a metric's monthly path: the statistic that sweeps,
 * reverse stress tests, sensitivity analyses and calibrations work on. Written as
 * {@code STAT(METRIC)}:
 * <ul>
 *   <li>{@code peak(m3plus_ratio)}: the largest value over the months;</li>
 *   <li>{@code min(lender.PlatformB.capital_ratio)}: the smallest;</li>
 *   <li>{@code final(loss_rate_cumulative)}: the last month's value;</li>
 *   <li>{@code mean(m1plus_ratio)}: the mean over the months;</li>
 *   <li>{@code month12(m3plus_ratio)}: the value in month 12.</li>
 * </ul>
 * Undefined months (NaN) are skipped; a path with no defined month gives NaN.
 */
public record MetricExpression(String text, Statistic statistic, int month, String metric) {
    private static final Pattern FORM = Pattern.compile("(peak|max|min|final|mean|month(\\d+))\\(([A-Za-z0-9_.+-]+)\\)");

    /** How a monthly path becomes one number. */
    public enum Statistic { PEAK, MIN, FINAL, MEAN, MONTH }

    /**
     * Parses {@code STAT(METRIC)}.
     *
     * @throws IllegalArgumentException with a message saying what forms are accepted
     */
    public static MetricExpression parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a metric expression; use peak(M), min(M), final(M), mean(M) "
                    + "or monthN(M), M being a column of metrics.csv, e.g. peak(m3plus_ratio)");
        }
        String stat = m.group(1).toLowerCase(Locale.ROOT);
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1) {
                throw new IllegalArgumentException("'" + text + "': months count from 1");
            }
            return new MetricExpression(text.trim(), Statistic.MONTH, month, m.group(3));
        }
        Statistic s = switch (stat) {
            case "peak", "max" -> Statistic.PEAK;
            case "min" -> Statistic.MIN;
            case "final" -> Statistic.FINAL;
            default -> Statistic.MEAN;
        };
        return new MetricExpression(text.trim(), s, 0, m.group(3));
    }

    /** Index of the metric in a registry, or an error naming the expression. */
    public int column(MetricRegistry registry) {
        List<Metric> metrics = registry.metrics();
        for (int j = 0; j < metrics.size(); j++) {
            if (metrics.get(j).name().equals(metric)) {
                return j;
            }
        }
        throw new IllegalArgumentException("'" + text + "': no column '" + metric + "' in metrics.csv (see docs/outputs.md)");
    }

    /** The statistic of replication {@code values} ([month - 1][metric]). */
    public double of(double[][] values, int column) {
        switch (statistic) {
            case FINAL:
                for (int t = values.length - 1; t >= 0; t--) {
                    if (!Double.isNaN(values[t][column])) {
                        return values[t][column];
                    }
                }
                return Double.NaN;
            case MONTH:
                return month <= values.length ? values[month - 1][column] : Double.NaN;
            default:
                double acc = Double.NaN;
                int n = 0;
                for (double[] row : values) {
                    double x = row[column];
                    if (Double.isNaN(x)) {
                        continue;
                    }
                    n++;
                    if (Double.isNaN(acc)) {
                        acc = x;
                    } else if (statistic == Statistic.PEAK) {
                        acc = Math.max(acc, x);
                    } else if (statistic == Statistic.MIN) {
                        acc = Math.min(acc, x);
                    } else {
                        acc += x;
                    }
                }
                return statistic == Statistic.MEAN && n > 0 ? acc / n : acc;
        }
    }

    /** One value per replication of a finished run. */
    public double[] perReplication(RunResult run) {
        int column = column(run.registry());
        return run.replications().stream().mapToDouble(r -> of(r.values(), column)).toArray();
    }
}
