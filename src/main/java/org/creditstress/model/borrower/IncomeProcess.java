package org.creditstress.model.borrower;

import java.util.List;
import java.util.SplittableRandom;
import org.creditstress.model.Market;
import org.creditstress.model.engine.BorrowerFlow;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.scenario.PathSpec;
import org.creditstress.scenario.SegmentSpec;

/**
 * Incomes, in yuan per month. Runs at {@link org.creditstress.model.MonthPhase#INCOME}: after
 * employment transitions (this month's job status decides the income), before consumption
 * (which spends it).
 *
 * <p>Permanent income {@code P} grows at the segment's share of the macro income growth,
 * {@code g_k = g_1 + income_cyclicality_k (g_t - g_1)} (annual rates, floored at -0.99, applied
 * as the monthly log drift {@code mu_k = ln(1 + g_k) / 12}), times a permanent log-normal shock
 * with mean one: {@code P' = P exp(mu_k + sp_k z1 - sp_k^2 / 2)}, {@code sp_k} =
 * {@code permanent_income_volatility}. An employed borrower earns
 * {@code y = P' exp(st_k z2 - st_k^2 / 2)}, {@code st_k} = {@code income_volatility}; an
 * unemployed one earns {@code y = (unemployment_replacement_k + income support share) P'}.
 * Income goes into savings.
 *
 * <p>Family help: what family and friends can still give ({@code familyHelp}, used by the
 * lenders' collection) is renewed towards its full size {@code H_k P'} ({@code H_k} =
 * {@code family_help_months}) by {@code H_k P' / R} a month, {@code R} =
 * {@code family_help_renewal_months} (no renewal with {@code R = 0}). A reserve that is never
 * renewed drains over the decades a borrower stays in the market, so late-stage cures fell and
 * charge-offs rose by 13 % from year 2 to year 10 of a calm economy.
 *
 * <p>A {@link BorrowerPhase}: the chunk loop and the benchmark's per-borrower schedule both run
 * {@link #stepBorrowers}.
 */
public final class IncomeProcess extends BorrowerPhase<IncomeProcess.Chunk> {
    private static final long serialVersionUID = 1L;
    private final double[] permanentSd;
    private final double[] transitorySd;
    private final double[] replacement;
    private final double[] cyclicality;
    private final double baseGrowth;
    private final double[] monthlyDrift;
    /** {@code family_help_months} by segment. */
    private final double[] familyHelpMonths;
    /** Share of the full family-help reserve renewed each month (0: never). */
    private final double familyHelpRenewal;
    private final Chunk[] chunks;
    /** The chunks' stream this phase draws from (looked up each month: a shared start restarts the streams). */
    private final RandomStream purpose;

    /** One chunk's part of the phase: its random stream and the income paid so far this month. */
    public static final class Chunk implements java.io.Serializable {
        private final int index;
        private double income;

        private Chunk(int index) {
            this.index = index;
        }
    }

    /**
     * @param segments     the population's segments (volatilities, replacement rate, cyclicality)
     * @param incomeGrowth the macro income-growth path (annual); its month-1 value is {@code g_1}
     * @param purpose      the random stream the income shocks are drawn from (one per chunk)
     * @param familyHelpRenewalMonths months over which the family-help reserve is renewed (0: never)
     */
    public IncomeProcess(Market market, List<SegmentSpec> segments, PathSpec incomeGrowth, RandomStream purpose,
                         int familyHelpRenewalMonths) {
        super(market);
        familyHelpRenewal = familyHelpRenewalMonths > 0 ? 1.0 / familyHelpRenewalMonths : 0.0;
        this.purpose = purpose;
        int n = segments.size();
        permanentSd = new double[n];
        transitorySd = new double[n];
        replacement = new double[n];
        cyclicality = new double[n];
        monthlyDrift = new double[n];
        supportEmployed = new double[n];
        supportUnemployed = new double[n];
        familyHelpMonths = new double[n];
        for (int k = 0; k < n; k++) {
            familyHelpMonths[k] = segments.get(k).familyHelpMonths();
            permanentSd[k] = segments.get(k).permanentIncomeVolatility();
            transitorySd[k] = segments.get(k).incomeVolatility();
            replacement[k] = segments.get(k).unemploymentReplacement();
            cyclicality[k] = segments.get(k).incomeCyclicality();
        }
        baseGrowth = incomeGrowth.at(1);
        chunks = new Chunk[market.chunks.count()];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new Chunk(c);
        }
    }

    /** This month's income support by segment, as a share of permanent income (read once a month, not per borrower). */
    private final double[] supportEmployed;
    /** Unemployment replacement plus this month's income support, by segment. */
    private final double[] supportUnemployed;

    /** This month's drift and income support per segment, from this month's macro income growth and policies. */
    @Override
    public void beginMonth() {
        double g = market.macro.incomeGrowthAnnual();
        for (int k = 0; k < monthlyDrift.length; k++) {
            double annual = Math.max(-0.99, baseGrowth + cyclicality[k] * (g - baseGrowth));
            monthlyDrift[k] = Math.log1p(annual) / 12.0;
            supportEmployed[k] = market.policy.incomeSupportEmployed(k);
            supportUnemployed[k] = replacement[k] + market.policy.incomeSupportUnemployed(k);
        }
    }

    @Override
    public Chunk chunk(int c) {
        return chunks[c];
    }

    /**
     * Incomes of borrowers {@code from} to {@code to - 1}, all of chunk {@code chunk}, drawn from its
     * stream and added up in it. The chunk loop passes its whole range; one borrower is
     * {@code stepBorrowers(i, i + 1, chunk)}.
     */
    @Override
    public void stepBorrowers(int from, int to, Chunk chunk) {
        BorrowerTable b = market.borrowers;
        SplittableRandom rng = market.chunks.rng(chunk.index, purpose);
        double total = chunk.income;
        for (int i = from; i < to; i++) {
            int k = b.segment[i];
            double sp = permanentSd[k];
            double permanent = b.permanentIncome[i];
            double shock = rng.nextGaussian();
            permanent *= Math.exp(monthlyDrift[k] + sp * shock - 0.5 * sp * sp);
            b.permanentIncome[i] = (float) permanent;
            if (familyHelpRenewal > 0) {
                double full = familyHelpMonths[k] * permanent;
                if (b.familyHelp[i] < full) {
                    b.familyHelp[i] = (float) Math.min(full, b.familyHelp[i] + familyHelpRenewal * full);
                }
            }
            double income;
            // Drawn for everyone, used only if employed: employment never shifts other borrowers' draws.
            double transitory = rng.nextGaussian();
            if (b.employed(i)) {
                double st = transitorySd[k];
                income = (st > 0 ? permanent * Math.exp(st * transitory - 0.5 * st * st) : permanent)
                        + supportEmployed[k] * permanent;
            } else {
                income = supportUnemployed[k] * permanent;
            }
            float stored = (float) income;
            b.income[i] = stored;
            if (market.trace() != null && market.trace().is(i)) {
                market.trace().month(market.month()).income = stored;
            }
            b.savings[i] += stored;
            total += stored;
        }
        chunk.income = total;
    }

    /** Books the chunk's income in the month's ledger (once, after its last borrower) and clears it. */
    @Override
    public void endChunk(Chunk chunk) {
        market.ledger.add(chunk.index, BorrowerFlow.INCOME, chunk.income);
        chunk.income = 0;
    }
}
