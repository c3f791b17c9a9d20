package org.creditstress.model.funder;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.PortfolioScan;
import org.creditstress.model.PortfolioStats;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.lender.LenderState;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.FUNDING_STRESS}: the funding contagion channel's mechanisms, between the
 * lenders' books and their funding. Built only when {@code contagion.funding} is on.
 * <ol>
 *   <li>From month 1, each lender's arrangements are tested ({@link CovenantTests}) on its M3+
 *       balance ratio, its loss rate over the last twelve months (write-offs over the twelve
 *       months, burn-in included, over their average receivables: an annual rate, as revolving
 *       facilities and card trusts test it, so that a calm economy never breaches by the mere
 *       passing of time) and its capital ratio; then {@link FunderStress}: funders whose losses
 *       over the last twelve months exceed their trigger cut every line they give.</li>
 *   <li>ABS buyers price in arrears: the discount on receivables sold this month rises over its
 *       base by {@code abs_discount_per_m1plus x} the lender's M1+ balance ratio.</li>
 * </ol>
 */
public final class FundingStress implements Steppable {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final PortfolioScan scan;
    private final FundingNetwork network;
    private final CovenantTests covenants = new CovenantTests();
    private final FunderStress funderStress = new FunderStress();
    /** Months in the loss-rate window. */
    static final int WINDOW = 12;
    /** Per lender, the last {@link #WINDOW} months' write-offs and receivables (a ring). */
    private final double[][] writeOffs;
    private final double[][] receivables;
    private int months;

    public FundingStress(Market market, PortfolioScan scan) {
        this.market = market;
        this.scan = scan;
        this.network = market.funding;
        writeOffs = new double[market.lenders.size()][WINDOW];
        receivables = new double[market.lenders.size()][WINDOW];
    }

    @Override
    public void step(SimState state) {
        PortfolioStats stats = scan.stats();
        int month = market.month();
        List<LenderState> lenders = market.lenders;
        int slot = months % WINDOW;
        months++;
        for (LenderState lender : lenders) {
            int l = lender.index;
            writeOffs[l][slot] = market.ledger.total(Flow.WRITE_OFFS, l);
            receivables[l][slot] = stats.receivables[l];
        }
        if (month >= 1) {
            for (LenderState lender : lenders) {
                int l = lender.index;
                double m3 = stats.receivables[l] > 0
                        ? (stats.bucketBalance[l][3] + stats.bucketBalance[l][4]) / stats.receivables[l] : 0.0;
                double loss = annualLossRate(writeOffs[l], receivables[l], Math.min(months, WINDOW));
                lender.recordCovenantMetrics(m3, loss);
                lender.recordCovenantBreaches(covenants.test(network.book(l), m3, loss, lender.capitalRatio()));
            }
            funderStress.apply(network.funders(), network.books());
        }
        for (FunderState f : network.funders()) {
            f.closeMonth();
        }
        for (LenderState lender : lenders) {
            int l = lender.index;
            double m1plus = stats.receivables[l] > 0 ? 1.0 - stats.bucketBalance[l][0] / stats.receivables[l] : 0.0;
            lender.setAbsDiscountRise(lender.spec.liquidity().absDiscountPerM1plus() * m1plus);
        }
    }

    /**
     * Loss rate over the last {@code n} months (at most {@link #WINDOW}), annualised:
     * {@code (sum of write-offs) / (mean receivables) x 12 / n}; 0 without receivables.
     */
    static double annualLossRate(double[] writeOffs, double[] receivables, int n) {
        double w = 0;
        double r = 0;
        for (int k = 0; k < n; k++) {
            w += writeOffs[k];
            r += receivables[k];
        }
        return r > 0 ? w / (r / n) * (WINDOW / (double) n) : 0.0;
    }
}
