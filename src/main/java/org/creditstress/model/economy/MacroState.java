package org.creditstress.model.economy;

/**
 * This month's economy: the scenario path values and the simulated unemployment. Written by
 * {@link EconomyPhase} and {@link EmploymentTransitions}; read by everything else.
 */
public final class MacroState {
    /** Recorded month: 1..horizon; 0 and below are burn-in months. */
    int month;
    double unemploymentTarget;
    double incomeGrowthAnnual;
    double fundingRateAnnual;
    /** Unemployment among borrowers, after this month's transitions. */
    double unemploymentRate;
    final long[] employedBySegment;
    /** New credit (purchases and cash loans) last month, and in month 1, for macro feedback. */
    double lastNewCredit;
    double referenceNewCredit;
    final long[] unemployedBySegment;

    public MacroState(int segments) {
        employedBySegment = new long[segments];
        unemployedBySegment = new long[segments];
    }

    /** Records this month's new credit (called by lender accounting). */
    /** Number of borrower segments. */
    public int segments() {
        return employedBySegment.length;
    }

    public void recordNewCredit(double newCredit) {
        lastNewCredit = newCredit;
        if (month == 1) {
            referenceNewCredit = newCredit;
        }
    }

    public int month() {
        return month;
    }

    public double unemploymentTarget() {
        return unemploymentTarget;
    }

    public double incomeGrowthAnnual() {
        return incomeGrowthAnnual;
    }

    public double fundingRateAnnual() {
        return fundingRateAnnual;
    }

    public double unemploymentRate() {
        return unemploymentRate;
    }

    public long employed(int segment) {
        return employedBySegment[segment];
    }

    public long unemployed(int segment) {
        return unemployedBySegment[segment];
    }

    /** Sets the employment counts (population build and each month's transitions). */
    public void setEmployment(long[] employed, long[] unemployed) {
        System.arraycopy(employed, 0, employedBySegment, 0, employed.length);
        System.arraycopy(unemployed, 0, unemployedBySegment, 0, unemployed.length);
        long e = 0;
        long u = 0;
        for (int k = 0; k < employed.length; k++) {
            e += employed[k];
            u += unemployed[k];
        }
        unemploymentRate = e + u == 0 ? 0.0 : (double) u / (e + u);
    }
}
