package org.creditstress.model.lender;

import org.creditstress.model.engine.LastYear;

/**
 * Dividends: each month from month 1 a lender pays out the equity above
 * {@code target_capital_ratio} of the highest own net receivables (receivables less provisions)
 * of the last twelve months, this month's included ({@link LastYear}):
 * {@code D_t = max(0, E_t - k* max(N_{t-11}, ..., N_t))}, within its cash.
 *
 * <p>Why the peak: consumer-credit books swing with the purchase calendar (the Double 11 and
 * Spring Festival peaks raise receivables by a third in the shipped calendar). Paying out
 * against this month's book leaves no capital for next season's peak, so a lender whose trigger
 * for pro-cyclical tightening sits a point below its target (the baseline's PlatformB: target 10
 * %, trigger 9 %) fell below it every November of a calm economy and cut its customers' limits
 * each year. Keeping capital for the year's peak is the management buffer lenders hold above
 * their triggers (assumption: a year's window covers the calendar's cycle). The receivables are
 * tracked through the burn-in, so month 1 already knows the year's peak.
 */
final class DividendPolicy implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final LastYear[] netReceivables;

    DividendPolicy(int lenders) {
        netReceivables = new LastYear[lenders];
        for (int l = 0; l < lenders; l++) {
            netReceivables[l] = new LastYear();
        }
    }

    /**
     * Records this month's own net receivables and returns the dividend due (before the cash
     * limit): 0 before month 1 and for a failed lender.
     */
    double due(LenderState lender, double net, int month) {
        LastYear year = netReceivables[lender.index];
        year.record(month, net);
        if (month < 1 || lender.failed) {
            return 0.0;
        }
        double peak = year.max(net);
        return Math.max(0.0, lender.equity - lender.spec.balanceSheet().targetCapitalRatio() * peak);
    }
}
