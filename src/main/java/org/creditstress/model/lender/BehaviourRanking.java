package org.creditstress.model.lender;

import org.creditstress.model.borrower.AccountTable;

/**
 * Ranking power of the behaviour score against its outcome, by month, from a sample: each month
 * {@link Underwriting} snapshots the behaviour score ({@link BehaviourScore}) and the approval
 * score of the sampled accounts (account index hashing into one in {@link #SAMPLE}: open, under
 * 3 months past due and never 3+ before, at least {@link #SEASONED_MONTHS} on book); twelve
 * months later, as that month's underwriting starts on the account's chunk (after the chunk's
 * repayments), the snapshot is resolved: bad when the account has reached 3+ months past due since (its
 * {@code EVER_M3} flag, open or written off), good otherwise, including an account closed in good
 * standing (its slot empty or holding an account opened later). The resolved counts, by lender
 * and score bin, are this month's: {@link #good}, {@link #bad} for the behaviour score and
 * {@link #approvalGood}, {@link #approvalBad} for the approval score of the same accounts.
 *
 * <p>Cost: one multiply-and-shift per open account to test the sample, a store per sampled
 * account, and twelve months of snapshots at 8 bytes each (about 9 bytes per borrower at 1.5
 * open accounts each). Snapshots go into per-chunk buffers (chunks are fixed, whatever the thread
 * count) and are resolved per chunk; the counts are added up on one thread in chunk order once
 * every chunk is resolved: the same for any number of threads. No random draws.
 */
public final class BehaviourRanking implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** One account in this many is sampled. */
    public static final int SAMPLE = 16;
    /** The outcome window, months. */
    public static final int HORIZON = 12;
    /** Accounts this long on book are scored for ranking (the approval score covers younger ones). */
    public static final int SEASONED_MONTHS = 6;
    /** Behaviour score bins: {@link #BINS} of {@link #BIN_WIDTH} log-odds from {@link #LOW}. */
    public static final int BINS = 250;
    public static final double LOW = -8.0;
    public static final double BIN_WIDTH = 0.05;
    /** Approval score bins: 200 over [-5, 5) (as the scan's score_auc). */
    public static final int APPROVAL_BINS = 200;

    /** [chunk][month mod HORIZON]: packed snapshots (account, lender, behaviour bin, approval bin). */
    private final long[][][] ring;
    private final int[][] ringSize;
    /** [chunk]: the snapshots resolved this month, outcome marked, until {@link #count()}; empty in between months. */
    private final long[][] resolved;
    private final int[] resolvedSize;
    /** Outcome mark of a resolved snapshot: bad (a bit the packed fields leave free). */
    private static final long BAD = 1L << 24;
    public final long[][] good;
    public final long[][] bad;
    public final long[][] approvalGood;
    public final long[][] approvalBad;

    public BehaviourRanking(int chunks, int lenders) {
        ring = new long[chunks][HORIZON][];
        ringSize = new int[chunks][HORIZON];
        resolved = new long[chunks][16];
        resolvedSize = new int[chunks];
        for (long[][] c : ring) {
            for (int k = 0; k < HORIZON; k++) {
                c[k] = new long[16];
            }
        }
        good = new long[lenders][BINS];
        bad = new long[lenders][BINS];
        approvalGood = new long[lenders][APPROVAL_BINS];
        approvalBad = new long[lenders][APPROVAL_BINS];
    }

    /** Whether account {@code a} is in the sample (Fibonacci hashing of its index). */
    public static boolean sampled(int a) {
        return (a * 0x9E3779B9) >>> 28 == 0;
    }

    /**
     * Whether month {@code month}'s snapshots are resolved in a recorded month ({@code month + }
     * {@link #HORIZON} {@code >= 1}): the counts of earlier burn-in months are read by nothing,
     * so their snapshots are not taken.
     */
    static boolean counted(int month) {
        return month + HORIZON >= 1;
    }

    /** Whether sampled account {@code a} is scored for ranking this month. */
    static boolean eligible(AccountTable acc, int a, int month) {
        return acc.monthsPastDue[a] < 3 && (acc.flags[a] & AccountTable.EVER_M3) == 0
                && month - acc.openedMonth[a] >= SEASONED_MONTHS && acc.openedMonth[a] != Short.MIN_VALUE;
    }

    /** Records account {@code a}'s scores in chunk {@code c}'s snapshot of {@code month} (one thread per chunk). */
    void snapshot(int c, int month, AccountTable acc, int a, double behaviour) {
        int k = Math.floorMod(month, HORIZON);
        long[] row = ring[c][k];
        int n = ringSize[c][k];
        if (n == row.length) {
            row = java.util.Arrays.copyOf(row, 2 * n);
            ring[c][k] = row;
        }
        int bin = bin(behaviour, LOW, BIN_WIDTH, BINS);
        int approvalBin = bin(acc.score[a], -5.0, 10.0 / APPROVAL_BINS, APPROVAL_BINS);
        row[n] = ((long) a << 32) | ((long) (acc.lender[a] & 0xFF) << 16) | ((long) bin << 8) | approvalBin;
        ringSize[c][k] = n + 1;
    }

    /**
     * The bin of {@code score}: {@code floor((score - low) / width)} clamped to {@code 0 .. bins - 1}.
     * The cast truncates towards zero, which differs from the floor only below 0, where both clamp to 0.
     */
    private static int bin(double score, double low, double width, int bins) {
        int k = (int) ((score - low) / width);
        return Math.max(0, Math.min(bins - 1, k));
    }

    /**
     * Resolves chunk {@code c}'s snapshots of {@code month - HORIZON} against the chunk's accounts
     * now (after the month's repayments, before its underwriting) and empties their slot for this
     * month's: run for the chunk before any of its snapshots this month (one thread per chunk).
     * The outcome is marked in each snapshot ({@link #BAD}) and the snapshots kept until
     * {@link #count()}; the slot takes the chunk's spare buffer.
     */
    void resolveChunk(int c, int month, AccountTable acc) {
        int k = Math.floorMod(month, HORIZON);
        int then = month - HORIZON;
        long[] row = ring[c][k];
        int n = ringSize[c][k];
        for (int j = 0; j < n; j++) {
            int a = (int) (row[j] >>> 32);
            byte status = acc.status[a];
            boolean same = (status == AccountTable.OPEN || status == AccountTable.WRITTEN_OFF) && acc.openedMonth[a] <= then;
            if (same && (acc.flags[a] & AccountTable.EVER_M3) != 0) {
                row[j] |= BAD;
            }
        }
        ring[c][k] = resolved[c];
        ringSize[c][k] = 0;
        resolved[c] = row;
        resolvedSize[c] = n;
    }

    /**
     * This month's counts, from every chunk's snapshots resolved by {@link #resolveChunk} (in chunk
     * order, on one thread, once every chunk is resolved).
     */
    void count() {
        for (long[] row : good) {
            java.util.Arrays.fill(row, 0);
        }
        for (long[] row : bad) {
            java.util.Arrays.fill(row, 0);
        }
        for (long[] row : approvalGood) {
            java.util.Arrays.fill(row, 0);
        }
        for (long[] row : approvalBad) {
            java.util.Arrays.fill(row, 0);
        }
        for (int c = 0; c < resolved.length; c++) {
            long[] row = resolved[c];
            for (int j = 0, n = resolvedSize[c]; j < n; j++) {
                long e = row[j];
                int l = (int) (e >>> 16) & 0xFF;
                int bin = (int) (e >>> 8) & 0xFF;
                int approvalBin = (int) e & 0xFF;
                if ((e & BAD) != 0) {
                    bad[l][bin]++;
                    approvalBad[l][approvalBin]++;
                } else {
                    good[l][bin]++;
                    approvalGood[l][approvalBin]++;
                }
            }
            resolvedSize[c] = 0;
        }
    }
}
