package org.creditstress.cli;

import static org.creditstress.cli.ExperimentCommandRunner.assertOneLineError;
import static org.creditstress.cli.ExperimentCommandRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.creditstress.cli.ExperimentCommandRunner.Run;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
    private static final String FIXTURE = ReverseStressCommandTest.FIXTURE;
    /** 1 - 0.97^(t + 1) for months t = 1..5: the closed-form unemployment path of a 3 % monthly hazard. */
    private static final String SERIES = "src/test/resources/experiment/unemployment-3pct-hazard.csv";
    private static final String KEY = "economy.labour_market.job_loss_monthly";

    @TempDir
    Path tmp;

    private Run calibrate(String... more) {
        return run(new CalibrateCommand(), Stream.concat(Stream.of(FIXTURE, "--quiet"), Stream.of(more)).toArray(String[]::new));
    }

    @Test
    void fitsAHazardToItsClosedFormPathAndWritesTheCalibratedScenario() throws IOException {
        Path out = tmp.resolve("cal");
        Run r = calibrate("--param", KEY + "=0.001:0.2", "--target-series", "unemployment_rate=" + SERIES, "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Calibration: grid of 9 points, then Brent"), r.out());
        assertTrue(r.out().contains("calibrated scenario: " + out.resolve("calibrated.yaml")), r.out());
        for (String f : List.of("calibrated.yaml", "calibration.csv", "calibration.json", "manifest.json",
                "charts/fit_unemployment_rate.png", "charts/objective.png", "fitted-run/metrics.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        double fitted = ScenarioLoader.load(out.resolve("calibrated.yaml"), List.of())
                .scenario().economy().labourMarket().jobLossMonthly();
        // 20,000 borrowers, 2 replications: sampling noise of the path is about 0.001, i.e. 0.0002 in the hazard
        assertEquals(0.03, fitted, 0.001);
        JsonNode json = new ObjectMapper().readTree(out.resolve("calibration.json").toFile());
        assertEquals(fitted, json.get("parameters").get(0).get("fitted").asDouble(), 0);
        assertTrue(json.get("target_series").get(0).get("rmse").asDouble() < 0.002);
        List<String> evaluations = Files.readAllLines(out.resolve("calibration.csv"));
        assertEquals("evaluation," + KEY + ",objective,sse(unemployment_rate),best", evaluations.get(0));
        assertEquals(1, evaluations.stream().filter(l -> l.endsWith(",1")).count(), "one best row");
    }

    @Test
    void fitsValueTargetsAndDrawsThemAsBars() throws IOException {
        Path out = tmp.resolve("cal");
        double target = 1 - Math.pow(0.97, 6);
        Run r = calibrate("--param", KEY + "=0.001:0.2", "--target", "final(unemployment_rate)=" + target,
                "--max-evaluations", "20", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("charts/fit.png")));
        assertTrue(r.out().contains("final(unemployment_rate)"), r.out());
        double fitted = ScenarioLoader.load(out.resolve("calibrated.yaml"), List.of())
                .scenario().economy().labourMarket().jobLossMonthly();
        assertEquals(0.03, fitted, 0.002);
        assertTrue(Files.readAllLines(out.resolve("calibration.csv")).size() <= 21);
    }

    @Test
    void badInputsAreRefusedOnOneLine() throws IOException {
        String p = KEY + "=0.001:0.2";
        assertOneLineError(calibrate("--param", p), "--target EXPR=VALUE or --target-series");
        assertOneLineError(calibrate("--param", p, "--target-series", "unemployment_rate=" + SERIES + "@4:2"),
                "--target-series", "FROM <= TO");
        assertOneLineError(calibrate("--param", p, "--target-series", "unemployment_rate=" + SERIES + "@9:12"),
                "--target-series", "no month in the window 9:12");
        assertOneLineError(calibrate("--param", "mult:population.segments[*].job_loss_relatve=0.5:2",
                "--target-series", "unemployment_rate=" + SERIES), "--param", "unknown key 'population.segments[0].job_loss_relatve'");
        assertOneLineError(calibrate("--param", p, "--target", "final(unemployment_rate)"), "--target", "EXPR=VALUE");
        assertOneLineError(calibrate("--param", p, "--target", "final(unemploymentrate)=0.1"), "--target", "no column 'unemploymentrate'");
        assertOneLineError(calibrate("--param", p, "--target-series", "unemployment_rate=" + tmp.resolve("none.csv")),
                "--target-series", "none.csv: file not found");
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "month,value\n1,0.05\n2,x\n");
        assertOneLineError(calibrate("--param", p, "--target-series", "unemployment_rate=" + bad), "bad.csv:3:", "'x' is not a number");
        Path longer = tmp.resolve("long.csv");
        Files.writeString(longer, "month,value\n1,0.05\n9,0.1\n");
        assertOneLineError(calibrate("--param", p, "--target-series", "unemployment_rate=" + longer),
                "month 9 is beyond the scenario's horizon of 5 months");
        assertOneLineError(calibrate("--param", p, "--target-series", "unemployment=" + SERIES), "no column 'unemployment'");
        assertOneLineError(calibrate("--param", "lenders[0].write_off_months=3:12", "--target", "final(unemployment_rate)=0.1"),
                "holds integers");
        assertOneLineError(calibrate("--param", p, "--target", "final(unemployment_rate)=0.1", "--max-evaluations", "3"),
                "--max-evaluations must be between 5");
        assertOneLineError(calibrate("--param", "lenders[3].model_quality=0.1:0.9", "--target", "final(unemployment_rate)=0.1"),
                "lenders[3].model_quality", "out of range");
    }

    @Test
    void aMultiplierTiedOverEverySegmentIsRecoveredWithinItsInterval() throws IOException {
        // the "observed" path: the model itself with every segment's job-loss hazard times 1.5, same seed
        var run = org.creditstress.run.Experiment.run(ScenarioLoader.load(Path.of(FIXTURE),
                List.of("population.segments[0].job_loss_relative=1.5")), 1, org.creditstress.run.ProgressListener.NONE);
        int col = run.registry().index("unemployment_rate");
        StringBuilder sb = new StringBuilder("month,value\n");
        int months = run.replications().get(0).values().length;
        for (int m = 0; m < months; m++) {
            double s = 0;
            for (var rep : run.replications()) {
                s += rep.values()[m][col];
            }
            sb.append(m + 1).append(',').append(s / run.replications().size()).append('\n');
        }
        Path observed = tmp.resolve("observed.csv");
        Files.writeString(observed, sb.toString());
        Path out = tmp.resolve("tied");
        Run r = calibrate("--param", "mult:population.segments[*].job_loss_relative=0.5:3", "--target-series",
                "unemployment_rate=" + observed, "--interval", "--max-evaluations", "14", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode p = new ObjectMapper().readTree(out.resolve("calibration.json").toFile()).get("parameters").get(0);
        double fitted = p.get("fitted").asDouble();
        double lo = p.get("interval_low").asDouble();
        double hi = p.get("interval_high").asDouble();
        assertTrue(lo <= 1.5 && 1.5 <= hi, "1.5 within [" + lo + ", " + hi + "], fitted " + fitted);
        assertTrue(hi - lo < 0.5, "a useful interval: [" + lo + ", " + hi + "]");
        assertEquals(1.5, fitted, 0.05);
        assertEquals(fitted, ScenarioLoader.load(out.resolve("calibrated.yaml"), List.of())
                .scenario().population().segments().get(0).jobLossRelative(), 1e-9);
        assertTrue(r.out().contains("95 % interval"), r.out());
    }

    @Test
    void aWindowRestrictsTheSeriesError() throws IOException {
        var full = org.creditstress.experiment.calibration.TargetSeries.read("unemployment_rate", Path.of(SERIES));
        var window = full.window(2, 3);
        assertEquals(2, window.months().length);
        double[] path = {0, 0, 0, 0, 0, 0};
        assertTrue(window.squaredError(path) < full.squaredError(path));
        assertEquals(Math.pow(full.values()[1], 2) + Math.pow(full.values()[2], 2), window.squaredError(path), 1e-15);
        Run r = calibrate("--param", KEY + "=0.001:0.2", "--target-series", "unemployment_rate=" + SERIES + "@2:3",
                "--target", "final(unemployment_rate)=" + (1 - Math.pow(0.97, 6)), "--max-evaluations", "12",
                "--out", tmp.resolve("w").toString());
        assertEquals(0, r.exitCode(), r.err());
    }
}
