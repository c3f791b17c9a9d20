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

    private boolean[] reportsNow;
    private int[] thresholdMonths;

    @Override
    public void step(SimState state) {
        runAlone(market.executor, market.chunks);
    }

    /** Which lenders report this month, and from how many months past due. */
    @Override
    public void beginMonth() {
        int n = market.lenders.size();
        reportsNow = new boolean[n];
        thresholdMonths = new int[n];
        for (int l = 0; l < n; l++) {
            reportsNow[l] = bureau.reports(l);
            thresholdMonths[l] = market.lenders.get(l).spec.bureauReporting().thresholdMonths();
        }
    }

    @Override
    public void stepChunk(int c, int from, int to) {
        BorrowerTable b = market.borrowers;
        AccountTable acc = market.accounts;
        for (int i = from; i < to; i++) {
            int reported = 0;
            boolean writtenOff = false;
            int a0 = b.firstAccount[i];
            int open = acc.openSlots(i);
            // Written-off accounts (among the slots in use that are not open: those and declined applications), then open ones.
            for (int m = acc.usedSlots(i) & ~open; m != 0; m &= m - 1) {
                int a = a0 + Integer.numberOfTrailingZeros(m);
                if (acc.status[a] != AccountTable.WRITTEN_OFF) {
                    continue;
                }
                if (acc.goodMonths[a] < Byte.MAX_VALUE) {
                    acc.goodMonths[a]++;
                }
                if (reportsNow[acc.lender[a]]) {
                    writtenOff |= bureau.onRecord(acc, a);
                }
            }
            for (int m = open; m != 0; m &= m - 1) {
                int a = a0 + Integer.numberOfTrailingZeros(m);
                int l = acc.lender[a];
                if (reportsNow[l] && acc.monthsPastDue[a] >= thresholdMonths[l]) {
                    reported++;
                }
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
