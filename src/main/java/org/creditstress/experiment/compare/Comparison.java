package org.creditstress.experiment.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.creditstress.run.KeptRun;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.Quantiles;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.run.store.CsvNumbers;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.Scenario;

/**
 * The numbers of a comparison: for every scenario and headline expression, the expression's mean
 * and 5/50/95th percentiles across replications, and for every scenario against the first (the
 * reference) the paired difference: {@code x_scenario[k] - x_reference[k]} for each replication
 * {@code k}, summarised the same way. On common random numbers the paired difference removes the
 * noise the scenarios share, so its band is much narrower than the difference of the two bands.
 */
public final class Comparison {
    /** Header of {@code comparison.csv}. */
    public static final String HEADER = "scenario,expression,replications,mean,p5,p50,p95,"
            + "diff_mean,diff_p5,diff_p50,diff_p95,diff_share_positive";

    private Comparison() {
    }

    /** One scenario of a comparison with what was kept of its finished run (at least the expressions compared). */
    public record Run(String label, KeptRun result) {
    }

    /**
     * One line of the comparison. The {@code diff...} fields are the paired difference against the
     * reference (NaN for the reference itself); {@code diffSharePositive} is the share of
     * replications in which the scenario's value exceeds the reference's.
     */
    public record Row(String scenario, String expression, int replications, double mean, double p5, double p50,
                      double p95, double diffMean, double diffP5, double diffP50, double diffP95,
                      double diffSharePositive, boolean percent, boolean reference) {
    }

    /**
     * The default headline expressions: peak M3+, peak M1+, final cumulative loss rate and the
     * lowest capital ratio of each lender (lenders of all scenarios, in order of first appearance).
     */
    public static List<MetricExpression> defaultExpressions(List<Scenario> scenarios) {
        List<String> texts = new ArrayList<>(List.of("peak(m3plus_ratio)", "peak(m1plus_ratio)", "final(loss_rate_cumulative)"));
        Set<String> lenders = new LinkedHashSet<>();
        scenarios.forEach(s -> s.lenders().stream().map(LenderSpec::name).forEach(lenders::add));
        lenders.forEach(l -> texts.add("min(lender." + l + ".capital_ratio)"));
        return texts.stream().map(MetricExpression::parse).toList();
    }

    /** The expression per replication, or all NaN when the run has no such column. */
    static double[] values(MetricExpression e, KeptRun run) {
        try {
            return run.values(e);
        } catch (IllegalArgumentException missing) {
            double[] nan = new double[run.replications()];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
    }

    /** The paired differences {@code x[k] - ref[k]} (NaN where either is undefined). */
    public static double[] pairedDifferences(double[] x, double[] ref) {
        int n = Math.min(x.length, ref.length);
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = x[k] - ref[k];
        }
        return d;
    }

    /** The rows, grouped by expression, scenarios in the order given (the first is the reference). */
    public static List<Row> compute(List<Run> runs, List<MetricExpression> expressions) {
        List<Row> rows = new ArrayList<>();
        for (MetricExpression e : expressions) {
            double[] ref = values(e, runs.get(0).result());
            boolean percent = runs.get(0).result().registry().inPercent(e.metric());
            for (int i = 0; i < runs.size(); i++) {
                double[] x = i == 0 ? ref : values(e, runs.get(i).result());
                double dm = Double.NaN;
                double d5 = Double.NaN;
                double d50 = Double.NaN;
                double d95 = Double.NaN;
                double pos = Double.NaN;
                if (i > 0) {
                    double[] d = pairedDifferences(x, ref);
                    dm = Quantiles.mean(d);
                    d5 = Quantiles.percentile(d, 5);
                    d50 = Quantiles.percentile(d, 50);
                    d95 = Quantiles.percentile(d, 95);
                    double[] defined = Quantiles.defined(d);
                    pos = defined.length == 0 ? Double.NaN
                            : java.util.Arrays.stream(defined).filter(v -> v > 0).count() / (double) defined.length;
                }
                rows.add(new Row(runs.get(i).label(), e.text(), x.length, Quantiles.mean(x), Quantiles.percentile(x, 5),
                        Quantiles.percentile(x, 50), Quantiles.percentile(x, 95), dm, d5, d50, d95, pos, percent, i == 0));
            }
        }
        return rows;
    }

    /** Writes {@code comparison.csv} (empty cells for undefined values and the reference's differences). */
    public static void writeCsv(List<Row> rows, Path file) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write(HEADER);
            w.write('\n');
            for (Row r : rows) {
                w.write(String.join(",", csv(r.scenario()), csv(r.expression()), Integer.toString(r.replications()),
                        CsvNumbers.format(r.mean()), CsvNumbers.format(r.p5()), CsvNumbers.format(r.p50()),
                        CsvNumbers.format(r.p95()), CsvNumbers.format(r.diffMean()), CsvNumbers.format(r.diffP5()),
                        CsvNumbers.format(r.diffP50()), CsvNumbers.format(r.diffP95()),
                        CsvNumbers.format(r.diffSharePositive())));
                w.write('\n');
            }
        });
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
