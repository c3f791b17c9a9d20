package org.creditstress.run.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.creditstress.run.Experiment;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results folders: unique under concurrency, unusable paths refused, stale temporary folders removed. */
class RunDirectoryTest {
    @TempDir
    Path tmp;

    /**
     * Two runs of one scenario started at once, in the same second: both pick the same default
     * run id, and both results land, in two folders.
     */
    @Test
    void twoRunsOfOneScenarioStartedTogetherBothLand() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"),
                List.of("population.size=200", "replications=2", "horizon.months=4", "horizon.burn_in_months=1"));
        Path root = tmp.resolve("output");
        Path id = RunDirectory.defaultTarget(root, loaded.scenario().name());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> runs = List.of(pool.submit(() -> runInto(loaded, root, id, start)),
                    pool.submit(() -> runInto(loaded, root, id, start)));
            start.countDown();
            Path a = runs.get(0).get();
            Path b = runs.get(1).get();
            assertNotEquals(a, b);
            for (Path p : List.of(a, b)) {
                assertTrue(Files.isRegularFile(p.resolve("metrics.csv")), p + " has its results");
                assertEquals(Files.readString(a.resolve("metrics.csv")), Files.readString(p.resolve("metrics.csv")));
            }
            assertEquals(java.util.Set.of(id.getFileName().toString(), id.getFileName() + "-2"), names(id.getParent()));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A run that fails leaves nothing: its temporary folder and the folders made to hold it
     * ({@code output/<scenario>/}) go, but not a folder another run is using.
     */
    @Test
    void aFailedRunRemovesTheFoldersItMadeButNotOnesInUse() throws IOException {
        Path root = tmp.resolve("output");
        try (RunDirectory failed = RunDirectory.create(RunDirectory.defaultTarget(root, "baseline"), true)) {
            Files.writeString(failed.temp().resolve("metrics.csv"), "replication,month\n");
        }
        assertFalse(Files.exists(root), "output/ made for the run and removed again");

        RunDirectory failed = RunDirectory.create(RunDirectory.defaultTarget(root, "baseline"), true);
        try (RunDirectory other = RunDirectory.create(RunDirectory.defaultTarget(root, "baseline"), true)) {
            failed.close();
            assertFalse(Files.exists(failed.temp()));
            assertTrue(Files.isDirectory(other.temp()), "the other run's folder, in output/baseline/ made by the failed run, is left alone");
            other.commit();
        }
        assertEquals(1, names(root.resolve("baseline")).size());
    }

    private static java.util.Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    private static Path runInto(LoadedScenario loaded, Path root, Path target, CountDownLatch start) throws Exception {
        start.await();
        try (RunDirectory dir = RunDirectory.create(target, true)) {
            RunResult run = Experiment.run(loaded, 1, ProgressListener.NONE);
            ResultsWriter.writeAll(run, dir.temp(), List.of("creditstress", "run"), "test");
            dir.commit();
            return dir.target();
        }
    }

    @Test
    void unusablePathsAreRefusedWithThePathAndTheReasonAndLeaveNothing() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        List<String> before = List.copyOf(names(tmp));
        assertRefused(file.resolve("out"), "is a file, not a folder");
        assertRefused(dangling.resolve("out"), "is a link to a path that does not exist");
        assertRefused(dangling, "is a link to a path that does not exist");
        assertRefused(Path.of("/proc/creditstress-out"), "system file system");
        assertRefused(Path.of("/sys/creditstress-out"), "system file system");
        assertRefused(tmp.resolve("a".repeat(RunDirectory.MAX_NAME_BYTES + 1)), "folder name too long");
        assertEquals(java.util.Set.copyOf(before), names(tmp), "nothing created");
        // the longest allowed name works, temporary folder included
        try (RunDirectory ok = RunDirectory.create(tmp.resolve("b".repeat(RunDirectory.MAX_NAME_BYTES)))) {
            assertTrue(Files.isDirectory(ok.temp()));
        }
    }

    private static void assertRefused(Path target, String reason) {
        RunDirectory.UnusablePath e = assertThrows(RunDirectory.UnusablePath.class, () -> RunDirectory.create(target).close());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void staleTemporaryFoldersAreRemovedButNotOnesALiveRunHolds() throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("runs"));
        // left by a killed run: its lock file is not locked by anyone
        Path killed = Files.createDirectories(parent.resolve(".incomplete-old-1"));
        Files.writeString(killed.resolve(RunDirectory.LOCK), "12345\n");
        Files.writeString(killed.resolve("metrics.csv"), "half");
        Files.setLastModifiedTime(killed, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        // without a lock file, but recent: left alone
        Path recent = Files.createDirectories(parent.resolve(".incomplete-recent-2"));
        try (RunDirectory live = RunDirectory.create(parent.resolve("live"))) {
            Files.writeString(live.temp().resolve("metrics.csv"), "in progress");
            try (RunDirectory next = RunDirectory.create(parent.resolve("next"))) {
                assertFalse(Files.exists(killed), "the killed run's folder is removed");
                assertTrue(Files.exists(live.temp()), "a live run's folder is kept");
                assertTrue(Files.exists(recent), "an unlocked recent folder without a lock file is kept");
                Files.writeString(next.temp().resolve("x.csv"), "x");
                next.commit();
            }
            live.commit();
        }
        assertEquals(java.util.Set.of("live", "next", ".incomplete-recent-2"), names(parent));
        assertFalse(Files.exists(parent.resolve("live").resolve(RunDirectory.LOCK)), "the lock file is not in the results");
    }
}
