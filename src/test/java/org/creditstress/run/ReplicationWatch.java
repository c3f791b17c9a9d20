package org.creditstress.run;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.creditstress.model.engine.ChunkExecutor;

/**
 * Test helper around {@link Experiment#hooks}. {@link #watch()} remembers (weakly) the table of
 * every replication of every run made while it is installed, and after each run's last
 * replication counts how many tables of earlier replications are still reachable after a full
 * garbage collection: a command that streams its results and keeps only what it needs holds none,
 * whatever the number of replications. {@link #before} runs an action before each replication
 * (to inject a failure into the run's worker threads). Close it to take the hooks away.
 */
public final class ReplicationWatch implements AutoCloseable {
    private final List<WeakReference<double[][]>> tables = new ArrayList<>();
    private int mostReachable;
    private int checks;

    private ReplicationWatch(BiConsumer<Integer, ChunkExecutor> before, boolean watch) {
        Experiment.hooks = new Experiment.Hooks() {
            @Override
            public void before(int replication, ChunkExecutor executor) {
                before.accept(replication, executor);
            }

            @Override
            public void after(ReplicationResult result, int replications) {
                if (watch) {
                    check(result, replications);
                }
            }
        };
    }

    /** Watches the tables of every replication. */
    public static ReplicationWatch watch() {
        return new ReplicationWatch((r, e) -> { }, true);
    }

    /** Runs {@code action} before every replication of every run, with the replication and its executor. */
    public static ReplicationWatch before(BiConsumer<Integer, ChunkExecutor> action) {
        return new ReplicationWatch(action, false);
    }

    private synchronized void check(ReplicationResult result, int replications) {
        tables.add(new WeakReference<>(result.values()));
        if (result.replication() != replications - 1) {
            return;
        }
        checks++;
        int reachable = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            System.gc();
            reachable = 0;
            for (WeakReference<double[][]> t : tables) {
                double[][] v = t.get();
                if (v != null && v != result.values()) {
                    reachable++;
                }
            }
            if (reachable == 0) {
                break;
            }
        }
        mostReachable = Math.max(mostReachable, reachable);
    }

    /** The most tables of earlier replications found reachable at the end of a run. */
    public synchronized int mostReachable() {
        return mostReachable;
    }

    /** How many runs ended while watched. */
    public synchronized int runs() {
        return checks;
    }

    /** How many replications were watched. */
    public synchronized int replications() {
        return tables.size();
    }

    @Override
    public void close() {
        Experiment.hooks = new Experiment.Hooks() { };
    }
}
