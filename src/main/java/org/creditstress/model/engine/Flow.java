package org.creditstress.model.engine;

/**
 * Money that moves in a month between a lender and a borrower or the outside world, recorded per
 * lender in the {@link Ledger}. Every change to an account's receivable or a lender's cash is one
 * of these, which is what lets the month's accounting identities be checked.
 */
public enum Flow {
    /** Merchant settlements the lender pays for credit-line purchases (cash out, receivable up). */
    PURCHASES,
    /** Merchant discount on purchases: the lender settles purchases less this (income). */
    MERCHANT_FEES,
    /** Cash-loan principal paid to borrowers (cash out, receivable up; borrower savings up). */
    DISBURSED,
    /** Instalment fees, loan interest and penalty interest charged (receivable up, income). */
    CHARGES,
    /** Loan interest charged, including interest capitalised in a grace period (a part of CHARGES, reported apart). */
    INTEREST,
    /** Instalment fees charged on purchase lines, including fees capitalised in a grace period (a part of CHARGES). */
    FEES,
    /** Penalty interest charged on arrears (a part of CHARGES). */
    PENALTY,
    /**
     * Penalty interest charged on accounts already over 90 days past due (4+ months): a part of
     * PENALTY that the lender does not recognise as income but holds in suspense until it is paid.
     */
    PENALTY_SUSPENDED,
    /** Repayments received (cash in, receivable down; borrower savings down except outside help). */
    REPAYMENTS,
    /** Balances written off (receivable down, charged against provisions). */
    WRITE_OFFS,
    /** Collection costs (cash out to collectors, expense). */
    COLLECTION_COST,
    /** Arrears paid from outside the model under collection pressure or court enforcement (borrower passes it on). */
    OUTSIDE_HELP,
    /** Legal costs of litigation (cash out, expense). */
    LEGAL_COST,
    /** Court enforcement on written-off accounts (cash in, income; from the borrower's savings or outside). */
    COURT_RECOVERIES,
    /** Written-off balances of fraudsters (a part of WRITE_OFFS, reported apart). */
    FRAUD_WRITE_OFFS,
    /**
     * Income charged on cash loans: interest and penalty interest recognised (a part of CHARGES
     * less PENALTY_SUSPENDED, reported apart for the unit economics by product).
     */
    CASH_LOAN_INCOME,
    /** Written-off balances of cash loans (a part of WRITE_OFFS, reported apart for the unit economics by product). */
    CASH_LOAN_WRITE_OFFS
}
