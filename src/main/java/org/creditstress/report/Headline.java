package org.creditstress.report;

import java.util.ArrayList;
import java.util.List;
import org.creditstress.metric.Metric;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.run.Quantiles;
import org.creditstress.run.ReplicationResult;

/**
 * The headline numbers of a run, each computed per replication and then summarised across
 * replications (mean and 5-95 % band): peak M3+ ratio and the month it occurs, cumulative loss
 * rate at the horizon, the weakest lender's lowest capital ratio (while it stands), and the number
 * of lenders that failed.
 */
public final class Headline {

    /** One headline figure across replications. */
    public record Figure(String name, String unit, double mean, double p5, double p50, double p95) {
    }

    private Headline() {
    }

    public static List<Figure> compute(MetricRegistry registry, List<ReplicationResult> reps) {
        List<Metric> metrics = registry.metrics();
        int m3 = registry.index("m3plus_ratio");
        int loss = registry.index("loss_rate_cumulative");
        int failed = registry.index("lenders_failed");
        List<Integer> capital = new ArrayList<>();
        for (int j = 0; j < metrics.size(); j++) {
            if (metrics.get(j).name().startsWith("lender.") && metrics.get(j).name().endsWith(".capital_ratio")) {
                capital.add(j);
            }
        }
        int n = reps.size();
        double[] peak = new double[n];
        double[] peakMonth = new double[n];
        double[] finalLoss = new double[n];
        double[] weakest = new double[n];
        double[] failures = new double[n];
        for (int r = 0; r < n; r++) {
            double[][] v = reps.get(r).values();
            peak[r] = Double.NaN;
            weakest[r] = Double.NaN;
            for (int t = 0; t < v.length; t++) {
                if (!Double.isNaN(v[t][m3]) && (Double.isNaN(peak[r]) || v[t][m3] > peak[r])) {
                    peak[r] = v[t][m3];
                    peakMonth[r] = t + 1;
                }
                for (int j : capital) {
                    if (!Double.isNaN(v[t][j]) && (Double.isNaN(weakest[r]) || v[t][j] < weakest[r])) {
                        weakest[r] = v[t][j];
                    }
                }
            }
            finalLoss[r] = v[v.length - 1][loss];
            failures[r] = v[v.length - 1][failed];
        }
        return List.of(
                figure("peak M3+ ratio", "%", peak),
                figure("month of peak M3+", "month", peakMonth),
                figure("cumulative loss rate", "%", finalLoss),
                figure("weakest lender's lowest capital ratio", "%", weakest),
                figure("lenders failed by the last month", "count", failures));
    }

    private static Figure figure(String name, String unit, double[] values) {
        return new Figure(name, unit, Quantiles.mean(values), Quantiles.percentile(values, 5),
                Quantiles.percentile(values, 50), Quantiles.percentile(values, 95));
    }

    /** A plain-text table of the figures. */
    public static String table(List<Figure> figures) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%-40s %10s %10s %10s%n", "headline", "mean", "p5", "p95"));
        for (Figure f : figures) {
            boolean pct = f.unit().equals("%");
            sb.append(String.format(java.util.Locale.ROOT, "%-40s %10s %10s %10s%n", f.name(),
                    fmt(f.mean(), pct), fmt(f.p5(), pct), fmt(f.p95(), pct)));
        }
        return sb.toString();
    }

    private static String fmt(double x, boolean pct) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        return pct ? String.format(java.util.Locale.ROOT, "%.2f %%", 100 * x) : String.format(java.util.Locale.ROOT, "%.1f", x);
    }
}
