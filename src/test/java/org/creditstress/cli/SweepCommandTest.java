package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code creditstress sweep}: streaming, resuming, failed points, designs and the files it writes. */
class SweepCommandTest {
    static final String SEVERE = "scenarios/severe-downturn.yaml";
    static final String[] SMALL = {"--set", "population.size=3000", "--set", "horizon.months=6",
        "--set", "horizon.burn_in_months=3", "--replications", "2", "--quiet"};
    static final String VARY = "economy.unemployment.shock_level=0.06:0.14:3";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path tmp;
    private String previousHome;

    @BeforeEach
    void pointHomeAtTempDir() {
        previousHome = System.getProperty("creditstress.home");
        System.setProperty("creditstress.home", tmp.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("creditstress.home");
        } else {
            System.setProperty("creditstress.home", previousHome);
        }
    }

    static String[] sweep(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("sweep", SEVERE, "--vary", VARY, "--out", out.toString()));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static ExperimentCli.Result ok(String... args) {
        ExperimentCli.Result r = ExperimentCli.run(args);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return r;
    }

    static JsonNode manifest(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("sweep-manifest.json").toFile());
    }

    static JsonNode point(JsonNode manifest, String id) {
        for (JsonNode p : manifest.get("points")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no point " + id);
    }

    /** finished_at of every done point and the modification time of its metrics.csv. */
    static Map<String, String> fingerprints(Path dir) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (JsonNode p : manifest(dir).get("points")) {
            if (p.get("status").asText().equals("done")) {
                FileTime t = Files.getLastModifiedTime(dir.resolve("points").resolve(p.get("id").asText()).resolve("metrics.csv"));
                out.put(p.get("id").asText(), p.get("finished_at").asText() + " " + t);
            }
        }
        return out;
    }

    @Test
    void anInterruptedSweepResumesToTheSameResultsWithoutRerunningFinishedPoints() throws IOException {
        Path whole = tmp.resolve("whole");
        ok(sweep(whole));
        String expected = Files.readString(whole.resolve("sweep.csv"));
        assertEquals(1 + 3 * 5, expected.lines().count(), "3 points x 5 default expressions:\n" + expected);
        assertTrue(expected.startsWith("point,status,economy.unemployment.shock_level,metric,mean,p5,p50,p95\n"), expected);
        assertTrue(expected.contains("p0002,done,0.1,peak(m3plus_ratio),"), expected);

        // Interrupted after two points (--limit stops as a kill between points would).
        Path split = tmp.resolve("split");
        ExperimentCli.Result first = ok(sweep(split, "--limit", "2"));
        assertTrue(first.out().contains("--resume " + split), first.out());
        JsonNode m1 = manifest(split);
        assertEquals("incomplete", m1.get("status").asText());
        assertEquals("pending", point(m1, "p0003").get("status").asText());
        Map<String, String> before = fingerprints(split);
        assertEquals(2, before.size());

        ok("sweep", "--resume", split.toString(), "--quiet");
        JsonNode m2 = manifest(split);
        assertEquals("complete", m2.get("status").asText());
        assertEquals(Files.readString(whole.resolve("sweep.csv")), Files.readString(split.resolve("sweep.csv")));
        Map<String, String> after = fingerprints(split);
        before.forEach((id, f) -> assertEquals(f, after.get(id), id + " was not run again"));
        assertEquals(2, m2.get("invocations").get(0).get("points_run").asInt());
        assertEquals(1, m2.get("invocations").get(1).get("points_run").asInt());
        assertEquals(3, Files.readAllLines(split.resolve("points.csv")).size() - 1, "one points.csv row per point");
    }

    @Test
    void aLostLastPointIsRunAgainByRerunningTheSameCommand() throws IOException {
        Path dir = tmp.resolve("lost");
        ok(sweep(dir));
        String expected = Files.readString(dir.resolve("sweep.csv"));
        Map<String, String> before = fingerprints(dir);

        // Simulate a kill during the last point: its folder and its manifest entry are gone.
        try (Stream<Path> walk = Files.walk(dir.resolve("points/p0003"))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        ObjectNode m = (ObjectNode) manifest(dir);
        for (Iterator<JsonNode> it = ((ArrayNode) m.get("points")).iterator(); it.hasNext();) {
            if (it.next().get("id").asText().equals("p0003")) {
                it.remove();
            }
        }
        JSON.writeValue(dir.resolve("sweep-manifest.json").toFile(), m);

        ok(sweep(dir));
        JsonNode after = manifest(dir);
        assertEquals("complete", after.get("status").asText());
        assertEquals(1, after.get("invocations").get(1).get("points_run").asInt(), "only the lost point ran");
        Map<String, String> now = fingerprints(dir);
        assertEquals(before.get("p0001"), now.get("p0001"));
        assertEquals(before.get("p0002"), now.get("p0002"));
        assertFalse(before.get("p0003").equals(now.get("p0003")), "p0003 ran again");
        assertEquals(expected, Files.readString(dir.resolve("sweep.csv")));
    }

    @Test
    void aPointTheScenarioRejectsIsRecordedAsFailedAndTheOthersComplete() throws IOException {
        Path dir = tmp.resolve("failing");
        List<String> a = new ArrayList<>(List.of("sweep", SEVERE, "--vary", "lenders[0].model_quality=0.5,1.7,0.9",
                "--out", dir.toString(), "--metric", "peak(m3plus_ratio)"));
        a.addAll(List.of(SMALL));
        ExperimentCli.Result r = ok(a.toArray(String[]::new));
        JsonNode m = manifest(dir);
        assertEquals("complete", m.get("status").asText());
        assertEquals("done", point(m, "p0001").get("status").asText());
        assertEquals("done", point(m, "p0003").get("status").asText());
        JsonNode failed = point(m, "p0002");
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("error").asText().contains("lenders[0].model_quality") && failed.get("error").asText().contains("1.7"),
                failed.toString());
        assertFalse(Files.exists(dir.resolve("points/p0002")));
        assertTrue(Files.isRegularFile(dir.resolve("points/p0003/metrics.csv")));
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals("p0002,failed,1.7,peak(m3plus_ratio),,,,", csv.get(2));
        assertTrue(csv.get(3).startsWith("p0003,done,0.9,peak(m3plus_ratio),0."), csv.get(3));
        assertTrue(Files.readString(dir.resolve("points.csv")).contains("p0002,failed,1.7"));
        assertTrue(r.out().contains("failed p0002"), r.out());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Failed points") && html.contains("must be in [0, 1]"), "the report lists the failure");

        // A resume keeps the failed point failed (it would fail again) unless asked to retry.
        ok("sweep", "--resume", dir.toString(), "--quiet");
        assertEquals(0, manifest(dir).get("invocations").get(1).get("points_run").asInt());
        ok("sweep", "--resume", dir.toString(), "--quiet", "--retry-failed");
        assertEquals(1, manifest(dir).get("invocations").get(2).get("points_run").asInt());
    }

    @Test
    void aSweepFolderInUseByARunningSweepIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        try (var channel = java.nio.channels.FileChannel.open(dir.resolve(".sweep.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            ExperimentCli.Result r = ExperimentCli.run(sweep(dir));
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("in use by another sweep"), r.err());
        }
        ok(sweep(dir, "--metric", "peak(m3plus_ratio)"));
    }

    @Test
    void everyPointFailingExitsWithOne() {
        List<String> a = new ArrayList<>(List.of("sweep", SEVERE, "--vary", "lenders[0].model_quality=1.5,1.7",
                "--out", tmp.resolve("allfail").toString()));
        a.addAll(List.of(SMALL));
        ExperimentCli.Result r = ExperimentCli.run(a.toArray(String[]::new));
        assertEquals(1, r.exitCode(), r.out() + r.err());
    }

    @Test
    void chartsFollowTheNumberOfVariedKeys() throws IOException {
        Path one = tmp.resolve("one");
        ok(sweep(one, "--metric", "peak(m3plus_ratio)"));
        assertTrue(Files.isRegularFile(one.resolve("charts/line_peak_m3plus_ratio.png")));

        Path two = tmp.resolve("two");
        ok("sweep", SEVERE, "--vary", "economy.unemployment.shock_level=0.08,0.12", "--vary", "lenders[1].approval_rate=0.6,0.8",
                "--metric", "peak(m3plus_ratio)", "--out", two.toString(), "--set", "population.size=3000",
                "--set", "horizon.months=6", "--set", "horizon.burn_in_months=3", "--replications", "2", "--quiet");
        assertTrue(Files.isRegularFile(two.resolve("charts/heatmap_peak_m3plus_ratio.png")));
        assertEquals(1 + 4, Files.readAllLines(two.resolve("sweep.csv")).size());

        Path three = tmp.resolve("three");
        ok("sweep", SEVERE, "--design", "lhs", "--samples", "4", "--vary", "economy.unemployment.shock_level=0.06:0.14",
                "--vary", "lenders[0].model_quality=0.5:0.9", "--vary", "economy.unemployment.start_month=1:6",
                "--metric", "peak(m3plus_ratio)", "--out", three.toString(), "--set", "population.size=3000",
                "--set", "horizon.months=6", "--set", "horizon.burn_in_months=3", "--replications", "2", "--quiet");
        try (Stream<Path> s = Files.list(three.resolve("charts"))) {
            assertEquals(3, s.filter(p -> p.getFileName().toString().startsWith("scatter_peak_m3plus_ratio__")).count());
        }
        String html = Files.readString(three.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.strip().endsWith("</html>"));
        assertTrue(html.contains("<img src=\"data:image/png;base64,"));
        assertTrue(html.contains("lhs, 4 samples"), "the design is in the facts");
    }

    @Test
    void theDefaultFolderIsUnderOutputSweep() throws IOException {
        List<String> a = new ArrayList<>(List.of("sweep", SEVERE, "--vary", "economy.unemployment.shock_level=0.1",
                "--metric", "final(npl_ratio)"));
        a.addAll(List.of(SMALL));
        ok(a.toArray(String[]::new));
        try (Stream<Path> s = Files.list(tmp.resolve("home/output/sweep/severe-downturn"))) {
            Path dir = s.findFirst().orElseThrow();
            assertTrue(Files.readString(dir.resolve("sweep.csv")).contains("p0001,done,0.1,final(npl_ratio),"));
        }
    }

    @Test
    void badInputExitsWithCodeTwoAndOneLine() throws IOException {
        Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("sweep", SEVERE, "--vary", "economy.unemployment.shock_levle=0.1,0.2"), "shock_levle");
        cases.put(List.of("sweep", SEVERE, "--vary", "economy.unemployment.shock_level=0.1:0.2"), "lo:hi:steps");
        cases.put(List.of("sweep", SEVERE, "--vary", "economy.unemployment.shock_level=0.1:0.2", "--design", "lhs"), "--samples");
        cases.put(List.of("sweep", SEVERE, "--vary", "economy.unemployment.shock_level=0.2:0.1:3"), "lo < hi");
        cases.put(List.of("sweep", SEVERE, "--vary", "economy.unemployment.shock_level=0.1", "--design", "random"), "grid, lhs, sobol");
        cases.put(List.of("sweep", SEVERE, "--vary", "economy.unemployment.start_month=1:4:3"), "whole number");
        cases.put(List.of("sweep", SEVERE, "--vary", "economy.unemployment=0.1"), "section");
        cases.put(List.of("sweep", SEVERE), "--vary");
        cases.put(List.of("sweep", "--resume", tmp.resolve("nothing").toString()), "no such folder");
        cases.put(List.of("sweep", SEVERE, "--vary", "seed=1,2", "--set", "seed=3"), "also given as --set");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            List<String> a = new ArrayList<>(c.getKey());
            if (!a.contains("--resume")) {
                a.addAll(List.of("--out", tmp.resolve("bad").toString()));
            }
            a.add("--quiet");
            ExperimentCli.Result r = ExperimentCli.run(a.toArray(String[]::new));
            assertEquals(2, r.exitCode(), c.getKey() + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains(c.getValue()), c.getKey() + ": " + r.err());
            assertFalse(Files.exists(tmp.resolve("bad")), "refused input leaves no folder: " + c.getKey());
        }

        // A folder holding another sweep is not overwritten.
        Path dir = tmp.resolve("taken");
        ok(sweep(dir, "--metric", "peak(m3plus_ratio)"));
        ExperimentCli.Result other = ExperimentCli.run("sweep", SEVERE, "--vary", "economy.unemployment.shock_level=0.1,0.2",
                "--out", dir.toString(), "--quiet");
        assertEquals(2, other.exitCode(), other.err());
        assertTrue(other.err().contains("different sweep"), other.err());
    }
}
