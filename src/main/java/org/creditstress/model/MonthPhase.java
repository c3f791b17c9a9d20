package org.creditstress.model;

/**
 * The phases of a month, in the order MASON's {@code Schedule} runs them (DOMAIN.md section 3).
 * The ordering number is the Schedule ordering: lower runs first within a month. Gaps leave room
 * for mechanisms still to come.
 */
public enum MonthPhase {
    ECONOMY(0),
    POLICY(5),
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
    LENDER_ACCOUNTING(85),
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
