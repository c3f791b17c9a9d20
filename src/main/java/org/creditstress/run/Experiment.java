package org.creditstress.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.MarketBuilder;
import org.creditstress.model.SharedStart;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioException;
import org.creditstress.scenario.SegmentSpec;

/**
 * Runs a scenario's replications one after another, each on all threads (borrower chunks run in
 * parallel), each with its own seed from the {@link SeedPlan}. Replication k's result depends
 * only on the master seed and k. With {@code horizon.shared_start} the starting book is built and
 * burnt in once ({@link SharedStart}) and each replication runs its recorded months from a copy:
 * the same numbers as building it again, without the burn-in.
 */
public final class Experiment {
    private Experiment() {
    }

    /** The metric registry for a scenario (its lender and segment names). */
    public static MetricRegistry registry(Scenario s) {
        return new MetricRegistry(s.lenders().stream().map(LenderSpec::name).toList(),
                s.funders().stream().map(org.creditstress.scenario.FunderSpec::name).toList(),
                s.population().segments().stream().map(SegmentSpec::name).toList(),
                s.outputs().segmentMetrics(), s.outputs().vintages() ? (s.horizon().months() + 2) / 3 : 0);
    }

    /** Where a streamed run's replications go as they finish, in order. */
    @FunctionalInterface
    public interface ReplicationSink {
        void accept(ReplicationResult result) throws java.io.IOException;
    }

    /**
     * What a run is expected to need: heap bytes and wall seconds on {@code threads} threads. The
     * time is a rough figure from costs measured on a 2-core laptop (per replication, per month and
     * per borrower-month); it is printed, never enforced.
     */
    public record Estimate(long bytes, double seconds) {
        /** "about 1.2 GB of heap and 3 h 20 min". */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "about %.2f GB of heap and %s", bytes / 1e9, duration(seconds));
        }

        private static String duration(double s) {
            if (s < 60) {
                return String.format(java.util.Locale.ROOT, "%.0f s", Math.ceil(s));
            }
            if (s < 3600) {
                return String.format(java.util.Locale.ROOT, "%.0f min", Math.ceil(s / 60));
            }
            if (s < 86400 * 3) {
                return String.format(java.util.Locale.ROOT, "%.0f h %.0f min", Math.floor(s / 3600), Math.floor(s % 3600 / 60));
            }
            return String.format(java.util.Locale.ROOT, "%.0f days", Math.ceil(s / 86400));
        }
    }

    /**
     * The shape of a command's work, for its {@link Estimate}: {@code runs} model runs of the
     * scenario in all, {@code sideBySide} of them at the same time, the {@link Keep kept values}
     * of {@code keptRuns} runs in memory at once, and whether each run streams its full results to
     * disk (a results folder) as its replications finish.
     *
     * @param what a few words for messages, e.g. "compare of 3 scenarios"
     */
    public record Workload(String what, int runs, int sideBySide, int keptRuns, Keep keep, boolean streamed) {
        public Workload {
            if (runs < 1 || sideBySide < 1 || keptRuns < 0) {
                throw new IllegalArgumentException("runs and sideBySide must be at least 1, keptRuns at least 0");
            }
        }

        /** One run streamed to disk, keeping nothing: {@code creditstress run}. */
        public static Workload singleRun() {
            return new Workload("the run", 1, 1, 0, Keep.NOTHING, true);
        }
    }

    /**
     * Nanoseconds per borrower-month on one thread, a rough figure for {@link #estimate}, on the safe
     * side: docs/BENCHMARKS.md measures 360-410 ns for whole replications of 100,000 to 10 million
     * borrowers.
     */
    static final double NANOS_PER_BORROWER_MONTH = 1500;
    /**
     * Nanoseconds per month of a replication whatever its population (metrics, lenders' books,
     * network measures): about 0.5 ms for the baseline's 356 metrics, measured with one borrower on
     * a shared 2-core machine. Without it, 10,000 replications of a tiny run were estimated at a
     * second and took minutes.
     */
    static final double NANOS_PER_MONTH = 500_000;
    /** Nanoseconds per replication whatever its length (building lenders, paths, seeds): about 3.5 ms, measured as above. */
    static final double NANOS_PER_REPLICATION = 3_500_000;
    /** A run estimated to take longer than this many seconds has its estimate printed. */
    public static final double LONG_RUN_SECONDS = 600;
    /** What {@code run.store.ResultsStream} holds while writing {@code summary.csv}: blocks of this size, at least one metric. */
    static final long SUMMARY_BLOCK_BYTES = 16L * 1024 * 1024;

    /** The estimate for a run kept in memory ({@code streamed} false) or streamed to disk. */
    public static Estimate estimate(Scenario s, int threads, boolean streamed) {
        if (streamed) {
            return estimate(s, threads, Workload.singleRun());
        }
        long table = tableBytes(s);
        return estimate(s, threads, new Workload("the run", 1, 1, 1, Keep.NOTHING, false),
                (long) Math.min(Long.MAX_VALUE / 4, (double) table * s.replications()));
    }

    /** The estimate for a command's work on scenario {@code s} (with the largest population, if it runs several). */
    public static Estimate estimate(Scenario s, int threads, Workload w) {
        return estimate(s, threads, w, 0);
    }

    private static Estimate estimate(Scenario s, int threads, Workload w, long extra) {
        int months = s.horizon().months();
        long reps = s.replications();
        long table = tableBytes(s);
        long population = MarketBuilder.estimatedBytes(s) - MarketBuilder.BASE_BYTES;
        // A replication's table is being filled while the one before it is consumed.
        double perRun = population + 2.0 * table;
        boolean frozenBook = sharesStart(s);
        if (frozenBook) {
            perRun += population; // the frozen starting book beside the replication thawed from it
        }
        if (w.streamed()) {
            perRun += Math.max(SUMMARY_BLOCK_BYTES, 8.0 * reps * months) + 48.0 * reps;
        }
        double kept = (double) w.keptRuns() * reps * w.keep().bytesPerReplication(months);
        double bytes = MarketBuilder.BASE_BYTES + (double) w.sideBySide() * perRun + kept + extra;
        // with a frozen starting book only the first replication builds and burns it in
        double burnIns = frozenBook ? 1 : reps;
        double borrowerMonths = s.population().size() * ((double) months * reps + (double) s.horizon().burnInMonths() * burnIns);
        double perRunNanos = NANOS_PER_REPLICATION * reps + NANOS_PER_MONTH * (months * reps + s.horizon().burnInMonths() * burnIns)
                + NANOS_PER_BORROWER_MONTH * borrowerMonths;
        double seconds = (double) w.runs() * perRunNanos / 1e9
                / Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
        return new Estimate((long) Math.min(Long.MAX_VALUE / 2, bytes), seconds);
    }

    /** Whether {@link #run} builds the starting book once and thaws a copy for each replication ({@link SharedStart}). */
    public static boolean sharesStart(Scenario s) {
        return s.horizon().sharedStart() && s.replications() > 1;
    }

    /** Bytes of one replication's metric table. */
    private static long tableBytes(Scenario s) {
        return (long) s.horizon().months() * registry(s).metrics().size() * Double.BYTES + 16L * s.horizon().months();
    }

    /**
     * Refuses a run that cannot fit in this JVM's heap: its population, and its replications'
     * results when they are kept in memory ({@code streamed} false).
     *
     * @throws ScenarioException naming {@code population.size} or {@code replications}, with the estimate and the heap
     */
    public static Estimate checkFits(LoadedScenario loaded, int threads, boolean streamed) {
        Scenario s = loaded.scenario();
        Estimate e = estimate(s, threads, streamed);
        long max = Runtime.getRuntime().maxMemory();
        if (e.bytes() > max) {
            long population = MarketBuilder.estimatedBytes(s);
            if (population > max) {
                throw new ScenarioException(loaded.problemAt("population.size", String.format(java.util.Locale.ROOT,
                        "%d borrowers need about %.1f GB of heap (the whole run of %d replications x %d months: %s), "
                                + "this JVM has %.1f GB (lower the size, or raise -Xmx via CREDITSTRESS_JAVA_OPTS)",
                        s.population().size(), population / 1e9, s.replications(), s.horizon().months(), e.describe(), max / 1e9)));
            }
            throw new ScenarioException(loaded.problemAt("replications", String.format(java.util.Locale.ROOT,
                    "%d replications x %d months of %d borrowers need %s, this JVM has %.2f GB of heap "
                            + "(fewer replications or months, or raise -Xmx via CREDITSTRESS_JAVA_OPTS)",
                    s.replications(), s.horizon().months(), s.population().size(), e.describe(), max / 1e9)));
        }
        return e;
    }

    /**
     * Refuses a command's work that cannot fit in this JVM's heap, before anything is written: the
     * populations of the runs that run side by side, and what they keep of their replications.
     *
     * @throws ScenarioException naming {@code population.size} or {@code replications}, with what is
     *                           being refused, the estimate and the heap
     */
    public static Estimate checkFits(LoadedScenario loaded, int threads, Workload w) {
        Scenario s = loaded.scenario();
        Estimate e = estimate(s, threads, w);
        long max = Runtime.getRuntime().maxMemory();
        if (e.bytes() > max) {
            double populations = MarketBuilder.BASE_BYTES + (double) w.sideBySide() * (MarketBuilder.estimatedBytes(s) - MarketBuilder.BASE_BYTES);
            if (populations > max) {
                throw new ScenarioException(loaded.problemAt("population.size", String.format(java.util.Locale.ROOT,
                        "%d borrowers%s need about %.1f GB of heap (%s, %d replications x %d months each: %s), "
                                + "this JVM has %.1f GB (lower the size, or raise -Xmx via CREDITSTRESS_JAVA_OPTS)",
                        s.population().size(), w.sideBySide() > 1 ? " in " + w.sideBySide() + " runs side by side" : "",
                        populations / 1e9, w.what(), s.replications(), s.horizon().months(), e.describe(), max / 1e9)));
            }
            throw new ScenarioException(loaded.problemAt("replications", String.format(java.util.Locale.ROOT,
                    "%s, %d replications x %d months of %d borrowers each, needs %s; this JVM has %.2f GB of heap "
                            + "(fewer replications or months, or raise -Xmx via CREDITSTRESS_JAVA_OPTS)",
                    w.what(), s.replications(), s.horizon().months(), s.population().size(), e.describe(), max / 1e9)));
        }
        return e;
    }

    /**
     * Refuses a population that cannot fit in this JVM's heap.
     *
     * @throws ScenarioException naming {@code population.size}
     */
    public static void checkFits(LoadedScenario loaded) {
        long need = MarketBuilder.estimatedBytes(loaded.scenario());
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new ScenarioException(loaded.problemAt("population.size", String.format(java.util.Locale.ROOT,
                    "%d borrowers need about %.1f GB of heap, this JVM has %.1f GB (lower the size, or raise -Xmx via CREDITSTRESS_JAVA_OPTS)",
                    loaded.scenario().population().size(), need / 1e9, max / 1e9)));
        }
    }

    /**
     * Runs every replication and keeps their whole tables in memory ({@link RunResult#replications()}):
     * for tests and benchmarks that look at every metric. Commands stream their results instead
     * ({@link #run(LoadedScenario, int, ProgressListener, Keep, ReplicationSink)}). Refuses, before
     * starting, a run whose results cannot fit.
     */
    public static RunResult run(LoadedScenario loaded, int threads, ProgressListener progress) {
        checkFits(loaded, threads, false);
        List<ReplicationResult> results = new ArrayList<>();
        RunResult r = run(loaded, threads, progress, results::add);
        return new RunResult(loaded, r.registry(), List.copyOf(results), threads, r.start(), r.end());
    }

    /**
     * Runs every replication, keeping in memory only what {@code keep} asks for, and hands each
     * replication also to {@code also} (for example a results stream writing it to disk) as it
     * finishes, in order. Memory grows with the replications only by
     * {@link Keep#bytesPerReplication}.
     */
    public static KeptRun run(LoadedScenario loaded, int threads, ProgressListener progress, Keep keep, ReplicationSink also) {
        MetricRegistry registry = registry(loaded.scenario());
        Instant now = Instant.now();
        KeptRun kept = new KeptRun(new RunResult(loaded, registry, List.of(), threads, now, now), keep);
        RunResult r = run(loaded, threads, progress, result -> {
            also.accept(result);
            kept.add(result);
        });
        kept.finish(r);
        return kept;
    }

    /** As above, with nothing else done with the replications. */
    public static KeptRun run(LoadedScenario loaded, int threads, ProgressListener progress, Keep keep) {
        return run(loaded, threads, progress, keep, result -> { });
    }

    /** Test hooks around each replication; they do nothing unless a test sets them. */
    interface Hooks {
        /** Before replication {@code replication}, with the executor its chunks will run on. */
        default void before(int replication, ChunkExecutor executor) {
        }

        /** After {@code result} went to the sink and the progress listener; {@code replications} in the run. */
        default void after(ReplicationResult result, int replications) {
        }
    }

    static volatile Hooks hooks = new Hooks() { };

    /**
     * Runs every replication and hands each to {@code sink} as it finishes, in order, keeping none:
     * memory does not grow with the number of replications. The returned result has an empty
     * replication list. A replication that fails (an exception or an error such as
     * {@link OutOfMemoryError}, in any worker thread) stops the run at once: it is thrown here, an
     * error as {@link RunOutOfMemory} or {@link WorkerFailed} (one line for the user).
     */
    public static RunResult run(LoadedScenario loaded, int threads, ProgressListener progress, ReplicationSink sink) {
        checkFits(loaded);
        Scenario s = loaded.scenario();
        MetricRegistry registry = registry(s);
        SeedPlan seeds = new SeedPlan(s.seed());
        Instant start = Instant.now();
        int r = 0;
        try (ChunkExecutor executor = new ChunkExecutor(threads)) {
            SharedStart book = sharesStart(s) ? SharedStart.build(s, executor, registry.metrics()) : null;
            for (; r < s.replications(); r++) {
                if (Thread.currentThread().isInterrupted()) {
                    // a run side by side with one that failed: stop here rather than finish for nothing
                    throw new IllegalStateException("interrupted before replication " + r);
                }
                hooks.before(r, executor);
                long seed = seeds.replicationSeed(r);
                long t0 = System.nanoTime();
                double[][] values = book != null ? book.replication(seed, executor).runRemaining()
                        : new CreditMarket(s, seed, executor, registry.metrics()).runToEnd();
                ReplicationResult result = new ReplicationResult(r, seed, values, System.nanoTime() - t0);
                try {
                    sink.accept(result);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                progress.replicationDone(r + 1, s.replications(), result);
                hooks.after(result, s.replications());
            }
        } catch (OutOfMemoryError e) {
            throw new RunOutOfMemory((OutOfMemoryError) original(e));
        } catch (Error e) {
            throw new WorkerFailed(r, original(e));
        }
        return new RunResult(loaded, registry, List.of(), threads, start, Instant.now());
    }

    /**
     * Runs replication {@code r} alone, on its own seed from the {@link SeedPlan}: exactly the
     * {@code r}-th replication of {@link #run}, so that replications can run in different JVMs
     * (a cluster's executors, see {@code org.creditstress.spark}) and be put together in order.
     */
    public static ReplicationResult runReplication(LoadedScenario loaded, int r, int threads) {
        checkFits(loaded);
        Scenario s = loaded.scenario();
        if (r < 0 || r >= s.replications()) {
            throw new IllegalArgumentException("replication " + r + " of a scenario with " + s.replications());
        }
        long seed = new SeedPlan(s.seed()).replicationSeed(r);
        try (ChunkExecutor executor = new ChunkExecutor(threads)) {
            long t0 = System.nanoTime();
            double[][] values = new CreditMarket(s, seed, executor, registry(s).metrics()).runToEnd();
            return new ReplicationResult(r, seed, values, System.nanoTime() - t0);
        } catch (OutOfMemoryError e) {
            throw new RunOutOfMemory(e);
        }
    }

    /**
     * The error as its thread threw it: a fork-join pool rethrows a worker's error in the waiting
     * thread as a copy without the message, with the original as its cause.
     */
    private static Throwable original(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause().getClass() == t.getClass()) {
            t = t.getCause();
        }
        return t;
    }

    /** A run that ran out of heap: says so in one line, with the heap size. */
    public static final class RunOutOfMemory extends RuntimeException {
        RunOutOfMemory(OutOfMemoryError cause) {
            super(String.format(java.util.Locale.ROOT, "the run ran out of memory (%s; this JVM has %.2f GB of heap): "
                            + "use fewer borrowers, or raise -Xmx via CREDITSTRESS_JAVA_OPTS", cause.getMessage(),
                    Runtime.getRuntime().maxMemory() / 1e9), cause);
        }
    }

    /**
     * A run stopped because an error other than running out of memory (a stack overflow, a class that
     * cannot be loaded, ...) was thrown in one of its threads: one line naming the replication and the
     * error.
     */
    public static final class WorkerFailed extends RuntimeException {
        WorkerFailed(int replication, Throwable cause) {
            super("replication " + replication + " failed: " + cause + "; the run was stopped", cause);
        }
    }
}
