package org.creditstress.model.lender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.PathSpec;
import org.junit.jupiter.api.Test;

/**
 * The ECL of a hand-built portfolio equals PD x LGD x EAD per stage in closed form, with the PD
 * read off a transition matrix fitted on hand-made transition counts.
 */
class ExpectedCreditLossTest {
    private static final PathSpec FLAT = new PathSpec(PathSpec.Shape.FLAT, 0.05, 0.05, 1, 1, 1, 1, 0.05, List.of());

    private static LenderSpec.Provisioning spec(int lifetimeMonths, double ccf) {
        return new LenderSpec.Provisioning("ecl", List.of(0.01, 0.15, 0.35, 0.55, 0.75), ccf, lifetimeMonths, 12, 10, 0.6, 12, 1.0, 0.0);
    }

    /**
     * Transitions observed in one month: 1000 accounts in M0 (900 stay, 50 to M1, 50 paid off);
     * 100 in M1 (40 cure, 60 to M2); 100 in M2 (30 cure, 70 to M3); 100 in M3 (20 cure, 80 to M4+).
     */
    private static long[][] counts() {
        long[][] n = new long[5][7];
        n[0][0] = 900;
        n[0][1] = 50;
        n[0][6] = 50;
        n[1][0] = 40;
        n[1][2] = 60;
        n[2][0] = 30;
        n[2][3] = 70;
        n[3][0] = 20;
        n[3][4] = 80;
        return n;
    }

    @Test
    void eclIsPdTimesLgdTimesEadPerStage() {
        ExpectedCreditLoss ecl = new ExpectedCreditLoss(spec(2, 0.5), FLAT);
        ecl.observe(counts(), 0, 0, 0);
        ecl.fit(1);
        // Two-step PDs from the matrix by hand: M0 cannot reach default in two steps (it takes four);
        // M2 reaches it through M3 (0.7 x 0.8); M3 in one step (0.8; a cure cannot default again within one more step).
        double pdM2 = 0.7 * 0.8;
        double pdM3 = 0.8;
        assertEquals(0.0, ecl.pd12(0), 1e-12);
        assertEquals(pdM2, ecl.pdLifetime(2), 1e-12);
        assertEquals(pdM3, ecl.pdLifetime(3), 1e-12);
        assertEquals(0.6, ecl.lgd(), 0.0, "no write-offs observed yet: the fallback LGD");

        double[][] balance = new double[3][5];
        double[][] undrawn = new double[3][5];
        balance[0][0] = 10_000;
        undrawn[0][0] = 40_000;
        balance[1][2] = 2_000;
        balance[1][3] = 1_000;
        undrawn[1][3] = 400;
        balance[2][4] = 500;
        ecl.measure(balance, undrawn, 1.0);
        assertEquals(0.0, ecl.ecl(0), 1e-9);
        assertEquals(pdM2 * 0.6 * 2_000 + pdM3 * 0.6 * (1_000 + 0.5 * 400), ecl.ecl(1), 1e-9);
        assertEquals(1.0 * 0.6 * 500, ecl.ecl(2), 1e-9);
        ecl.measure(balance, undrawn, 0.25);
        assertEquals(0.25 * 0.6 * 500, ecl.ecl(2), 1e-9, "the own share scales every stage");
    }

    @Test
    void twelveMonthAndLifetimeEclAgreeForAOneMonthHorizon() {
        ExpectedCreditLoss ecl = new ExpectedCreditLoss(spec(1, 0.0), FLAT);
        ecl.observe(counts(), 0, 0, 0);
        ecl.fit(1);
        double[][] balance = new double[3][5];
        balance[0][3] = 1_000;
        balance[1][3] = 1_000;
        ecl.measure(balance, new double[3][5], 1.0);
        assertEquals(ecl.ecl(0), ecl.ecl(1), 1e-12);
        assertEquals(0.8 * 0.6 * 1_000, ecl.ecl(0), 1e-9, "one-month PD of M3 is its roll rate to M4+");
    }

    @Test
    void lifetimePdGrowsWithTheHorizonAndTwelveMonthPdIsCappedAtTheLifetime() {
        ExpectedCreditLoss longLife = new ExpectedCreditLoss(spec(36, 0.0), FLAT);
        longLife.observe(counts(), 0, 0, 0);
        longLife.fit(1);
        // From M0: M0 -> M1 -> M2 -> M3 -> D takes four steps, with cures and re-entries after that.
        assertEquals(true, longLife.pd12(0) > 0.05 * 0.6 * 0.7 * 0.8 - 1e-12);
        assertEquals(true, longLife.pdLifetime(0) > longLife.pd12(0));
    }

    @Test
    void observedLgdReplacesTheFallbackOnceEnoughMonthsOfWriteOffsAreSeen() {
        ExpectedCreditLoss ecl = new ExpectedCreditLoss(spec(12, 0.0), FLAT);
        long[][] n = counts();
        n[4][5] = 60; // of 100 defaulted accounts leaving M4+: 60 written off, 40 cured
        n[4][0] = 40;
        for (int m = 0; m < 12; m++) {
            ecl.observe(n, 1_000, 150, 50);
        }
        ecl.fit(1);
        assertEquals(0.6 * (1 - 0.15 + 0.05), ecl.lgd(), 1e-12);
    }

    @Test
    void pdsRiseWithTheUnemploymentPathAhead() {
        PathSpec rising = new PathSpec(PathSpec.Shape.VALUES, 0.05, 0.05, 1, 1, 1, 1, 0.05,
                List.of(0.05, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06));
        ExpectedCreditLoss flat = new ExpectedCreditLoss(spec(1, 0.0), FLAT);
        ExpectedCreditLoss ahead = new ExpectedCreditLoss(spec(1, 0.0), rising);
        for (ExpectedCreditLoss e : List.of(flat, ahead)) {
            e.observe(counts(), 0, 0, 0);
            e.fit(1);
        }
        assertEquals(1.2, ahead.forwardFactor(), 1e-12);
        assertEquals(1.2 * flat.pd12(2), ahead.pd12(2), 1e-12);
    }

    /**
     * The relative stage-2 test on the lender's own fitted model: M1 is a significant increase in
     * credit risk exactly when its 12-month PD is at least the multiple of M0's; the 30 DPD backstop
     * (M2) stays whatever the multiple.
     */
    @Test
    void m1IsInStageTwoWhenItsFittedPdIsTheMultipleOfACurrentAccounts() {
        ExpectedCreditLoss ecl = new ExpectedCreditLoss(spec(12, 0.0), FLAT);
        assertEquals(2, ecl.stage2FromBucket(3.0), "before the first fit: the backstop only");
        ecl.observe(counts(), 0, 0, 0);
        ecl.fit(1);
        double ratio = ecl.pd12(1) / ecl.pd12(0);
        assertTrue(ratio > 1.5, "M1 is riskier than M0: " + ratio);
        assertEquals(1, ecl.stage2FromBucket(ratio * 0.999));
        assertEquals(2, ecl.stage2FromBucket(ratio * 1.001));
        assertEquals(2, ecl.stage2FromBucket(0.0), "0 switches the relative test off");
        assertEquals(0, org.creditstress.model.PortfolioScan.stage(1, false, 2));
        assertEquals(1, org.creditstress.model.PortfolioScan.stage(1, false, 1));
        assertEquals(1, org.creditstress.model.PortfolioScan.stage(2, false, 2), "the 30 DPD backstop");
        assertEquals(1, org.creditstress.model.PortfolioScan.stage(0, true, 2), "restructured");
        assertEquals(2, org.creditstress.model.PortfolioScan.stage(4, false, 1), "default");
    }
}
