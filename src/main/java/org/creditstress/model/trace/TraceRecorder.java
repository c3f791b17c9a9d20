package org.creditstress.model.trace;

import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import sim.engine.SimState;
import sim.engine.Steppable;

/** End of the month: snapshots the traced borrower and its accounts into its {@link BorrowerTrace}. */
public final class TraceRecorder implements Steppable {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final java.util.List<String> productIds;

    /** @param productIds the products' ids, by index */
    public TraceRecorder(Market market, java.util.List<String> productIds) {
        this.market = market;
        this.productIds = java.util.List.copyOf(productIds);
    }

    @Override
    public void step(SimState state) {
        BorrowerTrace trace = market.trace();
        if (trace == null) {
            return;
        }
        int i = trace.borrower();
        BorrowerTable b = market.borrowers;
        AccountTable acc = market.accounts;
        BorrowerTrace.MonthRecord r = trace.month(market.month());
        r.employed = b.employed(i);
        r.savings = b.savings[i];
        r.creditScore = b.creditScore[i];
        if (r.income == 0) {
            r.income = b.income[i];
        }
        for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
            BorrowerTrace.AccountRecord ar = trace.account(market.month(), a);
            ar.lender = market.lenders.get(acc.lender[a]).spec.name();
            ar.product = productIds.get(acc.product[a]);
            ar.limit = acc.limit[a];
            ar.balance = acc.status[a] == AccountTable.OPEN ? acc.balance(a) : 0.0;
            ar.monthsPastDue = acc.status[a] == AccountTable.OPEN ? acc.monthsPastDue[a] : 0;
            ar.status = switch (acc.status[a]) {
                case AccountTable.OPEN -> acc.has(a, AccountTable.SUED) ? "open, sued"
                        : acc.has(a, AccountTable.RESTRUCTURED) ? "open, restructured" : "open";
                case AccountTable.WRITTEN_OFF -> "written off";
                default -> "declined";
            };
        }
    }
}
