package org.creditstress.model.lender;

import org.creditstress.model.Market;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.Flow;
import sim.engine.SimState;

/**
 * Phase 6b of the month: accounts {@code write_off_months} or more past due (6 = 180 DPD by
 * default) are written off: the whole balance leaves receivables as a loss and the account is
 * closed for good. Fraudsters' write-offs are also recorded apart (fraud losses).
 */
public final class WriteOff implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final int[] writeOffMonths;

    public WriteOff(Market market) {
        this.market = market;
        writeOffMonths = market.lenders.stream().mapToInt(l -> l.spec.writeOffMonths()).toArray();
    }

    @Override
    public void step(SimState state) {
        runAlone(market.executor, market.chunks);
    }


    @Override
    public void stepChunk(int c, int from, int to) {
        AccountTable acc = market.accounts;
        BorrowerTable b = market.borrowers;
        double[] losses = new double[writeOffMonths.length];
        double[] fraudLosses = new double[writeOffMonths.length];
        double[] cashLoanLosses = new double[writeOffMonths.length];
        int[] pastDue = market.pastDue.of(c, from, to, market.month());
        for (int k = 0, n = market.pastDue.count(c); k < n; k++) {
            int a = pastDue[k];
            int l = acc.lender[a];
            if (acc.status[a] != AccountTable.OPEN || acc.monthsPastDue[a] < writeOffMonths[l]) {
                continue;
            }
            double balance = acc.balance(a);
            losses[l] += balance;
            int i = acc.borrower[a];
            if (market.trace() != null && market.trace().is(i)) {
                market.trace().account(market.month(), a).events.add(String.format(java.util.Locale.ROOT,
                        "written off: %.0f yuan, %d months past due", balance, acc.monthsPastDue[a]));
            }
            if (market.watch() != null) {
                market.watch().record(org.creditstress.model.trace.EventWatch.Kind.WRITTEN_OFF, market.month(), i);
            }
            if (acc.cashLoan[a]) {
                cashLoanLosses[l] += balance;
            }
            if (b.fraud(i)) {
                fraudLosses[l] += balance;
                market.ledger.count(c, Counter.FRAUD_WRITE_OFFS_COUNT, l);
            }
            if (b.lendersHeld[i] >= 2) {
                market.ledger.count(c, Counter.MULTI_LENDER_WRITE_OFFS, l);
            }
            acc.statement[a] = 0;
            acc.pending[a] = 0;
            acc.revolving[a] = 0;
            acc.pool[a] = 0;
            acc.arrears[a] = 0;
            acc.clearSchedule(a);
            acc.setStatus(a, AccountTable.WRITTEN_OFF);
            acc.goodMonths[a] = 0;
            market.ledger.count(c, Counter.ACCOUNTS_WRITTEN_OFF, l);
        }
        for (int l = 0; l < losses.length; l++) {
            market.ledger.add(c, Flow.WRITE_OFFS, l, losses[l]);
            market.ledger.add(c, Flow.FRAUD_WRITE_OFFS, l, fraudLosses[l]);
            market.ledger.add(c, Flow.CASH_LOAN_WRITE_OFFS, l, cashLoanLosses[l]);
        }
    }
}
