package org.creditstress.model;

/**
 * Aggregates of the portfolio at the end of a month (after write-off), per lender and per
 * borrower segment. Computed per chunk by {@link PortfolioScan} and summed in chunk order.
 * Balances in yuan; buckets 0..4 are M0, M1, M2, M3, M4+.
 */
public final class PortfolioStats {
    public final double[] receivables;
    public final double[][] bucketBalance;
    public final long[][] bucketCount;
    public final long[] openAccounts;
    public final long[] activeAccounts;
    public final double[] nonPerforming;
    public final double[] lineBalance;
    public final double[] loanBalance;
    public final double[] limits;
    public final double[] segmentBalance;
    public final double[] segmentM1Plus;
    public final double[] segmentM3Plus;
    public double savings;
    public long borrowersWithCredit;

    public PortfolioStats(int lenders, int segments) {
        receivables = new double[lenders];
        bucketBalance = new double[lenders][5];
        bucketCount = new long[lenders][5];
        openAccounts = new long[lenders];
        activeAccounts = new long[lenders];
        nonPerforming = new double[lenders];
        lineBalance = new double[lenders];
        loanBalance = new double[lenders];
        limits = new double[lenders];
        segmentBalance = new double[segments];
        segmentM1Plus = new double[segments];
        segmentM3Plus = new double[segments];
    }

    void clear() {
        java.util.Arrays.fill(receivables, 0);
        for (double[] row : bucketBalance) {
            java.util.Arrays.fill(row, 0);
        }
        for (long[] row : bucketCount) {
            java.util.Arrays.fill(row, 0);
        }
        java.util.Arrays.fill(openAccounts, 0);
        java.util.Arrays.fill(activeAccounts, 0);
        java.util.Arrays.fill(nonPerforming, 0);
        java.util.Arrays.fill(lineBalance, 0);
        java.util.Arrays.fill(loanBalance, 0);
        java.util.Arrays.fill(limits, 0);
        java.util.Arrays.fill(segmentBalance, 0);
        java.util.Arrays.fill(segmentM1Plus, 0);
        java.util.Arrays.fill(segmentM3Plus, 0);
        savings = 0;
        borrowersWithCredit = 0;
    }

    void add(PortfolioStats o) {
        for (int l = 0; l < receivables.length; l++) {
            receivables[l] += o.receivables[l];
            for (int k = 0; k < 5; k++) {
                bucketBalance[l][k] += o.bucketBalance[l][k];
                bucketCount[l][k] += o.bucketCount[l][k];
            }
            openAccounts[l] += o.openAccounts[l];
            activeAccounts[l] += o.activeAccounts[l];
            nonPerforming[l] += o.nonPerforming[l];
            lineBalance[l] += o.lineBalance[l];
            loanBalance[l] += o.loanBalance[l];
            limits[l] += o.limits[l];
        }
        for (int k = 0; k < segmentBalance.length; k++) {
            segmentBalance[k] += o.segmentBalance[k];
            segmentM1Plus[k] += o.segmentM1Plus[k];
            segmentM3Plus[k] += o.segmentM3Plus[k];
        }
        savings += o.savings;
        borrowersWithCredit += o.borrowersWithCredit;
    }

    public double totalReceivables() {
        double sum = 0;
        for (double r : receivables) {
            sum += r;
        }
        return sum;
    }

    /** Balance over all lenders in buckets {@code from..4}. */
    public double balanceFromBucket(int from) {
        double sum = 0;
        for (double[] row : bucketBalance) {
            for (int k = from; k < 5; k++) {
                sum += row[k];
            }
        }
        return sum;
    }

    /** Active accounts (open, with a balance) over all lenders in buckets {@code from..4}. */
    public long countFromBucket(int from) {
        long sum = 0;
        for (long[] row : bucketCount) {
            for (int k = from; k < 5; k++) {
                sum += row[k];
            }
        }
        return sum;
    }
}
