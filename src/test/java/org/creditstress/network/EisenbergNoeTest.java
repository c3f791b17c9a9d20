package org.creditstress.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class EisenbergNoeTest {

    private static final double EPS = 1e-9;

    @Test
    void chainWhereTheFirstNodeDefaultsCascadesToItsCreditor() {
        // A (0) owes B 10, B (1) owes C 10, C (2) owes nothing. External assets e = (4, 3, 0).
        // Round 1, everyone paying in full: A has 4 < 10 -> defaults. B has 3 + 10 = 13 >= 10. C owes nothing.
        //   A pays all it has: p_A = 4.
        // Round 2: B has 3 + 4 = 7 < 10 -> defaults (contagion); p_B = 3 + 4 = 7.
        // Round 3: C owes nothing; no new default.
        // p = (4, 7, 0), recovery (0.4, 0.7, 1), equity = e + received - paid = (0, 0, 0 + 7 - 0) = (0, 0, 7).
        double[][] l = {{0, 10, 0}, {0, 0, 10}, {0, 0, 0}};

        ClearingResult r = EisenbergNoe.clear(l, new double[] {4, 3, 0});

        assertArrayEquals(new double[] {4, 7, 0}, r.payments(), EPS);
        assertArrayEquals(new double[] {10, 10, 0}, r.totalLiabilities(), EPS);
        assertArrayEquals(new int[] {1, 2, ClearingResult.NO_DEFAULT}, r.defaultRound());
        assertArrayEquals(new double[] {0.4, 0.7, 1.0}, r.recoveryRate(), EPS);
        assertArrayEquals(new double[] {0, 0, 7}, r.equity(), EPS);
        assertEquals(2, r.defaultCount());
        assertEquals(2, r.rounds());
        assertEquals(9.0, r.totalShortfall(), EPS);
    }

    @Test
    void longerChainDefaultsOneNodePerRound() {
        // A owes B 10, B owes C 10, C owes D 10; e = (0, 1, 1, 0).
        // Round 1: A has 0 -> defaults, pays 0.  Round 2: B has 1 + 0 = 1 -> defaults, pays 1.
        // Round 3: C has 1 + 1 = 2 -> defaults, pays 2.  D owes nothing and ends with equity 2.
        double[][] l = new double[4][4];
        l[0][1] = 10;
        l[1][2] = 10;
        l[2][3] = 10;

        ClearingResult r = EisenbergNoe.clear(l, new double[] {0, 1, 1, 0});

        assertArrayEquals(new double[] {0, 1, 2, 0}, r.payments(), EPS);
        assertArrayEquals(new int[] {1, 2, 3, 0}, r.defaultRound());
        assertArrayEquals(new double[] {0, 0.1, 0.2, 1}, r.recoveryRate(), EPS);
        assertArrayEquals(new double[] {0, 0, 0, 2}, r.equity(), EPS);
        assertEquals(3, r.rounds());
    }

    @Test
    void defaultersOwingEachOtherAreClearedBySolvingTheLinearSystem() {
        // A (0) owes B 10. B (1) owes A 5 and C 5. C (2) owes nothing. e = (2, 1, 0).
        // p_bar = (10, 10, 0); Pi_AB = 1, Pi_BA = Pi_BC = 0.5.
        // Round 1 (all pay in full): A has 2 + 0.5 * 10 = 7 < 10 -> defaults; B has 1 + 10 = 11 >= 10.
        //   D = {A}: p_A = 2 + 0.5 * 10 = 7.
        // Round 2: B has 1 + 7 = 8 < 10 -> defaults.
        //   D = {A, B}: p_A = 2 + 0.5 p_B, p_B = 1 + p_A  =>  p_A = 2.5 + 0.5 p_A  =>  p_A = 5, p_B = 6.
        // Round 3: C owes nothing. C receives 0.5 * 6 = 3.
        // Value is conserved: total equity 3 equals total external assets 2 + 1 + 0.
        double[][] l = {{0, 10, 0}, {5, 0, 5}, {0, 0, 0}};

        ClearingResult r = EisenbergNoe.clear(l, new double[] {2, 1, 0});

        assertArrayEquals(new double[] {5, 6, 0}, r.payments(), EPS);
        assertArrayEquals(new int[] {1, 2, 0}, r.defaultRound());
        assertArrayEquals(new double[] {0.5, 0.6, 1.0}, r.recoveryRate(), EPS);
        assertArrayEquals(new double[] {0, 0, 3}, r.equity(), EPS);
    }

    @Test
    void systemWithAmpleExternalAssetsHasNoDefaultsAndPaysInFull() {
        double[][] l = {{0, 10, 5}, {3, 0, 7}, {4, 4, 0}};
        // Every node's external assets cover its whole obligations on their own.
        ClearingResult r = EisenbergNoe.clear(l, new double[] {15, 10, 8});

        assertArrayEquals(new double[] {15, 10, 8}, r.payments(), EPS);
        assertEquals(0, r.defaultCount());
        assertEquals(0, r.rounds());
        assertArrayEquals(new double[] {1, 1, 1}, r.recoveryRate(), EPS);
        // equity_A = 15 + (3 + 4) - 15 = 7; equity_B = 10 + (10 + 4) - 10 = 14; equity_C = 8 + (5 + 7) - 8 = 12
        assertArrayEquals(new double[] {7, 14, 12}, r.equity(), EPS);
    }

    @Test
    void nodesWithoutLiabilitiesNeverDefaultAndKeepWhatTheyReceive() {
        double[][] l = {{0, 0}, {6, 0}};

        ClearingResult r = EisenbergNoe.clear(l, new double[] {0, 2});

        assertFalse(r.defaults(0));
        assertEquals(1.0, r.recoveryRate()[0], EPS);
        assertEquals(2.0, r.equity()[0], EPS); // receives all B can pay: 2
        assertTrue(r.defaults(1));
        assertEquals(2.0, r.payments()[1], EPS);
    }

    @Test
    void mutualDebtsWithoutExternalAssetsClearInFullAtTheGreatestClearingVector() {
        // A and B owe each other 10 and have nothing else: p = (0, 0) and p = (10, 10) both solve the
        // fixed point; Eisenberg-Noe's clearing vector is the greatest one, with no default.
        ClearingResult r = EisenbergNoe.clear(new double[][] {{0, 10}, {10, 0}}, new double[] {0, 0});

        assertArrayEquals(new double[] {10, 10}, r.payments(), EPS);
        assertEquals(0, r.defaultCount());
    }

    @Test
    void emptyNetworkClearsTrivially() {
        ClearingResult r = EisenbergNoe.clear(new double[1][1], new double[] {5});

        assertArrayEquals(new double[] {0}, r.payments(), EPS);
        assertArrayEquals(new double[] {5}, r.equity(), EPS);
        assertEquals(0, r.defaultCount());
    }

    @Test
    void clearingVectorSatisfiesTheFixedPointAndConservesValueOnRandomNetworks() {
        Random random = new Random(2001);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(12);
            double[][] l = DebtRankTest.randomExposures(random, n);
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = random.nextInt(4) == 0 ? 0 : 15 * random.nextDouble();
            }
            ClearingResult r = EisenbergNoe.clear(l, e);
            double[] p = r.payments();
            double[] pBar = r.totalLiabilities();
            double[] received = received(l, pBar, p);
            double[] equity = r.equity();
            double paid = 0;
            double totalReceived = 0;
            double totalEquity = 0;
            for (int i = 0; i < n; i++) {
                String where = "trial " + trial + ", node " + i;
                assertTrue(p[i] >= 0 && p[i] <= pBar[i] + EPS, where + ": 0 <= p <= p_bar");
                assertEquals(Math.min(pBar[i], e[i] + received[i]), p[i], EPS, where + ": fixed point");
                assertEquals(e[i] + received[i] - p[i], equity[i], EPS, where + ": equity");
                if (r.defaults(i)) {
                    assertTrue(p[i] < pBar[i], where + ": a defaulter pays less than it owes");
                    assertEquals(0.0, equity[i], EPS, where + ": a defaulter keeps nothing");
                } else {
                    assertEquals(pBar[i], p[i], EPS, where + ": a solvent node pays in full");
                }
                paid += p[i];
                totalReceived += received[i];
                totalEquity += equity[i];
            }
            assertEquals(paid, totalReceived, EPS, "trial " + trial + ": payments made = payments received");
            assertEquals(sum(e), totalEquity, EPS, "trial " + trial + ": equity adds up to external assets");
            assertArrayEquals(picard(l, e), p, 1e-7, "trial " + trial + ": matches Picard iteration from p_bar");
        }
    }

    @Test
    void firstRoundDefaultersAreExactlyTheNodesThatCannotPayEvenIfPaidInFull() {
        Random random = new Random(99);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(8);
            double[][] l = DebtRankTest.randomExposures(random, n);
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = 10 * random.nextDouble();
            }
            ClearingResult r = EisenbergNoe.clear(l, e);
            double[] pBar = r.totalLiabilities();
            double[] receivedInFull = received(l, pBar, pBar);
            int[] round = r.defaultRound();
            for (int i = 0; i < n; i++) {
                assertEquals(e[i] + receivedInFull[i] < pBar[i] - 1e-9, round[i] == 1, "trial " + trial + ", node " + i);
                assertTrue(round[i] >= 0 && round[i] <= n);
            }
        }
    }

    @Test
    void resultIsImmutable() {
        ClearingResult r = EisenbergNoe.clear(new double[][] {{0, 10}, {0, 0}}, new double[] {4, 0});
        r.payments()[0] = 100;
        r.defaultRound()[0] = 7;

        assertEquals(4.0, r.payments()[0], EPS);
        assertEquals(1, r.defaultRound()[0]);
        assertEquals(r, EisenbergNoe.clear(new double[][] {{0, 10}, {0, 0}}, new double[] {4, 0}));
    }

    @Test
    void rejectsMalformedInputWithIllegalArgumentException() {
        double[] e2 = {1, 1};
        assertThrows(IllegalArgumentException.class, () -> EisenbergNoe.clear(new double[][] {{0, 1}}, e2));
        assertThrows(IllegalArgumentException.class, () -> EisenbergNoe.clear(null, e2));
        assertThrows(IllegalArgumentException.class, () -> EisenbergNoe.clear(new double[][] {{0, -1}, {0, 0}}, e2));
        assertThrows(IllegalArgumentException.class, () -> EisenbergNoe.clear(new double[][] {{0, Double.NaN}, {0, 0}}, e2));
        assertThrows(IllegalArgumentException.class,
                () -> EisenbergNoe.clear(new double[][] {{0, Double.POSITIVE_INFINITY}, {0, 0}}, e2));
        assertThrows(IllegalArgumentException.class, () -> EisenbergNoe.clear(new double[][] {{3, 0}, {0, 0}}, e2));
        assertThrows(IllegalArgumentException.class, () -> EisenbergNoe.clear(new double[2][2], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> EisenbergNoe.clear(new double[2][2], new double[] {1, -2}));
        assertThrows(IllegalArgumentException.class, () -> EisenbergNoe.clear(new double[2][2], new double[] {1, Double.NaN}));
    }

    /** Payments each node receives: sum_j Pi_ji p_j. */
    private static double[] received(double[][] l, double[] pBar, double[] p) {
        int n = p.length;
        double[] in = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (pBar[j] > 0) {
                    in[i] += l[j][i] / pBar[j] * p[j];
                }
            }
        }
        return in;
    }

    /** Independent check: Picard iteration p <- min(p_bar, e + Pi^T p) from p_bar, which decreases to the greatest clearing vector. */
    private static double[] picard(double[][] l, double[] e) {
        int n = e.length;
        double[] pBar = new double[n];
        for (int i = 0; i < n; i++) {
            pBar[i] = sum(l[i]);
        }
        double[] p = pBar.clone();
        for (int iter = 0; iter < 1_000_000; iter++) {
            double[] in = received(l, pBar, p);
            double change = 0;
            for (int i = 0; i < n; i++) {
                double next = Math.min(pBar[i], e[i] + in[i]);
                change = Math.max(change, Math.abs(next - p[i]));
                p[i] = next;
            }
            if (change < 1e-13) {
                break;
            }
        }
        return p;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
