package org.creditstress.model.engine;

/** Money that moves in or out of borrowers' savings, recorded per chunk in the {@link Ledger}. */
public enum BorrowerFlow {
    /** Income received (wages, benefits). */
    INCOME,
    /** Spending paid from savings (essentials, emergencies, discretionary). */
    CASH_SPENDING,
    /** Essential spending that could be paid neither in cash nor on credit. */
    UNMET_ESSENTIALS,
    /** Spending put on purchase lines (not a savings flow; reported). */
    CREDIT_SPENDING,
    /** Line purchases put on instalment plans (part of credit spending; reported). */
    PLAN_PURCHASES,
    /** Line purchases put on plans times their term, months x yuan (for the mean term; reported). */
    PLAN_TERM_WEIGHTED,
    /** Plans and loans repaid early (part of repayments; reported). */
    PREPAID,
    /** Emergency expenses (part of spending; reported). */
    EMERGENCY_SPENDING,
    /** Savings of borrowers who left the market this month (leave with them). */
    SAVINGS_LEFT,
    /** Savings newcomers arrive with. */
    SAVINGS_ARRIVED,
    /** Borrowers who left and were replaced by newcomers this month (a count, not money). */
    BORROWERS_REPLACED
}
