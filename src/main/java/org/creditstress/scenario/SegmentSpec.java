package org.creditstress.scenario;

import java.util.List;

/** An employment segment; see {@code population.segments} in docs/scenario-reference.md. */
public record SegmentSpec(String name, double share, double thinFileShare, double incomeMedian,
                      double incomeDispersion, double incomeVolatility, double permanentIncomeVolatility,
                      double jobLossRelative, double cyclicality, double incomeCyclicality,
                      double unemploymentReplacement, double savingsMonthsMedian, double savingsDispersion,
                      double emergencyProbability, double emergencySizeMonths, double strategicShare,
                      double fraudShare, List<Double> lendersHeld, double familyHelpMonths) {
}
