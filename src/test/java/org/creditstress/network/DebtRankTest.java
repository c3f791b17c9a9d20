package org.creditstress.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.creditstress.network.DebtRank.Variant;
import org.junit.jupiter.api.Test;

class DebtRankTest {

    private static final double EPS = 1e-12;

    @Test
    void noExposuresMeansZeroDebtRankAndUnchangedDistress() {
        DebtRank dr = DebtRank.withExposureWeights(new double[3][3], new double[] {10, 10, 10});
        double[] h0 = {1.0, 0.3, 0.0};

        DebtRankResult r = dr.run(h0);

        assertEquals(0.0, r.debtRank(), EPS);
        assertArrayEquals(h0, r.finalDistress(), EPS);
        assertArrayEquals(new double[] {0, 0, 0}, dr.systemicImportance(), EPS);
    }

    @Test
    void creditorWhoseExposureReachesItsCapitalIsFullyDistressedWhenItsDebtorFails() {
        // Node 0 lent 15 to node 1 and has capital 10: W_01 = min(1, 15/10) = 1.
        // Node 2 lent exactly 10 to node 1 with capital 10: W_21 = 1 as well.
        double[][] a = {{0, 15, 0}, {0, 0, 0}, {0, 10, 0}};
        DebtRank dr = DebtRank.withExposureWeights(a, new double[] {10, 5, 10});

        DebtRankResult r = dr.run(new double[] {0, 1, 0});

        assertArrayEquals(new double[] {1, 1, 1}, r.finalDistress(), EPS);
        assertEquals(3, r.fullyDistressedCount());
    }

    @Test
    void chainPassesOnDistressScaledByImpact() {
        // A (0) lent 5 to B (1), capital 10 -> W_AB = 0.5; B lent 4 to C (2), capital 8 -> W_BC = 0.5.
        // Shock: C fully distressed.
        //   round 1: D = {C}: h_B = 0.5 * 1 = 0.5
        //   round 2: D = {B}: h_A = 0.5 * 0.5 = 0.25
        //   round 3: D = {A}: A has no creditors in the network, nothing changes; no node left D.
        // Exposure weights: row sums 5, 4, 0 of 9 -> v = (5/9, 4/9, 0).
        //   R = 0.25 * 5/9 + 0.5 * 4/9 + 1 * 0 - 1 * 0 = 3.25 / 9.
        // Capital weights (capital of C = 2): v = (10, 8, 2) / 20 -> R = 0.25 * 0.5 + 0.5 * 0.4 = 0.325.
        double[][] a = {{0, 5, 0}, {0, 0, 4}, {0, 0, 0}};
        double[] e = {10, 8, 2};
        double[] h0 = {0, 0, 1};

        DebtRankResult byExposure = DebtRank.withExposureWeights(a, e).run(h0);
        DebtRankResult byCapital = DebtRank.withCapitalWeights(a, e).run(h0);

        assertArrayEquals(new double[] {0.25, 0.5, 1.0}, byExposure.finalDistress(), EPS);
        assertEquals(3.25 / 9, byExposure.debtRank(), EPS);
        assertEquals(0.0, byExposure.initialWeightedDistress(), EPS);
        assertEquals(3, byExposure.rounds());
        assertEquals(0.325, byCapital.debtRank(), EPS);
        assertEquals(0.1, byCapital.initialWeightedDistress(), EPS);
        assertEquals(0.425, byCapital.totalWeightedDistress(), EPS);
    }

    @Test
    void eachNodePropagatesOnlyOnceSoDistressDoesNotReverberateAroundACycle() {
        // A (0) and B (1) lent 5 to each other, both have capital 10: W = 0.5 both ways. Shock h_A = 0.4.
        //   round 1: D = {A}: h_B = 0.5 * 0.4 = 0.2;   A becomes inactive, B distressed
        //   round 2: D = {B}: h_A = 0.4 + 0.5 * 0.2 = 0.5; B becomes inactive; A stays inactive
        // A's extra 0.1 is never passed back to B.
        double[][] a = {{0, 5}, {5, 0}};
        DebtRank dr = DebtRank.withExposureWeights(a, new double[] {10, 10});

        DebtRankResult r = dr.run(new double[] {0.4, 0});

        assertArrayEquals(new double[] {0.5, 0.2}, r.finalDistress(), EPS);
        assertEquals(2, r.rounds());
        // v = (0.5, 0.5): R = 0.5 * 0.5 + 0.5 * 0.2 - 0.5 * 0.4 = 0.15
        assertEquals(0.15, r.debtRank(), EPS);
    }

    @Test
    void differentialVariantSumsTheGeometricSeriesAroundACycle() {
        // Same cycle, Lambda = 0.5 both ways, h(1) = (0.4, 0). Increments alternate between the nodes and shrink
        // by 0.5 each round: A gets 0.4, 0.1, 0.025, ... = 0.4 / (1 - 0.25) = 8/15;
        // B gets 0.2, 0.05, ... = 0.2 / 0.75 = 4/15.
        double[][] a = {{0, 5}, {5, 0}};
        DebtRank dr = DebtRank.withExposureWeights(a, new double[] {10, 10});

        DebtRankResult r = dr.run(new double[] {0.4, 0}, Variant.DIFFERENTIAL);

        assertArrayEquals(new double[] {8.0 / 15, 4.0 / 15}, r.finalDistress(), 1e-11);
        assertEquals(0.5 * (8.0 / 15 + 4.0 / 15) - 0.2, r.debtRank(), 1e-11);
    }

    @Test
    void differentialVariantUsesUncappedLeverage() {
        // A (0) lent 50 to B (1) with capital 10: Lambda = 5, W = 1. B loses half its capital.
        // Original: h_A = min(1, 1 * 0.5) = 0.5. Differential: h_A = min(1, 5 * 0.5) = 1 (A loses 25 > 10).
        double[][] a = {{0, 50}, {0, 0}};
        DebtRank dr = DebtRank.withExposureWeights(a, new double[] {10, 10});
        double[] h0 = {0, 0.5};

        assertEquals(0.5, dr.run(h0, Variant.ORIGINAL).finalDistress()[0], EPS);
        assertEquals(1.0, dr.run(h0, Variant.DIFFERENTIAL).finalDistress()[0], EPS);
    }

    @Test
    void differentialEqualsOriginalOnAChainHitAtOneEnd() {
        // Chain of the test above, only C shocked: every node is reached once, so both variants agree.
        double[][] a = {{0, 5, 0}, {0, 0, 4}, {0, 0, 0}};
        DebtRank dr = DebtRank.withExposureWeights(a, new double[] {10, 8, 2});
        double[] h0 = {0, 0, 1};

        assertArrayEquals(dr.run(h0, Variant.ORIGINAL).finalDistress(),
                dr.run(h0, Variant.DIFFERENTIAL).finalDistress(), EPS);
    }

    @Test
    void originalDoesNotPassOnDistressThatArrivesAfterANodeHasPropagated() {
        // Same chain, shock h(1) = (0, 0.2, 1): B and C are both distressed at t = 1.
        // Original, round 1: D = {B, C}: h_A = 0.5 * 0.2 = 0.1 and h_B = 0.2 + 0.5 * 1 = 0.7; B turns inactive,
        //   so its extra 0.5 never reaches A. Round 2: D = {A}, nothing to pass on. Final (0.1, 0.7, 1).
        // Differential: A eventually gets 0.5 * (0.2 + 0.5) = 0.35. Final (0.35, 0.7, 1).
        double[][] a = {{0, 5, 0}, {0, 0, 4}, {0, 0, 0}};
        DebtRank dr = DebtRank.withExposureWeights(a, new double[] {10, 8, 2});
        double[] h0 = {0, 0.2, 1};

        assertArrayEquals(new double[] {0.1, 0.7, 1}, dr.run(h0, Variant.ORIGINAL).finalDistress(), EPS);
        assertArrayEquals(new double[] {0.35, 0.7, 1}, dr.run(h0, Variant.DIFFERENTIAL).finalDistress(), EPS);
    }

    @Test
    void hubOfAStarNetworkIsTheMostSystemicNode() {
        // Hub (0) lent 2 to each of 4 leaves, capital 20 -> W_hub,leaf = 0.1.
        // Each leaf lent 6 to the hub, capital 10 -> W_leaf,hub = 0.6.
        // Exposure weights: hub 8, each leaf 6, total 32.
        // Hub fails: every leaf h = 0.6; leaves then propagate back to the inactive hub (already at 1).
        //   R_hub = 4 * 0.6 * 6/32 = 14.4/32 = 0.45
        // Leaf 1 fails: round 1: hub h = 0.1 * 1 = 0.1.
        //   round 2: the hub passes 0.6 * 0.1 = 0.06 to each of the 3 other leaves.
        //   round 3: those leaves pass 0.1 * 0.06 each back to the hub, which is inactive (it will not pass it on)
        //            but still accumulates distress: h_hub = 0.1 + 3 * 0.006 = 0.118.
        //   R_leaf = (0.118 * 8 + 3 * 0.06 * 6) / 32 = (0.944 + 1.08) / 32 = 2.024/32 = 0.06325
        double[][] a = new double[5][5];
        double[] e = {20, 10, 10, 10, 10};
        for (int leaf = 1; leaf <= 4; leaf++) {
            a[0][leaf] = 2;
            a[leaf][0] = 6;
        }
        DebtRank dr = DebtRank.withExposureWeights(a, e);

        double[] importance = dr.systemicImportance();

        assertEquals(0.45, importance[0], EPS);
        for (int leaf = 1; leaf <= 4; leaf++) {
            assertEquals(0.06325, importance[leaf], EPS);
            assertTrue(importance[0] > importance[leaf]);
        }
    }

    @Test
    void distressStaysInTheUnitIntervalAndNeverFallsOnRandomNetworks() {
        Random random = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + random.nextInt(9);
            double[][] a = randomExposures(random, n);
            double[] e = new double[n];
            double[] h0 = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = random.nextInt(10) == 0 ? 0 : 20 * random.nextDouble();
                h0[i] = random.nextInt(3) == 0 ? random.nextDouble() : 0;
            }
            DebtRank dr = DebtRank.withExposureWeights(a, e);
            for (Variant variant : Variant.values()) {
                DebtRankResult r = dr.run(h0, variant);
                double[] h = r.finalDistress();
                for (int i = 0; i < n; i++) {
                    assertTrue(h[i] >= h0[i] && h[i] <= 1.0, variant + " h[" + i + "] = " + h[i]);
                }
                assertTrue(r.debtRank() >= 0 && r.debtRank() <= 1 - r.initialWeightedDistress() + EPS,
                        variant + " R = " + r.debtRank());
            }
        }
    }

    @Test
    void differentialIsNeverBelowOriginal() {
        // The differential iteration is h(t+1) = min(1, h(1) + Lambda h(t)), which climbs to the least fixed point
        // h*; the original walk passes on each node's distress once, through W <= Lambda, so it stays below h*.
        // Tolerance: the differential run stops once increments fall below 1e-12, slightly short of h*.
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(7);
            double[][] a = randomExposures(random, n);
            double[] e = new double[n];
            double[] h0 = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = 1 + 20 * random.nextDouble();
                h0[i] = random.nextInt(3) == 0 ? random.nextDouble() : 0;
            }
            DebtRank dr = DebtRank.withCapitalWeights(a, e);
            assertTrue(dr.run(h0, Variant.DIFFERENTIAL).debtRank() >= dr.run(h0, Variant.ORIGINAL).debtRank() - 1e-9);
        }
    }

    @Test
    void creditorWithZeroCapitalTakesTheFullImpactOfItsDebtorsDistress() {
        // Capital 0 with a positive exposure: W = 1 (capped), Lambda = infinity.
        // Original: h_0 = W * h_1 = 0.01. Differential: any loss wipes out zero capital, h_0 = 1.
        double[][] a = {{0, 1}, {0, 0}};
        DebtRank dr = DebtRank.withExposureWeights(a, new double[] {0, 10});

        assertEquals(1.0, dr.impactMatrix()[0][1], EPS);
        assertEquals(0.01, dr.run(new double[] {0, 0.01}).finalDistress()[0], EPS);
        assertEquals(1.0, dr.run(new double[] {0, 0.01}, Variant.DIFFERENTIAL).finalDistress()[0], EPS);
    }

    @Test
    void exposureWeightsAreSharesOfTotalExposuresOrUniformWithoutExposures() {
        double[][] a = {{0, 3, 1}, {4, 0, 0}, {0, 0, 0}};

        assertArrayEquals(new double[] {0.5, 0.5, 0}, DebtRank.exposureWeights(a), EPS);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, DebtRank.exposureWeights(new double[3][3]), EPS);
    }

    @Test
    void givenValueWeightsAreNormalisedToSumToOne() {
        DebtRank dr = new DebtRank(new double[2][2], new double[] {1, 1}, new double[] {30, 10});

        assertArrayEquals(new double[] {0.75, 0.25}, dr.valueWeights(), EPS);
    }

    @Test
    void initialDistressFromLossesIsLossOverCapitalCappedAtOne() {
        DebtRank dr = DebtRank.withExposureWeights(new double[3][3], new double[] {10, 4, 0});

        assertArrayEquals(new double[] {0.25, 1.0, 1.0}, dr.distressFromLosses(new double[] {2.5, 9, 1}), EPS);
        assertArrayEquals(new double[] {0, 0, 0}, dr.distressFromLosses(new double[] {0, 0, 0}), EPS);
    }

    @Test
    void resultsAndModelAreNotChangedByCallersArrays() {
        double[][] a = {{0, 5}, {0, 0}};
        double[] e = {10, 10};
        DebtRank dr = DebtRank.withExposureWeights(a, e);
        a[0][1] = 1000;
        e[0] = 1;
        double[] h0 = {0, 1};
        DebtRankResult r = dr.run(h0);
        h0[1] = 0;
        r.finalDistress()[0] = 99;

        assertEquals(0.5, r.finalDistress()[0], EPS);
        assertEquals(1.0, r.initialDistress()[1], EPS);
        assertEquals(r, dr.run(new double[] {0, 1}));
    }

    @Test
    void rejectsMalformedInputWithIllegalArgumentException() {
        double[] e2 = {1, 1};
        assertThrows(IllegalArgumentException.class, () -> DebtRank.withExposureWeights(new double[][] {{0, 1}}, e2));
        assertThrows(IllegalArgumentException.class, () -> DebtRank.withExposureWeights(new double[0][0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> DebtRank.withExposureWeights(new double[][] {{0, -1}, {0, 0}}, e2));
        assertThrows(IllegalArgumentException.class, () -> DebtRank.withExposureWeights(new double[][] {{0, Double.NaN}, {0, 0}}, e2));
        assertThrows(IllegalArgumentException.class, () -> DebtRank.withExposureWeights(new double[][] {{1, 0}, {0, 0}}, e2));
        assertThrows(IllegalArgumentException.class, () -> DebtRank.withExposureWeights(new double[2][2], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> DebtRank.withExposureWeights(new double[2][2], new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> new DebtRank(new double[2][2], e2, new double[] {0, 0}));
        DebtRank dr = DebtRank.withExposureWeights(new double[2][2], e2);
        assertThrows(IllegalArgumentException.class, () -> dr.run(new double[] {0, 1.5}));
        assertThrows(IllegalArgumentException.class, () -> dr.run(new double[] {0, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> dr.run(new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> dr.run(new double[] {0, 1}, null));
        assertThrows(IllegalArgumentException.class, () -> dr.systemicImportance(0, Variant.ORIGINAL));
        assertThrows(IllegalArgumentException.class, () -> dr.distressFromLosses(new double[] {-1, 0}));
    }

    static double[][] randomExposures(Random random, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && random.nextDouble() < 0.4) {
                    a[i][j] = 10 * random.nextDouble();
                }
            }
        }
        return a;
    }
}
