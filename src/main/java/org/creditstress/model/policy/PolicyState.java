package org.creditstress.model.policy;

/**
 * The policies in force this month, as the mechanisms read them. NaN means "no such policy": the
 * scenario's own setting applies. Set by {@link PolicyPhase} at the start of each month.
 */
public final class PolicyState {
    double aprCap = Double.NaN;
    double incomeSupportShare;
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

    /** Income support to unemployed borrowers this month, as a share of permanent income (0 if none). */
    public double incomeSupportShare() {
        return incomeSupportShare;
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
