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

    /**
     * The true risk index is built from what makes borrowers fall behind (segment, savings, income),
     * so a lender that sees it more clearly ranks better and loses less: across four model
     * qualities (both lenders alike, thin files seen as clearly, common random numbers) the AUC of
     * the approval score over the second and third years rises and the cumulative loss rate falls at
     * every step. A perfect score ranks only as well as the true risk does: defaults also depend on
     * job losses and shocks that no one can see coming, so its AUC stays well below 1.
     */
    @Test
    void betterModelsRankBetterAndLoseLess() {
        double[] qualities = {0.2, 0.5, 0.8, 1.0};
        double[] auc = new double[qualities.length];
        double[] loss = new double[qualities.length];
        for (int k = 0; k < qualities.length; k++) {
            String q = String.valueOf(qualities[k]);
            RunResult run = Scenarios.run(Scenarios.shipped("baseline", "lenders[0].model_quality=" + q, "lenders[1].model_quality=" + q,
                    "lenders[0].thin_file_quality=1", "lenders[1].thin_file_quality=1"), 2);
            double sum = 0;
            int n = 0;
            for (String lender : new String[] {"PlatformA", "PlatformB"}) {
                for (int r = 0; r < 2; r++) {
                    double[] series = Scenarios.series(run, r, "lender." + lender + ".score_auc");
                    for (int t = 12; t < series.length; t++) {
                        sum += series[t];
                        n++;
                    }
                }
            }
            auc[k] = sum / n;
            loss[k] = Scenarios.meanFinal(run, "loss_rate_cumulative");
        }
        for (int k = 1; k < qualities.length; k++) {
            assertTrue(auc[k] > auc[k - 1], "AUC rises with model quality: " + java.util.Arrays.toString(auc));
            assertTrue(loss[k] < loss[k - 1], "losses fall with model quality: " + java.util.Arrays.toString(loss));
        }
        assertTrue(auc[0] < 0.6 && auc[qualities.length - 1] > 0.65 && auc[qualities.length - 1] < 0.85,
                "from near chance to the true risk's own ranking power: " + java.util.Arrays.toString(auc));
        assertTrue(loss[0] > 1.25 * loss[qualities.length - 1], "a clear-sighted lender loses much less: " + java.util.Arrays.toString(loss));
    }
}
