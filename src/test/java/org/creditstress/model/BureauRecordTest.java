package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.run.RunResult;
import org.junit.jupiter.api.Test;

/**
 * A write-off stays on the borrower's record for {@code bureau.record_months}: while it does, the
 * score does not recover and other lenders see it; afterwards the score recovers. Runs share the
 * seed (common random numbers).
 */
class BureauRecordTest {

    @Test
    void scoresRecoverOnceWriteOffsLeaveTheRecordAndNotBefore() {
        String[] common = {"horizon.months=96", "population.size=20000"};
        RunResult shortRecord = Scenarios.run(Scenarios.shipped("baseline", common[0], common[1], "bureau.record_months=12"), 2);
        RunResult longRecord = Scenarios.run(Scenarios.shipped("baseline", common[0], common[1], "bureau.record_months=120"), 2);
        double[] shortScores = Scenarios.series(shortRecord, 0, "credit_score_mean");
        double[] longScores = Scenarios.series(longRecord, 0, "credit_score_mean");
        assertTrue(shortScores[95] > longScores[95] + 1.0, "after eight years the mean score is higher when write-offs leave "
                + "the record after a year: " + shortScores[95] + " against " + longScores[95]);
    }
}
