package org.creditstress.model.court;

import org.creditstress.model.Market;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.engine.Counter;
import org.creditstress.scenario.LenderSpec;
import sim.engine.SimState;

/**
 * Phase 6c of the month: lenders sue. An open account at least {@code litigation.from_months}
 * past due with a balance of at least {@code min_balance}, not yet sued, is filed with the
 * {@link Courts} (the claim is its balance). Filing is the last rung of the collection ladder.
 */
public final class Litigation implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final Courts courts;
    private final boolean[] enabled;
    private final int[] fromMonths;
    private final double[] minBalance;

    public Litigation(Market market, Courts courts) {
        this.market = market;
        this.courts = courts;
        int n = market.lenders.size();
        enabled = new boolean[n];
        fromMonths = new int[n];
        minBalance = new double[n];
        for (int l = 0; l < n; l++) {
            LenderSpec.Litigation p = market.lenders.get(l).spec.litigation();
            enabled[l] = p.enabled();
            fromMonths[l] = p.fromMonths();
            minBalance[l] = p.minBalance();
        }
    }

    @Override
    public void step(SimState state) {
        runAlone(market.executor, market.chunks);
    }


    @Override
    public void stepChunk(int c, int from, int to) {
        AccountTable acc = market.accounts;
        var filings = courts.filings(c);
        filings.clear();
        int[] pastDue = market.pastDue.of(c, from, to, market.month());
        for (int k = 0, n = market.pastDue.count(c); k < n; k++) {
            int a = pastDue[k];
            if (acc.status[a] != AccountTable.OPEN || acc.has(a, AccountTable.SUED)) {
                continue;
            }
            int l = acc.lender[a];
            if (!enabled[l] || acc.monthsPastDue[a] < fromMonths[l]) {
                continue;
            }
            double balance = acc.balance(a);
            if (balance >= minBalance[l]) {
                acc.set(a, AccountTable.SUED);
                acc.set(a, AccountTable.IN_COURT);
                filings.add(new CourtCase(a, acc.lender[a], acc.borrower[a], balance, market.month()));
                market.ledger.count(c, Counter.CASES_FILED, acc.lender[a]);
                if (market.trace() != null && market.trace().is(acc.borrower[a])) {
                    market.trace().account(market.month(), a).events.add(String.format(java.util.Locale.ROOT,
                            "sued for %.0f yuan; the case waits for the courts", balance));
                }
                if (market.watch() != null) {
                    market.watch().record(org.creditstress.model.trace.EventWatch.Kind.SUED, market.month(), acc.borrower[a]);
                }
            }
        }
    }
}
