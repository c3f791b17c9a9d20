package org.creditstress.model.borrower;

import java.util.SplittableRandom;
import org.creditstress.model.Applicants;
import org.creditstress.model.Market;
import org.creditstress.model.engine.BorrowerFlow;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.model.engine.CounterRandom;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.model.engine.ReplicationSeeds;
import sim.engine.SimState;

/**
 * {@code MonthPhase.TURNOVER}: people leave the market and newcomers arrive, so the book is open
 * and a calm market reaches a steady state instead of running off. Each month a borrower with no
 * debt outstanding (every open account at zero balance, no court case, no repayment holiday
 * running) leaves with probability {@code turnover_monthly}; its accounts close, its savings
 * leave with it, and a newcomer takes its row, with the savings it brings and the applications it
 * makes, which lenders underwrite this month. The newcomer takes the leaver's place in the labour
 * market (segment, employed or not, months in that state) and is otherwise drawn like the
 * starting population ({@link Applicants#arrive}): who leaves depends on debt, so a fresh
 * employment draw would let spending and lending move the unemployment rate. The traced borrower
 * never leaves (its story would end mid-run).
 *
 * <p>Draws: whether a borrower leaves is a counter-based draw of (borrower, month); a newcomer's
 * traits come from a generator seeded by (replication, borrower, month). Neither depends on other
 * borrowers or on the thread count.
 */
public final class PopulationTurnover implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final Applicants applicants;
    private final CounterRandom leave;
    private final ReplicationSeeds seeds;
    private final double monthlyRate;

    /** @param monthlyRate probability a month that a borrower with no debt leaves ({@code turnover_monthly}) */
    public PopulationTurnover(Market market, Applicants applicants, double monthlyRate) {
        this.market = market;
        this.applicants = applicants;
        this.monthlyRate = monthlyRate;
        this.leave = new CounterRandom(market.seeds, RandomStream.TURNOVER);
        this.seeds = market.seeds;
    }

    @Override
    public void step(SimState state) {
        runAlone(market.executor, market.chunks);
    }


    @Override
    public void stepChunk(int c, int from, int to) {
        if (monthlyRate <= 0) {
            return;
        }
        BorrowerTable b = market.borrowers;
        int month = market.month();
        for (int i = from; i < to; i++) {
            if (leave.uniform(i, month, 0) < monthlyRate && free(i)) {
                replace(c, b, i, month);
            }
        }
    }

    /** Whether borrower {@code i} owes nothing and has no case in court or relief running. */
    private boolean free(int i) {
        AccountTable acc = market.accounts;
        BorrowerTable b = market.borrowers;
        if (market.trace() != null && market.trace().is(i)) {
            return false;
        }
        for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
            byte status = acc.status[a];
            if (status == AccountTable.OPEN && (acc.balance(a) > 0 || acc.graceLeft[a] > 0)
                    || acc.has(a, AccountTable.IN_COURT)) {
                return false;
            }
        }
        return true;
    }

    private void replace(int c, BorrowerTable b, int i, int month) {
        AccountTable acc = market.accounts;
        int a0 = b.firstAccount[i];
        for (int a = a0; a < b.firstAccount[i + 1]; a++) {
            if (acc.status[a] == AccountTable.OPEN) {
                market.ledger.count(c, Counter.ACCOUNTS_CLOSED, acc.lender[a]);
            }
            acc.clear(a);
        }
        market.ledger.add(c, BorrowerFlow.SAVINGS_LEFT, b.savings[i]);
        SplittableRandom rng = seeds.forBorrowerMonth(RandomStream.TURNOVER, i, month);
        long applications = applicants.arrive(b, i, rng);
        market.ledger.add(c, BorrowerFlow.SAVINGS_ARRIVED, b.savings[i]);
        market.ledger.add(c, BorrowerFlow.BORROWERS_REPLACED, 1.0);
        applicants.fill(acc, a0, i, applications);
    }
}
