package org.creditstress.model;

import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.scenario.Classification;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 8a of the month: one pass over all borrowers and accounts that sums the portfolio by
 * lender, bucket and segment ({@link PortfolioStats}), and checks every agent's own state: no
 * NaN, no negative balance or savings. Delinquency counts and count-weighted ratios cover
 * active accounts (open, with a balance).
 */
public final class PortfolioScan implements Steppable {
    private static final long serialVersionUID = 1L;
    /** Negative amounts smaller than this are rounding, not errors (yuan). */
    static final double ROUNDING = 1e-6;
    private final transient Market market;
    private final transient PortfolioStats[] perChunk;
    private final transient PortfolioStats total;
    private final transient Classification classes;

    public PortfolioScan(Market market) {
        this.market = market;
        int lenders = market.lenders.size();
        int segments = market.scenario.population().segments().size();
        perChunk = new PortfolioStats[market.chunks.count()];
        for (int c = 0; c < perChunk.length; c++) {
            perChunk[c] = new PortfolioStats(lenders, segments);
        }
        total = new PortfolioStats(lenders, segments);
        classes = market.scenario.classification();
    }

    /** This month's totals (valid after this phase ran). */
    public PortfolioStats stats() {
        return total;
    }

    @Override
    public void step(SimState state) {
        market.executor.forEachChunk(market.chunks, this::chunk);
        total.clear();
        for (PortfolioStats s : perChunk) {
            total.add(s);
        }
    }

    private void chunk(int c, int from, int to) {
        PortfolioStats s = perChunk[c];
        s.clear();
        BorrowerTable b = market.borrowers;
        AccountTable acc = market.accounts;
        for (int i = from; i < to; i++) {
            double savings = b.savings[i];
            if (!(savings >= -ROUNDING) || Double.isInfinite(savings)) {
                throw new InvariantViolation(market.month(), "borrower " + i, "savings must be finite and non-negative, got " + savings);
            }
            s.savings += savings;
            int k = b.segment[i];
            boolean hasCredit = false;
            for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
                if (acc.status[a] != AccountTable.OPEN) {
                    continue;
                }
                checkAccount(acc, a);
                int l = acc.lender[a];
                double balance = acc.balance(a);
                s.openAccounts[l]++;
                s.limits[l] += acc.limit[a];
                if (balance <= 0) {
                    continue;
                }
                hasCredit = true;
                int bucket = acc.bucket(a);
                s.receivables[l] += balance;
                s.bucketBalance[l][bucket] += balance;
                s.bucketCount[l][bucket]++;
                s.activeAccounts[l]++;
                if (acc.cashLoan[a]) {
                    s.loanBalance[l] += balance;
                } else {
                    s.lineBalance[l] += balance;
                }
                if (classes.nonPerforming(acc.monthsPastDue[a])) {
                    s.nonPerforming[l] += balance;
                }
                s.segmentBalance[k] += balance;
                if (bucket >= 1) {
                    s.segmentM1Plus[k] += balance;
                }
                if (bucket >= 3) {
                    s.segmentM3Plus[k] += balance;
                }
            }
            if (hasCredit) {
                s.borrowersWithCredit++;
            }
        }
    }

    private void checkAccount(AccountTable acc, int a) {
        if (bad(acc.statement[a]) || bad(acc.pending[a]) || bad(acc.pool[a]) || bad(acc.arrears[a]) || !(acc.limit[a] >= 0)) {
            throw new InvariantViolation(market.month(), "account " + a + " (borrower " + acc.borrower[a] + ", lender "
                    + market.lenders.get(acc.lender[a]).spec.name() + ")",
                    "statement, pending, pool, arrears and limit must be finite and non-negative, got "
                            + acc.statement[a] + ", " + acc.pending[a] + ", " + acc.pool[a] + ", " + acc.arrears[a] + ", " + acc.limit[a]);
        }
    }

    private static boolean bad(double x) {
        return !(x >= -ROUNDING) || Double.isInfinite(x);
    }
}
