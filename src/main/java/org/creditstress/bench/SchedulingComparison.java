package org.creditstress.bench;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.MarketBuilder;
import org.creditstress.model.MonthPhase;
import org.creditstress.model.borrower.BorrowerMonth;
import org.creditstress.model.borrower.SeasonalCalendar;
import org.creditstress.model.economy.EconomyPhase;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.policy.PolicyPhase;
import org.creditstress.scenario.Scenario;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The borrower step (employment, income, consumption, repayment) scheduled four ways on a MASON
 * {@link Schedule}, over the same market (built from the same seed):
 * <ul>
 *   <li>{@link Mode#CHUNKED}: the model as shipped: one Steppable ({@link BorrowerMonth}) that
 *       takes each chunk of 4096 borrowers through the four phases in turn on the
 *       {@link ChunkExecutor} ({@code EmploymentTransitions}, {@code IncomeProcess},
 *       {@code Consumption}, {@code Repayment}; the model adds underwriting, left out here);</li>
 *   <li>{@link Mode#NAIVE_SHUFFLED}: one Steppable per borrower, all scheduled repeating at the
 *       same ordering, which MASON steps in a freshly shuffled order every month (its default,
 *       the usual way an agent-based model is written). Each agent runs the same four phases'
 *       per-borrower step ({@link BorrowerPhases});</li>
 *   <li>{@link Mode#NAIVE_ORDERED}: one Steppable per borrower, each at its own ordering so that
 *       MASON steps them in index order: same per-agent scheduling cost, and the same random
 *       draws as the chunked phases, so the result is identical to {@link Mode#CHUNKED};</li>
 *   <li>{@link Mode#FUSED_LOOP}: one Steppable that loops over all borrowers doing the whole
 *       borrower step for each (the same per-borrower steps without per-agent scheduling).
 *       Identical result too; it shows how much of the gap is scheduling and how
 *       much is doing the four phases in one pass over memory.</li>
 * </ul>
 * Each month also runs the model's {@link EconomyPhase} and {@link PolicyPhase} first. Lender mechanisms (underwriting,
 * collection, write-off, accounting) are not part of the borrower step and do not run.
 */
public final class SchedulingComparison {
    /** How the borrower step is scheduled. */
    public enum Mode {
        CHUNKED("chunked phases (model)"),
        NAIVE_SHUFFLED("one Steppable per borrower, MASON shuffled order"),
        NAIVE_ORDERED("one Steppable per borrower, index order"),
        FUSED_LOOP("one loop, whole step per borrower (no per-agent scheduling)");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A prepared simulation: built market and filled schedule, ready to step month by month. */
    public static final class Prepared {
        public final Market market;
        public final SimState state;
        /** Seconds spent filling the schedule (per-agent scheduling has a set-up cost too). */
        public final double setupSeconds;

        Prepared(Market market, SimState state, double setupSeconds) {
            this.market = market;
            this.state = state;
            this.setupSeconds = setupSeconds;
        }

        /** Steps {@code months} months; returns the seconds taken. */
        public double run(int months) {
            long t0 = System.nanoTime();
            for (int m = 0; m < months; m++) {
                state.schedule.step(state);
            }
            return Harness.since(t0);
        }
    }

    private SchedulingComparison() {
    }

    /** One borrower as a MASON agent. */
    private static final class BorrowerAgent implements Steppable {
        private static final long serialVersionUID = 1L;
        private final transient BorrowerPhases phases;
        private final int index;

        BorrowerAgent(BorrowerPhases phases, int index) {
            this.phases = phases;
            this.index = index;
        }

        @Override
        public void step(SimState state) {
            phases.stepBorrower(index);
        }
    }

    /**
     * Builds the market of {@code scenario} from {@code seed} (untimed) and schedules the borrower
     * step the {@code mode} way (timed as set-up).
     */
    public static Prepared prepare(Scenario scenario, long seed, ChunkExecutor executor, Mode mode) {
        Market market = MarketBuilder.build(scenario, seed, executor);
        EconomyPhase.startClock(market.macro, scenario.horizon().burnInMonths());
        long t0 = System.nanoTime();
        SimState state = new SimState(seed);
        state.start();
        Schedule schedule = state.schedule;
        schedule.scheduleRepeating(Schedule.EPOCH, MonthPhase.ECONOMY.ordering(), new EconomyPhase(market.macro, market.ledger, scenario.economy(),
                scenario.horizon().firstMonth(), new SeasonalCalendar(scenario.population().behaviour().seasonalCalendar())), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, MonthPhase.POLICY.ordering(), new PolicyPhase(market, scenario.policyEvents(), org.creditstress.model.policy.PolicyEvents.standard(),
                scenario.population().segments().stream().map(org.creditstress.scenario.SegmentSpec::name).toList()), 1.0);
        int first = MonthPhase.EMPLOYMENT.ordering();
        BorrowerPhases phases = new BorrowerPhases(market, scenario);
        switch (mode) {
            case CHUNKED -> schedule.scheduleRepeating(Schedule.EPOCH, first, new BorrowerMonth(market,
                    List.of(phases.employment, phases.income, phases.consumption, phases.repayment)), 1.0);
            case NAIVE_SHUFFLED, NAIVE_ORDERED -> {
                schedule.scheduleRepeating(Schedule.EPOCH, first, (Steppable) s -> phases.beginMonth(), 1.0);
                int n = market.borrowers.size;
                for (int i = 0; i < n; i++) {
                    int ordering = mode == Mode.NAIVE_ORDERED ? first + 1 + i : first + 1;
                    schedule.scheduleRepeating(Schedule.EPOCH, ordering, new BorrowerAgent(phases, i), 1.0);
                }
                schedule.scheduleRepeating(Schedule.EPOCH, Integer.MAX_VALUE, (Steppable) s -> phases.endMonth(), 1.0);
            }
            case FUSED_LOOP -> {
                int n = market.borrowers.size;
                schedule.scheduleRepeating(Schedule.EPOCH, first, (Steppable) s -> {
                    phases.beginMonth();
                    for (int i = 0; i < n; i++) {
                        phases.stepBorrower(i);
                    }
                    phases.endMonth();
                }, 1.0);
            }
            default -> throw new IllegalArgumentException(mode.toString());
        }
        return new Prepared(market, state, Harness.since(t0));
    }

    /** A checksum of the borrower and account state: total savings plus total receivables. */
    public static double checksum(Market m) {
        double s = 0;
        for (double x : m.borrowers.savings) {
            s += x;
        }
        var acc = m.accounts;
        for (int a = 0; a < acc.size; a++) {
            s += acc.balance(a);
        }
        return s;
    }
}
