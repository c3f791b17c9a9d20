package org.creditstress.model.economy;

/**
 * This month's economy: the scenario path values, the price level, the calendar month and its
 * purchase season, and the simulated unemployment. Written by {@link EconomyPhase} (with
 * {@link PriceLevel}) and {@link EmploymentTransitions}; read by everything else.
 */
public final class MacroState implements java.io.Serializable {
    /** Recorded month: 1..horizon; 0 and below are burn-in months. */
    int month;
    double unemploymentTarget;
    double incomeGrowthAnnual;
    double fundingRateAnnual;
    /** Month of the year of this month, 1 (January) to 12. */
    int monthOfYear = 1;
    /** Multiplier on this month's discretionary purchases (the seasonal calendar; 1 when flat). */
    double purchaseSeason = 1.0;
    /** Inflation of essential prices this month, annual rate. */
    double inflationAnnual;
    /** Price level of essentials, 1 before month 1. */
    double priceLevel = 1.0;
    /** Index of the income-growth path, 1 before month 1. */
    double incomeIndex = 1.0;
    /** Price level over income index: the factor on essential spending (1 while prices rise with incomes). */
    double essentialsPriceFactor = 1.0;
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

    /** Month of the year of this month, 1 (January) to 12, from {@code horizon.start}. */
    public int monthOfYear() {
        return monthOfYear;
    }

    /** This month's multiplier on discretionary purchases, from the seasonal calendar (annual mean 1). */
    public double purchaseSeason() {
        return purchaseSeason;
    }

    /** This month's inflation of essential prices, annual rate (the income growth under {@code with_incomes}). */
    public double inflationAnnual() {
        return inflationAnnual;
    }

    /** Price level of essentials, 1 before month 1 (and in burn-in months). */
    public double priceLevel() {
        return priceLevel;
    }

    /** Index of the macro income-growth path, 1 before month 1 (and in burn-in months). */
    public double incomeIndex() {
        return incomeIndex;
    }

    /** Factor on essential spending: price level over income index, exactly 1 under {@code with_incomes}. */
    public double essentialsPriceFactor() {
        return essentialsPriceFactor;
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
