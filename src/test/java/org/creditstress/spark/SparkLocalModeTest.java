package org.creditstress.spark;

import org.creditstress.cli.Captured;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.creditstress.cli.Backends;
import org.creditstress.cli.Main;
import org.creditstress.experiment.sweep.Sweep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark entry point in Spark's local mode with two executor threads, against the command line
 * on one machine: a sweep (the same files byte for byte, resume, failing points, bad input; three
 * points of a few hundred borrowers, a few months, two replications), a sensitivity analysis and a
 * calibration (the same files byte for byte, every replication a Spark task).
 */
class SparkLocalModeTest {
    static final String SCENARIO = "scenarios/severe-downturn.yaml";
    static final String VARY = "economy.unemployment.shock_level=0.06:0.14:3";
    /** The downturn starts at once and takes two months, so that the points' results differ within five months. */
    static final String[] SMALL = {"--set", "population.size=400", "--set", "horizon.months=5",
        "--set", "horizon.burn_in_months=2", "--set", "economy.unemployment.start_month=1",
        "--set", "economy.unemployment.decline_months=2", "--replications", "2", "--quiet"};
    private static final ObjectMapper JSON = new ObjectMapper();

    static SparkSession spark;
    /** The sweep as the local runner writes it, with two threads. */
    static Path local;

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    @BeforeAll
    static void runLocallyAndStartSpark() {
        local = shared.resolve("local");
        okLocal(sweep(local, VARY, "--threads", "2"));
        spark = SparkSession.builder().master("local[2]").appName("SparkLocalModeTest")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.log.level", "WARN")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    record Result(int code, String out, String err) {
    }

    static String[] sweep(Path out, String vary, String... more) {
        List<String> a = new ArrayList<>(List.of("sweep", SCENARIO, "--vary", vary, "--out", out.toString()));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** Runs with stdout and stderr captured; {@code runner} null runs the command line's local runner. */
    static Result run(Sweep.PointRunner runner, String... args) {
        return run(runner == null ? null : new Backends(runner, null), args);
    }

    /** Runs with stdout and stderr captured; {@code backends} null runs the command line on this JVM's threads. */
    static Result run(Backends backends, String... args) {
        Captured c = Captured.run(() -> backends == null ? Main.execute(args) : Main.execute(backends, args));
        return new Result(c.exitCode(), c.out(), c.err());
    }

    static Result ok(Sweep.PointRunner runner, String... args) {
        Result r = run(runner, args);
        assertEquals(0, r.code(), r.out() + r.err());
        return r;
    }

    /** The command line on this JVM's threads, as {@code ./creditstress} runs it. */
    static Result okLocal(String... args) {
        return ok(Backends.LOCAL, args);
    }

    static Result ok(Backends backends, String... args) {
        Result r = run(backends, args);
        assertEquals(0, r.code(), r.out() + r.err());
        return r;
    }

    static SparkPointRunner onSpark() {
        return new SparkPointRunner(new SparkMain.Started(spark));
    }

    /** Every file under {@code dir} (relative path with / separators) and its bytes. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return out;
    }

    static JsonNode manifest(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("sweep-manifest.json").toFile());
    }

    static String status(JsonNode manifest, String id) {
        for (JsonNode p : manifest.get("points")) {
            if (p.get("id").asText().equals(id)) {
                return p.get("status").asText() + (p.hasNonNull("error") ? ": " + p.get("error").asText() : "");
            }
        }
        throw new AssertionError("no point " + id);
    }

    /** points.csv rows without the seconds column (the 4th of a one-key sweep), sorted: Spark appends them as points finish. */
    static List<String> pointRows(Path dir) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("points.csv")).subList(1, Files.readAllLines(dir.resolve("points.csv")).size())) {
            String[] f = line.split(",", -1);
            f[3] = "";
            rows.add(String.join(",", f));
        }
        rows.sort(null);
        return rows;
    }

    @Test
    void aSweepOnSparkWritesTheLocalRunnersFilesByteForByteAndParquet() throws IOException {
        Path cluster = tmp.resolve("spark");
        Result r = ok(onSpark(), sweep(cluster, VARY));
        assertTrue(r.out().contains("Sweep: 3 points, 3 done, 0 failed, 0 pending (3 run now)"), r.out());

        Map<String, byte[]> a = files(local.resolve("points"));
        Map<String, byte[]> b = files(cluster.resolve("points"));
        assertEquals(a.keySet(), b.keySet(), "the same point folders and files");
        assertEquals(3 * 5, a.keySet().stream().filter(f -> !f.endsWith("manifest.json")).count(),
                "metrics.csv, summary.csv, roll_rates.csv, vintages.csv, scenario.resolved.yaml per point: " + a.keySet());
        assertFalse(Arrays.equals(a.get("p0001/metrics.csv"), a.get("p0003/metrics.csv")), "the points' results differ");
        for (String f : a.keySet()) {
            if (!f.endsWith("/manifest.json")) { // times, threads and host differ
                assertArrayEquals(a.get(f), b.get(f), f + " differs between the local runner and Spark");
            }
        }
        assertArrayEquals(Files.readAllBytes(local.resolve("sweep.csv")), Files.readAllBytes(cluster.resolve("sweep.csv")));
        assertEquals(pointRows(local), pointRows(cluster));
        for (String id : List.of("p0001", "p0002", "p0003")) {
            assertEquals("done", status(manifest(cluster), id));
        }
        assertTrue(Files.exists(cluster.resolve("report.html")), "the report is written as by the local runner");

        // Parquet: sweep.csv and every point's metrics.csv, typed.
        List<String> sweepCsv = Files.readAllLines(cluster.resolve("sweep.csv"));
        List<Row> sweepRows = spark.read().parquet(cluster.resolve("parquet/sweep").toString())
                .orderBy("point", "metric").collectAsList();
        assertEquals(sweepCsv.size() - 1, sweepRows.size());
        String p2peak = sweepCsv.stream().filter(l -> l.startsWith("p0002,done,0.1,peak(m3plus_ratio),")).findFirst().orElseThrow();
        Row p2 = sweepRows.stream().filter(x -> x.getString(0).equals("p0002") && x.getString(3).equals("peak(m3plus_ratio)"))
                .findFirst().orElseThrow();
        assertEquals(0.1, p2.getDouble(2), "the varied key is a number");
        assertEquals(Double.parseDouble(p2peak.split(",")[4]), p2.getDouble(4), "mean as in sweep.csv");

        Path metricsCsv = cluster.resolve("points/p0003/metrics.csv");
        List<String> lines = Files.readAllLines(metricsCsv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        var metrics = spark.read().parquet(cluster.resolve("parquet/metrics").toString());
        assertEquals(3L * (lines.size() - 1), metrics.count(), "every row of every point's metrics.csv");
        String last = lines.get(lines.size() - 1);
        String[] cells = last.split(",", -1);
        int col = header.indexOf("m3plus_ratio");
        Row row = metrics.where("point = 'p0003' AND replication = " + cells[header.indexOf("replication")]
                + " AND month = " + cells[header.indexOf("month")]).collectAsList().get(0);
        assertEquals(Double.parseDouble(cells[col]), row.getDouble(row.fieldIndex("m3plus_ratio")));
        assertEquals(0.14, row.getDouble(row.fieldIndex("economy.unemployment.shock_level")));
    }

    /** A task that counts the points it runs (an accumulator, merged on the driver as each task ends). */
    static final class Counting implements Function<PointInput, PointOutput> {
        private final Function<PointInput, PointOutput> inner;
        private final LongAccumulator runs;

        Counting(Function<PointInput, PointOutput> inner, LongAccumulator runs) {
            this.inner = inner;
            this.runs = runs;
        }

        @Override
        public PointOutput call(PointInput in) throws Exception {
            runs.add(1);
            return inner.call(in);
        }
    }

    static Map<String, FileTime> modified(Path dir) throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        for (String f : files(dir.resolve("points")).keySet()) {
            out.put(f, Files.getLastModifiedTime(dir.resolve("points").resolve(f)));
        }
        return out;
    }

    @Test
    void resumingOnSparkRunsOnlyThePointsNotFinished() throws IOException {
        LongAccumulator runs = spark.sparkContext().longAccumulator("points run");
        SparkPointRunner counted = new SparkPointRunner(new SparkMain.Started(spark), job -> new Counting(new PointTask(job), runs));
        Path dir = tmp.resolve("resumed");

        // Interrupted after one point by the local runner, then one more on Spark.
        okLocal(sweep(dir, VARY, "--limit", "1"));
        ok(counted, sweep(dir, VARY, "--limit", "1"));
        assertEquals(1, runs.value(), "one point run on Spark");
        JsonNode m = manifest(dir);
        assertEquals(2, List.of("p0001", "p0002", "p0003").stream().filter(id -> status(m, id).equals("done")).count());
        Map<String, FileTime> before = modified(dir);

        Result r = ok(counted, "sweep", "--resume", dir.toString(), "--quiet");
        assertTrue(r.out().contains("Sweep: 3 points, 3 done, 0 failed, 0 pending (1 run now)"), r.out());
        assertEquals(2, runs.value(), "the resume ran the one point left, not the finished ones");
        Map<String, FileTime> after = modified(dir);
        before.forEach((f, t) -> assertEquals(t, after.get(f), f + " was not written again"));
        assertEquals(3, Files.readAllLines(dir.resolve("points.csv")).size() - 1, "one points.csv row per point");

        assertArrayEquals(Files.readAllBytes(local.resolve("sweep.csv")), Files.readAllBytes(dir.resolve("sweep.csv")),
                "the resumed sweep gives what an uninterrupted local one gives");

        ok(counted, "sweep", "--resume", dir.toString(), "--quiet");
        assertEquals(2, runs.value(), "a finished sweep runs nothing");
    }

    /** A task whose point p0001 breaks the executor (an error the point's run does not catch). */
    static final class Broken implements Function<PointInput, PointOutput> {
        private final Function<PointInput, PointOutput> inner;

        Broken(Function<PointInput, PointOutput> inner) {
            this.inner = inner;
        }

        @Override
        public PointOutput call(PointInput in) throws Exception {
            if (in.id().equals("p0001")) {
                throw new LinkageError("executor broke on " + in.id());
            }
            return inner.call(in);
        }
    }

    @Test
    void aFailingPointIsRecordedWithAClearErrorAndTheOthersFinish() throws IOException {
        // A value the scenario rejects: the same one-line error as the local runner records.
        String bad = "economy.unemployment.shock_level=0.08,1.5";
        Path badLocal = tmp.resolve("bad-local");
        Path cluster = tmp.resolve("bad-spark");
        okLocal(sweep(badLocal, bad));
        Result r = ok(onSpark(), sweep(cluster, bad));
        String error = status(manifest(cluster), "p0002");
        assertTrue(error.startsWith("failed: ") && error.contains("economy.unemployment.shock_level"), error);
        assertEquals(status(manifest(badLocal), "p0002"), error);
        assertEquals("done", status(manifest(cluster), "p0001"));
        assertTrue(r.out().contains("failed p0002 (economy.unemployment.shock_level=1.5): "), r.out());
        assertFalse(Files.exists(cluster.resolve("points/p0002")), "a failed point leaves no folder");

        // A Spark task that fails: recorded as failed with Spark's one-line reason; --retry-failed
        // reruns it (here with the local runner: a sweep begun on Spark resumes on one machine).
        Path broken = tmp.resolve("broken");
        Result b = ok(new SparkPointRunner(new SparkMain.Started(spark), job -> new Broken(new PointTask(job))), sweep(broken, VARY));
        String failure = status(manifest(broken), "p0001");
        assertTrue(failure.startsWith("failed: the Spark task failed: ") && failure.contains("LinkageError: executor broke on p0001"),
                failure);
        assertFalse(failure.contains("\n"), failure);
        assertTrue(b.out().contains("Sweep: 3 points, 2 done, 1 failed, 0 pending"), b.out());
        assertFalse(Files.exists(broken.resolve("points/p0001")));
        okLocal("sweep", "--resume", broken.toString(), "--retry-failed", "--quiet");
        assertEquals("done", status(manifest(broken), "p0001"));
        assertArrayEquals(Files.readAllBytes(local.resolve("sweep.csv")), Files.readAllBytes(broken.resolve("sweep.csv")));
    }

    @Test
    void badInputIsRefusedInOneLineBeforeSparkStarts() {
        Supplier<SparkSession> never = () -> {
            throw new AssertionError("Spark was started for bad input");
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, SparkMain.execute(never, e, "run", SCENARIO));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: 'run' does not run on Spark"), err.toString());

        Path out = tmp.resolve("never");
        Result r = run(new SparkPointRunner(never), "sweep", "scenarios/no-such.yaml", "--vary", VARY, "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error: ")).count(), r.err());
        assertFalse(Files.exists(out), "nothing written");

        Result v = run(new SparkPointRunner(never), "sweep", SCENARIO, "--vary", "economy.unemployment.no_such_key=1,2",
                "--out", out.toString());
        assertEquals(2, v.code(), v.err());
        assertTrue(v.err().startsWith("error: --vary"), v.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** Fixed hazards (test resources): unemployment follows a closed form, so a calibration is quick. */
    static final String FIXTURE = "src/test/resources/experiment/fixed-hazards.yaml";
    static final String HAZARD = "economy.labour_market.job_loss_monthly";

    /** A replication task that counts the replications it runs. */
    static final class CountingReplications implements Function<ReplicationTask.Input, ReplicationTask.Output> {
        private final ReplicationTask inner;
        private final LongAccumulator runs;

        CountingReplications(ReplicationTask inner, LongAccumulator runs) {
            this.inner = inner;
            this.runs = runs;
        }

        @Override
        public ReplicationTask.Output call(ReplicationTask.Input in) {
            runs.add(1);
            return inner.call(in);
        }
    }

    /** Every file of {@code a} but manifest.json and the charts is in {@code b} with the same bytes. */
    static void assertSameFiles(Path a, Path b) throws IOException {
        Map<String, byte[]> x = files(a);
        Map<String, byte[]> y = files(b);
        assertEquals(x.keySet(), y.keySet());
        int compared = 0;
        for (String f : x.keySet()) {
            if (!f.endsWith("manifest.json") && !f.endsWith(".png") && !f.endsWith(".html")) {
                assertArrayEquals(x.get(f), y.get(f), f + " differs between this JVM and Spark");
                compared++;
            }
        }
        assertTrue(compared >= 3, "compared " + x.keySet());
    }

    @Test
    void sensitivityAndCalibrationOnSparkWriteTheLocalFilesByteForByte() throws IOException {
        LongAccumulator replications = spark.sparkContext().longAccumulator("replications run");
        SparkRuns runs = new SparkRuns(new SparkMain.Started(spark), cpus -> new CountingReplications(new ReplicationTask(cpus), replications));
        Backends onSpark = new Backends(Sweep.PointRunner.LOCAL, runs);
        List<String> sensitivity = List.of("sensitivity", FIXTURE, "--quiet", "--set", "population.size=2000",
                "--input", HAZARD + "=0.01:0.05", "--input", "population.behaviour.convenience_share=0.2:1",
                "--output", "peak(unemployment_rate)", "--output", "final(m1plus_ratio)", "--trajectories", "2");
        Path localSa = tmp.resolve("sa-local");
        Path sparkSa = tmp.resolve("sa-spark");
        okLocal(concat(sensitivity, "--out", localSa.toString()));
        ok(onSpark, concat(sensitivity, "--out", sparkSa.toString()));
        assertSameFiles(localSa, sparkSa);
        int evaluations = JSON.readTree(sparkSa.resolve("manifest.json").toFile()).get("evaluations").asInt();
        assertEquals(2 * 3, evaluations, "2 trajectories of 3 points");
        assertEquals(2L * evaluations, replications.value(), "every replication of every run a Spark task");

        List<String> calibrate = List.of("calibrate", FIXTURE, "--quiet", "--set", "population.size=2000",
                "--param", HAZARD + "=0.001:0.2", "--target", "final(unemployment_rate)=" + (1 - Math.pow(0.97, 6)),
                "--max-evaluations", "6");
        Path localCal = tmp.resolve("cal-local");
        Path sparkCal = tmp.resolve("cal-spark");
        okLocal(concat(calibrate, "--out", localCal.toString()));
        long before = replications.value();
        ok(onSpark, concat(calibrate, "--out", sparkCal.toString()));
        assertSameFiles(localCal, sparkCal);
        assertTrue(Files.isRegularFile(sparkCal.resolve("calibrated.yaml")) && Files.isRegularFile(sparkCal.resolve("fitted-run/metrics.csv")));
        int calEvaluations = JSON.readTree(sparkCal.resolve("manifest.json").toFile()).get("evaluations").asInt();
        assertEquals(2L * calEvaluations, replications.value() - before, "a calibration's runs spread their replications");
    }

    @Test
    void aRunThatFailsOnSparkStopsTheCommandWithSparksReason() {
        SparkRuns broken = new SparkRuns(new SparkMain.Started(spark), cpus -> in -> {
            throw new LinkageError("executor broke on replication " + in.replication());
        });
        Path out = tmp.resolve("sa-broken");
        Result r = run(new Backends(Sweep.PointRunner.LOCAL, broken), "sensitivity", FIXTURE, "--quiet",
                "--set", "population.size=2000", "--input", HAZARD + "=0.01:0.05", "--output", "peak(unemployment_rate)",
                "--trajectories", "2", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("internal error") || l.startsWith("error")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("the Spark task failed: ") && lines.get(0).contains("LinkageError: executor broke on replication"),
                lines.get(0));
        assertFalse(Files.exists(out), "nothing written");
    }

    static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
