package org.creditstress.scenario;

/** The two kinds of credit product. */
public enum ProductKind {
    /** Baitiao-like: purchases, interest-free for one billing cycle or converted to instalments. */
    PURCHASE_LINE,
    /** Jintiao-like: a cash loan with fixed monthly instalments. */
    CASH_LOAN
}
