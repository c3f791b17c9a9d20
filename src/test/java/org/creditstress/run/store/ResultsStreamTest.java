package org.creditstress.run.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.creditstress.metric.Metric;
import org.creditstress.run.Experiment;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.Quantiles;
import org.creditstress.run.ReplicationResult;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results streamed replication by replication: the same files as from memory, and nothing retained. */
class ResultsStreamTest {
    private static final Path BASELINE = Path.of("scenarios/baseline.yaml");

    @TempDir
    Path tmp;

    private static LoadedScenario small(int replications, int months, String... more) {
        List<String> sets = new ArrayList<>(List.of("population.size=50", "replications=" + replications,
                "horizon.months=" + months, "horizon.burn_in_months=0", "outputs.vintages=true", "outputs.roll_rates=true"));
        sets.addAll(List.of(more));
        return ScenarioLoader.load(BASELINE, sets);
    }

    @Test
    void smallBlocksGiveTheSameFilesAsOneBlockAndTheSummaryIsTheQuantilesOfTheReplications() throws IOException {
        RunResult run = Experiment.run(small(7, 9), 1, ProgressListener.NONE);
        Path one = tmp.resolve("one");
        Path many = Files.createDirectories(tmp.resolve("many"));
        ResultsWriter.writeAll(run, one, List.of("creditstress", "run"), "test");
        int months = run.loaded().scenario().horizon().months();
        // 7 replications x 9 months x 8 bytes = 504 bytes per metric: blocks of 2 metrics
        try (ResultsStream stream = new ResultsStream(many, run.registry(), months, 7, true, 1000)) {
            assertTrue(stream.blockCount() > 50, "many blocks: " + stream.blockCount());
            for (ReplicationResult r : run.replications()) {
                stream.accept(r);
            }
            ResultsWriter.finish(stream, run, many, List.of("creditstress", "run"), "test");
        }
        for (String f : List.of("metrics.csv", "summary.csv", "vintages.csv", "roll_rates.csv", "manifest.json")) {
            assertEquals(Files.readString(one.resolve(f)), Files.readString(many.resolve(f)), f);
        }
        try (Stream<Path> s = Files.list(many)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "no summary inputs or parts left");
        }
        // summary.csv row for metric j, month t is the mean and type-7 quantiles across replications
        List<String> summary = Files.readAllLines(one.resolve("summary.csv"));
        List<Metric> metrics = run.registry().metrics();
        int j = run.registry().index("m3plus_ratio");
        int t = 4;
        double[] across = run.replications().stream().mapToDouble(r -> r.values()[t][j]).toArray();
        assertEquals(String.join(",", "m3plus_ratio", String.valueOf(t + 1), CsvNumbers.format(Quantiles.mean(across)),
                        CsvNumbers.format(Quantiles.percentile(across, 5)), CsvNumbers.format(Quantiles.percentile(across, 50)),
                        CsvNumbers.format(Quantiles.percentile(across, 95))),
                summary.get(1 + j * months + t));
        assertEquals(1 + metrics.size() * months, summary.size());
        // metrics.csv: one row per replication and month, in replication order
        List<String> rows = Files.readAllLines(one.resolve("metrics.csv"));
        assertEquals(1 + 7 * months, rows.size());
        assertTrue(rows.get(1 + 3 * months).startsWith("3,1,"), rows.get(1 + 3 * months));
    }

    @Test
    void outOfOrderReplicationIsRefused() throws IOException {
        RunResult run = Experiment.run(small(2, 3), 1, ProgressListener.NONE);
        try (ResultsStream stream = ResultsWriter.open(run, Files.createDirectories(tmp.resolve("x")))) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> stream.accept(run.replications().get(1)));
        }
    }

    /**
     * 10,000 replications of a tiny run streamed: no replication's table is still reachable at the
     * end (weak references all cleared), and the heap in use after a collection does not grow with
     * the replications (kept in memory, their tables would take about 200 MB).
     */
    @Test
    void tenThousandReplicationsRetainNoTables() throws IOException {
        int n = 10_000;
        LoadedScenario loaded = small(n, 12, "outputs.vintages=false", "outputs.roll_rates=false");
        RunResult shape = new RunResult(loaded, Experiment.registry(loaded.scenario()), List.of(), 1, java.time.Instant.now(),
                java.time.Instant.now());
        long tableBytes = 12L * shape.registry().metrics().size() * Double.BYTES;
        List<WeakReference<double[][]>> seen = new ArrayList<>();
        long[] usedAt = new long[2];
        Path dir = Files.createDirectories(tmp.resolve("big"));
        try (ResultsStream stream = ResultsWriter.open(shape, dir)) {
            RunResult run = Experiment.run(loaded, 1, ProgressListener.NONE, r -> {
                stream.accept(r);
                if (r.replication() % 100 == 0) {
                    seen.add(new WeakReference<>(r.values()));
                }
                if (r.replication() == 500) {
                    usedAt[0] = usedAfterGc();
                }
            });
            usedAt[1] = usedAfterGc();
            ResultsWriter.finish(stream, run, dir, List.of("creditstress", "run"), "test");
            assertEquals(n, stream.replications());
        }
        usedAfterGc();
        long alive = seen.stream().filter(w -> w.get() != null).count();
        assertTrue(alive <= 1, alive + " of " + seen.size() + " sampled replication tables still reachable");
        long growth = usedAt[1] - usedAt[0];
        long keptWouldBe = (n - 500) * tableBytes;
        assertTrue(growth < keptWouldBe / 4, "heap grew by " + growth + " bytes over " + (n - 500)
                + " replications; keeping them would take " + keptWouldBe);
        try (Stream<String> lines = Files.lines(dir.resolve("metrics.csv"))) {
            assertEquals(1 + (long) n * 12, lines.count());
        }
        try (Stream<String> lines = Files.lines(dir.resolve("summary.csv"))) {
            assertEquals(1 + shape.registry().metrics().size() * 12L, lines.count());
        }
        assertFalse(Files.exists(dir.resolve(".summary-inputs-0.bin")));
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
