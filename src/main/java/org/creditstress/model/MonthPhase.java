package org.creditstress.model;

/**
 * The phases of a month, in the order MASON's {@code Schedule} runs them (DOMAIN.md section 3).
 * The ordering number is the Schedule ordering: lower runs first within a month. This is the one
 * place that says what happens when, and why:
 * <ul>
 *   <li>the economy and policies first: every later phase reads this month's rates and rules;</li>
 *   <li>borrowers next (jobs, income, spending, repayment), so lenders act on this month's
 *       payments;</li>
 *   <li>lenders' decisions (underwriting and limits, collection, restructuring, litigation,
 *       write-off) and the bureau score, then the courts that work on the cases filed;</li>
 *   <li>the phases that work borrower by borrower, from {@link #TURNOVER} to
 *       {@link #CREDIT_SCORE}, the courts' cases of the month and the {@link #PORTFOLIO_SCAN} run
 *       chunk by chunk in one Steppable at {@link #TURNOVER}
 *       ({@link org.creditstress.model.borrower.BorrowerMonth}), each chunk through all of them in
 *       this order; the other slots of these phases stay empty and {@link #COURTS} files and queues
 *       the month's cases after the pass (with {@code courts.months_to_judgment: 0} the courts run
 *       whole at {@link #COURTS} and the scan at its own slot; {@code CreditMarket.phaseByPhase()}
 *       puts every phase at its own slot, with the same results);</li>
 *   <li>the portfolio scan sums the month once every account has moved; books, funding stress,
 *       funding and tightening read it, in that order: losses reach funders before lines are drawn,
 *       and a lender decides its next month's limits on this month's capital;</li>
 *   <li>network measures, invariants, the trace and the metrics only read the finished month.</li>
 * </ul>
 * Phases marked "channel" run only when their contagion channel is on ({@code model.channel}).
 */
public enum MonthPhase {
    /** With a shared start, the replication's own random streams take over before month 1 ({@link SharedStartSwitch}). */
    SEEDS(-1),
    ECONOMY(0),
    /** Channel: macro feedback adjusts the month's unemployment target. */
    MACRO_FEEDBACK(2),
    POLICY(5),
    /** Borrowers with no debt may leave; newcomers take their rows and apply. */
    TURNOVER(7),
    /** Some borrowers start a new stage of life: their behavioural traits are drawn afresh. */
    LIFE_STAGES(8),
    EMPLOYMENT(10),
    INCOME(20),
    CONSUMPTION(30),
    REPAYMENT(40),
    UNDERWRITING(50),
    COLLECTION(60),
    RESTRUCTURING(62),
    LITIGATION(64),
    WRITE_OFF(66),
    CREDIT_SCORE(68),
    COURTS(70),
    PORTFOLIO_SCAN(80),
    LENDER_BOOKS(84),
    /** Channel: covenant tests, funder stress and the ABS discount. */
    FUNDING_STRESS(85),
    LENDER_FUNDING(86),
    /** Channel: credit-supply tightening decides next month's limit cuts. */
    TIGHTENING(87),
    NETWORK_MEASURES(88),
    /** The lenders' forward liquidity ladders, from the finished month's accounts and funding. */
    LIQUIDITY_LADDER(89),
    INVARIANTS(90),
    TRACE(93),
    METRICS(95);

    private final int ordering;

    MonthPhase(int ordering) {
        this.ordering = ordering;
    }

    public int ordering() {
        return ordering;
    }
}
