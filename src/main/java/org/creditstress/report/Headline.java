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
 * rate at the horizon, the weakest lender's lowest capital ratio (while it stands), the number
 * of lenders that failed, and the supervisor's view: peak NPL ratio (five-tier), peak ECL
 * coverage, the weakest lender's lowest capital adequacy ratio (risk-weighted) and lowest forward
 * LCR, and all lenders' cumulative pre-tax profit in million yuan. Figures whose metrics a run does
 * not have are left out.
 */
public final class Headline {

    /** One headline figure across replications. */
    public record Figure(String name, String unit, double mean, double p5, double p50, double p95) {
    }

    private Headline() {
    }

    public static List<Figure> compute(MetricRegistry registry, List<ReplicationResult> reps) {
        Accumulator acc = new Accumulator(registry);
        reps.forEach(r -> acc.add(r.values()));
        return acc.figures();
    }

    /**
     * The headline figures of replications given one at a time: keeps five numbers per
     * replication, not its table, so that a streamed run can print them.
     */
    public static final class Accumulator {
        private static final int FIGURES = 10;
        private final int m3;
        private final int loss;
        private final int failed;
        private final int npl;
        private final int coverage;
        private final int profit;
        private final List<Integer> capital = new ArrayList<>();
        private final List<Integer> car = new ArrayList<>();
        private final List<Integer> lcr = new ArrayList<>();
        private double[][] perReplication = new double[FIGURES][16];
        private int n;

        public Accumulator(MetricRegistry registry) {
            List<Metric> metrics = registry.metrics();
            m3 = registry.index("m3plus_ratio");
            loss = registry.index("loss_rate_cumulative");
            failed = registry.index("lenders_failed");
            npl = registry.indexOrMissing("npl_ratio");
            coverage = registry.indexOrMissing("ecl_coverage");
            profit = registry.indexOrMissing("pre_tax_profit");
            for (int j = 0; j < metrics.size(); j++) {
                String name = metrics.get(j).name();
                if (name.startsWith("lender.") && name.endsWith(".capital_ratio")) {
                    capital.add(j);
                } else if (name.startsWith("lender.") && name.endsWith(".car")) {
                    car.add(j);
                } else if (name.startsWith("lender.") && name.endsWith(".lcr")) {
                    lcr.add(j);
                }
            }
        }

        /** The lowest value over months and the given columns (NaN months skipped). */
        private static double lowest(double[][] v, List<Integer> columns) {
            double low = Double.NaN;
            for (double[] row : v) {
                for (int j : columns) {
                    if (!Double.isNaN(row[j]) && (Double.isNaN(low) || row[j] < low)) {
                        low = row[j];
                    }
                }
            }
            return low;
        }

        private static double highest(double[][] v, int column) {
            double high = Double.NaN;
            if (column >= 0) {
                for (double[] row : v) {
                    if (!Double.isNaN(row[column]) && (Double.isNaN(high) || row[column] > high)) {
                        high = row[column];
                    }
                }
            }
            return high;
        }

        /** Adds one replication's table [month - 1][metric]. */
        public void add(double[][] v) {
            if (n == perReplication[0].length) {
                for (int k = 0; k < perReplication.length; k++) {
                    perReplication[k] = java.util.Arrays.copyOf(perReplication[k], 2 * n);
                }
            }
            double peak = Double.NaN;
            double peakMonth = 0;
            double weakest = Double.NaN;
            for (int t = 0; t < v.length; t++) {
                if (!Double.isNaN(v[t][m3]) && (Double.isNaN(peak) || v[t][m3] > peak)) {
                    peak = v[t][m3];
                    peakMonth = t + 1;
                }
                for (int j : capital) {
                    if (!Double.isNaN(v[t][j]) && (Double.isNaN(weakest) || v[t][j] < weakest)) {
                        weakest = v[t][j];
                    }
                }
            }
            perReplication[0][n] = peak;
            perReplication[1][n] = peakMonth;
            perReplication[2][n] = v[v.length - 1][loss];
            perReplication[3][n] = weakest;
            perReplication[4][n] = v[v.length - 1][failed];
            perReplication[5][n] = highest(v, npl);
            perReplication[6][n] = highest(v, coverage);
            perReplication[7][n] = lowest(v, car);
            perReplication[8][n] = lowest(v, lcr);
            double sum = 0;
            for (double[] row : v) {
                sum += profit >= 0 && !Double.isNaN(row[profit]) ? row[profit] : 0.0;
            }
            perReplication[9][n] = profit >= 0 ? sum / 1e6 : Double.NaN;
            n++;
        }

        public List<Figure> figures() {
            double[][] p = new double[FIGURES][];
            for (int k = 0; k < FIGURES; k++) {
                p[k] = java.util.Arrays.copyOf(perReplication[k], n);
            }
            List<Figure> out = new ArrayList<>(List.of(
                    figure("peak M3+ ratio", "%", p[0]),
                    figure("month of peak M3+", "month", p[1]),
                    figure("cumulative loss rate", "%", p[2]),
                    figure("weakest lender's lowest capital ratio", "%", p[3]),
                    figure("lenders failed by the last month", "count", p[4])));
            if (npl >= 0) {
                out.add(figure("peak NPL ratio (five-tier)", "%", p[5]));
            }
            if (coverage >= 0) {
                out.add(figure("peak ECL coverage", "%", p[6]));
            }
            if (!car.isEmpty()) {
                out.add(figure("weakest lender's lowest CAR", "%", p[7]));
            }
            if (!lcr.isEmpty()) {
                out.add(figure("weakest lender's lowest LCR", "%", p[8]));
            }
            if (profit >= 0) {
                out.add(figure("cumulative pre-tax profit (m yuan)", "m", p[9]));
            }
            return List.copyOf(out);
        }
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
