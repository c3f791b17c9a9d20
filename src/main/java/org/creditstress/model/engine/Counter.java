package org.creditstress.model.engine;

/** Events counted per lender in the {@link Ledger}. */
public enum Counter {
    ACCOUNTS_OPENED,
    ACCOUNTS_WRITTEN_OFF,
    /** Accounts closed by their holder, or with a borrower who left the market. */
    ACCOUNTS_CLOSED,
    /** Applications received: newcomers' and those the lender solicited. */
    APPLICATIONS,
    /** Thin-file borrowers who became established (counted at lender 0). */
    THIN_FILES_ESTABLISHED,
    LOANS_DRAWN,
    CURES_BY_COLLECTION,
    LOANS_STACKED,
    LIMIT_CUTS_EXTERNAL,
    LIMIT_INCREASES,
    /** Undrawn limits cut pre-emptively because the behaviour score was bad. */
    LIMIT_CUTS_BEHAVIOUR,
    RESTRUCTURED,
    CASES_FILED,
    FRAUD_WRITE_OFFS_COUNT,
    /** Accounts with a bill that a strategic defaulter chose not to pay this month. */
    STRATEGIC_WITHHOLDING,
    MULTI_LENDER_WRITE_OFFS,
    /** Borrowers who rolled debt this month: met a shortfall of essentials plus bills with new credit (counted at lender 0). */
    BORROWERS_ROLLING
}
