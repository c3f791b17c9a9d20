package org.creditstress.model.bureau;

import org.creditstress.model.Market;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.scenario.BureauSpec;
import sim.engine.SimState;

/**
 * Phase 6d of the month: the bureau-style credit score. Each reported delinquent account costs
 * {@code score_drop} points a month; with nothing reported and no write-off on record (within
 * {@code bureau.record_months} of the write-off), the score recovers {@code score_recovery} of its
 * gap to the borrower's starting score. Within 300-850. It also counts each written-off account's
 * months since the write-off.
 */
public final class CreditScoreUpdate implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final CreditBureau bureau;
    private final double drop;
    private final double recovery;

    public CreditScoreUpdate(Market market, CreditBureau bureau, BureauSpec spec) {
        this.market = market;
        this.bureau = bureau;
        drop = spec.scoreDrop();
        recovery = spec.scoreRecovery();
    }

    /**
     * By lender byte ({@code lender & 0xFF}): months past due from which an open account is reported
     * this month, {@link #NEVER} where the lender does not report (and beyond the lenders).
     */
    private final int[] reportedFrom = new int[256];
    /** More months past due than a byte holds: never reached. */
    private static final int NEVER = 128;

    @Override
    public void step(SimState state) {
        runAlone(market.executor, market.chunks);
    }

    /** Which lenders report this month, and from how many months past due. */
    @Override
    public void beginMonth() {
        int n = market.lenders.size();
        java.util.Arrays.fill(reportedFrom, NEVER);
        for (int l = 0; l < n; l++) {
            if (bureau.reports(l)) {
                reportedFrom[l] = market.lenders.get(l).spec.bureauReporting().thresholdMonths();
            }
        }
    }

    @Override
    public void stepChunk(int c, int from, int to) {
        BorrowerTable b = market.borrowers;
        AccountTable acc = market.accounts;
        int slots = acc.slotsPerBorrower();
        for (int i = from; i < to; i++) {
            int reported = 0;
            boolean writtenOff = false;
            int a0 = b.firstAccount[i];
            int open = acc.openSlots(i);
            // Written-off accounts, then open ones. Every slot is visited, so that the loops run the same
            // number of times for every borrower (a written-off slot is rare: its test is well predicted).
            for (int a = a0; a < a0 + slots; a++) {
                if (acc.status[a] != AccountTable.WRITTEN_OFF) {
                    continue;
                }
                if (acc.goodMonths[a] < Byte.MAX_VALUE) {
                    acc.goodMonths[a]++;
                }
                if (reportedFrom[acc.lender[a] & 0xFF] != NEVER) {
                    writtenOff |= bureau.onRecord(acc, a);
                }
            }
            // Every slot, open or not, tested without a branch (an open slot's bit times its test):
            // the borrowers' numbers of open accounts differ at random, and a loop over the open
            // ones alone would mispredict its exit for most of them.
            for (int j = 0; j < slots; j++) {
                int a = a0 + j;
                int due = acc.monthsPastDue[a] >= reportedFrom[acc.lender[a] & 0xFF] ? 1 : 0;
                reported += (open >>> j) & due;
            }
            double score = b.creditScore[i];
            if (reported > 0) {
                score -= drop * reported;
            } else if (!writtenOff) {
                score += recovery * (b.baseScore[i] - score);
            }
            b.creditScore[i] = (float) Math.min(850.0, Math.max(300.0, score));
        }
    }
}
