package org.creditstress.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.creditstress.metric.MetricRegistry;

/**
 * What an experiment keeps in memory of each replication of a run, instead of the replication's
 * whole metric table (months x every metric: several hundred to a few thousand columns): the
 * value of each of its metric expressions (one number per replication) and the monthly path of a
 * few series (one number per month). Everything else goes to disk as the replication finishes, or
 * nowhere. A {@link KeptRun} holds what was kept.
 *
 * <p>Memory per replication is {@link #bytesPerReplication(int)}: 8 bytes per expression plus
 * 8 bytes per series and month, against 8 bytes per metric and month for the whole table (for
 * the baseline's 356 metrics, 36 months and the four default headline expressions: 32 bytes
 * against 102 KB).
 *
 * @param expressions numbers per replication, e.g. {@code peak(m3plus_ratio)}
 * @param series      monthly paths per replication
 */
public record Keep(List<MetricExpression> expressions, List<Series> series) {

    /** Keeps nothing: the run's results go to disk only. */
    public static final Keep NOTHING = new Keep(List.of(), List.of());

    public Keep {
        expressions = dedupe(expressions);
        series = List.copyOf(series);
        for (int i = 0; i < series.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (series.get(i).name().equals(series.get(j).name())) {
                    throw new IllegalArgumentException("series '" + series.get(i).name() + "' kept twice");
                }
            }
        }
    }

    private static List<MetricExpression> dedupe(List<MetricExpression> expressions) {
        List<MetricExpression> out = new ArrayList<>();
        for (MetricExpression e : expressions) {
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /** Keeps these expressions and no series. */
    public static Keep expressions(List<MetricExpression> expressions) {
        return new Keep(expressions, List.of());
    }

    /** This and the monthly paths of {@code metrics} (columns of metrics.csv) as series named after them. */
    public Keep withMetricPaths(List<String> metrics) {
        List<Series> all = new ArrayList<>(series);
        for (String m : metrics) {
            if (all.stream().noneMatch(s -> s.name().equals(m))) {
                all.add(Series.metric(m));
            }
        }
        return new Keep(expressions, all);
    }

    /** This and one more series. */
    public Keep with(Series s) {
        List<Series> all = new ArrayList<>(series);
        all.add(s);
        return new Keep(expressions, all);
    }

    /** Heap bytes kept per replication of {@code months} months (values and array headers). */
    public long bytesPerReplication(int months) {
        return 8L * expressions.size() + series.size() * (8L * months + 16) + 16;
    }

    /**
     * A monthly path kept per replication: its name and how one month's row of metrics (in the run's
     * registry order) gives its value. {@code bind} is called once per run, with that run's
     * registry (scenarios of one experiment can have different lenders).
     */
    public record Series(String name, Function<MetricRegistry, ToDoubleFunction<double[]>> bind) {

        /** A column of metrics.csv; NaN in every month for a run that has no such column. */
        public static Series metric(String metric) {
            return new Series(metric, registry -> {
                int j = registry.metrics().stream().map(m -> m.name()).toList().indexOf(metric);
                return j < 0 ? row -> Double.NaN : row -> row[j];
            });
        }
    }
}
