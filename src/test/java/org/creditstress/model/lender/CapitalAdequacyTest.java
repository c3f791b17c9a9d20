package org.creditstress.model.lender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.PathSpec;
import org.junit.jupiter.api.Test;

/** Risk-weighted assets and the capital adequacy ratio against hand-computed values. */
class CapitalAdequacyTest {

    private static LenderSpec.Capital capital(String approach) {
        return new LenderSpec.Capital(approach, 0.75, 1.0, 0.1, 0.04, 0.001, 0.08, 0.025);
    }

    /** An ECL model with a fallback LGD of 0.6 and a flat unemployment path. */
    private static ExpectedCreditLoss eclModel() {
        return new ExpectedCreditLoss(
                new LenderSpec.Provisioning("ecl", List.of(0.01, 0.15, 0.35, 0.55, 0.75), 0.1, 12, 12, 1, 0.6, 12, 1.0, 0.0),
                new PathSpec(PathSpec.Shape.FLAT, 0.05, 0.05, 1, 1, 1, 1, 0.05, List.of()));
    }

    /** Standard normal cdf and inverse written out from the error function, apart from the class under test. */
    private static double phi(double x) {
        return 0.5 * (1 + Erf.erf(x / Math.sqrt(2)));
    }

    private static double phiInverse(double p) {
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }

    /** Basel II paragraph 328 (qualifying revolving retail): K = LGD [N((G(PD) + sqrt(R) G(0.999)) / sqrt(1 - R)) - PD]. */
    private static double basel(double pd, double lgd, double r) {
        return lgd * (phi((phiInverse(pd) + Math.sqrt(r) * phiInverse(0.999)) / Math.sqrt(1 - r)) - pd);
    }

    @Test
    void irbFormulaMatchesTheBaselRetailRevolvingFormula() {
        for (double pd : new double[] {0.0003, 0.001, 0.01, 0.05, 0.2, 0.5}) {
            for (double lgd : new double[] {0.45, 0.85, 1.0}) {
                assertEquals(basel(pd, lgd, 0.04), CapitalAdequacy.irbCapital(pd, lgd, 0.04), 1e-9, "PD " + pd + ", LGD " + lgd);
            }
        }
        // Published anchors: Basel II (June 2006) Annex 5, illustrative IRB risk weights for qualifying revolving retail
        // exposures at LGD 45 %: PD 0.03 % -> 0.98 %, PD 0.10 % -> 2.71 %, PD 1.00 % -> 17.22 % (rounded to 0.01 point).
        assertEquals(0.0098, 12.5 * CapitalAdequacy.irbCapital(0.0003, 0.45, 0.04), 0.00005);
        assertEquals(0.0271, 12.5 * CapitalAdequacy.irbCapital(0.001, 0.45, 0.04), 0.00005);
        assertEquals(0.1722, 12.5 * CapitalAdequacy.irbCapital(0.01, 0.45, 0.04), 0.00005);
    }

    @Test
    void standardisedRwaAndCarOfASmallBook() {
        double[][] balance = new double[3][5];
        double[][] undrawn = new double[3][5];
        balance[0][0] = 8_000;
        undrawn[0][0] = 20_000;
        balance[1][2] = 1_000;
        balance[2][4] = 500;
        ExpectedCreditLoss ecl = eclModel();
        double rwa = new CapitalAdequacy(capital("standardised")).riskWeightedAssets(balance, undrawn, 0.8, ecl);
        double byHand = 0.8 * (0.75 * (8_000 + 0.1 * 20_000) + 0.75 * 1_000 + 1.0 * 500);
        assertEquals(byHand, rwa, 1e-9);
        assertEquals(900.0 / byHand, CapitalAdequacy.ratio(900.0, rwa), 1e-12);
    }

    @Test
    void irbRwaUsesTheFittedPdAndLgdPerBucket() {
        ExpectedCreditLoss ecl = eclModel();
        long[][] n = new long[5][7];
        n[0][0] = 980;
        n[0][4] = 20;
        n[1][4] = 10;
        n[2][4] = 10;
        n[3][4] = 10;
        ecl.observe(n, 0, 0, 0);
        ecl.fit(1);
        double[][] balance = new double[3][5];
        balance[0][0] = 10_000;
        balance[2][4] = 300;
        double rwa = new CapitalAdequacy(capital("irb")).riskWeightedAssets(balance, new double[3][5], 1.0, ecl);
        double pd = ecl.pd12(0);
        assertEquals(12.5 * basel(pd, 0.6, 0.04) * 10_000, rwa, 1e-6, "defaulted exposures carry no unexpected-loss capital");
    }
}
