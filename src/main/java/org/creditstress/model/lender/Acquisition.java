package org.creditstress.model.lender;

import java.util.List;
import org.creditstress.model.PortfolioStats;
import org.creditstress.model.economy.MacroState;
import org.creditstress.scenario.LenderSpec;

/**
 * How many applications each lender solicits this month (its marketing), as a probability that
 * a prospect (someone with no account at the lender and a free account slot) applies.
 *
 * <p>Each lender aims for a book of {@code N*(t) = N0 (1 + growth_annual)^(t/12) m(t)} open
 * accounts, where {@code N0} is its open accounts when the market was built, t the month (0
 * during the burn-in) and {@code m(t) = max(0, 1 + procyclicality (u1 - u_t) / u1)} makes
 * marketing pro-cyclical (u1 the month-1 unemployment rate, u_t this month's target). It solicits
 * enough applications to close last month's gap {@code N* - N}: {@code p = (N* - N) / (P x
 * approval_rate x a)}, with {@code P} its prospects and {@code a} the accounts an application
 * opens (the line, and the loan with {@code cash_loan_share}), within {@code [0,
 * max_applications_monthly]}. In a calm economy with no growth the book is held steady:
 * applications replace the accounts that close, leave with their holders or are written off. A
 * lender that does not lend, or whose capital ratio is below {@code min_capital_ratio} (from month
 * 1: the balance sheet is set at its opening ratios when the burn-in ends, so the capital test
 * would stop acquisition through the whole burn-in and let the book run down), solicits
 * nothing. Tightening does not change the target: it cuts limits, and a tightening lender's new
 * limits carry the cut.
 */
public final class Acquisition implements java.io.Serializable {
    private final List<LenderState> lenders;
    private final MacroState macro;
    private final double[] startingBook;
    private final double[] accountsPerApplication;
    private final double referenceUnemployment;
    private final double[] rates;

    /**
     * @param startingBook           open accounts of each lender when the market was built
     * @param accountsPerApplication accounts one application opens at each lender
     * @param referenceUnemployment  the month-1 unemployment rate
     */
    public Acquisition(List<LenderState> lenders, MacroState macro, double[] startingBook,
                       double[] accountsPerApplication, double referenceUnemployment) {
        this.lenders = lenders;
        this.macro = macro;
        this.startingBook = startingBook.clone();
        this.accountsPerApplication = accountsPerApplication.clone();
        this.referenceUnemployment = referenceUnemployment;
        this.rates = new double[lenders.size()];
    }

    /** Sets this month's application probabilities from last month's portfolio. */
    public void plan(PortfolioStats last) {
        int month = Math.max(0, macro.month());
        double u = macro.unemploymentTarget();
        for (LenderState lender : lenders) {
            int l = lender.index;
            LenderSpec.Acquisition spec = lender.spec.acquisition();
            double cycle = referenceUnemployment > 0
                    ? Math.max(0.0, 1.0 + spec.procyclicality() * (referenceUnemployment - u) / referenceUnemployment) : 1.0;
            double target = startingBook[l] * Math.pow(1.0 + spec.growthAnnual(), month / 12.0) * cycle;
            double capital = lender.capitalRatio();
            boolean undercapitalised = macro.month() >= 1 && !Double.isNaN(capital) && capital < lender.spec.balanceSheet().minCapitalRatio();
            double gap = target - last.openAccounts[l];
            double reach = last.prospects[l] * lender.spec.approvalRate() * accountsPerApplication[l];
            double p = gap > 0 && reach > 0 && lender.lending() && !undercapitalised ? gap / reach : 0.0;
            rates[l] = Math.min(spec.maxApplicationsMonthly(), p);
        }
    }

    /** This month's probability that a prospect applies to lender {@code l}. */
    public double rate(int l) {
        return rates[l];
    }
}
