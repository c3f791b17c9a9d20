package org.creditstress.model.funder;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.PortfolioScan;
import org.creditstress.model.PortfolioStats;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.engine.LastYear;
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
    /** Per lender, the last twelve months' write-offs and receivables. */
    private final LastYear[] writeOffs;
    private final LastYear[] receivables;

    public FundingStress(Market market, PortfolioScan scan) {
        this.market = market;
        this.scan = scan;
        this.network = market.funding;
        writeOffs = new LastYear[market.lenders.size()];
        receivables = new LastYear[market.lenders.size()];
        for (int l = 0; l < writeOffs.length; l++) {
            writeOffs[l] = new LastYear();
            receivables[l] = new LastYear();
        }
    }

    @Override
    public void step(SimState state) {
        PortfolioStats stats = scan.stats();
        int month = market.month();
        List<LenderState> lenders = market.lenders;
        for (LenderState lender : lenders) {
            int l = lender.index;
            writeOffs[l].record(month, market.ledger.total(Flow.WRITE_OFFS, l));
            receivables[l].record(month, stats.receivables[l]);
        }
        for (FunderState f : network.funders()) {
            f.closeMonth(month);
        }
        if (month >= 1) {
            for (LenderState lender : lenders) {
                int l = lender.index;
                double m3 = stats.receivables[l] > 0
                        ? (stats.bucketBalance[l][3] + stats.bucketBalance[l][4]) / stats.receivables[l] : 0.0;
                double loss = annualLossRate(writeOffs[l], receivables[l]);
                lender.recordCovenantMetrics(m3, loss);
                lender.recordCovenantBreaches(covenants.test(network.book(l), m3, loss, lender.capitalRatio()));
            }
            funderStress.apply(network.funders(), network.books());
        }
        for (LenderState lender : lenders) {
            int l = lender.index;
            double m1plus = stats.m1plusRatio(l);
            lender.setAbsDiscountRise(lender.spec.liquidity().absDiscountPerM1plus() * m1plus);
        }
    }

    /**
     * Loss rate over the last twelve months, annualised while fewer are recorded:
     * {@code (sum of write-offs) / (mean receivables) x 12 / n} over the {@code n} months recorded;
     * 0 without receivables.
     */
    static double annualLossRate(LastYear writeOffs, LastYear receivables) {
        int n = receivables.months();
        double r = receivables.sum();
        return r > 0 ? writeOffs.sum() / (r / n) * (LastYear.MONTHS / (double) n) : 0.0;
    }
}
