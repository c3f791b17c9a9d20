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
        assertOneLineError(calibrate("--param", p, "--target", "final(unemployment_rate)=0.1",
                "--target-series", "unemployment_rate=" + SERIES), "not both");
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
}
