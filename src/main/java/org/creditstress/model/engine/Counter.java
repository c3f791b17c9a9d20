package org.creditstress.model.engine;

/** Events counted per lender in the {@link Ledger}. */
public enum Counter {
    ACCOUNTS_OPENED,
    ACCOUNTS_WRITTEN_OFF,
    LOANS_DRAWN,
    CURES_BY_COLLECTION,
    LOANS_STACKED,
    LIMIT_CUTS_EXTERNAL,
    LIMIT_INCREASES,
    RESTRUCTURED,
    CASES_FILED,
    FRAUD_WRITE_OFFS_COUNT,
    MULTI_LENDER_WRITE_OFFS
}
