package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.creditstress.experiment.PointHook;
import org.creditstress.model.engine.Chunks;
import org.creditstress.run.ReplicationWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker thread that fails (out of memory, or any other error) fails the command at once: exit 1,
 * one line, nothing left in the output folder, never a hang. Failures are injected through test
 * hooks into the threads that run a replication's chunks or an experiment's points; the timeouts
 * only catch a hang.
 */
class WorkerFailureTest {
    private static final Chunks EIGHT = new Chunks(8 * Chunks.CHUNK_SIZE, 1L);

    @TempDir
    Path tmp;
    private TempHome home;

    @BeforeEach
    void pointHomeAtTempDir() throws IOException {
        home = new TempHome(tmp.resolve("home"));
    }

    @AfterEach
    void restoreHome() {
        home.close();
    }

    private static CliTest.Result run(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", CliTest.BASELINE, "--set", "population.size=40",
                "--set", "horizon.months=3", "--set", "horizon.burn_in_months=0", "--replications", "4", "--threads", "2", "--quiet"));
        args.addAll(List.of(more));
        return CliTest.cli(args.toArray(String[]::new));
    }

    private void assertFailedWithOneLine(CliTest.Result r, String start) throws IOException {
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith(start), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals(List.of(), home.output(), "nothing left in output/");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aWorkerOutOfMemoryFailsTheRunWithOneLine() throws IOException {
        try (ReplicationWatch hook = ReplicationWatch.before((r, executor) -> {
            if (r == 1) {
                executor.forEachChunk(EIGHT, (c, from, to) -> {
                    if (c == 5) {
                        throw new OutOfMemoryError("test: heap full");
                    }
                });
            }
        })) {
            assertFailedWithOneLine(run(), "error: the run ran out of memory (test: heap full; this JVM has ");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anyOtherErrorInAWorkerFailsTheRunWithOneLine() throws IOException {
        try (ReplicationWatch hook = ReplicationWatch.before((r, executor) -> executor.forEachChunk(EIGHT, (c, from, to) -> {
            if (c == 2) {
                throw new StackOverflowError("test: too deep");
            }
        }))) {
            assertFailedWithOneLine(run(), "error: replication 0 failed: java.lang.StackOverflowError: test: too deep");
        }
    }

    /**
     * Reverse stress runs its two ends side by side. The low end is held until it is interrupted;
     * the high end fails. The command must fail at once, not wait for the low end.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPointThatFailsStopsTheExperimentWithoutWaitingForThePointsBesideIt() throws IOException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch lowStarted = new CountDownLatch(1);
        Path out = tmp.resolve("rs");
        try (PointHook hook = PointHook.before(point -> {
            if (point[0] == 0.4) {
                lowStarted.countDown();
                try {
                    never.await();
                } catch (InterruptedException stopped) {
                    throw new IllegalStateException("stopped");
                }
            } else {
                try {
                    lowStarted.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                throw new OutOfMemoryError("test: point failed");
            }
        })) {
            CliTest.Result r = CliTest.cli("reverse-stress", CliTest.BASELINE, "--vary", "lenders[0].model_quality", "--range",
                    "0.4:0.8", "--until", "peak(m3plus_ratio) > 0.5", "--set", "population.size=40", "--set", "horizon.months=3",
                    "--set", "replications=2", "--threads", "2", "--quiet", "--out", out.toString());
            assertEquals(1, r.exitCode(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("error: out of memory (test: point failed;"), r.err());
            assertEquals(1, never.getCount(), "the low end never went on");
            assertFalse(Files.exists(out), "nothing written");
        }
    }
}
