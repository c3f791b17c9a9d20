package org.creditstress.model.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
    /** The first error that killed a worker thread outside a task (e.g. out of memory), if any. */
    private final AtomicReference<Throwable> died = new AtomicReference<>();

    public ChunkExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads, ForkJoinPool.defaultForkJoinWorkerThreadFactory,
                (thread, e) -> died.compareAndSet(null, e), false);
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
            ForkJoinTask<?> job = pool.submit(() -> IntStream.range(0, chunks.count()).parallel()
                    .forEach(c -> task.run(c, chunks.from(c), chunks.to(c))));
            // Waits in steps so that a worker thread that dies outside the task (which would leave
            // the task unfinished for ever) fails the run instead of hanging it.
            while (true) {
                try {
                    job.get(200, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    Throwable dead = died.get();
                    if (dead != null) {
                        job.cancel(true);
                        if (dead instanceof Error err) {
                            throw err;
                        }
                        throw new IllegalStateException("a worker thread died: " + dead, dead);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    /**
     * What a task threw, thrown again as it was (a runtime exception or an error) or wrapped: the
     * caller sees the task's own failure, not the pool's envelope.
     */
    public static RuntimeException rethrow(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
