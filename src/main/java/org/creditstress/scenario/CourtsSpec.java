package org.creditstress.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The courts; see {@code courts} in docs/scenario-reference.md. */
public record CourtsSpec(@JsonProperty("capacity_per_100k") double capacityPer100k, int monthsToJudgment, int monthsToEnforcement, double nothingProbability,
                     double recoveryShareMean, double recoveryShareConcentration) {
}
