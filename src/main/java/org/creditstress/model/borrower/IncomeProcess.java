package org.creditstress.model.borrower;

import java.util.List;
import java.util.SplittableRandom;
import org.creditstress.model.Market;
import org.creditstress.model.engine.BorrowerFlow;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.scenario.SegmentSpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 2b of the month: incomes. Permanent income grows at the segment's share of the macro
 * income growth, {@code g_k = g_1 + income_cyclicality_k (g_t - g_1)} (annual, applied monthly),
 * times a permanent log-normal shock with mean one. An employed borrower earns permanent income
 * times a transitory mean-one log-normal shock; an unemployed one earns
 * {@code unemployment_replacement} times permanent income. Income goes into savings.
 */
public final class IncomeProcess implements Steppable {
    private static final long serialVersionUID = 1L;
    private final transient Market market;
    private final double[] permanentSd;
    private final double[] transitorySd;
    private final double[] replacement;
    private final double[] cyclicality;
    private final double baseGrowth;
    private final double[] monthlyDrift;

    public IncomeProcess(Market market) {
        this.market = market;
        List<SegmentSpec> segs = market.scenario.population().segments();
        int n = segs.size();
        permanentSd = new double[n];
        transitorySd = new double[n];
        replacement = new double[n];
        cyclicality = new double[n];
        monthlyDrift = new double[n];
        for (int k = 0; k < n; k++) {
            permanentSd[k] = segs.get(k).permanentIncomeVolatility();
            transitorySd[k] = segs.get(k).incomeVolatility();
            replacement[k] = segs.get(k).unemploymentReplacement();
            cyclicality[k] = segs.get(k).incomeCyclicality();
        }
        baseGrowth = market.scenario.economy().incomeGrowth().at(1);
    }

    @Override
    public void step(SimState state) {
        double g = market.macro.incomeGrowthAnnual();
        for (int k = 0; k < monthlyDrift.length; k++) {
            double annual = Math.max(-0.99, baseGrowth + cyclicality[k] * (g - baseGrowth));
            monthlyDrift[k] = Math.log1p(annual) / 12.0;
        }
        market.executor.forEachChunk(market.chunks, this::chunk);
    }

    private void chunk(int c, int from, int to) {
        BorrowerTable b = market.borrowers;
        SplittableRandom rng = market.chunks.rng(c, RandomStream.INCOME);
        double total = 0;
        for (int i = from; i < to; i++) {
            int k = b.segment[i];
            double sp = permanentSd[k];
            double permanent = b.permanentIncome[i];
            double shock = rng.nextGaussian();
            permanent *= Math.exp(monthlyDrift[k] + sp * shock - 0.5 * sp * sp);
            b.permanentIncome[i] = (float) permanent;
            double income;
            // Drawn for everyone, used only if employed: employment never shifts other borrowers' draws.
            double transitory = rng.nextGaussian();
            if (b.employed(i)) {
                double st = transitorySd[k];
                income = st > 0 ? permanent * Math.exp(st * transitory - 0.5 * st * st) : permanent;
            } else {
                income = (replacement[k] + market.policy.incomeSupportShare()) * permanent;
            }
            float stored = (float) income;
            b.income[i] = stored;
            if (market.trace() != null && market.trace().is(i)) {
                market.trace().month(market.month()).income = stored;
            }
            b.savings[i] += stored;
            total += stored;
        }
        market.ledger.add(c, BorrowerFlow.INCOME, total);
    }
}
