package org.creditstress.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.creditstress.metric.Metric;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioException;

/**
 * The benchmark of issues 6 and 16: throughput of the full model (severe downturn, every mechanism on)
 * by population and threads, heap per borrower, the wall time of a whole run, the chunked
 * phases against naive per-agent scheduling, time per phase, the model against a reference loop
 * over the same state (the machine's ceiling), and how cost scales. Each section
 * adds a table to a {@link BenchReport}; the targets are judged at the end.
 */
public final class Benchmark {
    /** Parts of the benchmark, in the order they run. */
    public enum Section {
        THROUGHPUT, HEAP, NAIVE, PHASES, REFERENCE, SCALING, RUN
    }

    /**
     * What to measure and at which sizes.
     *
     * @param bigBorrowers 0 for none: the largest population, run over {@code bigBurnIn + bigMonths} months only
     */
    public record Plan(String name, int warmups, int runs, List<Integer> threads,
                       List<Integer> borrowers, int bigBorrowers, int bigBurnIn, int bigMonths, int bigRuns,
                       int heapBorrowers, int naiveBorrowers, int naiveMonths, int phaseBorrowers,
                       int scaleBase, List<Integer> scaleBorrowers, List<Integer> scaleMonths,
                       List<Integer> scaleReplications, List<Integer> scaleLenders,
                       int runBorrowers, Integer runMonths, int runReplications, Set<Section> sections,
                       List<String> baseOverrides) {

        /** The sizes (25-35 minutes on 2 cores). */
        public static Plan full() {
            return new Plan("full", 1, 3, List.of(1, 2), List.of(100_000, 1_000_000), 10_000_000, 6, 6, 2,
                    1_000_000, 1_000_000, 12, 1_000_000,
                    250_000, List.of(100_000, 250_000, 1_000_000, 2_500_000), List.of(12, 36, 96), List.of(1, 2, 4),
                    List.of(1, 2, 4, 8),
                    1_000_000, null, 20, EnumSet.allOf(Section.class), List.of());
        }

        /** Smaller sizes, no whole 20-replication run (about a minute). */
        public static Plan quick() {
            return new Plan("quick", 1, 2, List.of(1, 2), List.of(50_000, 200_000), 0, 0, 0, 0,
                    200_000, 20_000, 6, 200_000,
                    50_000, List.of(25_000, 50_000, 100_000), List.of(12, 36), List.of(1, 2), List.of(1, 2, 4),
                    0, null, 0, EnumSet.complementOf(EnumSet.of(Section.RUN)), List.of());
        }

        /** Seconds-long smoke test (tests, CI): every section at a few thousand borrowers, 6 + 6 months. */
        public static Plan tiny() {
            return new Plan("tiny", 0, 1, List.of(1, 2), List.of(10_000), 0, 0, 0, 0,
                    10_000, 10_000, 3, 10_000,
                    5_000, List.of(5_000, 10_000), List.of(3, 6), List.of(1, 2), List.of(1, 3),
                    5_000, 2, 2, EnumSet.allOf(Section.class), List.of("horizon.months=6", "horizon.burn_in_months=6"));
        }

        /** Whether to measure the memory bandwidth (not for the tiny smoke plan). */
        public boolean bandwidth() {
            return !name.equals("tiny");
        }

        public Plan withSections(Set<Section> only) {
            return new Plan(name, warmups, runs, threads, borrowers, bigBorrowers, bigBurnIn, bigMonths, bigRuns,
                    heapBorrowers, naiveBorrowers, naiveMonths, phaseBorrowers, scaleBase, scaleBorrowers, scaleMonths,
                    scaleReplications, scaleLenders, runBorrowers, runMonths, runReplications, EnumSet.copyOf(only),
                    baseOverrides);
        }

        /** The throughput section at these populations only (full horizon each, no reduced-months large population). */
        public Plan withBorrowers(List<Integer> sizes) {
            return new Plan(name, warmups, runs, threads, List.copyOf(sizes), 0, 0, 0, 0,
                    heapBorrowers, naiveBorrowers, naiveMonths, phaseBorrowers, scaleBase, scaleBorrowers, scaleMonths,
                    scaleReplications, scaleLenders, runBorrowers, runMonths, runReplications, sections, baseOverrides);
        }

        /** The whole-run section with this many replications. */
        public Plan withRunReplications(int replications) {
            return new Plan(name, warmups, runs, threads, borrowers, bigBorrowers, bigBurnIn, bigMonths, bigRuns,
                    heapBorrowers, naiveBorrowers, naiveMonths, phaseBorrowers, scaleBase, scaleBorrowers, scaleMonths,
                    scaleReplications, scaleLenders, runBorrowers == 0 ? 1_000_000 : runBorrowers, runMonths, replications,
                    sections, baseOverrides);
        }

        /** The naive-scheduling comparison at this population. */
        public Plan withNaiveBorrowers(int n) {
            return new Plan(name, warmups, runs, threads, borrowers, bigBorrowers, bigBurnIn, bigMonths, bigRuns,
                    heapBorrowers, n, naiveMonths, phaseBorrowers, scaleBase, scaleBorrowers, scaleMonths,
                    scaleReplications, scaleLenders, runBorrowers, runMonths, runReplications, sections, baseOverrides);
        }

        public Plan withRuns(int newWarmups, int newRuns) {
            return new Plan(name, newWarmups, newRuns, threads, borrowers, bigBorrowers, bigBurnIn, bigMonths,
                    Math.min(bigRuns, newRuns), heapBorrowers, naiveBorrowers, naiveMonths, phaseBorrowers, scaleBase,
                    scaleBorrowers, scaleMonths, scaleReplications, scaleLenders, runBorrowers, runMonths, runReplications,
                    sections, baseOverrides);
        }
    }

    /** Other processes' load (cores) above which a section's timings are flagged as disturbed. */
    static final double OTHER_LOAD_WARNING = 0.15;

    private final BenchScenarios scenarios;
    private final Plan plan;
    private final Consumer<String> log;
    private final BenchReport report = new BenchReport();
    /** Borrower-months per second (replication incl. build) by "borrowers/threads". */
    private final Map<String, Harness.Stats> throughput = new LinkedHashMap<>();
    /** Seconds of a replication's months (build left out) by "borrowers/threads", for the reference section. */
    private final Map<String, Harness.Stats> monthsOnly = new LinkedHashMap<>();
    private ModelRuns.HeapUse twoLenderHeap;
    private double naiveRatio = Double.NaN;
    /** MASON's shuffled per-agent schedule (one thread, as its Schedule steps agents) against the model on 2 threads. */
    private double naiveRatio2 = Double.NaN;
    private String naiveRatioText = "";
    private ModelRuns.ExperimentTime wholeRun;

    /** {@code log} receives one progress line at a time. */
    public Benchmark(BenchScenarios scenarios, Plan plan, Consumer<String> log) {
        this.scenarios = scenarios.withBase(plan.baseOverrides());
        this.plan = plan;
        this.log = log;
    }

    public BenchReport run(List<String> commandLine) {
        environment(commandLine);
        long t0 = System.nanoTime();
        List<String> busy = new ArrayList<>();
        for (Section s : Section.values()) {
            if (!plan.sections().contains(s)) {
                continue;
            }
            long ts = System.nanoTime();
            double[] before = Harness.timedLoad();
            switch (s) {
                case THROUGHPUT -> throughput();
                case HEAP -> heap();
                case NAIVE -> naive();
                case PHASES -> phases();
                case REFERENCE -> reference();
                case SCALING -> scaling();
                case RUN -> wholeRun();
                default -> throw new IllegalStateException(s.toString());
            }
            double[] after = Harness.timedLoad();
            double timedSeconds = after[0] - before[0];
            double other = timedSeconds > 0 ? (after[1] - before[1]) / timedSeconds : Double.NaN;
            String name = s.name().toLowerCase(Locale.ROOT);
            busy.add(Double.isNaN(other) ? name + " -" : String.format(Locale.ROOT, "%s %.2f", name, other));
            BenchReport.Table table = report.table(name);
            if (table != null && other > OTHER_LOAD_WARNING) {
                table.note(String.format(Locale.ROOT, "WARNING: other processes kept %.2f cores busy during this section's timed runs; "
                        + "its timings are disturbed", other));
            }
            if (Double.isNaN(other)) {
                log("%s done in %.0f s", name, Harness.since(ts));
            } else {
                log("%s done in %.0f s (other processes during its timed runs: %.2f cores busy)", name, Harness.since(ts), other);
            }
        }
        targets();
        double[] all = Harness.timedLoad();
        double other = all[0] > 0 ? all[1] / all[0] : Double.NaN;
        report.environment(String.format(Locale.ROOT, "benchmark wall time: %.0f s; load average at the end: %s",
                Harness.since(t0), loadAverage()));
        report.environment("timed runs disturbed by other processes: " + Harness.disturbanceSummary());
        report.environment(String.format(Locale.ROOT, "cores kept busy by other processes during the timed runs (from /proc/stat, "
                + "less this JVM's CPU time): %.2f overall; by section: %s%s", other, String.join(", ", busy),
                other > OTHER_LOAD_WARNING ? " -- WARNING: the machine was not quiet, timings are disturbed" : ""));
        return report;
    }

    public BenchReport report() {
        return report;
    }

    // ---- sections ----

    private void throughput() {
        var t = report.add(new BenchReport.Table("throughput",
                "Throughput of the full model (" + scenarioName() + ", one replication: build + burn-in + horizon)",
                "borrowers", "months", "threads", "replication s", "of which build s",
                "borrower-months/s (whole replication)", "borrower-months/s (months only)", "ns / borrower-month",
                "ns / borrower-month: burn-in, recorded months", "2T / 1T"));
        List<int[]> configs = new ArrayList<>();
        for (int n : plan.borrowers()) {
            configs.add(new int[] {n, -1, -1, plan.runs()});
        }
        if (plan.bigBorrowers() > 0) {
            configs.add(new int[] {plan.bigBorrowers(), plan.bigBurnIn(), plan.bigMonths(), plan.bigRuns()});
        }
        for (int[] cfg : configs) {
            int n = cfg[0];
            LoadedScenario loaded = cfg[1] < 0 ? scenarios.load(n, null, null, 1)
                    : scenarios.load(n, cfg[2], cfg[1], 1);
            Scenario s = loaded.scenario();
            int months = s.horizon().burnInMonths() + s.horizon().months();
            try {
                Experiment.checkFits(loaded);
            } catch (ScenarioException e) {
                t.note(n + " borrowers skipped: " + e.problems().get(0).reason());
                continue;
            }
            long bm = BenchScenarios.borrowerMonths(loaded);
            Harness.Stats one = null;
            for (int threads : plan.threads()) {
                List<Metric> metrics = Experiment.registry(s).metrics();
                List<ModelRuns.ReplicationTime> samples = new ArrayList<>();
                try (ChunkExecutor ex = new ChunkExecutor(threads)) {
                    int runs = cfg[3];
                    for (int w = 0; w < plan.warmups(); w++) {
                        log("throughput %s borrowers x %d months, %d thread(s): warm-up", count(n), months, threads);
                        ModelRuns.replication(s, ex, metrics);
                    }
                    for (int r = 0; r < runs; r++) {
                        ModelRuns.ReplicationTime[] one1 = new ModelRuns.ReplicationTime[1];
                        Harness.timed(() -> {
                            Harness.gc();
                            one1[0] = ModelRuns.replication(s, ex, metrics);
                            return one1[0].totalSeconds();
                        });
                        ModelRuns.ReplicationTime rt = one1[0];
                        samples.add(rt);
                        log("throughput %s borrowers x %d months, %d thread(s): run %d/%d %.2f s (build %.2f s)",
                                count(n), months, threads, r + 1, runs, rt.totalSeconds(), rt.buildSeconds());
                    }
                }
                Harness.Stats total = Harness.Stats.of(samples.stream().mapToDouble(ModelRuns.ReplicationTime::totalSeconds).toArray());
                Harness.Stats build = Harness.Stats.of(samples.stream().mapToDouble(ModelRuns.ReplicationTime::buildSeconds).toArray());
                Harness.Stats stepping = Harness.Stats.of(samples.stream().mapToDouble(ModelRuns.ReplicationTime::monthsSeconds).toArray());
                Harness.Stats burnIn = Harness.Stats.of(samples.stream().mapToDouble(ModelRuns.ReplicationTime::burnInSeconds).toArray());
                Harness.Stats recorded = Harness.Stats.of(samples.stream().mapToDouble(r -> r.monthsSeconds() - r.burnInSeconds()).toArray());
                int burnInMonths = s.horizon().burnInMonths();
                String byKind = (burnInMonths == 0 ? "-" : nsText(burnIn.median(), (double) n * burnInMonths)) + ", "
                        + nsText(recorded.median(), (double) n * s.horizon().months());
                Harness.Stats rate = total.inverse(bm);
                Harness.Stats stepRate = stepping.inverse(bm);
                throughput.put(n + "/" + threads, rate);
                if (cfg[1] < 0) {
                    monthsOnly.put(n + "/" + threads, stepping);
                }
                String speedup = "";
                if (threads == 1) {
                    one = total;
                } else if (one != null) {
                    speedup = String.format(Locale.ROOT, "%.2fx", one.median() / total.median());
                }
                t.row(count(n), Integer.toString(months), Integer.toString(threads), secs(total), f2(build.median()),
                        rateText(rate), rateText(stepRate), nsText(total.median(), bm), byKind, speedup);
            }
        }
        t.note("median of the timed runs (min - max), after " + plan.warmups() + " warm-up run(s) and a full GC before each; "
                + "the same replication (seed of replication 0) every run");
        t.note("whole replication = MarketBuilder (start()) + every month, as CreditMarket.runToEnd() runs it; months only leaves the build out");
        t.note("burn-in, recorded months: the months' time split at the end of the burn-in (build left out); burn-in months sum only "
                + "what the model reads, recorded months every measure as well (PortfolioScan.metricsMonth)");
        if (plan.bigBorrowers() > 0) {
            t.note(count(plan.bigBorrowers()) + " borrowers run " + plan.bigBurnIn() + " burn-in + " + plan.bigMonths()
                    + " months only (" + plan.bigRuns() + " timed runs), to keep the benchmark short; the downturn starts in month 7, "
                    + "so these months are calm ones");
        }
    }

    private void heap() {
        var t = report.add(new BenchReport.Table("heap", "Heap per borrower (" + count(plan.heapBorrowers()) + " borrowers)",
                "population", "accounts / borrower", "theoretical B/borrower", "measured B/borrower (tables)",
                "measured B/borrower (started replication)"));
        String[][] variants = {
            {"as shipped (lenders_held as in the scenario)"},
            scenariosTwoLenders(),
        };
        try (ChunkExecutor ex = new ChunkExecutor(Runtime.getRuntime().availableProcessors())) {
            for (String[] v : variants) {
                String[] overrides = java.util.Arrays.copyOfRange(v, 1, v.length);
                LoadedScenario loaded = scenarios.load(plan.heapBorrowers(), null, null, 1, overrides);
                log("heap: %s", v[0]);
                ModelRuns.HeapUse h = ModelRuns.heap(loaded.scenario(), ex, Experiment.registry(loaded.scenario()).metrics());
                if (overrides.length > 0) {
                    twoLenderHeap = h;
                }
                t.row(v[0], f2(h.accountsPerBorrower()), String.format(Locale.ROOT, "%.1f", h.theoreticalPerBorrower()),
                        String.format(Locale.ROOT, "%.1f", h.measuredPerBorrower()),
                        String.format(Locale.ROOT, "%.1f", h.replicationPerBorrower()));
            }
        }
        t.note("theoretical = BorrowerTable.bytesPerBorrower() (" + org.creditstress.model.borrower.BorrowerTable.bytesPerBorrower()
                + ") + the borrower's slot masks (" + org.creditstress.model.borrower.AccountTable.BYTES_PER_HOLDER
                + ") + accounts per borrower x AccountTable.bytesPerAccount() ("
                + org.creditstress.model.borrower.AccountTable.bytesPerAccount()
                + ") + the room the plan books hold for entries of open plans ("
                + (twoLenderHeap == null ? "?" : String.format(Locale.ROOT, "%.0f", twoLenderHeap.planEntriesPerBorrower()))
                + " B a borrower, AccountTable.planEntries() x " + org.creditstress.model.borrower.AccountTable.BYTES_PER_PLAN_ENTRY
                + " B: one pool of blocks per chunk, sized for about 3 entries a slot and grown if a book needs more)");
        t.note("measured = (used heap after full GC with the market built) - (before), / borrowers (MemoryMXBean); "
                + "'started replication' adds the phases' scratch, per-chunk random streams and statistics, and the metric table");
    }

    private String[] scenariosTwoLenders() {
        List<String> v = new ArrayList<>();
        v.add("every borrower at exactly two lenders");
        v.addAll(List.of(scenarios.twoLenderOverrides()));
        return v.toArray(String[]::new);
    }

    private void naive() {
        LoadedScenario loaded = scenarios.load(plan.naiveBorrowers(), null, null, 1);
        Scenario s = loaded.scenario();
        int n = plan.naiveBorrowers();
        int months = plan.naiveMonths();
        long bm = (long) n * months;
        var t = report.add(new BenchReport.Table("naive",
                "Chunked phases vs naive per-agent scheduling (" + count(n) + " borrowers x " + months
                        + " months; employment + income + consumption + repayment)",
                "scheduling", "threads", "s / month", "ns / borrower-month", "borrower-months/s", "set-up s",
                "time vs chunked 1T", "state checksum"));
        record Variant(SchedulingComparison.Mode mode, int threads) {
        }
        List<Variant> variants = new ArrayList<>();
        for (int th : plan.threads()) {
            variants.add(new Variant(SchedulingComparison.Mode.CHUNKED, th));
        }
        variants.add(new Variant(SchedulingComparison.Mode.FUSED_LOOP, 1));
        variants.add(new Variant(SchedulingComparison.Mode.NAIVE_ORDERED, 1));
        variants.add(new Variant(SchedulingComparison.Mode.NAIVE_SHUFFLED, 1));
        // every variant warmed up first, then the timed runs interleaved (variant by variant, run after run),
        // so that neither JIT warm-up nor a passing disturbance favours one variant
        int runs = plan.runs();
        double[][] seconds = new double[variants.size()][runs];
        double[] setup = new double[variants.size()];
        double[] checksum = new double[variants.size()];
        List<ChunkExecutor> executors = new ArrayList<>();
        try {
            for (Variant v : variants) {
                executors.add(new ChunkExecutor(v.threads()));
            }
            for (int w = 0; w < plan.warmups(); w++) {
                for (int k = 0; k < variants.size(); k++) {
                    log("naive: warm-up %d/%d, %s, %d thread(s)", w + 1, plan.warmups(), variants.get(k).mode().label(),
                            variants.get(k).threads());
                    SchedulingComparison.prepare(s, ModelRuns.seed(s), executors.get(k), variants.get(k).mode()).run(months);
                }
            }
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < variants.size(); k++) {
                    Variant v = variants.get(k);
                    ChunkExecutor ex = executors.get(k);
                    SchedulingComparison.Prepared[] held = new SchedulingComparison.Prepared[1];
                    seconds[k][r] = Harness.timed(() -> {
                        held[0] = null;
                        SchedulingComparison.Prepared p = SchedulingComparison.prepare(s, ModelRuns.seed(s), ex, v.mode());
                        Harness.gc();
                        double secs = p.run(months);
                        held[0] = p;
                        return secs;
                    });
                    SchedulingComparison.Prepared p = held[0];
                    held[0] = null;
                    setup[k] = p.setupSeconds;
                    checksum[k] = SchedulingComparison.checksum(p.market);
                    log("naive: run %d/%d, %s, %d thread(s): %.3f s", r + 1, runs, v.mode().label(), v.threads(), seconds[k][r]);
                    p = null;
                }
            }
        } finally {
            executors.forEach(ChunkExecutor::close);
        }
        double chunked1 = Double.NaN;
        double chunked2 = Double.NaN;
        for (int k = 0; k < variants.size(); k++) {
            if (variants.get(k).mode() == SchedulingComparison.Mode.CHUNKED && variants.get(k).threads() == 1) {
                chunked1 = Harness.Stats.of(seconds[k]).median();
            }
            if (variants.get(k).mode() == SchedulingComparison.Mode.CHUNKED && variants.get(k).threads() == 2) {
                chunked2 = Harness.Stats.of(seconds[k]).median();
            }
        }
        double shuffled = Double.NaN;
        double orderedRatio = Double.NaN;
        for (int k = 0; k < variants.size(); k++) {
            Variant v = variants.get(k);
            Harness.Stats st = Harness.Stats.of(seconds[k]);
            double vs = st.median() / chunked1;
            if (v.mode() == SchedulingComparison.Mode.NAIVE_SHUFFLED) {
                shuffled = st.median();
            } else if (v.mode() == SchedulingComparison.Mode.NAIVE_ORDERED) {
                orderedRatio = vs;
            }
            t.row(v.mode().label(), Integer.toString(v.threads()),
                    String.format(Locale.ROOT, "%.4f (%.4f - %.4f)", st.median() / months, st.min() / months, st.max() / months),
                    nsText(st.median(), bm), rateText(st.inverse(bm)),
                    String.format(Locale.ROOT, "%.2f", setup[k]), String.format(Locale.ROOT, "%.2fx", vs),
                    String.format(Locale.ROOT, "%.6e", checksum[k]));
        }
        naiveRatio = shuffled / chunked1;
        naiveRatio2 = shuffled / chunked2;
        naiveRatioText = String.format(Locale.ROOT, "MASON's default shuffled order; %.1fx against index order", orderedRatio);
        try (ChunkExecutor ex = new ChunkExecutor(1)) {
            log("naive: heap of the per-borrower agents");
            double bytes = ModelRuns.naiveScheduleBytesPerBorrower(s, ex);
            t.note(String.format(Locale.ROOT, "per-agent scheduling also costs %.0f bytes of heap per borrower "
                    + "(agent object, MASON Repeat and Key, heap slot) on top of the tables", bytes));
        }
        t.note("chunked = the model's EmploymentTransitions, IncomeProcess, Consumption and Repayment, each chunk through the four "
                + "in turn (BorrowerMonth, as the model runs them, without underwriting); the other rows call "
                + "the same phases' per-borrower step (stepBorrowers) one borrower at a time; every variant runs the model's EconomyPhase and PolicyPhase first each month");
        t.note("state checksum = total savings + total receivables after the months: equal for the chunked, fused and index-order "
                + "variants (same draws, same arithmetic); the shuffled order hands the chunk's random numbers to different borrowers");
        t.note("time excludes building the market; set-up (filling the schedule) is shown apart");
    }

    private void phases() {
        LoadedScenario loaded = scenarios.load(plan.phaseBorrowers(), null, null, 1);
        Scenario s = loaded.scenario();
        long bm = BenchScenarios.borrowerMonths(loaded);
        int months = s.horizon().burnInMonths() + s.horizon().months();
        List<Integer> threads = plan.threads();
        List<String> header = new ArrayList<>(List.of("phase"));
        for (int th : threads) {
            header.add(th + "T s");
            header.add(th + "T share");
            header.add(th + "T ns / borrower-month");
        }
        if (threads.size() > 1) {
            header.add("speed-up " + threads.get(threads.size() - 1) + "T");
        }
        var t = report.add(new BenchReport.Table("phases", "Time per phase (" + count(plan.phaseBorrowers()) + " borrowers x "
                + months + " months, one replication)", header, List.of(), List.of()));
        List<Map<String, Double>> byThreads = new ArrayList<>();
        List<Double> replicationTotals = new ArrayList<>();
        List<Double> phaseByPhaseTotals = new ArrayList<>();
        for (int th : threads) {
            try (ChunkExecutor ex = new ChunkExecutor(th)) {
                for (int w = 0; w < plan.warmups(); w++) {
                    log("phases: %d thread(s), warm-up", th);
                    ModelRuns.phases(s, ex, Experiment.registry(s).metrics());
                }
                log("phases: %d thread(s)", th);
                List<Map<String, Double>> held = new ArrayList<>(List.of(Map.of()));
                Harness.timed(() -> {
                    Harness.gc();
                    held.set(0, ModelRuns.phases(s, ex, Experiment.registry(s).metrics()));
                    return held.get(0).values().stream().mapToDouble(Double::doubleValue).sum();
                });
                byThreads.add(held.get(0));
                phaseByPhaseTotals.add(Harness.timed(() -> {
                    Harness.gc();
                    return ModelRuns.replication(s, ex, Experiment.registry(s).metrics(), true).totalSeconds();
                }));
                replicationTotals.add(Harness.timed(() -> {
                    Harness.gc();
                    return ModelRuns.replication(s, ex, Experiment.registry(s).metrics()).totalSeconds();
                }));
            }
        }
        for (String phase : byThreads.get(0).keySet()) {
            List<String> row = new ArrayList<>(List.of(phase));
            for (int k = 0; k < threads.size(); k++) {
                double sec = byThreads.get(k).get(phase);
                double total = byThreads.get(k).values().stream().mapToDouble(Double::doubleValue).sum();
                row.add(f2(sec));
                row.add(String.format(Locale.ROOT, "%.1f %%", 100 * sec / total));
                row.add(String.format(Locale.ROOT, "%.1f", 1e9 * sec / bm));
            }
            if (threads.size() > 1) {
                double last = byThreads.get(threads.size() - 1).get(phase);
                row.add(String.format(Locale.ROOT, "%.2fx", byThreads.get(0).get(phase) / last));
            }
            t.row(row.toArray(String[]::new));
        }
        List<String> totalRow = new ArrayList<>(List.of("total (timed replication, phase by phase)"));
        List<String> apartRow = new ArrayList<>(List.of("untimed replication, phase by phase"));
        List<String> replRow = new ArrayList<>(List.of("untimed replication, as the model runs (the borrower pass)"));
        for (int k = 0; k < threads.size(); k++) {
            double total = byThreads.get(k).values().stream().mapToDouble(Double::doubleValue).sum();
            totalRow.add(f2(total));
            totalRow.add("100 %");
            totalRow.add(String.format(Locale.ROOT, "%.1f", 1e9 * total / bm));
            apartRow.add(f2(phaseByPhaseTotals.get(k)));
            apartRow.add("");
            apartRow.add(String.format(Locale.ROOT, "%.1f", 1e9 * phaseByPhaseTotals.get(k) / bm));
            replRow.add(f2(replicationTotals.get(k)));
            replRow.add("");
            replRow.add(String.format(Locale.ROOT, "%.1f", 1e9 * replicationTotals.get(k) / bm));
        }
        if (threads.size() > 1) {
            double first = byThreads.get(0).values().stream().mapToDouble(Double::doubleValue).sum();
            double last = byThreads.get(threads.size() - 1).values().stream().mapToDouble(Double::doubleValue).sum();
            totalRow.add(String.format(Locale.ROOT, "%.2fx", first / last));
            apartRow.add(String.format(Locale.ROOT, "%.2fx", phaseByPhaseTotals.get(0) / phaseByPhaseTotals.get(threads.size() - 1)));
            replRow.add(String.format(Locale.ROOT, "%.2fx", replicationTotals.get(0) / replicationTotals.get(threads.size() - 1)));
        }
        t.row(totalRow.toArray(String[]::new));
        t.row(apartRow.toArray(String[]::new));
        t.row(replRow.toArray(String[]::new));
        t.note("a CreditMarket replication run phase by phase (CreditMarket.phaseByPhase(): each phase over every chunk at its own "
                + "slot of the month, the same results as the model's borrower pass) whose Schedule wraps every Steppable in a timer "
                + "(System.nanoTime around step()); the next row is the same replication without timers (the timers' cost), the last "
                + "the replication as the model runs it, each chunk through every borrower and account phase, the courts' cases and "
                + "the portfolio scan in turn (BorrowerMonth): what the pass saves");
        t.note("one timed replication per thread count (ns / borrower-month is per phase over all months)");
    }

    /**
     * The model against {@link ReferenceLoop}, the machine's ceiling for its state, at the phase
     * section's population: for each thread count the loop's time for as many months as a
     * replication steps, and the replication's months (build left out): the throughput section's
     * figure at that population when it ran in this benchmark, else timed here. Medians of the
     * plan's runs.
     */
    private void reference() {
        LoadedScenario loaded = scenarios.load(plan.phaseBorrowers(), null, null, 1);
        Scenario s = loaded.scenario();
        long bm = BenchScenarios.borrowerMonths(loaded);
        int months = months(loaded);
        var t = report.add(new BenchReport.Table("reference", "The model against a reference loop over the same state ("
                + count(plan.phaseBorrowers()) + " borrowers x " + months + " months)",
                "threads", "state B / borrower", "reference ns / borrower-month", "reference GB/s (read + written)",
                "model ns / borrower-month (months only)", "model / reference"));
        List<Metric> metrics = Experiment.registry(s).metrics();
        for (int th : plan.threads()) {
            try (ChunkExecutor ex = new ChunkExecutor(th)) {
                log("reference: %d thread(s), the loop", th);
                ReferenceLoop loop = ReferenceLoop.of(s, ex);
                double stateBytes = loop.bytesPerBorrower();
                Harness.Stats ref = Harness.measure(plan.warmups(), plan.runs(), () -> loop.run(ex, months));
                Harness.Stats model = monthsOnly.get(plan.phaseBorrowers() + "/" + th);
                if (model == null) {
                    log("reference: %d thread(s), the model", th);
                    model = Harness.measure(plan.warmups(), plan.runs(), () -> ModelRuns.replication(s, ex, metrics).monthsSeconds());
                }
                double refNs = 1e9 * ref.median() / bm;
                double modelNs = 1e9 * model.median() / bm;
                t.row(Integer.toString(th), String.format(Locale.ROOT, "%.0f", stateBytes), String.format(Locale.ROOT, "%.1f", refNs),
                        String.format(Locale.ROOT, "%.1f", 2 * stateBytes / refNs), String.format(Locale.ROOT, "%.0f", modelNs),
                        String.format(Locale.ROOT, "%.1fx", modelNs / refNs));
            }
        }
        t.note("reference = ReferenceLoop: each month one read and one write of every byte the borrower and account tables hold "
                + "(BorrowerTable.bytesPerBorrower() + the slot masks + account slots x AccountTable.bytesPerAccount), as one array of longs per chunk, "
                + "on the model's chunks and executor; the machine's ceiling for a model that touches its whole state once a month");
        t.note("model = one replication's months (CreditMarket, build left out): the throughput section's months-only figure at this "
                + "population when that section ran, else timed here; model / reference = how many times the ceiling the model takes");
        t.note("median of " + plan.runs() + " timed run(s) each, after " + plan.warmups() + " warm-up run(s) and a full GC before each");
    }

    private void scaling() {
        var t = report.add(new BenchReport.Table("scaling", "Scaling (" + scenarioName() + ", "
                + maxThreads() + " threads; base " + count(plan.scaleBase()) + " borrowers, file's horizon, 2 lenders, 1 replication)",
                "varied", "borrowers", "months (incl. burn-in)", "replications", "lenders", "accounts / borrower",
                "wall s", "borrower-months/s", "ns / borrower-month", "cost vs base"));
        int threads = maxThreads();
        double[] baseNs = {Double.NaN};
        try (ChunkExecutor ex = new ChunkExecutor(threads)) {
            LoadedScenario base = scenarios.load(plan.scaleBase(), null, null, 1);
            for (int w = 0; w < plan.warmups(); w++) {
                log("scaling: warm-up");
                ModelRuns.replication(base.scenario(), ex, Experiment.registry(base.scenario()).metrics());
            }
            baseNs[0] = scaleRow(t, "base", base, ex, Double.NaN);
            for (int n : plan.scaleBorrowers()) {
                if (n != plan.scaleBase()) {
                    scaleRow(t, "borrowers", scenarios.load(n, null, null, 1), ex, baseNs[0]);
                }
            }
            int baseMonths = base.scenario().horizon().months();
            for (int m : plan.scaleMonths()) {
                if (m != baseMonths) {
                    scaleRow(t, "months", scenarios.load(plan.scaleBase(), m, null, 1), ex, baseNs[0]);
                }
            }
            for (int l : plan.scaleLenders()) {
                if (l != base.scenario().lenders().size()) {
                    scaleRow(t, "lenders", scenarios.load(plan.scaleBase(), null, null, 1, scenarios.lendersOverride(l)), ex, baseNs[0]);
                }
            }
        }
        for (int r : plan.scaleReplications()) {
            if (r == 1) {
                continue;
            }
            LoadedScenario loaded = scenarios.load(plan.scaleBase(), null, null, r);
            log("scaling: %d replications", r);
            ModelRuns.ExperimentTime[] held = new ModelRuns.ExperimentTime[1];
            Harness.timed(() -> {
                Harness.gc();
                held[0] = ModelRuns.experiment(loaded, threads);
                return held[0].wallSeconds();
            });
            ModelRuns.ExperimentTime et = held[0];
            long bm = BenchScenarios.runBorrowerMonths(loaded);
            t.row("replications", count(plan.scaleBase()), Integer.toString(months(loaded)), Integer.toString(r),
                    Integer.toString(loaded.scenario().lenders().size()), "", f2(et.wallSeconds()),
                    rateText(Harness.Stats.of(et.wallSeconds()).inverse(bm)), nsText(et.wallSeconds(), bm),
                    String.format(Locale.ROOT, "%.2fx", et.wallSeconds() * 1e9 / (baseNs[0] * BenchScenarios.borrowerMonths(loaded))));
        }
        t.note("wall s is one replication (or the whole Experiment.run for the replications rows); cost vs base = wall time / base wall time; "
                + "ns / borrower-month stays flat when cost grows linearly");
        t.note("replications rows: the replications share the starting book, so the burn-in runs once and is counted once "
                + "(borrower-months = borrowers x (burn-in + replications x horizon))");
        t.note("lenders rows: copies of the file's two lenders with equal market shares; borrowers still apply to at most two, "
                + "so accounts per borrower hardly change");
        t.note("median of " + plan.runs() + " run(s) per row");
    }

    /** Times one scaling row; returns its ns per borrower-month. */
    private double scaleRow(BenchReport.Table t, String varied, LoadedScenario loaded, ChunkExecutor ex, double baseNs) {
        Scenario s = loaded.scenario();
        List<Metric> metrics = Experiment.registry(s).metrics();
        long bm = BenchScenarios.borrowerMonths(loaded);
        log("scaling: %s (%s borrowers, %d months, %d lenders)", varied, count(s.population().size()), months(loaded), s.lenders().size());
        int[] accounts = new int[1];
        Harness.Stats st = Harness.measure(0, plan.runs(), () -> {
            ModelRuns.ReplicationTime rt = ModelRuns.replication(s, ex, metrics);
            accounts[0] = rt.accounts();
            return rt.totalSeconds();
        });
        double ns = 1e9 * st.median() / bm;
        double baseWall = Double.isNaN(baseNs) ? st.median() : baseNs * 1e-9 * scaleBaseBorrowerMonths();
        t.row(varied, count(s.population().size()), Integer.toString(months(loaded)), "1", Integer.toString(s.lenders().size()),
                f2((double) accounts[0] / s.population().size()), f2(st.median()), rateText(st.inverse(bm)),
                nsText(st.median(), bm), String.format(Locale.ROOT, "%.2fx", st.median() / baseWall));
        return ns;
    }

    private long scaleBaseBorrowerMonths() {
        return BenchScenarios.borrowerMonths(scenarios.load(plan.scaleBase(), null, null, 1));
    }

    private void wholeRun() {
        LoadedScenario loaded = scenarios.load(plan.runBorrowers(), plan.runMonths(), null, plan.runReplications());
        Scenario s = loaded.scenario();
        int threads = maxThreads();
        var t = report.add(new BenchReport.Table("run", "Whole run (Experiment.run, as 'creditstress run' does it)",
                "run", "threads", "wall s", "per replication s", "borrower-months simulated/s", "ns / recorded borrower-month"));
        try {
            Experiment.checkFits(loaded);
        } catch (ScenarioException e) {
            t.note("skipped: " + e.problems().get(0).reason());
            return;
        }
        log("run: %s borrowers x %d months (+%d burn-in) x %d replications, %d threads; this takes a while",
                count(s.population().size()), s.horizon().months(), s.horizon().burnInMonths(), s.replications(), threads);
        ModelRuns.ExperimentTime[] held = new ModelRuns.ExperimentTime[1];
        Harness.timed(() -> {
            Harness.gc();
            held[0] = ModelRuns.experiment(loaded, threads);
            return held[0].wallSeconds();
        });
        wholeRun = held[0];
        // The months the run steps: with a shared start (horizon.shared_start, more than one
        // replication) the burn-in runs once, before the first replication, not in each.
        boolean shared = Experiment.sharesStart(s);
        long recorded = BenchScenarios.recordedBorrowerMonths(loaded);
        long simulated = BenchScenarios.runBorrowerMonths(loaded);
        t.row(s.name() + ": " + count(s.population().size()) + " x " + s.horizon().months() + " months (+"
                        + s.horizon().burnInMonths() + " burn-in) x " + s.replications() + " replications",
                Integer.toString(threads), f2(wholeRun.wallSeconds()), secs(Harness.Stats.of(wholeRun.replicationSeconds())),
                rateText(Harness.Stats.of(wholeRun.wallSeconds()).inverse(simulated)),
                nsText(wholeRun.wallSeconds(), recorded));
        t.note("one run, timed once (it is long); the JIT is already warm from the sections before it when the whole benchmark runs");
        t.note("simulated: the burn-in " + (shared ? "once (the replications share the starting book it builds)" : "in every replication")
                + ", then the horizon in every replication; recorded: the horizon's months alone, what the results cover (wall time / "
                + "borrowers x months x replications)");
    }

    // ---- targets ----

    private void targets() {
        String key = 1_000_000 + "/" + 2;
        Harness.Stats at1m = throughput.get(key);
        if (plan.sections().contains(Section.THROUGHPUT)) {
            if (at1m != null) {
                report.target(new BenchReport.Target("throughput", ">= 50 M borrower-months/s, 2 threads, 1M borrowers",
                        rateText(at1m), at1m.median() >= 50e6,
                        "whole replication (build included); see the months-only column for stepping alone"));
            } else {
                report.target(new BenchReport.Target("throughput", ">= 50 M borrower-months/s, 2 threads, 1M borrowers",
                        "1M not run in this plan", null, ""));
            }
            Integer biggest = plan.borrowers().stream().max(Integer::compare).orElse(null);
            Harness.Stats t1 = biggest == null ? null : throughput.get(biggest + "/1");
            Harness.Stats t2 = biggest == null ? null : throughput.get(biggest + "/2");
            if (t1 != null && t2 != null) {
                double speedup = t2.median() / t1.median();
                report.target(new BenchReport.Target("threads", "2 threads >= 1.8x 1 thread",
                        String.format(Locale.ROOT, "%.2fx at %s borrowers", speedup, count(biggest)), speedup >= 1.8, ""));
            }
        }
        if (twoLenderHeap != null) {
            double b = twoLenderHeap.measuredPerBorrower();
            report.target(new BenchReport.Target("heap", "<= 200 B heap per borrower, accounts at two lenders",
                    String.format(Locale.ROOT, "%.1f B (theoretical %.1f B)", b, twoLenderHeap.theoreticalPerBorrower()), b <= 200,
                    "every borrower holding accounts at exactly two lenders (lenders_held = [0, 1]); see the heap table for the scenario as shipped"));
        }
        if (plan.sections().contains(Section.RUN)) {
            boolean target = plan.runBorrowers() == 1_000_000 && plan.runReplications() == 20 && plan.runMonths() == null
                    && plan.baseOverrides().isEmpty();
            report.target(new BenchReport.Target("whole run", "severe downturn 1M x 36 months x 20 replications < 30 s",
                    wholeRun == null ? "not run" : String.format(Locale.ROOT, "%.1f s", wholeRun.wallSeconds()),
                    wholeRun == null || !target ? null : wholeRun.wallSeconds() < 30, target ? "" : "this plan runs a smaller configuration"));
        } else {
            report.target(new BenchReport.Target("whole run", "severe downturn 1M x 36 months x 20 replications < 30 s",
                    "skipped (" + plan.name() + ")", null, ""));
        }
        if (!Double.isNaN(naiveRatio)) {
            // The target is stated at 1M borrowers and 2 cores: a smaller population is reported, not judged; the
            // model runs on both cores, MASON's Schedule steps its agents on one.
            boolean atTarget = plan.naiveBorrowers() == 1_000_000 && !Double.isNaN(naiveRatio2);
            String measured = Double.isNaN(naiveRatio2)
                    ? String.format(Locale.ROOT, "%.1fx at %s borrowers, 1 thread each", naiveRatio, count(plan.naiveBorrowers()))
                    : String.format(Locale.ROOT, "%.1fx at %s borrowers, the model on 2 threads (%.1fx on 1 thread each)",
                    naiveRatio2, count(plan.naiveBorrowers()), naiveRatio);
            report.target(new BenchReport.Target("vs naive", ">= 20x faster than per-agent scheduling, 1M borrowers, 2 cores",
                    measured, atTarget ? naiveRatio2 >= 20 : null,
                    naiveRatioText + (atTarget ? "" : "; the target is judged at 1M borrowers")));
        }
    }

    // ---- environment and formatting ----

    private void environment(List<String> commandLine) {
        Runtime rt = Runtime.getRuntime();
        report.environment("date: " + Instant.now());
        report.environment("command: " + String.join(" ", commandLine) + " (plan: " + plan.name() + ")");
        report.environment("scenario: " + scenarios.file() + " (" + scenarioName() + ")"
                + (plan.baseOverrides().isEmpty() ? "" : ", with " + String.join(" ", plan.baseOverrides())));
        report.environment("CPU: " + cpuModel() + ", " + rt.availableProcessors() + " processors available to the JVM");
        report.environment("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", GC: " + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "))
                + String.format(Locale.ROOT, ", max heap %.1f GiB", rt.maxMemory() / (double) (1L << 30)));
        report.environment("JVM options: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        report.environment("load average at the start: " + loadAverage());
        if (plan.bandwidth()) {
            List<String> bw = new ArrayList<>();
            for (int th : plan.threads()) {
                Harness.settle();
                bw.add(String.format(Locale.ROOT, "%d thread(s) %.1f GB/s", th, Harness.readBandwidth(th)));
            }
            report.environment("memory read bandwidth (sum over a 512 MB array): " + String.join(", ", bw));
        }
    }

    private String scenarioName() {
        try {
            return scenarios.load(1000, null, null, 1).scenario().name();
        } catch (RuntimeException e) {
            return scenarios.file().toString();
        }
    }

    private static int months(LoadedScenario loaded) {
        return loaded.scenario().horizon().months() + loaded.scenario().horizon().burnInMonths();
    }

    private int maxThreads() {
        return plan.threads().stream().max(Integer::compare).orElse(1);
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String count(long n) {
        if (n >= 1_000_000 && n % 100_000 == 0) {
            return (n % 1_000_000 == 0 ? Long.toString(n / 1_000_000) : String.format(Locale.ROOT, "%.1f", n / 1e6)) + "M";
        }
        if (n >= 1000 && n % 1000 == 0) {
            return n / 1000 + "k";
        }
        return Long.toString(n);
    }

    static String f2(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    static String secs(Harness.Stats s) {
        return String.format(Locale.ROOT, "%.2f (%.2f - %.2f)", s.median(), s.min(), s.max());
    }

    /** Nanoseconds per borrower-month, to the nanosecond: {@code seconds} spent on {@code borrowerMonths}. */
    private static String nsText(double seconds, double borrowerMonths) {
        return String.format(Locale.ROOT, "%.0f", 1e9 * seconds / borrowerMonths);
    }

    /** A rate in millions: "6.12 M (5.90 - 6.20)". */
    static String rateText(Harness.Stats s) {
        if (s.runs() <= 1) {
            return String.format(Locale.ROOT, "%.2f M", s.median() / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f M (%.2f - %.2f)", s.median() / 1e6, s.min() / 1e6, s.max() / 1e6);
    }

    private void log(String format, Object... args) {
        log.accept("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
