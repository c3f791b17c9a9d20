package org.creditstress.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.MarketBuilder;
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
 * only on the master seed and k.
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
     * What a run is expected to need: heap bytes (the population, plus every replication's table
     * if they are kept in memory, plus one replication's table and a block of summary inputs if
     * they are streamed) and wall seconds on {@code threads} threads. The time is a rough figure
     * from a cost per borrower-month measured on a 2-core laptop; it is printed, never enforced.
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

    /** Nanoseconds per borrower-month on one thread, a rough figure for {@link #estimate}. */
    static final double NANOS_PER_BORROWER_MONTH = 1500;
    /** A run estimated to take longer than this many seconds has its estimate printed. */
    public static final double LONG_RUN_SECONDS = 600;

    /** The estimate for a run kept in memory ({@code streamed} false) or streamed to disk. */
    public static Estimate estimate(Scenario s, int threads, boolean streamed) {
        long table = (long) s.horizon().months() * registry(s).metrics().size() * Double.BYTES + 16L * s.horizon().months();
        long population = MarketBuilder.estimatedBytes(s);
        long results = streamed ? 2 * table + 16L * 1024 * 1024 + 32L * s.replications()
                : (long) Math.min(Long.MAX_VALUE / 4, (double) table * s.replications());
        long bytes = population + results;
        double borrowerMonths = (double) s.population().size() * (s.horizon().months() + s.horizon().burnInMonths()) * s.replications();
        double seconds = borrowerMonths * NANOS_PER_BORROWER_MONTH / 1e9 / Math.max(1, Math.min(threads,
                Runtime.getRuntime().availableProcessors()));
        return new Estimate(bytes, seconds);
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
     * Runs every replication and keeps their results in memory ({@link RunResult#replications()}):
     * for experiments of few replications (compare, sweep, calibrate, attribution). Refuses, before
     * starting, a run whose results cannot fit.
     */
    public static RunResult run(LoadedScenario loaded, int threads, ProgressListener progress) {
        checkFits(loaded, threads, false);
        List<ReplicationResult> results = new ArrayList<>();
        RunResult r = run(loaded, threads, progress, results::add);
        return new RunResult(loaded, r.registry(), List.copyOf(results), threads, r.start(), r.end());
    }

    /**
     * Runs every replication and hands each to {@code sink} as it finishes, in order, keeping none:
     * memory does not grow with the number of replications. The returned result has an empty
     * replication list. A replication that fails (an exception or an error such as
     * {@link OutOfMemoryError}, in any worker thread) stops the run at once: it is thrown here.
     */
    public static RunResult run(LoadedScenario loaded, int threads, ProgressListener progress, ReplicationSink sink) {
        checkFits(loaded);
        Scenario s = loaded.scenario();
        MetricRegistry registry = registry(s);
        SeedPlan seeds = new SeedPlan(s.seed());
        Instant start = Instant.now();
        try (ChunkExecutor executor = new ChunkExecutor(threads)) {
            for (int r = 0; r < s.replications(); r++) {
                long seed = seeds.replicationSeed(r);
                long t0 = System.nanoTime();
                double[][] values = new CreditMarket(s, seed, executor, registry.metrics()).runToEnd();
                ReplicationResult result = new ReplicationResult(r, seed, values, System.nanoTime() - t0);
                try {
                    sink.accept(result);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                progress.replicationDone(r + 1, s.replications(), result);
            }
        } catch (OutOfMemoryError e) {
            throw new RunOutOfMemory(e);
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

    /** A run that ran out of heap: says so in one line, with the heap size. */
    public static final class RunOutOfMemory extends RuntimeException {
        RunOutOfMemory(OutOfMemoryError cause) {
            super(String.format(java.util.Locale.ROOT, "the run ran out of memory (%s; this JVM has %.2f GB of heap): "
                            + "use fewer borrowers, or raise -Xmx via CREDITSTRESS_JAVA_OPTS", cause.getMessage(),
                    Runtime.getRuntime().maxMemory() / 1e9), cause);
        }
    }
}
