package org.creditstress.model.borrower;

/** Pays the account furthest past due first: the collector pressing hardest gets paid. */
final class CollectionPressureFirst extends RankedPriority {
    @Override
    double rank(AccountTable accounts, int a) {
        return accounts.monthsPastDue[a];
    }
}
