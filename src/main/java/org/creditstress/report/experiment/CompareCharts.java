package org.creditstress.report.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.creditstress.experiment.compare.Comparison;
import org.creditstress.metric.Metric;
import org.creditstress.report.chart.ChartFiles;
import org.creditstress.report.html.ChartKit;
import org.creditstress.run.Quantiles;
import org.creditstress.run.RunResult;
import org.knowm.xchart.XYChart;

/**
 * The charts of a comparison, in {@code charts/}: overlaid fan charts (one 5-95 % band and median
 * per scenario) of M1+, M3+ and the weakest lender's capital ratio by month, and the paired
 * difference of M3+ against the reference by month.
 */
public final class CompareCharts {
    public static final String M1PLUS = "compare_m1plus.png";
    public static final String M3PLUS = "compare_m3plus.png";
    public static final String WEAKEST_CAPITAL = "compare_weakest_capital_ratio.png";
    public static final String M3PLUS_DIFFERENCE = "compare_m3plus_difference.png";
    /** The chart files in the order the report shows them. */
    public static final List<String> FILES = List.of(M3PLUS, M1PLUS, WEAKEST_CAPITAL, M3PLUS_DIFFERENCE);

    private final ChartKit kit = new ChartKit();

    /** Writes the charts into {@code chartsDir}; returns the files written. */
    public List<Path> writeAll(List<Comparison.Run> runs, Path chartsDir) throws IOException {
        List<Path> written = new ArrayList<>();
        int reps = runs.get(0).result().replications().size();
        String ref = runs.get(0).label();
        write(kit.fans("M3+ ratio by scenario", "M3+ balance (% of receivables)",
                bands(runs, column("m3plus_ratio")), reps, 100), chartsDir.resolve(M3PLUS), written);
        write(kit.fans("M1+ ratio by scenario", "M1+ balance (% of receivables)",
                bands(runs, column("m1plus_ratio")), reps, 100), chartsDir.resolve(M1PLUS), written);
        write(kit.fans("Weakest lender's capital ratio by scenario", "Lowest capital ratio across lenders (%)",
                bands(runs, CompareCharts::weakestCapital), reps, 100), chartsDir.resolve(WEAKEST_CAPITAL), written);
        if (runs.size() > 1) {
            write(kit.fans("M3+ ratio: paired difference against " + ref, "Scenario minus " + ref + " (percentage points)",
                    differenceBands(runs, "m3plus_ratio"), reps, 100), chartsDir.resolve(M3PLUS_DIFFERENCE), written);
        }
        return written;
    }

    private static void write(XYChart chart, Path file, List<Path> written) throws IOException {
        ChartFiles.writePng(chart, file);
        written.add(file);
    }

    /** A per-month value of a replication's table [month][metric], given the run. */
    private interface MonthValue extends ToDoubleBiFunction<RunResult, double[]> {
    }

    private static MonthValue column(String metric) {
        return (run, row) -> {
            int j = index(run, metric);
            return j < 0 ? Double.NaN : row[j];
        };
    }

    private static int index(RunResult run, String metric) {
        List<Metric> m = run.registry().metrics();
        for (int j = 0; j < m.size(); j++) {
            if (m.get(j).name().equals(metric)) {
                return j;
            }
        }
        return -1;
    }

    /** The lowest capital ratio across lenders in a month (undefined ratios left out). */
    static double weakestCapital(RunResult run, double[] row) {
        double min = Double.NaN;
        List<Metric> m = run.registry().metrics();
        for (int j = 0; j < m.size(); j++) {
            String n = m.get(j).name();
            if (n.startsWith("lender.") && n.endsWith(".capital_ratio") && !Double.isNaN(row[j])
                    && (Double.isNaN(min) || row[j] < min)) {
                min = row[j];
            }
        }
        return min;
    }

    private static List<ChartKit.Band> bands(List<Comparison.Run> runs, MonthValue value) {
        List<ChartKit.Band> out = new ArrayList<>();
        for (Comparison.Run r : runs) {
            RunResult run = r.result();
            int months = run.replications().isEmpty() ? 0 : run.replications().get(0).values().length;
            double[][] byMonth = new double[months][run.replications().size()];
            for (int k = 0; k < run.replications().size(); k++) {
                double[][] v = run.replications().get(k).values();
                for (int t = 0; t < months; t++) {
                    byMonth[t][k] = value.applyAsDouble(run, v[t]);
                }
            }
            out.add(band(r.label(), byMonth));
        }
        return out;
    }

    private static List<ChartKit.Band> differenceBands(List<Comparison.Run> runs, String metric) {
        RunResult ref = runs.get(0).result();
        int jr = index(ref, metric);
        List<ChartKit.Band> out = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            RunResult run = runs.get(i).result();
            int j = index(run, metric);
            int reps = Math.min(ref.replications().size(), run.replications().size());
            int months = reps == 0 ? 0 : Math.min(ref.replications().get(0).values().length,
                    run.replications().get(0).values().length);
            double[][] byMonth = new double[months][reps];
            for (int k = 0; k < reps; k++) {
                double[][] a = run.replications().get(k).values();
                double[][] b = ref.replications().get(k).values();
                for (int t = 0; t < months; t++) {
                    byMonth[t][k] = j < 0 || jr < 0 ? Double.NaN : a[t][j] - b[t][jr];
                }
            }
            out.add(band(runs.get(i).label() + " \u2212 " + runs.get(0).label(), byMonth));
        }
        return out;
    }

    private static ChartKit.Band band(String label, double[][] byMonth) {
        int n = byMonth.length;
        int[] months = new int[n];
        double[] p5 = new double[n];
        double[] p50 = new double[n];
        double[] p95 = new double[n];
        for (int t = 0; t < n; t++) {
            months[t] = t + 1;
            p5[t] = Quantiles.percentile(byMonth[t], 5);
            p50[t] = Quantiles.percentile(byMonth[t], 50);
            p95[t] = Quantiles.percentile(byMonth[t], 95);
        }
        return new ChartKit.Band(label, months, p5, p50, p95);
    }
}
