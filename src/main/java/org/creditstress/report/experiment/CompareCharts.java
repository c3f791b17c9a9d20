package org.creditstress.report.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.creditstress.experiment.compare.Comparison;
import org.creditstress.metric.Metric;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.report.chart.ChartFiles;
import org.creditstress.report.html.ChartKit;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;
import org.creditstress.run.Quantiles;
import org.knowm.xchart.XYChart;

/**
 * The charts of a comparison, in {@code charts/}: overlaid fan charts (one 5-95 % band and median
 * per scenario) of M1+, M3+ and the weakest lender's capital ratio by month, and the paired
 * difference of M3+ against the reference by month.
 *
 * <p>Fed each scenario's run as it finishes ({@link #add}, the reference first): its bands are
 * computed at once from the paths it kept ({@link #SERIES}) and the paths are freed, but for the
 * reference's M3+ paths, which every later scenario's paired difference needs. So memory holds
 * the bands, the reference's M3+ paths and one scenario's paths at a time, whatever the number of
 * scenarios.
 */
public final class CompareCharts {
    public static final String M1PLUS = "compare_m1plus.png";
    public static final String M3PLUS = "compare_m3plus.png";
    public static final String WEAKEST_CAPITAL = "compare_weakest_capital_ratio.png";
    public static final String M3PLUS_DIFFERENCE = "compare_m3plus_difference.png";
    /** The chart files in the order the report shows them. */
    public static final List<String> FILES = List.of(M3PLUS, M1PLUS, WEAKEST_CAPITAL, M3PLUS_DIFFERENCE);

    private static final String M3 = "m3plus_ratio";
    private static final String M1 = "m1plus_ratio";
    private static final String WEAKEST = "weakest_lender_capital_ratio";

    /** The monthly paths the charts need of each replication of each scenario. */
    public static final List<Keep.Series> SERIES = List.of(Keep.Series.metric(M3), Keep.Series.metric(M1),
            new Keep.Series(WEAKEST, CompareCharts::weakestCapital));

    private final ChartKit kit = new ChartKit();
    private final List<ChartKit.Band> m3 = new ArrayList<>();
    private final List<ChartKit.Band> m1 = new ArrayList<>();
    private final List<ChartKit.Band> weakest = new ArrayList<>();
    private final List<ChartKit.Band> differences = new ArrayList<>();
    private Comparison.Run reference;

    /** Takes one scenario's finished run (the reference first), which kept {@link #SERIES}; frees its paths. */
    public void add(Comparison.Run run) {
        m3.add(band(run.label(), run.result(), M3));
        m1.add(band(run.label(), run.result(), M1));
        weakest.add(band(run.label(), run.result(), WEAKEST));
        if (reference == null) {
            reference = run;
        } else {
            differences.add(differenceBand(reference, run));
            run.result().release(M3);
        }
        run.result().release(M1);
        run.result().release(WEAKEST);
    }

    /** Writes the charts of the runs added into {@code chartsDir}; returns the files written. */
    public List<Path> writeAll(Path chartsDir) throws IOException {
        List<Path> written = new ArrayList<>();
        int reps = reference.result().replications();
        String ref = reference.label();
        write(kit.fans("M3+ ratio by scenario", "M3+ balance (% of receivables)", m3, reps, 100),
                chartsDir.resolve(M3PLUS), written);
        write(kit.fans("M1+ ratio by scenario", "M1+ balance (% of receivables)", m1, reps, 100),
                chartsDir.resolve(M1PLUS), written);
        write(kit.fans("Weakest lender's capital ratio by scenario", "Lowest capital ratio across lenders (%)", weakest, reps, 100),
                chartsDir.resolve(WEAKEST_CAPITAL), written);
        if (!differences.isEmpty()) {
            write(kit.fans("M3+ ratio: paired difference against " + ref, "Scenario minus " + ref + " (percentage points)",
                    differences, reps, 100), chartsDir.resolve(M3PLUS_DIFFERENCE), written);
        }
        return written;
    }

    private static void write(XYChart chart, Path file, List<Path> written) throws IOException {
        ChartFiles.writePng(chart, file);
        written.add(file);
    }

    /** How a month's row of metrics gives the lowest capital ratio across lenders (undefined ratios left out). */
    static ToDoubleFunction<double[]> weakestCapital(MetricRegistry registry) {
        List<Metric> m = registry.metrics();
        int[] columns = java.util.stream.IntStream.range(0, m.size())
                .filter(j -> m.get(j).name().startsWith("lender.") && m.get(j).name().endsWith(".capital_ratio")).toArray();
        return row -> {
            double min = Double.NaN;
            for (int j : columns) {
                if (!Double.isNaN(row[j]) && (Double.isNaN(min) || row[j] < min)) {
                    min = row[j];
                }
            }
            return min;
        };
    }

    private static ChartKit.Band band(String label, KeptRun run, String series) {
        int months = run.replications() == 0 ? 0 : run.months();
        double[][] byMonth = new double[months][];
        for (int t = 0; t < months; t++) {
            byMonth[t] = run.acrossReplications(series, t);
        }
        return band(label, byMonth);
    }

    private static ChartKit.Band differenceBand(Comparison.Run reference, Comparison.Run scenario) {
        KeptRun ref = reference.result();
        KeptRun run = scenario.result();
        int reps = Math.min(ref.replications(), run.replications());
        int months = reps == 0 ? 0 : Math.min(ref.months(), run.months());
        double[][] byMonth = new double[months][reps];
        for (int t = 0; t < months; t++) {
            double[] a = run.acrossReplications(M3, t);
            double[] b = ref.acrossReplications(M3, t);
            for (int k = 0; k < reps; k++) {
                byMonth[t][k] = a[k] - b[k];
            }
        }
        return band(scenario.label() + " \u2212 " + reference.label(), byMonth);
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
