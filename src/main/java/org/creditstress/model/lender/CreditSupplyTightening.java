package org.creditstress.model.lender;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.PortfolioScan;
import org.creditstress.model.PortfolioStats;
import org.creditstress.model.policy.PolicyState;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.TIGHTENING}: pro-cyclical credit-supply tightening, a lender's policy choice
 * and the credit-supply contagion channel (built only when {@code contagion.credit_supply} is on,
 * and acting only for lenders with {@code tightening.enabled}). The lender is under stress when
 * <ul>
 *   <li>its capital ratio is below {@code tightening.capital_trigger} (raised to a capital
 *       requirement in force), or</li>
 *   <li>its M1+ ratio {@code d(t)} (balances 1+ months past due over its receivables, from the
 *       month's portfolio scan) exceeds {@code (1 + m1plus_rise) d(0)}, with {@code d(0)} its
 *       ratio at month 0, the start of the run: a risk appetite set in calm times, which lenders
 *       act on before losses reach capital ({@code m1plus_rise} 0: capital alone decides).</li>
 * </ul>
 * When it reviews its policy under stress, it cuts every limit by {@code tightening.limit_cut} at
 * next month's underwriting (below the balance if need be: such accounts are over their limit
 * and take no new credit), and new limits carry the cut too. After a cut it decides again only
 * {@code review_months} later. A review that finds no stress loosens again: new limits regain
 * one cut ({@code limitFactor / (1 - limit_cut)}, at most 1); limits already cut come back only
 * through the usual increases for good payers. Borrowers who were rolling debt on those limits
 * (essentials on the line, cash kept for the bills; a loan drawn to pay) lose the room to do so
 * and miss bills ({@code borrower.Consumption}). Acts from month 1 on.
 */
public final class CreditSupplyTightening implements Steppable {
    private static final long serialVersionUID = 1L;
    private final List<LenderState> lenders;
    private final Market market;
    private final PolicyState policy;
    private final PortfolioScan scan;
    private final int[] monthsToReview;
    /** Each lender's M1+ ratio at month 0 (NaN before it is seen). */
    private final double[] referenceM1plus;

    public CreditSupplyTightening(Market market, PortfolioScan scan) {
        this.market = market;
        this.scan = scan;
        this.lenders = market.lenders.stream().filter(l -> l.spec.tightening().enabled()).toList();
        this.policy = market.policy;
        this.monthsToReview = new int[market.lenders.size()];
        this.referenceM1plus = new double[market.lenders.size()];
        java.util.Arrays.fill(referenceM1plus, Double.NaN);
    }

    @Override
    public void step(SimState state) {
        int month = market.month();
        PortfolioStats stats = scan.stats();
        for (LenderState lender : lenders) {
            int l = lender.index;
            double m1plus = stats.m1plusRatio(l);
            if (month <= 0 || Double.isNaN(referenceM1plus[l])) {
                referenceM1plus[l] = m1plus;
            }
            double rise = lender.spec.tightening().m1plusRise();
            boolean delinquencyHigh = rise > 0 && referenceM1plus[l] > 0 && m1plus > (1.0 + rise) * referenceM1plus[l];
            decide(lender, month, policy.minCapitalRatio(), delinquencyHigh);
        }
    }

    /**
     * Decides next month's limit cut for a lender whose month has just been accounted (NaN: no
     * capital requirement; {@code delinquencyHigh}: its M1+ ratio is above its risk appetite).
     */
    void decide(LenderState lender, int month, double requiredCapital, boolean delinquencyHigh) {
        lender.pendingLimitCut = 0.0;
        if (monthsToReview[lender.index] > 0) {
            monthsToReview[lender.index]--;
            return;
        }
        double ratio = lender.capitalRatio();
        double trigger = PolicyState.atLeast(lender.spec.tightening().capitalTrigger(), requiredCapital);
        boolean capitalLow = !Double.isNaN(ratio) && ratio < trigger;
        if (month >= 1 && (capitalLow || delinquencyHigh)) {
            lender.pendingLimitCut = lender.spec.tightening().limitCut();
            lender.limitFactor *= 1.0 - lender.pendingLimitCut;
            monthsToReview[lender.index] = lender.spec.tightening().reviewMonths() - 1;
        } else if (month >= 1 && !Double.isNaN(ratio) && lender.limitFactor < 1.0) {
            lender.limitFactor = Math.min(1.0, lender.limitFactor / (1.0 - lender.spec.tightening().limitCut()));
            monthsToReview[lender.index] = lender.spec.tightening().reviewMonths() - 1;
        }
    }
}
