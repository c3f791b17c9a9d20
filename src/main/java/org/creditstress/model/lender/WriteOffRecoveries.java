package org.creditstress.model.lender;

/**
 * Recoveries on written-off balances outside the courts (collection agencies, debt sales): a
 * lender adds {@code recovery.max_share} of each month's write-offs to a recoverable pool and
 * collects {@code recovery.monthly_rate} of the pool each month. The money comes from outside the
 * model (former borrowers' future income, buyers of debt).
 */
public final class WriteOffRecoveries implements java.io.Serializable {
    private final double[] pool;

    public WriteOffRecoveries(int lenders) {
        pool = new double[lenders];
    }

    /** Adds this month's write-offs and returns this month's recoveries for the lender. */
    public double recover(LenderState lender, double writeOffs) {
        int l = lender.index;
        pool[l] += lender.spec.recovery().maxShare() * writeOffs;
        double recovered = lender.spec.recovery().monthlyRate() * pool[l];
        pool[l] -= recovered;
        return recovered;
    }
}
