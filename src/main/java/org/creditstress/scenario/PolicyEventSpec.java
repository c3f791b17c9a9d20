package org.creditstress.scenario;

/**
 * A policy taking effect at a month; see {@code policy_events} in docs/scenario-reference.md. The
 * {@code kind} names one of the policy-event kinds registered in the model.
 */
public record PolicyEventSpec(int month, String kind, double value, int months, String eligibility, double takeUp,
                              String target, String segment) {

    /** Whether the policy is in force in {@code m} (durations count from {@code month}). */
    public boolean inForce(int m) {
        return m >= month && (months == 0 || m < month + months);
    }
}
