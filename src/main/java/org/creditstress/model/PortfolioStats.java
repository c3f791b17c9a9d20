package org.creditstress.model;

/**
 * Aggregates of the portfolio at the end of a month (after write-off), per lender and per
 * borrower segment. Computed per chunk by {@link PortfolioScan} and summed in chunk order.
 * Balances in yuan; buckets 0..4 are M0, M1, M2, M3, M4+.
 */
public final class PortfolioStats implements java.io.Serializable {
    public final double[] receivables;
    public final double[][] bucketBalance;
    public final long[][] bucketCount;
    public final long[] openAccounts;
    public final long[] activeAccounts;
    public final double[] nonPerforming;
    public final double[] lineBalance;
    public final double[] loanBalance;
    public final double[] limits;
    /** People with no account at the lender and a free slot: whom its marketing can reach. */
    public final long[] prospects;
    /** Open accounts whose balance exceeds the limit (白条为负数), and the amount over. */
    public final long[] overLimitCount;
    /** Score bins for ranking power ({@link #SCORE_BINS} over [-5, 5)). */
    public static final int SCORE_BINS = 200;
    /**
     * Accounts 12 to 24 months on book (open or written off) by lender and score bin, that have
     * been 3+ months past due ({@code rankBad}) or not ({@code rankGood}).
     */
    public final long[][] rankGood;
    public final long[][] rankBad;
    public final double[] overLimitAmount;
    public final double[] segmentBalance;
    public final double[] segmentM1Plus;
    public final double[] segmentM3Plus;
    /** Active accounts of each segment's borrowers: all, 1+ and 3+ months past due. */
    public final long[][] segmentCount;
    public final double[] segmentNonPerforming;
    public double savings;
    public long borrowersWithCredit;
    /** Revolving balances on purchase lines, all lenders. */
    public double revolving;
    /** Borrowers deleveraging after a missed payment. */
    public long deleveraging;
    /** Accounts moving from bucket (row, 0..4) last month to bucket now (0..4), written off (5) or paid off (6). */
    public final long[][] roll = new long[5][7];
    /** Accounts opened in each quarter from month 1 (cohort), and how many have ever been 3+ months past due. */
    public final long[] cohortAccounts;
    public final long[] cohortEverM3;
    /** Balance in IFRS 9 stage 1, 2, 3. */
    public final double[] stageBalance = new double[3];
    /** Balances by borrower group (see {@link #GROUPS}): all, M1+, M3+, non-performing. */
    public final double[] groupBalance = new double[GROUP_COUNT];
    public final double[] groupM1Plus = new double[GROUP_COUNT];
    public final double[] groupM3Plus = new double[GROUP_COUNT];
    public final double[] groupNonPerforming = new double[GROUP_COUNT];
    /** Balance per lender in each five-tier class (0 正常 normal .. 4 损失 loss). */
    public final double[][] tierBalance;
    /** Balance and undrawn limit per lender, IFRS 9 stage (0..2) and bucket (0..4): the EAD pieces of the ECL. */
    public final double[][][] stageBucketBalance;
    public final double[][][] stageBucketUndrawn;
    /** Per lender: accounts moving from bucket (0..4) last month to bucket, written off (5) or paid off (6) now. */
    public final long[][][] lenderRoll;
    /** Balance now of accounts that were in bucket (row) last month and are in bucket (column, 0..4) now. */
    public final double[][] rollBalance = new double[5][5];
    /** Balance now by IFRS 9 stage last month (row) and now (column): the stage transfers. */
    public final double[][] stageTransfer = new double[3][3];
    /**
     * Per lender, the contractual amounts the active accounts owe at their next three bills (all
     * shares, yuan): regular bills (statements or minimum payments, plan principal and fees, loan
     * payments) of current accounts, and in the first bill also the arrears of delinquent ones.
     * The inflow side of the liquidity ladder ({@link org.creditstress.model.lender.LiquidityLadder}).
     */
    public final double[][] ladderDue;
    /** Scratch of the scan (one stats object per chunk): an account's next bills' plan amounts and fees. */
    final double[] aheadSchedule = new double[LADDER_BILLS];
    final double[] aheadFee = new double[LADDER_BILLS];
    public long restructuredActive;
    public long restructuredDelinquent;
    public double creditScoreSum;

    /** Borrower groups, in the order of {@link org.creditstress.metric.MetricRegistry#GROUPS}. */
    private static final int GROUP_COUNT = org.creditstress.metric.MetricRegistry.GROUPS.size();

    /** Group indexes of a borrower: file, literacy tercile, lenders held. */
    static int fileGroup(boolean thin) {
        return thin ? 0 : 1;
    }

    static int literacyGroup(int tercile) {
        return 2 + tercile;
    }

    static int lendersGroup(int held) {
        return 5 + Math.min(Math.max(held, 1), 3) - 1;
    }

    public PortfolioStats(int lenders, int segments, int cohorts) {
        cohortAccounts = new long[cohorts];
        cohortEverM3 = new long[cohorts];
        receivables = new double[lenders];
        bucketBalance = new double[lenders][5];
        bucketCount = new long[lenders][5];
        openAccounts = new long[lenders];
        activeAccounts = new long[lenders];
        nonPerforming = new double[lenders];
        lineBalance = new double[lenders];
        loanBalance = new double[lenders];
        limits = new double[lenders];
        prospects = new long[lenders];
        overLimitCount = new long[lenders];
        rankGood = new long[lenders][SCORE_BINS];
        rankBad = new long[lenders][SCORE_BINS];
        overLimitAmount = new double[lenders];
        segmentBalance = new double[segments];
        segmentM1Plus = new double[segments];
        segmentM3Plus = new double[segments];
        segmentCount = new long[segments][3];
        segmentNonPerforming = new double[segments];
        tierBalance = new double[lenders][5];
        stageBucketBalance = new double[lenders][3][5];
        stageBucketUndrawn = new double[lenders][3][5];
        lenderRoll = new long[lenders][5][7];
        ladderDue = new double[lenders][LADDER_BILLS];
    }

    /** Bills ahead the liquidity ladder counts: 30, 60 and 90 days. */
    public static final int LADDER_BILLS = 3;

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
        java.util.Arrays.fill(prospects, 0);
        java.util.Arrays.fill(overLimitCount, 0);
        for (long[] row : rankGood) {
            java.util.Arrays.fill(row, 0);
        }
        for (long[] row : rankBad) {
            java.util.Arrays.fill(row, 0);
        }
        java.util.Arrays.fill(overLimitAmount, 0);
        java.util.Arrays.fill(segmentBalance, 0);
        java.util.Arrays.fill(segmentM1Plus, 0);
        java.util.Arrays.fill(segmentM3Plus, 0);
        for (long[] row : segmentCount) {
            java.util.Arrays.fill(row, 0);
        }
        java.util.Arrays.fill(segmentNonPerforming, 0);
        savings = 0;
        borrowersWithCredit = 0;
        revolving = 0;
        deleveraging = 0;
        for (long[] row : roll) {
            java.util.Arrays.fill(row, 0);
        }
        java.util.Arrays.fill(cohortAccounts, 0);
        java.util.Arrays.fill(cohortEverM3, 0);
        java.util.Arrays.fill(stageBalance, 0);
        java.util.Arrays.fill(groupBalance, 0);
        java.util.Arrays.fill(groupM1Plus, 0);
        java.util.Arrays.fill(groupM3Plus, 0);
        java.util.Arrays.fill(groupNonPerforming, 0);
        for (int l = 0; l < receivables.length; l++) {
            java.util.Arrays.fill(tierBalance[l], 0);
            for (int st = 0; st < 3; st++) {
                java.util.Arrays.fill(stageBucketBalance[l][st], 0);
                java.util.Arrays.fill(stageBucketUndrawn[l][st], 0);
            }
            for (long[] row : lenderRoll[l]) {
                java.util.Arrays.fill(row, 0);
            }
            java.util.Arrays.fill(ladderDue[l], 0);
        }
        for (double[] row : rollBalance) {
            java.util.Arrays.fill(row, 0);
        }
        for (double[] row : stageTransfer) {
            java.util.Arrays.fill(row, 0);
        }
        restructuredActive = 0;
        restructuredDelinquent = 0;
        creditScoreSum = 0;
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
            prospects[l] += o.prospects[l];
            overLimitCount[l] += o.overLimitCount[l];
            for (int k = 0; k < SCORE_BINS; k++) {
                rankGood[l][k] += o.rankGood[l][k];
                rankBad[l][k] += o.rankBad[l][k];
            }
            overLimitAmount[l] += o.overLimitAmount[l];
            for (int t = 0; t < 5; t++) {
                tierBalance[l][t] += o.tierBalance[l][t];
            }
            for (int st = 0; st < 3; st++) {
                for (int k = 0; k < 5; k++) {
                    stageBucketBalance[l][st][k] += o.stageBucketBalance[l][st][k];
                    stageBucketUndrawn[l][st][k] += o.stageBucketUndrawn[l][st][k];
                }
            }
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 7; c++) {
                    lenderRoll[l][r][c] += o.lenderRoll[l][r][c];
                }
            }
            for (int j = 0; j < LADDER_BILLS; j++) {
                ladderDue[l][j] += o.ladderDue[l][j];
            }
        }
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                rollBalance[r][c] += o.rollBalance[r][c];
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                stageTransfer[r][c] += o.stageTransfer[r][c];
            }
        }
        for (int k = 0; k < segmentBalance.length; k++) {
            segmentBalance[k] += o.segmentBalance[k];
            segmentM1Plus[k] += o.segmentM1Plus[k];
            segmentM3Plus[k] += o.segmentM3Plus[k];
            for (int j = 0; j < 3; j++) {
                segmentCount[k][j] += o.segmentCount[k][j];
            }
            segmentNonPerforming[k] += o.segmentNonPerforming[k];
        }
        savings += o.savings;
        borrowersWithCredit += o.borrowersWithCredit;
        revolving += o.revolving;
        deleveraging += o.deleveraging;
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 7; c++) {
                roll[r][c] += o.roll[r][c];
            }
        }
        for (int q = 0; q < cohortAccounts.length; q++) {
            cohortAccounts[q] += o.cohortAccounts[q];
            cohortEverM3[q] += o.cohortEverM3[q];
        }
        for (int s = 0; s < 3; s++) {
            stageBalance[s] += o.stageBalance[s];
        }
        for (int g = 0; g < GROUP_COUNT; g++) {
            groupBalance[g] += o.groupBalance[g];
            groupM1Plus[g] += o.groupM1Plus[g];
            groupM3Plus[g] += o.groupM3Plus[g];
            groupNonPerforming[g] += o.groupNonPerforming[g];
        }
        restructuredActive += o.restructuredActive;
        restructuredDelinquent += o.restructuredDelinquent;
        creditScoreSum += o.creditScoreSum;
    }

    private void addGroup(int g, double balance, int bucket, boolean nonPerforming) {
        groupBalance[g] += balance;
        if (bucket >= 1) {
            groupM1Plus[g] += balance;
        }
        if (bucket >= 3) {
            groupM3Plus[g] += balance;
        }
        if (nonPerforming) {
            groupNonPerforming[g] += balance;
        }
    }

    /** Adds an active account's balance to the borrower's three groups. */
    void addToGroups(boolean thin, int literacyTercile, int lendersHeld, double balance, int bucket, boolean nonPerforming) {
        addGroup(fileGroup(thin), balance, bucket, nonPerforming);
        addGroup(literacyGroup(literacyTercile), balance, bucket, nonPerforming);
        addGroup(lendersGroup(lendersHeld), balance, bucket, nonPerforming);
    }

    public double totalReceivables() {
        double sum = 0;
        for (double r : receivables) {
            sum += r;
        }
        return sum;
    }

    /**
     * Lender {@code l}'s M1+ balance ratio: balances 1+ months past due over its receivables (0
     * without receivables). Read by funding stress (the ABS discount) and credit-supply tightening.
     */
    public double m1plusRatio(int l) {
        return receivables[l] > 0 ? 1.0 - bucketBalance[l][0] / receivables[l] : 0.0;
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
