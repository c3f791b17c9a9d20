package org.creditstress.scenario;

import java.util.List;

/**
 * Consumption and credit-use habits; see {@code population.behaviour}. {@code seasonalCalendar}
 * holds 12 positive weights of discretionary purchases, January to December (normalised to mean
 * 1 by {@code model.borrower.SeasonalCalendar}).
 */
public record BehaviourSpec(TraitSpec essentialShare, TraitSpec discretionaryPropensity, TraitSpec presentBias, TraitSpec literacy,
                        double impulseCreditShare, double convenienceShare, double savingsDrawdown,
                        double instalmentUptake, double cashLoanDrawProbability, double cashLoanDrawShare,
                        boolean borrowToPay, RepaymentPriorityRule repaymentPriority,
                        double strategicDefaultDebtMonths, double fraudIncomeInflation, double fraudTrueRisk,
                        double strategicTrueRisk, List<Double> seasonalCalendar, double instalmentFeeSensitivity,
                        double feeMisreading, double prepaymentMonthly, double deleveragingCut, int deleveragingMonths,
                        double unmetCarryMonths, double strategicScoreCostMonths, int familyHelpRenewalMonths,
                        double lifeStageMonthly, TrueRisk trueRisk) {

    /** Log-odds weights of the drivers of default in the true risk index ({@code model.lender.ApplicationRisk}). */
    public record TrueRisk(double traits, double jobLoss, double incomeVolatility, double unemployed, double debtService) {
    }

    /** Whom a borrower short of cash pays first. */
    public enum RepaymentPriorityRule { PRO_RATA, PENALTY_COST, COLLECTION_PRESSURE, BUREAU_REPORTING }
}
