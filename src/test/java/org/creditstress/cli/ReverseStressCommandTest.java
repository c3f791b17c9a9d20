package org.creditstress.cli;

import static org.creditstress.cli.ExperimentCommandRunner.assertOneLineError;
import static org.creditstress.cli.ExperimentCommandRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class ReverseStressCommandTest {
    static final String FIXTURE = "src/test/resources/experiment/fixed-hazards.yaml";
    private static final String KEY = "economy.labour_market.job_loss_monthly";

    @TempDir
    Path tmp;

    private Run reverse(String... more) {
        return run(new ReverseStressCommand(), Stream.concat(Stream.of(FIXTURE, "--quiet"), Stream.of(more)).toArray(String[]::new));
    }

    @Test
    void writesTheThresholdThePointsTheChartsAndTheScenarioAtTheThreshold() throws IOException {
        Path out = tmp.resolve("rs");
        Run r = reverse("--vary", KEY, "--range", "0:0.2", "--until", "peak(unemployment_rate)>0.3", "--tolerance", "0.001",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("threshold: " + KEY + " = "), r.out());
        assertTrue(r.out().contains("results: " + out), r.out());
        for (String f : List.of("reverse-stress.csv", "reverse-stress.json", "points.csv", "manifest.json",
                "scenario.resolved.yaml", "charts/share_vs_value.png", "charts/metric_vs_value.png",
                "threshold-run/metrics.csv", "threshold-run/summary.csv", "threshold-run/manifest.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        List<String> summary = Files.readAllLines(out.resolve("reverse-stress.csv"));
        assertEquals(2, summary.size());
        assertTrue(summary.get(0).startsWith("scenario,key,low,high,condition,probability,replications,status,threshold,"));
        JsonNode json = new ObjectMapper().readTree(out.resolve("reverse-stress.json").toFile());
        assertEquals("found", json.get("status").asText());
        double threshold = json.get("threshold").asDouble();
        assertEquals(1 - Math.pow(0.7, 1.0 / 6), threshold, 0.002);
        assertTrue(json.get("bracket_high").asDouble() - json.get("bracket_low").asDouble() <= 0.001);
        assertTrue(json.get("share_ci_low").asDouble() < json.get("share_at_threshold").asDouble());
        // points.csv: one row per evaluation, the statistic of each replication
        List<String> points = Files.readAllLines(out.resolve("points.csv"));
        assertEquals("evaluation,value,share,holding,replications,defined,holds,share_ci_low,share_ci_high,replication_0,replication_1",
                points.get(0));
        assertEquals(json.get("evaluations").asInt() + 1, points.size());
        // the resolved scenario at the threshold loads and has the threshold value
        double loaded = ScenarioLoader.load(out.resolve("scenario.resolved.yaml"), List.of())
                .scenario().economy().labourMarket().jobLossMonthly();
        assertEquals(threshold, loaded, 0);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("reverse-stress", manifest.get("command").asText());
        assertEquals(json.get("evaluations").asInt(), manifest.get("evaluations").asInt());
        assertTrue(manifest.get("files").toString().contains("points.csv"));
    }

    @Test
    void aRangeThatDoesNotBracketTheThresholdIsAResultNotAnError() throws IOException {
        Path out = tmp.resolve("rs");
        Run r = reverse("--vary", KEY, "--range", "0.1:0.2", "--until", "peak(unemployment_rate)>0.3", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("no threshold in the range") && r.out().contains("already holds"), r.out());
        assertTrue(Files.readAllLines(out.resolve("reverse-stress.csv")).get(1).contains(",holds_at_low,"));
        assertFalse(Files.exists(out.resolve("scenario.resolved.yaml")));
    }

    @Test
    void anUnknownKeyIsRefusedWithTheNearestValidKey() {
        Run r = reverse("--vary", "economy.labour_market.job_loss_monthy", "--range", "0:0.2", "--until", "peak(unemployment_rate)>0.3");
        assertOneLineError(r, "--vary economy.labour_market.job_loss_monthy", "unknown key", "did you mean 'job_loss_monthly'");
    }

    @Test
    void badRangesAreRefusedOnOneLine() {
        assertOneLineError(reverse("--vary", KEY, "--range", "0.2:0.1", "--until", "peak(unemployment_rate)>0.3"),
                "--range 0.2:0.1", "low end must be below its high end");
        assertOneLineError(reverse("--vary", KEY, "--range", "0.1", "--until", "peak(unemployment_rate)>0.3"),
                "--range 0.1", "LO:HI");
        assertOneLineError(reverse("--vary", KEY, "--range", "0:1.5", "--until", "peak(unemployment_rate)>0.3"),
                KEY, "must be in [0, 1]", "at 1.5");
        assertOneLineError(reverse("--vary", "economy.labour_market.mode", "--range", "0:1", "--until", "peak(unemployment_rate)>0.3"),
                "only number and integer keys");
    }

    @Test
    void badConditionsAreRefusedOnOneLine() {
        assertOneLineError(reverse("--vary", KEY, "--range", "0:0.2", "--until", "peak(unemployment_rate)"),
                "--until", "EXPR OP VALUE");
        assertOneLineError(reverse("--vary", KEY, "--range", "0:0.2", "--until", "peak(unemployment)>0.3"),
                "--until", "no column 'unemployment'");
        assertOneLineError(reverse("--vary", KEY, "--range", "0:0.2", "--until", "peak(unemployment_rate)>0.3", "--probability", "0"),
                "--probability must be in (0, 1]");
        assertOneLineError(reverse("--vary", KEY, "--range", "0:0.2", "--until", "peak(unemployment_rate)>0.3", "--tolerance", "-1"),
                "--tolerance");
        assertOneLineError(reverse("--vary", KEY, "--range", "0:0.2", "--until", "peak(unemployment_rate)>0.3", "--threads", "0"),
                "--threads");
    }

    @Test
    void aNonEmptyOutFolderIsRefusedAndNothingIsLeftBehindOnFailure() throws IOException {
        Path out = tmp.resolve("taken");
        Files.createDirectories(out);
        Files.writeString(out.resolve("x.txt"), "x");
        assertOneLineError(reverse("--vary", KEY, "--range", "0:0.2", "--until", "peak(unemployment_rate)>0.3", "--out", out.toString()),
                "--out", "already exists");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "no .incomplete folder left");
        }
    }
}
