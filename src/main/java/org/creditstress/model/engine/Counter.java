package org.creditstress.model.engine;

/** Events counted per lender in the {@link Ledger}. */
public enum Counter {
    ACCOUNTS_OPENED,
    ACCOUNTS_WRITTEN_OFF,
    LOANS_DRAWN,
    CURES_BY_COLLECTION
}
