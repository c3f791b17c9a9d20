package org.creditstress.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A worker that dies fails the run at once instead of hanging it. */
class ChunkExecutorTest {
    private static final Chunks EIGHT = new Chunks(8 * Chunks.CHUNK_SIZE, 1L);

    @Test
    void anErrorInATaskIsThrownToTheCaller() {
        try (ChunkExecutor ex = new ChunkExecutor(2)) {
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> ex.forEachChunk(EIGHT, (c, from, to) -> {
                if (c == 5) {
                    throw new OutOfMemoryError("test: heap full");
                }
            }));
            // ForkJoinPool may rethrow a copy of the error with the original as its cause
            assertEquals("test: heap full", e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
    }

    /**
     * A worker thread that dies outside its task (as when the JVM runs out of memory in the pool's
     * own code) leaves its task unfinished for ever; the caller must not wait for it.
     */
    @Test
    void aWorkerThatDiesOutsideItsTaskFailsTheRunInsteadOfHangingIt() {
        try (ChunkExecutor ex = new ChunkExecutor(2)) {
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> ex.forEachChunk(EIGHT, (c, from, to) -> {
                if (c == 3) {
                    Thread t = Thread.currentThread();
                    // the pool's handler is told the worker died; the task itself never ends
                    t.getUncaughtExceptionHandler().uncaughtException(t, new OutOfMemoryError("test: worker died"));
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException stop) {
                            return;
                        }
                    }
                }
            }));
            assertEquals("test: worker died", e.getMessage());
        }
    }
}
