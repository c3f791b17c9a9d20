package org.creditstress.run;

import java.util.ArrayList;
import java.util.List;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.MarketBuilder;
import org.creditstress.model.SharedStart;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioException;

/**
 * A scenario's replications run side by side, one recorded month at a time, for a caller that shows
 * each month as it happens (the classroom page of {@code serve}). {@link Experiment#run} runs one
 * replication to its end before starting the next; here every replication is built at once and
 * {@link #step()} moves them all through the next month, so a band across replications can be drawn
 * month by month. Replication k is seeded and recorded exactly as in {@link Experiment#run} (its seed
 * from the {@link SeedPlan}, the same metric registry): stepped to the end, each replication's table
 * equals the normal runner's, number for number. The burn-in months run when the run is made.
 *
 * <p>Not thread-safe: one caller steps it.
 */
public final class SteppedRun {
    private final Scenario scenario;
    private final MetricRegistry registry;
    private List<CreditMarket> replications;
    private int month;

    /**
     * Builds every replication and runs its burn-in months.
     *
     * @param trace follows one borrower in replication 0 (its story is recorded month by month), or null
     * @throws ScenarioException naming {@code population.size} when the replications' populations, all in
     *                           memory at once, cannot fit in this JVM's heap
     */
    public SteppedRun(LoadedScenario loaded, ChunkExecutor executor, BorrowerTrace trace) {
        scenario = loaded.scenario();
        checkFits(loaded);
        registry = Experiment.registry(scenario);
        SeedPlan seeds = new SeedPlan(scenario.seed());
        List<CreditMarket> built = new ArrayList<>();
        try {
            // With a shared start the book is burnt in once and copied (as Experiment does); replication 0 builds its own when
            // a borrower is traced, so that the trace sees the burn-in. The copies run exactly as self-built replications.
            SharedStart book = scenario.horizon().sharedStart() && scenario.replications() > 1
                    ? SharedStart.build(scenario, executor, registry.metrics()) : null;
            for (int r = 0; r < scenario.replications(); r++) {
                if (book != null && (r > 0 || trace == null)) {
                    built.add(book.replication(seeds.replicationSeed(r), executor));
                    continue;
                }
                CreditMarket market = new CreditMarket(scenario, seeds.replicationSeed(r), executor, registry.metrics());
                if (r == 0 && trace != null) {
                    market.observe(trace, null);
                }
                market.start();
                for (int m = 0; m < scenario.horizon().burnInMonths(); m++) {
                    market.stepMonth();
                }
                built.add(market);
            }
        } catch (OutOfMemoryError e) {
            throw new Experiment.RunOutOfMemory(e);
        }
        replications = List.copyOf(built);
    }

    private static void checkFits(LoadedScenario loaded) {
        Scenario s = loaded.scenario();
        double need = (double) MarketBuilder.estimatedBytes(s) * s.replications();
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new ScenarioException(loaded.problemAt("population.size", String.format(java.util.Locale.ROOT,
                    "%d replications of %d borrowers, stepped side by side, need about %.1f GB of heap, this JVM has %.1f GB "
                            + "(fewer borrowers or replications)", s.replications(), s.population().size(), need / 1e9, max / 1e9)));
        }
    }

    /** The metrics of each row {@link #step()} returns, in order. */
    public MetricRegistry registry() {
        return registry;
    }

    /** Recorded months in all ({@code horizon.months}). */
    public int months() {
        return scenario.horizon().months();
    }

    /** The last recorded month simulated: 0 before the first step. */
    public int month() {
        return month;
    }

    public boolean done() {
        return month >= months();
    }

    /** Replication {@code r} (0-based) as it stands, for reading its borrowers (the traced one's traits). */
    public CreditMarket replication(int r) {
        if (done()) {
            throw new IllegalStateException("the run has finished and released its replications");
        }
        return replications.get(r);
    }

    /**
     * Moves every replication through the next recorded month and returns that month's metric rows,
     * {@code [replication][metric index]} (NaN where undefined). After the last month the replications
     * are finished and released.
     *
     * @throws IllegalStateException after the last month
     */
    public double[][] step() {
        if (done()) {
            throw new IllegalStateException("the run has finished: all " + months() + " months are simulated");
        }
        month++;
        double[][] rows = new double[replications.size()][];
        try {
            for (int r = 0; r < rows.length; r++) {
                CreditMarket market = replications.get(r);
                int simulated = market.stepMonth();
                if (simulated != month) {
                    throw new IllegalStateException("replication " + r + " simulated month " + simulated + ", expected " + month);
                }
                rows[r] = market.recordedMonth(month).clone();
            }
        } catch (OutOfMemoryError e) {
            throw new Experiment.RunOutOfMemory(e);
        }
        if (done()) {
            replications.forEach(CreditMarket::finish);
            replications = List.of();
        }
        return rows;
    }
}
