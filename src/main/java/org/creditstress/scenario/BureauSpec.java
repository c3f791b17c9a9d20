package org.creditstress.scenario;

/** The credit bureau; see {@code bureau} in docs/scenario-reference.md. */
public record BureauSpec(double coverage, double scoreMean, double scoreSd, double scoreDrop, double scoreRecovery,
                     double scoreWeight, int recordMonths) {
}
