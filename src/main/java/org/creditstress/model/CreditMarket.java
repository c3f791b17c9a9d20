package org.creditstress.model;

import org.creditstress.model.lender.ApplicationRisk;
import org.creditstress.model.lender.BehaviourRanking;

import java.util.ArrayList;
import java.util.List;
import org.creditstress.metric.Metric;
import org.creditstress.model.borrower.BorrowerMonth;
import org.creditstress.model.borrower.SeasonalCalendar;
import org.creditstress.model.economy.EconomyPhase;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.model.engine.ReplicationSeeds;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.model.bureau.CreditBureau;
import org.creditstress.model.bureau.CreditScoreUpdate;
import org.creditstress.model.court.Courts;
import org.creditstress.model.court.Litigation;
import org.creditstress.model.lender.CollectionLadder;
import org.creditstress.model.borrower.LifeStages;
import org.creditstress.model.borrower.PopulationTurnover;
import org.creditstress.model.lender.Acquisition;
import org.creditstress.model.lender.Pricing;
import org.creditstress.model.lender.Restructuring;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.model.trace.EventWatch;
import org.creditstress.model.trace.TraceRecorder;
import org.creditstress.model.lender.LenderBooks;
import org.creditstress.model.lender.LenderFunding;
import org.creditstress.model.lender.LiquidityLadder;
import org.creditstress.model.funder.NetworkMeasuresPhase;
import org.creditstress.model.policy.PolicyPhase;
import org.creditstress.model.lender.Underwriting;
import org.creditstress.model.lender.WriteOff;
import org.creditstress.scenario.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One replication: a MASON {@link SimState} whose {@link sim.engine.Schedule} runs the phases of
 * each month in {@link MonthPhase} order, one schedule step per month. It only wires: building
 * the market and choosing phases; the behaviour lives in the phase classes.
 *
 * <p>Borrowers are never scheduled one by one. The phases that work borrower by borrower (the
 * borrowers', the lenders' account phases, the courts' cases and the portfolio scan) run as one
 * Steppable, {@link BorrowerMonth}, that takes each chunk of the borrower table through each of
 * them in turn (chunks in parallel on the {@link ChunkExecutor}), with per-chunk random streams
 * from the replication seed. MASON's own generator ({@code random},
 * seeded with the replication seed) is not used by any mechanism.
 */
public final class CreditMarket extends SimState {
    private static final long serialVersionUID = 1L;
    private final transient Catalogue catalogue;
    private final transient Scenario scenario;
    private final transient ChunkExecutor executor;
    private final transient List<Metric> metrics;
    private final long replicationSeed;
    private transient Market market;
    private transient MetricsRecorder recorder;
    private transient Courts courts;
    private transient BorrowerTrace trace;
    private transient EventWatch watch;

    private transient boolean phaseByPhase;
    private transient boolean scanEverything;
    private transient PortfolioScan scan;

    /**
     * Runs every phase on its own over all chunks, at its own {@link MonthPhase} slot, instead of
     * taking each chunk through the borrower pass ({@link BorrowerMonth}); results are the same
     * ({@code PhaseByPhaseTest}). For timing each phase apart (the benchmark) and for checking that
     * the pass changes nothing. Call before {@link #start()}.
     */
    public CreditMarket phaseByPhase() {
        this.phaseByPhase = true;
        return this;
    }

    /**
     * Has the portfolio scan sum the metrics' figures in burn-in months too, which it otherwise
     * leaves out there ({@link PortfolioScan}): the recorded results are the same
     * ({@code ScanMonthsTest}). Call before {@link #start()}.
     */
    CreditMarket scanEverything() {
        this.scanEverything = true;
        return this;
    }

    /** The portfolio scan's totals of the last month simulated (after {@link #start()}). */
    PortfolioStats portfolio() {
        return scan.stats();
    }

    /** Follows one borrower and watches for notable events (call before {@link #start()}). */
    public CreditMarket observe(BorrowerTrace trace, EventWatch watch) {
        this.trace = trace;
        this.watch = watch;
        return this;
    }

    public CreditMarket(Scenario scenario, long replicationSeed, ChunkExecutor executor, List<Metric> metrics) {
        this(Catalogue.standard(), scenario, replicationSeed, executor, metrics);
    }

    /** A replication built from a given catalogue of channels and policy kinds (tests add toy ones). */
    public CreditMarket(Catalogue catalogue, Scenario scenario, long replicationSeed, ChunkExecutor executor, List<Metric> metrics) {
        super(replicationSeed);
        this.catalogue = catalogue;
        this.scenario = scenario;
        this.replicationSeed = replicationSeed;
        this.executor = executor;
        this.metrics = metrics;
    }

    /**
     * Wires the replication: the channels that are on say what they add, the market is built,
     * then every phase is made with the settings it uses and scheduled in {@link MonthPhase} order.
     */
    @Override
    public void start() {
        super.start();
        Wiring wiring = catalogue.wire(scenario);
        market = MarketBuilder.build(scenario, seeds(scenario, replicationSeed), executor);
        market.attach(trace, watch);
        EconomyPhase.startClock(market.macro, scenario.horizon().burnInMonths());
        PortfolioScan scan = new PortfolioScan(market, scenario.population().segments().size(), scenario.classification(),
                scenario.horizon().months(), scenario.products());
        if (scanEverything) {
            scan.sumEverything();
        }
        this.scan = scan;
        LiquidityLadder ladder = new LiquidityLadder(market, scan);
        LenderFunding funding = new LenderFunding(market, scan, ladder);
        LenderBooks books = new LenderBooks(market, scan, funding, scenario.economy().unemployment());
        books.countOpenAccounts();
        // which pairs the bureau covers is part of the starting book
        CreditBureau bureau = new CreditBureau(market, scenario.bureau(), wiring.bureauSharing(), market.seeds.start());
        boolean courtsInPass = !phaseByPhase && Courts.canRunChunkByChunk(scenario.courts());
        courts = new Courts(market, scenario.courts(), market.seeds, courtsInPass);
        NetworkMeasuresPhase network = new NetworkMeasuresPhase(market.lenders, market.funding, market.macro);
        BehaviourRanking ranking = new BehaviourRanking(market.chunks.count(), market.lenders.size());
        recorder = new MetricsRecorder(market, new MarketMonthView(market, scan, courts, books, funding, network, ladder, ranking), metrics,
                scenario.horizon().months());

        if (market.seeds.shared()) {
            schedule(MonthPhase.SEEDS, new SharedStartSwitch(market));
        }
        schedule(MonthPhase.ECONOMY, new EconomyPhase(market.macro, market.ledger, scenario.economy(), scenario.horizon().firstMonth(),
                new SeasonalCalendar(scenario.population().behaviour().seasonalCalendar())));
        schedule(MonthPhase.POLICY, new PolicyPhase(market, scenario.policyEvents(), catalogue.policies(),
                scenario.population().segments().stream().map(org.creditstress.scenario.SegmentSpec::name).toList()));
        BorrowerPhases borrowers = BorrowerPhases.of(market, scenario, wiring);
        Applicants applicants = MarketBuilder.applicants(scenario);
        Acquisition acquisition = new Acquisition(market.lenders, market.macro, openAccountsByLender(market),
                accountsPerApplication(applicants, market.lenders.size()), scenario.economy().unemployment().at(1));
        Underwriting underwriting = new Underwriting(market, bureau, scenario.products(), scenario.bureau(),
                scenario.population().behaviour().fraudIncomeInflation(), ApplicationRisk.of(scenario.population(), scenario.products()),
                new Underwriting.OpenBook(acquisition, applicants, scan, scenario.population().accounts().closureMonthly(),
                        scenario.population().thinFileGraduationMonths(), ranking));
        // Turnover, new stages of life, employment, income, consumption, repayment, underwriting,
        // collection, restructuring, litigation, write-off and the credit score, then the courts'
        // cases of the month and the portfolio scan, chunk by chunk (BorrowerMonth, scheduled at
        // TURNOVER; the slots from LIFE_STAGES to CREDIT_SCORE and PORTFOLIO_SCAN stay empty). The courts' filing and queue run at
        // COURTS, after every chunk. When cases can be judged in the month they are taken, the
        // courts need the month's filings first: they then run whole at COURTS, and the scan after them.
        java.util.Map<MonthPhase, ChunkPhase> pass = new java.util.LinkedHashMap<>();
        pass.put(MonthPhase.TURNOVER, new PopulationTurnover(market, applicants, scenario.population().turnoverMonthly()));
        pass.put(MonthPhase.LIFE_STAGES, new LifeStages(market, applicants, scenario.population().behaviour().lifeStageMonthly()));
        pass.put(MonthPhase.EMPLOYMENT, borrowers.employment());
        pass.put(MonthPhase.INCOME, borrowers.income());
        pass.put(MonthPhase.CONSUMPTION, borrowers.consumption());
        pass.put(MonthPhase.REPAYMENT, borrowers.repayment());
        pass.put(MonthPhase.UNDERWRITING, underwriting);
        pass.put(MonthPhase.COLLECTION, new CollectionLadder(market));
        pass.put(MonthPhase.RESTRUCTURING, new Restructuring(market, new Pricing(market, scenario.products())));
        pass.put(MonthPhase.LITIGATION, new Litigation(market, courts));
        pass.put(MonthPhase.WRITE_OFF, new WriteOff(market));
        pass.put(MonthPhase.CREDIT_SCORE, new CreditScoreUpdate(market, bureau, scenario.bureau()));
        if (phaseByPhase) {
            pass.forEach(this::schedule);
        } else {
            List<ChunkPhase> chunkByChunk = new ArrayList<>(pass.values());
            if (courtsInPass) {
                chunkByChunk.add(courts);
                chunkByChunk.add(scan);
            }
            schedule(MonthPhase.TURNOVER, new BorrowerMonth(market, chunkByChunk));
        }
        schedule(MonthPhase.COURTS, courts);
        if (!courtsInPass) {
            schedule(MonthPhase.PORTFOLIO_SCAN, scan);
        }
        schedule(MonthPhase.LENDER_BOOKS, books);
        schedule(MonthPhase.LENDER_FUNDING, funding);
        Wiring.Built built = new Wiring.Built(market, scan);
        for (Wiring.Scheduled m : wiring.mechanisms()) {
            schedule(m.phase(), m.factory().apply(built));
        }
        schedule(MonthPhase.NETWORK_MEASURES, network);
        schedule(MonthPhase.LIQUIDITY_LADDER, ladder);
        schedule(MonthPhase.INVARIANTS, new BorrowerMoneyCheck(market, scan));
        if (trace != null) {
            schedule(MonthPhase.TRACE, new TraceRecorder(market, scenario.products().stream().map(org.creditstress.scenario.ProductSpec::id).toList()));
        }
        schedule(MonthPhase.METRICS, recorder);
    }

    /**
     * The replication's seeds: its own for every month, or, with {@code horizon.shared_start},
     * replication 0's for the starting book and its own from month 1.
     */
    static ReplicationSeeds seeds(Scenario scenario, long replicationSeed) {
        if (!scenario.horizon().sharedStart()) {
            return ReplicationSeeds.of(replicationSeed);
        }
        return ReplicationSeeds.sharedStart(new SeedPlan(scenario.seed()).replicationSeed(0), replicationSeed);
    }

    private static double[] openAccountsByLender(Market market) {
        double[] open = new double[market.lenders.size()];
        var acc = market.accounts;
        for (int a = 0; a < acc.size; a++) {
            if (acc.status[a] == org.creditstress.model.borrower.AccountTable.OPEN) {
                open[acc.lender[a]]++;
            }
        }
        return open;
    }

    private static double[] accountsPerApplication(Applicants applicants, int lenders) {
        double[] out = new double[lenders];
        for (int l = 0; l < lenders; l++) {
            out[l] = (applicants.lineProduct(l) >= 0 ? 1.0 : 0.0)
                    + (applicants.loanProduct(l) >= 0 ? applicants.cashLoanShare() : 0.0);
        }
        return out;
    }

    private void schedule(MonthPhase phase, Steppable step) {
        schedule.scheduleRepeating(sim.engine.Schedule.EPOCH, phase.ordering(), step, 1.0);
    }

    /** Runs burn-in and every recorded month; returns the metric table [month - 1][metric]. */
    public double[][] runToEnd() {
        start();
        return runRemaining();
    }

    /**
     * Runs the months not yet simulated, up to the last recorded one, and returns the metric table
     * [month - 1][metric]: after {@link #start()} every month, after a copy of a shared start
     * ({@link SharedStart#replication}) the recorded months.
     */
    public double[][] runRemaining() {
        while (market.month() < scenario.horizon().months()) {
            stepMonth();
        }
        finish();
        return recorder.values();
    }

    /** What a copy of this replication needs: the schedule with its phases and the state they share. */
    record Frozen(sim.engine.Schedule schedule, Market market, MetricsRecorder recorder, Courts courts)
            implements java.io.Serializable {
    }

    Frozen frozenState() {
        return new Frozen(schedule, market, recorder, courts);
    }

    /** Takes over a copy made by {@link SharedStart} instead of {@link #start()}. */
    void thaw(Frozen copy) {
        schedule = copy.schedule();
        market = copy.market();
        recorder = copy.recorder();
        courts = copy.courts();
    }

    /**
     * Simulates one month, every phase in order (one step of the schedule), after {@link #start()}:
     * a replication stepped month by month to the end records exactly what {@link #runToEnd()} does.
     * Returns the month just simulated: burn-in months are 0 and below, recorded months 1 to
     * {@code horizon.months}.
     */
    public int stepMonth() {
        schedule.step(this);
        return market.month();
    }

    /** The metric row of recorded month {@code month} (1-based), once that month has been simulated. */
    public double[] recordedMonth(int month) {
        return recorder.values()[month - 1];
    }

    /** The courts (after {@link #start()}), for tests and tracing. */
    public Courts courts() {
        return courts;
    }

    /** The market being simulated (after {@link #start()}), for tests and tracing. */
    public Market market() {
        return market;
    }
}
