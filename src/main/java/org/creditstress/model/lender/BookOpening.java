package org.creditstress.model.lender;

import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;

/**
 * Opens the lenders' books on a loaded book ({@code population.book}), before month 1, as the end
 * of burn-in opens them on a seasoned portfolio ({@link LenderFunding}): receivables are the sum
 * of the open accounts' balances; provisions are the {@code provisioning.loss_rates} table on
 * them by bucket (also for lenders provisioning by ECL: the ECL model is fitted on the lender's
 * own history, which a tape does not carry, so it starts from month 1's observations); then
 * equity, cash, lines and other funding at their opening ratios of own net receivables, and the
 * funders' capital from their exposure. The lender owns its whole book at the start (funders'
 * co-lent claims begin with month 1's lending); no penalty interest is in suspense.
 */
public final class BookOpening {

    private BookOpening() {
    }

    /** Opens every lender's books on the market's accounts as they are. */
    public static void open(Market market) {
        int n = market.lenders.size();
        double[] receivables = new double[n];
        double[][] byBucket = new double[n][5];
        AccountTable acc = market.accounts;
        for (int a = 0; a < acc.size; a++) {
            if (acc.status[a] == AccountTable.OPEN) {
                double balance = acc.balance(a);
                receivables[acc.lender[a]] += balance;
                byBucket[acc.lender[a]][acc.bucket(a)] += balance;
            }
        }
        for (LenderState lender : market.lenders) {
            int l = lender.index;
            lender.ledgerReceivables = receivables[l];
            double provisions = 0;
            for (int bucket = 0; bucket < 5; bucket++) {
                provisions += byBucket[l][bucket] * lender.spec.provisioning().lossRates().get(bucket);
            }
            lender.provisions = provisions;
            lender.suspense = 0;
            LenderFunding.openBooks(lender, market.funding);
            lender.lastNetReceivables = Math.max(0.0, lender.ownReceivables() - lender.provisions);
        }
        market.funding.openFunders();
    }
}
