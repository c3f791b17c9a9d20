package org.creditstress.model.lender;

import java.util.List;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.scenario.PopulationSpec;
import org.creditstress.scenario.ProductSpec;
import org.creditstress.scenario.SegmentSpec;

/**
 * The true risk of an applicant at the time of application: what a lender's application score
 * observes with noise ({@link Underwriting}, {@code s = q R + sqrt(1 - q^2) e}). It combines the
 * drivers of default in this model, each weighted by its measured log-odds of reaching 3+ months
 * past due within 12 months (docs/model.md, "Application risk"):
 *
 * <pre>
 *   R = [ w_t r + w_j J_k + w_v V_k - m ] / sigma + [ w_u U + w_d ln(1 + S) ] / sigma
 * </pre>
 *
 * <ul>
 *   <li>{@code r}: the trait index {@code (z_pb - z_lit - z_sav) / sqrt(3)} of present bias,
 *       literacy and savings (standard normal, {@link BorrowerTable#trueRisk});
 *   <li>{@code J_k}: the segment's {@code job_loss_relative} (job-loss hazard relative to the
 *       average, dimensionless); {@code V_k}: its {@code income_volatility} (monthly sd of
 *       transitory log income);
 *   <li>{@code U}: 1 if the applicant is unemployed now, else 0;
 *   <li>{@code S}: debt service relative to income: the monthly bills of the applicant's open
 *       instalment plans and cash loans (principal and plan fees), the minimum payment on its
 *       revolving balances ({@code min_payment_share} of the product) and its arrears, at every
 *       lender, over its permanent monthly income (yuan per yuan), read from the account table;
 *   <li>{@code m}, {@code sigma}: the mean and sd of {@code w_t r + w_j J + w_v V} over the
 *       scenario's segment mix, so that for an employed applicant with no debt service {@code R}
 *       has mean 0 and variance 1 across the population, as the approval-rate cut-off assumes;
 *       unemployment and debt service add to it in the same units.
 * </ul>
 *
 * <p>A fraudster's {@code R} is {@code fraud_true_risk} (a good model sees through the forgery);
 * a strategic defaulter's is shifted by {@code strategic_true_risk}. Computed only when an
 * application is scored: a pass over the applicant's account slots.
 */
public final class ApplicationRisk implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Log-odds weights per unit of each driver.
     *
     * @param traits      per unit of the trait index r
     * @param jobLoss     per unit of the segment's job_loss_relative
     * @param volatility  per unit of the segment's income_volatility
     * @param unemployed  for being unemployed now
     * @param debtService per unit of ln(1 + debt service / permanent income)
     */
    public record Weights(double traits, double jobLoss, double volatility, double unemployed, double debtService)
            implements java.io.Serializable {
        /**
         * Measured on the baseline ({@code RiskDrivers}: 20,000 borrowers, 2 replications, honest
         * borrowers in good standing at recorded months 1, 13 and 25, outcome 3+ months past due
         * within 12 months, 103,308 cases, 2.1 % bad): a logistic regression of the outcome on the
         * five drivers, rounded to two digits. Its linear predictor has an AUC of 0.87 on those cases,
         * the trait index alone 0.62. The defaults of {@code population.behaviour.true_risk}.
         */
        public static final Weights MEASURED = new Weights(0.53, 0.94, 4.6, 2.6, 14.0);
        /** The trait index alone (the true risk before issue 12). */
        public static final Weights TRAITS_ONLY = new Weights(1.0, 0.0, 0.0, 0.0, 0.0);
    }

    private final double[] minPaymentShare;
    private final double traitFactor;
    private final double[] segmentTerm;
    private final double unemployedShift;
    private final double debtFactor;
    private final double fraudTrueRisk;
    private final double strategicTrueRisk;

    /** The application risk of a scenario's population, with its {@code population.behaviour.true_risk} weights. */
    public static ApplicationRisk of(PopulationSpec population, List<ProductSpec> products) {
        var w = population.behaviour().trueRisk();
        return new ApplicationRisk(population.segments(), products, population.behaviour().fraudTrueRisk(),
                population.behaviour().strategicTrueRisk(),
                new Weights(w.traits(), w.jobLoss(), w.incomeVolatility(), w.unemployed(), w.debtService()));
    }

    /**
     * @param segments          the population's segments (shares, job-loss risk, income volatility)
     * @param products          the products, by index (minimum payment on revolving balances)
     * @param fraudTrueRisk     a fraudster's risk
     * @param strategicTrueRisk the shift of a strategic defaulter's risk
     * @param weights           the drivers' weights
     */
    public ApplicationRisk(List<SegmentSpec> segments, List<ProductSpec> products, double fraudTrueRisk, double strategicTrueRisk,
                           Weights weights) {
        this.minPaymentShare = products.stream().mapToDouble(ProductSpec::minPaymentShare).toArray();
        double total = 0;
        double mean = 0;
        for (SegmentSpec seg : segments) {
            total += seg.share();
            mean += seg.share() * segmentRaw(seg, weights);
        }
        mean = total > 0 ? mean / total : 0;
        double variance = 0;
        for (SegmentSpec seg : segments) {
            double d = segmentRaw(seg, weights) - mean;
            variance += total > 0 ? seg.share() / total * d * d : 0;
        }
        double sigma = Math.sqrt(weights.traits() * weights.traits() + variance);
        if (!(sigma > 0)) {
            sigma = 1.0;
        }
        this.traitFactor = weights.traits() / sigma;
        this.segmentTerm = new double[segments.size()];
        for (int k = 0; k < segmentTerm.length; k++) {
            segmentTerm[k] = (segmentRaw(segments.get(k), weights) - mean) / sigma;
        }
        this.unemployedShift = weights.unemployed() / sigma;
        this.debtFactor = weights.debtService() / sigma;
        this.fraudTrueRisk = fraudTrueRisk;
        this.strategicTrueRisk = strategicTrueRisk;
    }

    private static double segmentRaw(SegmentSpec seg, Weights w) {
        return w.jobLoss() * seg.jobLossRelative() + w.volatility() * seg.incomeVolatility();
    }

    /** The part of {@code R} of segment {@code k}, in units of the index. */
    public double segmentTerm(int k) {
        return segmentTerm[k];
    }

    /** Applicant {@code i}'s risk now, its accounts in {@code acc}. */
    public double of(BorrowerTable b, AccountTable acc, int i) {
        if (b.fraud(i)) {
            return fraudTrueRisk;
        }
        double due = 0;
        for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
            if (acc.status[a] == AccountTable.OPEN) {
                due += acc.schedule[a] + acc.planFee[a] + acc.arrears[a] + minPaymentShare[acc.product[a]] * acc.revolving[a];
            }
        }
        double income = b.permanentIncome[i];
        double risk = traitFactor * b.trueRisk[i] + segmentTerm[b.segment[i]]
                + (b.employed(i) ? 0.0 : unemployedShift)
                + (due > 0 && income > 0 ? debtFactor * Math.log1p(due / income) : 0.0);
        return b.strategic(i) ? risk + strategicTrueRisk : risk;
    }
}
