package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.run.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisory measures on a shipped downturn: every five-tier class holds balances, the NPL
 * ratio is not the M4+ ratio relabelled, and the ECL is split into stages with stage 3 best covered.
 */
class RiskMeasuresTest {
    private static RunResult severe;

    @BeforeAll
    static void run() {
        severe = Scenarios.run(Scenarios.shipped("severe-downturn", "replications=1"), 2);
    }

    private static double peak(String metric) {
        return Scenarios.meanPeak(severe, metric);
    }

    @Test
    void everyFiveTierClassHoldsBalancesInADownturn() {
        for (String tier : new String[] {"normal", "special_mention", "substandard", "doubtful", "loss"}) {
            assertTrue(peak("tier_" + tier + "_share") > 0, tier + " never holds a balance");
            for (String lender : new String[] {"PlatformA", "PlatformB"}) {
                assertTrue(peak("lender." + lender + ".tier_" + tier + "_share") > 0, lender + ": " + tier + " never holds a balance");
            }
        }
    }

    @Test
    void nplRatioIsNotTheM4PlusRatioRelabelled() {
        double[] npl = Scenarios.series(severe, 0, "npl_ratio");
        double[] m4 = Scenarios.series(severe, 0, "m4plus_ratio");
        double[] doubtfulAndLoss = Scenarios.series(severe, 0, "tier_doubtful_share");
        int differ = 0;
        for (int t = 0; t < npl.length; t++) {
            if (Math.abs(npl[t] - m4[t]) > 1e-9) {
                differ++;
            }
            assertTrue(npl[t] >= doubtfulAndLoss[t], "NPL includes the doubtful class");
        }
        assertTrue(differ == npl.length, "npl_ratio equals m4plus_ratio in " + (npl.length - differ) + " months");
    }

    @Test
    void eclIsSplitByStageAndStageThreeIsCoveredMost() {
        double[] s1 = Scenarios.series(severe, 0, "ecl_stage1_coverage");
        double[] s2 = Scenarios.series(severe, 0, "ecl_stage2_coverage");
        double[] s3 = Scenarios.series(severe, 0, "ecl_stage3_coverage");
        for (int t = 0; t < s1.length; t++) {
            assertTrue(s1[t] > 0 && s1[t] < s2[t] && s2[t] < s3[t], "month " + (t + 1) + ": " + s1[t] + ", " + s2[t] + ", " + s3[t]);
        }
        assertTrue(peak("stage_transfer_1_to_2") > 0 && peak("stage_transfer_2_to_3") > 0);
    }

    /**
     * The relative stage-2 test moves M1 balances to lifetime ECL: against the same run with the
     * backstop alone (common random numbers), stage-2 ECL is higher in every month, stage 1 lower,
     * stage 3 unchanged, and the balances in the accounts are the same.
     */
    @Test
    void theBehaviourModelsStageTwoTestMovesM1ToLifetimeEcl() {
        RunResult backstop = Scenarios.run(Scenarios.shipped("severe-downturn", "replications=1",
                "lenders[0].provisioning.sicr_pd_multiple=0", "lenders[1].provisioning.sicr_pd_multiple=0"), 2);
        double[] s1 = Scenarios.series(severe, 0, "ecl_stage1");
        double[] s2 = Scenarios.series(severe, 0, "ecl_stage2");
        double[] s3 = Scenarios.series(severe, 0, "ecl_stage3");
        double[] b1 = Scenarios.series(backstop, 0, "ecl_stage1");
        double[] b2 = Scenarios.series(backstop, 0, "ecl_stage2");
        double[] b3 = Scenarios.series(backstop, 0, "ecl_stage3");
        double[] r = Scenarios.series(severe, 0, "receivables");
        double[] rb = Scenarios.series(backstop, 0, "receivables");
        double with = 0;
        double without = 0;
        for (int t = 1; t < s1.length; t++) {
            with += s2[t];
            without += b2[t];
            assertTrue(s2[t] > 1.05 * b2[t] && s1[t] < b1[t], "month " + (t + 1) + ": stage 2 " + s2[t] + " against " + b2[t]
                    + ", stage 1 " + s1[t] + " against " + b1[t]);
            org.junit.jupiter.api.Assertions.assertEquals(b3[t], s3[t], 1e-6 * b3[t], "stage 3, month " + (t + 1));
            org.junit.jupiter.api.Assertions.assertEquals(rb[t], r[t], 1e-9 * r[t], "a measure only: the same book, month " + (t + 1));
        }
        assertTrue(with > 1.2 * without, "stage-2 ECL over the run: " + with + " against " + without);
    }
}
