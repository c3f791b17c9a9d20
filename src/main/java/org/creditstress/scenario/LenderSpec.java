package org.creditstress.scenario;

import java.util.List;

/** A lender's policy; see {@code lenders} in docs/scenario-reference.md. */
public record LenderSpec(String name, List<String> products, double marketShare, double modelQuality,
                     double thinFileQuality, double approvalRate, double thinFileLimitFactor,
                     double scoreLimitSensitivity, double reapplyProbability, int writeOffMonths,
                     double thinFileAprPremium, BureauReporting bureauReporting, LimitManagement limitManagement,
                     Collection collection, Restructuring restructuring, Litigation litigation, Recovery recovery,
                     Provisioning provisioning, BalanceSheet balanceSheet, List<Funding> funding, Liquidity liquidity,
                     Acquisition acquisition, Tightening tightening, Capital capital) {

    /** An arrangement with a funder. */
    public record Funding(String funder, double coLendingShare, double lineRatio, double lineSpread, boolean buysReceivables,
                          Covenant covenant) {
    }

    /** Covenant triggers of a funding arrangement. */
    public record Covenant(@com.fasterxml.jackson.annotation.JsonProperty("max_m3plus") double maxM3plus, double maxLossRate, double minCapitalRatio, double cut) {
    }

    /** Liquidity actions and measures. */
    public record Liquidity(List<String> actions, double limitCut, double absBaseDiscount,
                            @com.fasterxml.jackson.annotation.JsonProperty("abs_discount_per_m1plus") double absDiscountPerM1plus,
                            double emergencyCapacity, double failureHaircut, double fundingMaturityMonths,
                            double stressRepaymentHaircut, int survivalTargetMonths, double lcrTarget) {
    }

    /** Delinquency reporting to the bureau. */
    public record BureauReporting(boolean enabled, int thresholdMonths, int lagMonths) {
    }

    /**
     * Limit changes for existing customers. {@code review}: {@code behaviour} (increases need a
     * behaviour score below {@code increaseMaxScore}; a score above {@code cutMinScore} cuts
     * {@code behaviourCut} of the undrawn limit) or {@code utilisation} (the old rule: increases
     * for high utilisation alone).
     */
    public record LimitManagement(double externalCut, boolean declineExternalDelinquency, double increase, double maxIncomeMultiple,
                                  int increaseAfterMonths, double increaseUtilisation, String review, double increaseMaxScore,
                                  double cutMinScore, double behaviourCut) {
        /** Whether limit reviews use the behaviour score (else utilisation alone). */
        public boolean behaviourReview() {
            return !"utilisation".equals(review);
        }
    }

    /** Restructuring offers to delinquent borrowers. */
    public record Restructuring(boolean enabled, int fromMonths, int toMonths, double acceptance, double termExtension,
                                int graceMonths, int maxTimes) {
    }

    /** Suing delinquent borrowers. */
    public record Litigation(boolean enabled, int fromMonths, double minBalance, double costPerCase, int batchSize,
                             double batchCostFactor) {
    }

    /** Recoveries after write-off. */
    public record Recovery(double monthlyRate, double maxShare) {
    }

    /** Collection costs and cure effects by bucket (index 0 = M1 .. 3 = M4+). */
    public record Collection(List<Double> costPerAccount, List<Double> cureProbability, List<Double> effortHalfCost) {
    }

    /**
     * Loss allowance: the IFRS 9 expected credit loss or a table of loss rates by bucket
     * (index 0 = M0 .. 4 = M4+), and the settings of the lender's ECL model.
     */
    public record Provisioning(String method, List<Double> lossRates, double ccf, int lifetimeMonths, int windowMonths,
                               int minTransitions, double lgdFallback, int lgdMinMonths, double forwardLookingElasticity,
                               double sicrPdMultiple) {
        /** Whether the books hold the IFRS 9 expected credit loss (else the bucket table). */
        public boolean ecl() {
            return "ecl".equals(method);
        }
    }

    /** Risk-weighted assets and the capital adequacy ratio's minimum and buffer. */
    public record Capital(String approach, double riskWeight, double defaultedRiskWeight, double ccf, double irbCorrelation,
                          double irbPdFloor, double minCar, double buffer) {
        /** Whether risk weights come from the Basel IRB retail formula (else the standardised weights). */
        public boolean irb() {
            return "irb".equals(approach);
        }
    }

    /** Opening balance sheet, funding and costs. */
    public record BalanceSheet(double openingCapitalRatio, double openingCashRatio, double cashBufferRatio,
                               double fundingLimitRatio, double fundingSpread, double operatingCostRate,
                               double minCapitalRatio, double resolutionCapitalRatio, double targetCapitalRatio) {
    }

    /** Winning new customers: a growth target for open accounts, scaled by the economy. */
    public record Acquisition(double growthAnnual, double procyclicality, double maxApplicationsMonthly) {
    }

    /** Pro-cyclical limit cuts under low capital or rising early delinquency. */
    public record Tightening(boolean enabled, double capitalTrigger, double limitCut, int reviewMonths, double m1plusRise) {
    }
}
