package org.creditstress.scenario;

/** A credit product's terms; see {@code products} in docs/scenario-reference.md. */
public record ProductSpec(String id, ProductKind kind, int instalmentMonths, double instalmentMonthlyFee,
                      double apr, int termMonths, double merchantDiscount, double penaltyDailyRate, double limitIncomeMultiple,
                      double minLimit, double maxLimit) {

    /** Penalty interest per month on overdue amounts (30 days). */
    public double penaltyMonthlyRate() {
        return penaltyDailyRate * 30.0;
    }

    /** The fixed monthly payment of a cash loan of principal 1 (annuity at apr / 12). */
    public double annuityFactor() {
        double r = apr / 12.0;
        if (r == 0) {
            return 1.0 / termMonths;
        }
        return r / (1.0 - Math.pow(1.0 + r, -termMonths));
    }
}
