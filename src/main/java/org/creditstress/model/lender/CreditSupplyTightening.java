package org.creditstress.model.lender;

/**
 * Pro-cyclical credit-supply tightening, a lender's policy choice: when the lender reviews its
 * policy and finds its capital ratio below {@code tightening.capital_trigger}, it cuts every
 * limit by {@code tightening.limit_cut} at next month's underwriting, and new limits carry the
 * cut too. After a cut it decides again only {@code review_months} later. Borrowers who were
 * rolling debt on those limits lose the room to do so: the credit-supply channel of contagion.
 * Only built for lenders with tightening enabled, and only acts from month 1 on.
 */
public final class CreditSupplyTightening {
    private final int[] monthsToReview;

    public CreditSupplyTightening(int lenders) {
        monthsToReview = new int[lenders];
    }

    /** Decides next month's limit cut for a lender whose month has just been accounted. */
    public void decide(LenderState lender, int month) {
        decide(lender, month, Double.NaN);
    }

    /** As {@link #decide(LenderState, int)}, with a capital requirement in force (NaN: none) raising the trigger. */
    public void decide(LenderState lender, int month, double requiredCapital) {
        lender.pendingLimitCut = 0.0;
        if (monthsToReview[lender.index] > 0) {
            monthsToReview[lender.index]--;
            return;
        }
        double ratio = lender.capitalRatio();
        double trigger = org.creditstress.model.policy.PolicyState.atLeast(lender.spec.tightening().capitalTrigger(), requiredCapital);
        if (month >= 1 && !Double.isNaN(ratio) && ratio < trigger) {
            lender.pendingLimitCut = lender.spec.tightening().limitCut();
            lender.limitFactor *= 1.0 - lender.pendingLimitCut;
            monthsToReview[lender.index] = lender.spec.tightening().reviewMonths() - 1;
        }
    }
}
