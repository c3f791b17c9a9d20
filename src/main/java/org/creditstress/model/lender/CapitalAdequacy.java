package org.creditstress.model.lender;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.creditstress.scenario.LenderSpec;

/**
 * One lender's risk-weighted assets and capital adequacy ratio, each month in
 * {@code MonthPhase.LENDER_BOOKS} after its ECL. Exposures are the lender's own share of
 * {@code EAD = balance + ccf x undrawn limit} by bucket.
 *
 * <p><b>Standardised</b> (Basel III CRE20): {@code RWA = risk_weight x EAD} for exposures up to 90 DPD
 * (75 % for regulatory retail) and {@code defaulted_risk_weight x EAD} over 90 DPD; gross of
 * provisions (a simplification: Basel nets specific provisions).
 *
 * <p><b>IRB</b>, retail (Basel II paragraph 328, CRE31.14-16):
 * {@code K = LGD x [N((G(PD) + sqrt(R) G(0.999)) / sqrt(1 - R)) - PD]}, {@code RWA = 12.5 x K x EAD},
 * with N the standard normal distribution, G its inverse, R = {@code irb_correlation} (0.04 for
 * qualifying revolving retail), PD the lender's fitted forward-looking 12-month PD of the bucket
 * floored at {@code irb_pd_floor}, LGD its fitted LGD. Defaulted exposures (over 90 DPD) get
 * {@code K = max(0, LGD - best-estimate EL)} = 0 here, the best estimate being the LGD itself.
 *
 * <p>{@code CAR = equity / RWA} (equity stands for total capital: no tiers); the minimum is
 * {@code min_car} or a higher {@code capital_requirement} policy minimum; the buffer sits above it.
 */
public final class CapitalAdequacy implements java.io.Serializable {
    /** Standard normal without a random generator (only its cdf and inverse are used). */
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0.0, 1.0,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    private static final double G999 = NORMAL.inverseCumulativeProbability(0.999);

    private final LenderSpec.Capital spec;

    public CapitalAdequacy(LenderSpec.Capital spec) {
        this.spec = spec;
    }

    /**
     * Risk-weighted assets of the own share {@code share} of balances and undrawn limits by stage
     * (0..2) and bucket (0..4), with the ECL model's PDs and LGD for the IRB approach.
     */
    public double riskWeightedAssets(double[][] balance, double[][] undrawn, double share, ExpectedCreditLoss ecl) {
        double rwa = 0;
        for (int b = 0; b < 5; b++) {
            double ead = 0;
            for (int s = 0; s < 3; s++) {
                ead += balance[s][b] + spec.ccf() * undrawn[s][b];
            }
            rwa += share * ead * riskWeight(b, ecl);
        }
        return rwa;
    }

    /** The risk weight of an exposure in bucket b (0..4). */
    double riskWeight(int bucket, ExpectedCreditLoss ecl) {
        if (!spec.irb()) {
            return bucket >= 4 ? spec.defaultedRiskWeight() : spec.riskWeight();
        }
        if (bucket >= 4) {
            return 0.0;
        }
        double pd = Math.max(spec.irbPdFloor(), ecl.pd12(bucket));
        return 12.5 * irbCapital(pd, ecl.lgd(), spec.irbCorrelation());
    }

    /**
     * Basel IRB retail capital requirement per unit of EAD:
     * {@code K = LGD x [N((G(PD) + sqrt(R) G(0.999)) / sqrt(1 - R)) - PD]}; 0 for PD = 1.
     */
    public static double irbCapital(double pd, double lgd, double correlation) {
        if (pd >= 1.0) {
            return 0.0;
        }
        double x = (NORMAL.inverseCumulativeProbability(pd) + Math.sqrt(correlation) * G999) / Math.sqrt(1.0 - correlation);
        return lgd * (NORMAL.cumulativeProbability(x) - pd);
    }

    /** Equity over RWA; NaN with no risk-weighted assets. */
    public static double ratio(double equity, double rwa) {
        return rwa > 0 ? equity / rwa : Double.NaN;
    }

    public double minimum() {
        return spec.minCar();
    }

    public double buffer() {
        return spec.buffer();
    }
}
