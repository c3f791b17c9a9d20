package org.creditstress.model.policy;

/**
 * The policies in force this month, as the mechanisms read them. NaN means "no such policy": the
 * scenario's own setting applies. Set by {@link PolicyPhase} at the start of each month.
 */
public final class PolicyState implements java.io.Serializable {
    double aprCap = Double.NaN;
    /** Income support by segment this month, as a share of permanent income: to the unemployed, and to the employed. */
    private double[] supportUnemployed = new double[0];
    private double[] supportEmployed = new double[0];
    double bureauCoverage = Double.NaN;
    double courtCapacityPer100k = Double.NaN;
    double minCapitalRatio = Double.NaN;
    double cashBufferRatio = Double.NaN;
    double minOwnFundingShare = Double.NaN;

    /** The all-in APR cap as a monthly rate, or NaN. */
    public double aprCapMonthly() {
        return aprCap / 12.0;
    }

    /** A monthly rate after the APR cap. */
    public double capMonthly(double monthlyRate) {
        return Double.isNaN(aprCap) ? monthlyRate : Math.min(monthlyRate, aprCap / 12.0);
    }

    /** Income support this month to an unemployed borrower of segment {@code k}, as a share of permanent income (0 if none). */
    public double incomeSupportUnemployed(int k) {
        return k < supportUnemployed.length ? supportUnemployed[k] : 0.0;
    }

    /** Income support this month to an employed borrower of segment {@code k} (0 if none). */
    public double incomeSupportEmployed(int k) {
        return k < supportEmployed.length ? supportEmployed[k] : 0.0;
    }

    /** No income support (start of a month): support lasts only while an event is in force. */
    void resetIncomeSupport(int segments) {
        if (supportUnemployed.length != segments) {
            supportUnemployed = new double[segments];
            supportEmployed = new double[segments];
        }
        java.util.Arrays.fill(supportUnemployed, 0.0);
        java.util.Arrays.fill(supportEmployed, 0.0);
    }

    /** Adds support of {@code share} of permanent income, to the unemployed (and the employed if {@code everyone}), in segment {@code k} or all ({@code -1}). */
    void addIncomeSupport(double share, boolean everyone, int k) {
        for (int s = 0; s < supportUnemployed.length; s++) {
            if (k < 0 || k == s) {
                supportUnemployed[s] += share;
                if (everyone) {
                    supportEmployed[s] += share;
                }
            }
        }
    }

    /** A bureau-sharing mandate's coverage, or NaN. */
    public double bureauCoverage() {
        return bureauCoverage;
    }

    public double courtCapacityPer100k() {
        return courtCapacityPer100k;
    }

    /** A capital requirement, or NaN. */
    public double minCapitalRatio() {
        return minCapitalRatio;
    }

    /** A liquidity requirement (cash buffer), or NaN. */
    public double cashBufferRatio() {
        return cashBufferRatio;
    }

    /** Minimum share of each new loan a lender funds itself, or NaN. */
    public double minOwnFundingShare() {
        return minOwnFundingShare;
    }

    /** A scenario value or the policy's, whichever is higher (requirements only raise). */
    public static double atLeast(double scenarioValue, double policyValue) {
        return Double.isNaN(policyValue) ? scenarioValue : Math.max(scenarioValue, policyValue);
    }
}
