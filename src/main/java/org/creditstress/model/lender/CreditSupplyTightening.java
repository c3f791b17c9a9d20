package org.creditstress.model.lender;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.policy.PolicyState;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.TIGHTENING}: pro-cyclical credit-supply tightening, a lender's policy choice
 * and the credit-supply contagion channel (built only when {@code contagion.credit_supply} is on,
 * and acting only for lenders with {@code tightening.enabled}). When the lender reviews its policy
 * and finds its capital ratio below {@code tightening.capital_trigger} (raised to a capital
 * requirement in force), it cuts every limit by {@code tightening.limit_cut} at next month's
 * underwriting, and new limits carry the cut too. After a cut it decides again only
 * {@code review_months} later. A review that finds capital back at or above the trigger loosens
 * again: new limits regain one cut ({@code limitFactor / (1 - limit_cut)}, at most 1); limits
 * already cut come back only through the usual increases for good payers. Borrowers who were rolling debt on those limits lose the room to
 * do so. Acts from month 1 on.
 */
public final class CreditSupplyTightening implements Steppable {
    private static final long serialVersionUID = 1L;
    private final List<LenderState> lenders;
    private final Market market;
    private final PolicyState policy;
    private final int[] monthsToReview;

    public CreditSupplyTightening(Market market) {
        this.market = market;
        this.lenders = market.lenders.stream().filter(l -> l.spec.tightening().enabled()).toList();
        this.policy = market.policy;
        this.monthsToReview = new int[market.lenders.size()];
    }

    @Override
    public void step(SimState state) {
        for (LenderState lender : lenders) {
            decide(lender, market.month(), policy.minCapitalRatio());
        }
    }

    /** Decides next month's limit cut for a lender whose month has just been accounted (NaN: no capital requirement). */
    void decide(LenderState lender, int month, double requiredCapital) {
        lender.pendingLimitCut = 0.0;
        if (monthsToReview[lender.index] > 0) {
            monthsToReview[lender.index]--;
            return;
        }
        double ratio = lender.capitalRatio();
        double trigger = PolicyState.atLeast(lender.spec.tightening().capitalTrigger(), requiredCapital);
        if (month >= 1 && !Double.isNaN(ratio) && ratio < trigger) {
            lender.pendingLimitCut = lender.spec.tightening().limitCut();
            lender.limitFactor *= 1.0 - lender.pendingLimitCut;
            monthsToReview[lender.index] = lender.spec.tightening().reviewMonths() - 1;
        } else if (month >= 1 && !Double.isNaN(ratio) && lender.limitFactor < 1.0) {
            lender.limitFactor = Math.min(1.0, lender.limitFactor / (1.0 - lender.spec.tightening().limitCut()));
            monthsToReview[lender.index] = lender.spec.tightening().reviewMonths() - 1;
        }
    }
}
