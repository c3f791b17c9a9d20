package org.creditstress.cli;

import static org.creditstress.cli.ExperimentCommandRunner.assertOneLineError;
import static org.creditstress.cli.ExperimentCommandRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.creditstress.cli.ExperimentCommandRunner.Run;
import org.creditstress.run.Experiment;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.Quantiles;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest of a scenario against its own output: the observed file is the model's mean path
 * (same seed), so the RMSE is zero and the peak is found at the same height and period.
 */
class BacktestCommandTest {
    private static final String SCENARIO = "scenarios/baseline.yaml";
    private static final List<String> SMALL = List.of("--set", "population.size=3000", "--set", "horizon.months=12",
            "--set", "horizon.burn_in_months=12", "--replications", "3", "--seed", "11");
    private static final String METRIC = "m1plus_ratio";

    @TempDir
    static Path tmp;
    private static double[][] perReplication;  // [replication][month - 1]
    private static double[] unemployment;       // [month - 1]

    @BeforeAll
    static void runTheScenario() {
        List<String> overrides = List.of("population.size=3000", "horizon.months=12", "horizon.burn_in_months=12",
                "replications=3", "seed=11");
        RunResult r = Experiment.run(ScenarioLoader.load(Path.of(SCENARIO), overrides), 1, ProgressListener.NONE);
        int col = r.registry().index(METRIC);
        int u = r.registry().index("unemployment_target");
        perReplication = r.replications().stream()
                .map(rep -> Arrays.stream(rep.values()).mapToDouble(row -> row[col]).toArray()).toArray(double[][]::new);
        unemployment = Arrays.stream(r.replications().get(0).values()).mapToDouble(row -> row[u]).toArray();
    }

    private Run backtest(String... more) {
        List<String> a = new ArrayList<>(List.of(SCENARIO, "--quiet", "--threads", "1"));
        a.addAll(SMALL);
        a.addAll(List.of(more));
        return run(new BacktestCommand(), a.toArray(String[]::new));
    }

    /** The model's mean over replications of the per-replication mean over each group of {@code k} months. */
    private static double[] aggregated(int k) {
        double[] out = new double[perReplication[0].length / k];
        for (int p = 0; p < out.length; p++) {
            double[] across = new double[perReplication.length];
            for (int r = 0; r < across.length; r++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += perReplication[r][p * k + j];
                }
                across[r] = s / k;
            }
            out[p] = Quantiles.mean(across);
        }
        return out;
    }

    private static Path observed(String name, int k, String percentOrShare) throws IOException {
        double[] v = aggregated(k);
        StringBuilder sb = new StringBuilder("# the model's own path\n" + (k == 3 ? "quarter" : "month") + ",m1_pct,unemployment_pct\n");
        for (int p = 0; p < v.length; p++) {
            String date = k == 3 ? (2020 + p / 4) + "Q" + (p % 4 + 1) : String.format(Locale.ROOT, "2020-%02d", p + 1);
            double value = percentOrShare.equals("percent") ? v[p] * 100 : v[p];
            sb.append(date).append(',').append(value).append(',').append(unemployment[p * k] * 100).append('\n');
        }
        Path f = tmp.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    private static List<String> summary(Path out) throws IOException {
        return Files.readAllLines(out.resolve("backtest-summary.csv"));
    }

    @Test
    void theModelAgainstItsOwnMonthlyPathHasZeroErrorAndTheExactPeak() throws IOException {
        Path file = observed("own-monthly.csv", 1, "share");
        Path out = tmp.resolve("monthly");
        Run r = backtest("--observed", file.toString(), "--map", METRIC + "=m1_pct", "--start", "2020-01",
                "--fit-window", "2020-01:2020-06", "--test-window", "2020-07:2020-12", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> s = summary(out);
        assertEquals("metric,column,window,from,to,periods,rmse,observed_peak,observed_peak_period,model_peak,model_peak_period,"
                + "peak_timing_periods,change_correlation,observed_elasticity,model_elasticity", s.get(0));
        for (String line : s.subList(1, s.size())) {
            String[] c = line.split(",", -1);
            assertEquals("0", c[6], "RMSE: " + line);
            assertEquals(c[7], c[9], "peak height: " + line);
            assertEquals(c[8], c[10], "peak period: " + line);
            assertEquals("0", c[11], line);
            // A correlation of a series with itself is 1 up to rounding in the sums (0.9999999999999999 on some paths).
            assertEquals(1.0, Double.parseDouble(c[12]), 1e-12, "changes perfectly correlated: " + line);
        }
        double[] v = aggregated(1);
        int peak = 6;
        for (int m = 6; m < 12; m++) {
            peak = v[m] > v[peak] ? m : peak;
        }
        String test = s.get(2);
        assertTrue(test.startsWith(METRIC + ",m1_pct,test,2020-07,2020-12,6,0,"), test);
        assertEquals(String.format(Locale.ROOT, "2020-%02d", peak + 1), test.split(",")[8]);
        assertEquals(v[peak], Double.parseDouble(test.split(",")[7]), 0);
        for (String f : List.of("backtest.csv", "report.html", "manifest.json", "run/metrics.csv",
                "charts/backtest_m1plus_ratio.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(r.out().contains("Backtest (model month 1 = 2020-01"), r.out());
    }

    @Test
    void quarterlyPercentObservationsAreComparedWithQuarterlyMeansOfTheMonths() throws IOException {
        Path file = observed("own-quarterly.csv", 3, "percent");
        Path out = tmp.resolve("quarterly");
        Run r = backtest("--observed", file.toString(), "--map", METRIC + "=m1_pct:percent", "--start", "2020Q1",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String test = summary(out).get(1);
        String[] c = test.split(",", -1);
        assertEquals("test", c[2]);
        assertEquals("4", c[5], test);
        assertTrue(Double.parseDouble(c[6]) < 1e-15, "RMSE " + c[6]);
        assertEquals(c[8], c[10], test);
        // the elasticities of the model and of its own path (observed unemployment = the scenario's path) are close
        if (!c[13].isEmpty() && !c[14].isEmpty()) {
            assertTrue(Double.isFinite(Double.parseDouble(c[13])), test);
        }
        List<String> rows = Files.readAllLines(out.resolve("backtest.csv"));
        assertEquals(5, rows.size());
        assertTrue(rows.get(1).startsWith(METRIC + ",m1_pct,2020Q1,1,test,"), rows.get(1));
        assertTrue(rows.get(2).startsWith(METRIC + ",m1_pct,2020Q2,4,test,"), rows.get(2));
    }

    @Test
    void aPeriodBeyondTheHorizonIsLeftOutWithANote() throws IOException {
        Path file = observed("own-late.csv", 1, "share");
        Run r = backtest("--observed", file.toString(), "--map", METRIC + "=m1_pct", "--start", "2020-03",
                "--out", tmp.resolve("late").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("note: 2 of 12 observed periods fall outside model months 1-12"), r.out());
    }

    @Test
    void badInputsAreRefusedOnOneLine() throws IOException {
        Path good = observed("good.csv", 1, "share");
        String g = good.toString();
        assertOneLineError(backtest("--observed", g, "--map", "m1plus_ratio"), "--map 'm1plus_ratio'", "METRIC=COLUMN");
        assertOneLineError(backtest("--observed", g, "--map", "m1plus_ratio=nope"), "--map", "no column 'nope'", "good.csv",
                "m1_pct, unemployment_pct");
        assertOneLineError(backtest("--observed", g, "--map", "m1plus_ratio=m1_pct:percentage"), "--map", "unknown option 'percentage'");
        assertOneLineError(backtest("--observed", g, "--map", "m1plusratio=m1_pct"), "--map", "no column 'm1plusratio' in metrics.csv");
        assertOneLineError(backtest("--observed", g, "--map", "m1plus_ratio=m1_pct", "--test-window", "2020Q1:2020Q2"),
                "--test-window", "monthly");
        assertOneLineError(backtest("--observed", g, "--map", "m1plus_ratio=m1_pct", "--start", "March"),
                "--start", "'March' is not a date");
        assertOneLineError(backtest("--observed", tmp.resolve("none.csv").toString(), "--map", "m1plus_ratio=m1_pct"),
                "none.csv: file not found");
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "month,m1_pct\n2020-01,0.01\n2020-02,abc\n");
        assertOneLineError(backtest("--observed", bad.toString(), "--map", "m1plus_ratio=m1_pct"),
                "bad.csv: row 3, column 'm1_pct': 'abc' is not a number");
        Files.writeString(bad, "month,m1_pct\n2020-01,0.01\n2020Q2,0.02\n");
        assertOneLineError(backtest("--observed", bad.toString(), "--map", "m1plus_ratio=m1_pct"),
                "bad.csv: row 3, column 'month'", "quarterly");
        Files.writeString(bad, "month,m1_pct\n2020-02,0.01\n2020-01,0.02\n");
        assertOneLineError(backtest("--observed", bad.toString(), "--map", "m1plus_ratio=m1_pct"),
                "bad.csv: row 3, column 'month'", "ascending");
        Files.writeString(bad, "month,m1_pct\n2020-01,0.01,3\n");
        assertOneLineError(backtest("--observed", bad.toString(), "--map", "m1plus_ratio=m1_pct"), "bad.csv: row 2", "3 cells");
        assertOneLineError(backtest("--observed", g, "--map", "m1plus_ratio=m1_pct", "--start", "2030-01"),
                "no observed period falls within model months 1-12");
    }
}
