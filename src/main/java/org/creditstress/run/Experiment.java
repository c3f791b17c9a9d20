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

    public static RunResult run(LoadedScenario loaded, int threads, ProgressListener progress) {
        checkFits(loaded);
        Scenario s = loaded.scenario();
        MetricRegistry registry = registry(s);
        SeedPlan seeds = new SeedPlan(s.seed());
        Instant start = Instant.now();
        List<ReplicationResult> results = new ArrayList<>();
        try (ChunkExecutor executor = new ChunkExecutor(threads)) {
            for (int r = 0; r < s.replications(); r++) {
                long seed = seeds.replicationSeed(r);
                long t0 = System.nanoTime();
                double[][] values = new CreditMarket(s, seed, executor, registry.metrics()).runToEnd();
                ReplicationResult result = new ReplicationResult(r, seed, values, System.nanoTime() - t0);
                results.add(result);
                progress.replicationDone(r + 1, s.replications(), result);
            }
        }
        return new RunResult(loaded, registry, List.copyOf(results), threads, start, Instant.now());
    }
}
