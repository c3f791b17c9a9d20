package org.creditstress.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.Chunks;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A replication whose worker thread fails stops the run at once with one line for the user, and
 * never hangs it. The failures are injected into the run's own worker threads before a
 * replication; the timeouts only guard against a hang (a failing test, not a slow one).
 */
class ExperimentFailureTest {
    private static final Chunks EIGHT = new Chunks(8 * Chunks.CHUNK_SIZE, 1L);

    private static LoadedScenario small() {
        return ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of("population.size=40", "replications=5",
                "horizon.months=3", "horizon.burn_in_months=0"));
    }

    /** Runs a task on the run's worker threads in which chunk 3 does {@code failure}. */
    private static void failInAWorker(ChunkExecutor executor, Runnable failure) {
        executor.forEachChunk(EIGHT, (c, from, to) -> {
            if (c == 3) {
                failure.run();
            }
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aWorkerThatRunsOutOfMemoryStopsTheRunAtOnceWithOneLine() {
        int[] done = {0};
        try (ReplicationWatch hook = ReplicationWatch.before((r, executor) -> {
            if (r == 2) {
                failInAWorker(executor, () -> {
                    throw new OutOfMemoryError("test: heap full");
                });
            }
        })) {
            Experiment.RunOutOfMemory e = assertThrows(Experiment.RunOutOfMemory.class,
                    () -> Experiment.run(small(), 2, ProgressListener.NONE, Keep.NOTHING, r -> done[0]++));
            assertTrue(e.getMessage().startsWith("the run ran out of memory (test: heap full; this JVM has"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
        assertEquals(2, done[0], "replications 0 and 1 finished, nothing after the failure");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anyOtherErrorInAWorkerStopsTheRunNamingTheReplication() {
        try (ReplicationWatch hook = ReplicationWatch.before((r, executor) -> {
            if (r == 1) {
                failInAWorker(executor, () -> {
                    throw new StackOverflowError("test: too deep");
                });
            }
        })) {
            Experiment.WorkerFailed e = assertThrows(Experiment.WorkerFailed.class,
                    () -> Experiment.run(small(), 2, ProgressListener.NONE, Keep.NOTHING));
            assertTrue(e.getMessage().startsWith("replication 1 failed: java.lang.StackOverflowError"), e.getMessage());
            assertTrue(e.getMessage().contains("test: too deep"), e.getMessage());
        }
    }

    /** A worker thread that dies outside its task leaves that task unfinished for ever: the run must not wait for it. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aWorkerThatDiesOutsideItsTaskFailsTheRunInsteadOfHangingIt() {
        try (ReplicationWatch hook = ReplicationWatch.before((r, executor) -> {
            if (r == 0) {
                failInAWorker(executor, () -> {
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, new OutOfMemoryError("test: worker died"));
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException stop) {
                            return;
                        }
                    }
                });
            }
        })) {
            Experiment.RunOutOfMemory e = assertThrows(Experiment.RunOutOfMemory.class,
                    () -> Experiment.run(small(), 2, ProgressListener.NONE, Keep.NOTHING));
            assertTrue(e.getMessage().contains("test: worker died"), e.getMessage());
        }
    }
}
