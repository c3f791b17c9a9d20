package org.creditstress.model.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Runs a task over every chunk of borrowers, on a fixed number of threads. With one thread the
 * chunks run in order on the caller's thread. Tasks must write only to their own chunk's state
 * and accumulators; reductions across chunks are done afterwards in chunk order.
 */
public final class ChunkExecutor implements AutoCloseable {

    /** Work on chunk {@code chunk}, borrowers {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface ChunkTask {
        void run(int chunk, int from, int to);
    }

    private final int threads;
    private final ForkJoinPool pool;

    public ChunkExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    public int threads() {
        return threads;
    }

    public void forEachChunk(Chunks chunks, ChunkTask task) {
        if (pool == null) {
            for (int c = 0; c < chunks.count(); c++) {
                task.run(c, chunks.from(c), chunks.to(c));
            }
            return;
        }
        try {
            pool.submit(() -> IntStream.range(0, chunks.count()).parallel()
                    .forEach(c -> task.run(c, chunks.from(c), chunks.to(c)))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
