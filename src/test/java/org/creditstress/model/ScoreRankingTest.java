package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.run.RunResult;
import org.junit.jupiter.api.Test;

/** AUC and KS of a lender's approval score, in closed form and on a run. */
class ScoreRankingTest {

    @Test
    void separatedScoresGiveAucAndKsOfOneAndIdenticalOnesAHalfAndZero() {
        double[] separated = ScoreRanking.of(new long[] {5, 3, 0, 0}, new long[] {0, 0, 2, 7});
        assertEquals(1.0, separated[0], 1e-12);
        assertEquals(1.0, separated[1], 1e-12);
        double[] same = ScoreRanking.of(new long[] {2, 4, 2}, new long[] {1, 2, 1});
        assertEquals(0.5, same[0], 1e-12);
        assertEquals(0.0, same[1], 1e-12);
        // Goods {bin 0: 1, bin 1: 1}, bads {bin 1: 1, bin 2: 1}: pairs (g0,b1) 1, (g0,b2) 1, (g1,b1) 1/2, (g1,b2) 1 -> 3.5 / 4.
        double[] small = ScoreRanking.of(new long[] {1, 1, 0}, new long[] {0, 1, 1});
        assertEquals(3.5 / 4, small[0], 1e-12);
        assertEquals(0.5, small[1], 1e-12);
        assertTrue(Double.isNaN(ScoreRanking.of(new long[] {1}, new long[] {0})[0]));
    }

    @Test
    void theShippedLendersScoresRankBetterThanChance() {
        RunResult run = Scenarios.run(Scenarios.shipped("baseline"), 2);
        for (String lender : new String[] {"PlatformA", "PlatformB"}) {
            double auc = Scenarios.meanFinal(run, "lender." + lender + ".score_auc");
            assertTrue(auc > 0.55 && auc < 0.95, lender + " AUC " + auc);
            assertEquals(2 * auc - 1, Scenarios.meanFinal(run, "lender." + lender + ".score_gini"), 1e-12);
        }
    }
}
