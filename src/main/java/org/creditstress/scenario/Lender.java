package org.creditstress.scenario;

import java.util.List;

/** A lender's policy; see {@code lenders} in docs/scenario-reference.md. */
public record Lender(String name, List<String> products, double marketShare, double modelQuality,
                     double thinFileQuality, double approvalRate, double thinFileLimitFactor,
                     double scoreLimitSensitivity, double reapplyProbability, int writeOffMonths,
                     Collection collection, Provisioning provisioning, BalanceSheet balanceSheet,
                     Tightening tightening) {

    /** Collection costs and cure effects by bucket (index 0 = M1 .. 3 = M4+). */
    public record Collection(List<Double> costPerAccount, List<Double> cureProbability) {
    }

    /** Expected loss rate by bucket (index 0 = M0 .. 4 = M4+). */
    public record Provisioning(List<Double> lossRates) {
    }

    /** Opening balance sheet, funding and costs. */
    public record BalanceSheet(double openingCapitalRatio, double openingCashRatio, double cashBufferRatio,
                               double fundingLimitRatio, double fundingSpread, double operatingCostRate,
                               double minCapitalRatio, double targetCapitalRatio) {
    }

    /** Pro-cyclical limit cuts under low capital. */
    public record Tightening(boolean enabled, double capitalTrigger, double limitCut, int reviewMonths) {
    }
}
