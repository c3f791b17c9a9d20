package org.creditstress.model;

import java.util.List;
import org.creditstress.metric.Metric;
import org.creditstress.model.borrower.Consumption;
import org.creditstress.model.borrower.IncomeProcess;
import org.creditstress.model.borrower.Repayment;
import org.creditstress.model.borrower.RepaymentPriority;
import org.creditstress.model.economy.EconomyPhase;
import org.creditstress.model.economy.EmploymentTransitions;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.model.bureau.CreditBureau;
import org.creditstress.model.bureau.CreditScoreUpdate;
import org.creditstress.model.court.Courts;
import org.creditstress.model.court.Litigation;
import org.creditstress.model.lender.CollectionLadder;
import org.creditstress.model.lender.Restructuring;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.model.trace.EventWatch;
import org.creditstress.model.trace.TraceRecorder;
import org.creditstress.model.lender.LenderAccounting;
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
 * <p>Borrowers are never scheduled one by one. Each borrower phase is a single Steppable that
 * loops over chunks of the borrower table (in parallel on the {@link ChunkExecutor}), with
 * per-chunk random streams from the replication seed. MASON's own generator ({@code random},
 * seeded with the replication seed) is not used by any mechanism.
 */
public final class CreditMarket extends SimState {
    private static final long serialVersionUID = 1L;
    private final transient Scenario scenario;
    private final transient ChunkExecutor executor;
    private final transient List<Metric> metrics;
    private final long replicationSeed;
    private transient Market market;
    private transient MetricsRecorder recorder;
    private transient Courts courts;
    private transient BorrowerTrace trace;
    private transient EventWatch watch;

    /** Follows one borrower and watches for notable events (call before {@link #start()}). */
    public CreditMarket observe(BorrowerTrace trace, EventWatch watch) {
        this.trace = trace;
        this.watch = watch;
        return this;
    }

    public CreditMarket(Scenario scenario, long replicationSeed, ChunkExecutor executor, List<Metric> metrics) {
        super(replicationSeed);
        this.scenario = scenario;
        this.replicationSeed = replicationSeed;
        this.executor = executor;
        this.metrics = metrics;
    }

    @Override
    public void start() {
        super.start();
        market = MarketBuilder.build(scenario, replicationSeed, executor);
        market.attach(trace, watch);
        EconomyPhase.startClock(market.macro, scenario.horizon().burnInMonths());
        PortfolioScan scan = new PortfolioScan(market);
        LenderAccounting accounting = new LenderAccounting(market, scan);
        accounting.countOpenAccounts();
        CreditBureau bureau = new CreditBureau(market, replicationSeed);
        courts = new Courts(market, replicationSeed);
        recorder = new MetricsRecorder(market, new MarketMonthView(market, scan, courts, accounting), metrics);

        schedule(MonthPhase.ECONOMY, new EconomyPhase(market));
        schedule(MonthPhase.POLICY, new org.creditstress.model.policy.PolicyPhase(market));
        schedule(MonthPhase.EMPLOYMENT, new EmploymentTransitions(market, scenario.population().segments(),
                scenario.economy(), RandomStream.EMPLOYMENT));
        schedule(MonthPhase.INCOME, new IncomeProcess(market, scenario.population().segments(),
                scenario.economy().incomeGrowth(), RandomStream.INCOME));
        schedule(MonthPhase.CONSUMPTION, new Consumption(market, scenario.population().behaviour(),
                scenario.population().segments(), scenario.products(), RandomStream.CONSUMPTION));
        schedule(MonthPhase.REPAYMENT, new Repayment(market, scenario.products(), scenario.population().behaviour(),
                RepaymentPriority.of(scenario.population().behaviour().repaymentPriority(), scenario.products(), market.lenders)));
        schedule(MonthPhase.UNDERWRITING, new Underwriting(market, bureau));
        schedule(MonthPhase.COLLECTION, new CollectionLadder(market));
        schedule(MonthPhase.RESTRUCTURING, new Restructuring(market));
        schedule(MonthPhase.LITIGATION, new Litigation(market, courts));
        schedule(MonthPhase.WRITE_OFF, new WriteOff(market));
        schedule(MonthPhase.CREDIT_SCORE, new CreditScoreUpdate(market, bureau));
        schedule(MonthPhase.COURTS, courts);
        schedule(MonthPhase.PORTFOLIO_SCAN, scan);
        schedule(MonthPhase.LENDER_ACCOUNTING, accounting);
        schedule(MonthPhase.INVARIANTS, new BorrowerMoneyCheck(market, scan));
        if (trace != null) {
            schedule(MonthPhase.TRACE, new TraceRecorder(market));
        }
        schedule(MonthPhase.METRICS, recorder);
    }

    private void schedule(MonthPhase phase, Steppable step) {
        schedule.scheduleRepeating(sim.engine.Schedule.EPOCH, phase.ordering(), step, 1.0);
    }

    /** Runs burn-in and every recorded month; returns the metric table [month - 1][metric]. */
    public double[][] runToEnd() {
        start();
        int months = scenario.horizon().burnInMonths() + scenario.horizon().months();
        for (int m = 0; m < months; m++) {
            schedule.step(this);
        }
        finish();
        return recorder.values();
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
