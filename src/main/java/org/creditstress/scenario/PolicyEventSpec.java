package org.creditstress.scenario;

/** A policy taking effect at a month; see {@code policy_events} in docs/scenario-reference.md. */
public record PolicyEventSpec(int month, Kind kind, double value, int months) {

    /** What the policy does. */
    public enum Kind {
        APR_CAP, REPAYMENT_HOLIDAY, INCOME_SUPPORT, BUREAU_MANDATE, LITERACY_CAMPAIGN, COURT_CAPACITY,
        CAPITAL_REQUIREMENT, LIQUIDITY_REQUIREMENT, OWN_FUNDING_SHARE
    }

    /** Whether the policy is in force in {@code m} (durations count from {@code month}). */
    public boolean inForce(int m) {
        return m >= month && (months == 0 || m < month + months);
    }
}
