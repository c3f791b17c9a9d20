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
 *       balance ratio, its cumulative loss rate (write-offs since month 1 over average
 *       receivables) and its capital ratio; then {@link FunderStress}: funders whose losses exceed
 *       their trigger cut every line they give.</li>
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
    private final double[] cumulativeWriteOffs;
    private final double[] receivablesSum;
    private int recordedMonths;

    public FundingStress(Market market, PortfolioScan scan) {
        this.market = market;
        this.scan = scan;
        this.network = market.funding;
        cumulativeWriteOffs = new double[market.lenders.size()];
        receivablesSum = new double[market.lenders.size()];
    }

    @Override
    public void step(SimState state) {
        PortfolioStats stats = scan.stats();
        int month = market.month();
        List<LenderState> lenders = market.lenders;
        if (month >= 1) {
            recordedMonths++;
            for (LenderState lender : lenders) {
                int l = lender.index;
                cumulativeWriteOffs[l] += market.ledger.total(Flow.WRITE_OFFS, l);
                receivablesSum[l] += stats.receivables[l];
            }
            for (LenderState lender : lenders) {
                int l = lender.index;
                double m3 = stats.receivables[l] > 0
                        ? (stats.bucketBalance[l][3] + stats.bucketBalance[l][4]) / stats.receivables[l] : 0.0;
                double loss = receivablesSum[l] > 0 ? cumulativeWriteOffs[l] / (receivablesSum[l] / recordedMonths) : 0.0;
                lender.recordCovenantMetrics(m3, loss);
                lender.recordCovenantBreaches(covenants.test(network.book(l), m3, loss, lender.capitalRatio()));
            }
            funderStress.apply(network.funders(), network.books());
        }
        for (LenderState lender : lenders) {
            int l = lender.index;
            double m1plus = stats.receivables[l] > 0 ? 1.0 - stats.bucketBalance[l][0] / stats.receivables[l] : 0.0;
            lender.setAbsDiscountRise(lender.spec.liquidity().absDiscountPerM1plus() * m1plus);
        }
    }
}
