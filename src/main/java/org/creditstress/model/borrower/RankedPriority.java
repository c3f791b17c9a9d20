package org.creditstress.model.borrower;

/**
 * Pays accounts in full one after another, highest rank first (ties in account order), until the
 * cash runs out; the last account reached gets what is left.
 */
abstract class RankedPriority implements RepaymentPriority {

    /** Higher is paid first. */
    abstract double rank(AccountTable accounts, int a);

    @Override
    public void allocate(AccountTable accounts, int a0, int a1, double[] due, double cash, double[] paid) {
        int n = a1 - a0;
        boolean[] done = new boolean[n];
        double left = cash;
        for (int step = 0; step < n; step++) {
            int best = -1;
            double bestRank = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (!done[j]) {
                    double r = rank(accounts, a0 + j);
                    if (best < 0 || r > bestRank) {
                        best = j;
                        bestRank = r;
                    }
                }
            }
            done[best] = true;
            paid[best] = Math.min(due[best], left);
            left -= paid[best];
        }
    }
}
