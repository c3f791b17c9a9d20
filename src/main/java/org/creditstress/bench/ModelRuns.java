package org.creditstress.bench;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditstress.metric.Metric;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.Market;
import org.creditstress.model.MarketBuilder;
import org.creditstress.model.MonthPhase;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.Scenario;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.engine.Stoppable;

/** Measurements of the full model: replications of {@link CreditMarket}, heap, and time per phase. */
public final class ModelRuns {
    private ModelRuns() {
    }

    /**
     * Seconds of one replication: building the market ({@code start()}) and stepping its months.
     *
     * @param burnInSeconds the burn-in's months alone (part of {@code monthsSeconds}): they sum
     *                      only what the model reads, recorded months every measure too
     */
    public record ReplicationTime(double buildSeconds, double monthsSeconds, double burnInSeconds, int accounts) {
        public double totalSeconds() {
            return buildSeconds + monthsSeconds;
        }
    }

    /** The seed of replication 0 of the scenario: every timed run simulates the same replication. */
    public static long seed(Scenario s) {
        return new SeedPlan(s.seed()).replicationSeed(0);
    }

    /**
     * One replication exactly as {@link CreditMarket#runToEnd()} runs it (start, then one schedule
     * step per month, then finish), with the build and the months timed apart.
     */
    public static ReplicationTime replication(Scenario s, ChunkExecutor executor, List<Metric> metrics) {
        return replication(s, executor, metrics, false);
    }

    /**
     * The same, with every phase run on its own over all chunks when {@code phaseByPhase}
     * ({@link CreditMarket#phaseByPhase()}; same results), instead of the borrower pass.
     */
    public static ReplicationTime replication(Scenario s, ChunkExecutor executor, List<Metric> metrics, boolean phaseByPhase) {
        CreditMarket cm = new CreditMarket(s, seed(s), executor, metrics);
        if (phaseByPhase) {
            cm.phaseByPhase();
        }
        int burnIn = s.horizon().burnInMonths();
        int months = burnIn + s.horizon().months();
        long t0 = System.nanoTime();
        cm.start();
        long t1 = System.nanoTime();
        for (int m = 0; m < burnIn; m++) {
            cm.schedule.step(cm);
        }
        long tb = System.nanoTime();
        for (int m = burnIn; m < months; m++) {
            cm.schedule.step(cm);
        }
        long t2 = System.nanoTime();
        cm.finish();
        Harness.consume(cm.market().borrowers.savings[0]);
        return new ReplicationTime((t1 - t0) / 1e9, (t2 - t1) / 1e9, (tb - t1) / 1e9, cm.market().accounts.size);
    }

    /** Heap of a built population, measured and by the tables' own count. */
    public record HeapUse(int borrowers, int accounts, long planEntryBytes, long marketBytes, long replicationBytes) {
        public double accountsPerBorrower() {
            return (double) accounts / borrowers;
        }

        /** Used heap after GC with the market built, minus before, per borrower. */
        public double measuredPerBorrower() {
            return (double) marketBytes / borrowers;
        }

        /** The same for a whole started replication (market, phases' scratch, metric table). */
        public double replicationPerBorrower() {
            return (double) replicationBytes / borrowers;
        }

        /**
         * {@code BorrowerTable.bytesPerBorrower() + AccountTable.BYTES_PER_HOLDER + accounts per borrower x
         * AccountTable.bytesPerAccount()} plus the room held for plan entries ({@link AccountTable#planEntries()}), per borrower.
         */
        public double theoreticalPerBorrower() {
            return BorrowerTable.bytesPerBorrower() + AccountTable.BYTES_PER_HOLDER + accountsPerBorrower() * AccountTable.bytesPerAccount()
                    + planEntriesPerBorrower();
        }

        /** Heap held for plan entries (the lists' capacity), per borrower. */
        public double planEntriesPerBorrower() {
            return (double) planEntryBytes / borrowers;
        }
    }

    /**
     * Measures the heap a population takes: used heap after a full GC with the market built by
     * {@link MarketBuilder#build}, minus before; then the same around a started {@link CreditMarket}.
     */
    public static HeapUse heap(Scenario s, ChunkExecutor executor, List<Metric> metrics) {
        long before = Harness.usedHeapAfterGc();
        Market market = MarketBuilder.build(s, seed(s), executor);
        long after = Harness.usedHeapAfterGc();
        int accounts = market.accounts.size;
        long planEntryBytes = market.accounts.planEntries()[1] * AccountTable.BYTES_PER_PLAN_ENTRY;
        Reference.reachabilityFence(market);
        market = null;

        long before2 = Harness.usedHeapAfterGc();
        CreditMarket cm = new CreditMarket(s, seed(s), executor, metrics);
        cm.start();
        long after2 = Harness.usedHeapAfterGc();
        Reference.reachabilityFence(cm);
        return new HeapUse(s.population().size(), accounts, planEntryBytes, after - before, after2 - before2);
    }

    /** Heap of the naive schedule's per-borrower agents, bytes per borrower (schedule minus bare market). */
    public static double naiveScheduleBytesPerBorrower(Scenario s, ChunkExecutor executor) {
        long before = Harness.usedHeapAfterGc();
        SchedulingComparison.Prepared p = SchedulingComparison.prepare(s, seed(s), executor, SchedulingComparison.Mode.CHUNKED);
        long chunked = Harness.usedHeapAfterGc();
        Reference.reachabilityFence(p);
        p = null;
        long before2 = Harness.usedHeapAfterGc();
        SchedulingComparison.Prepared q = SchedulingComparison.prepare(s, seed(s), executor, SchedulingComparison.Mode.NAIVE_SHUFFLED);
        long naive = Harness.usedHeapAfterGc();
        Reference.reachabilityFence(q);
        return ((naive - before2) - (chunked - before)) / (double) s.population().size();
    }

    /** A phase wrapped to add up its own time. */
    private static final class Timed implements Steppable {
        private static final long serialVersionUID = 1L;
        private final transient Steppable inner;
        private final int ordering;
        long nanos;

        Timed(Steppable inner, int ordering) {
            this.inner = inner;
            this.ordering = ordering;
        }

        @Override
        public void step(SimState state) {
            long t0 = System.nanoTime();
            inner.step(state);
            nanos += System.nanoTime() - t0;
        }

        String label() {
            String phase = null;
            for (MonthPhase p : MonthPhase.values()) {
                if (p.ordering() == ordering) {
                    phase = p.name().toLowerCase(Locale.ROOT);
                }
            }
            return (phase == null ? "ordering " + ordering : phase) + " (" + inner.getClass().getSimpleName() + ")";
        }
    }

    /**
     * A MASON schedule that wraps every repeating Steppable in a timer. Given to a
     * {@link CreditMarket} before {@code start()}, it times whatever phases the model wires, in
     * the model's own order, without copying the wiring.
     */
    private static final class TimingSchedule extends Schedule {
        private static final long serialVersionUID = 1L;
        final List<Timed> timed = new ArrayList<>();

        @Override
        public Stoppable scheduleRepeating(double time, int ordering, Steppable event, double interval) {
            Timed t = new Timed(event, ordering);
            timed.add(t);
            return super.scheduleRepeating(time, ordering, t, interval);
        }
    }

    /**
     * Seconds per phase over one replication of {@link CreditMarket} run phase by phase
     * ({@link CreditMarket#phaseByPhase()}: each phase over all chunks at its own slot, same
     * results as the borrower pass): every Steppable the model schedules is wrapped in a timer (see
     * {@link TimingSchedule}). Keys: "build", then the phases in month order, then "schedule
     * overhead" (the months' wall time not inside any phase).
     */
    public static Map<String, Double> phases(Scenario s, ChunkExecutor executor, List<Metric> metrics) {
        CreditMarket cm = new CreditMarket(s, seed(s), executor, metrics).phaseByPhase();
        TimingSchedule schedule = new TimingSchedule();
        cm.schedule = schedule;
        long t0 = System.nanoTime();
        cm.start();
        double build = Harness.since(t0);
        int months = s.horizon().burnInMonths() + s.horizon().months();
        long t1 = System.nanoTime();
        for (int m = 0; m < months; m++) {
            cm.schedule.step(cm);
        }
        double stepping = Harness.since(t1);
        cm.finish();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("build (CreditMarket.start)", build);
        List<Timed> ordered = new ArrayList<>(schedule.timed);
        ordered.sort(java.util.Comparator.comparingInt(t -> t.ordering));
        double inPhases = 0;
        for (Timed t : ordered) {
            out.merge(t.label(), t.nanos / 1e9, Double::sum);
            inPhases += t.nanos / 1e9;
        }
        out.put("schedule overhead", Math.max(0.0, stepping - inPhases));
        return out;
    }

    /** Wall seconds of {@link Experiment#run} (all replications of the scenario), and the replication times. */
    public record ExperimentTime(double wallSeconds, double[] replicationSeconds) {
    }

    public static ExperimentTime experiment(LoadedScenario loaded, int threads) {
        long t0 = System.nanoTime();
        var result = Experiment.run(loaded, threads, (done, total, r) -> { });
        double wall = Harness.since(t0);
        double[] reps = result.replications().stream().mapToDouble(r -> r.wallNanos() / 1e9).toArray();
        result.replications().forEach(r -> Harness.consume(r.values()));
        return new ExperimentTime(wall, reps);
    }
}
