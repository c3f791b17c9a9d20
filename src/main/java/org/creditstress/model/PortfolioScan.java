package org.creditstress.model;

import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.borrower.Repayment;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.scenario.ClassificationSpec;
import sim.engine.SimState;

/**
 * Phase 8a of the month: one pass over all borrowers and accounts that sums the portfolio by
 * lender, bucket and segment ({@link PortfolioStats}), and checks every agent's own state: no
 * NaN, no negative balance or savings. Delinquency counts and count-weighted ratios cover
 * active accounts (open, with a balance). It also keeps each active account's bucket for next
 * month's roll rates (the only state it writes), and counts origination cohorts for vintages.
 * IFRS 9 stages ({@link #stage}): stage 3 over 90 DPD (M4+), stage 2 over 30 DPD (M2, M3) or
 * restructured, stage 1 otherwise; per lender, stage and bucket it sums balances and undrawn limits
 * (the exposure at default of {@link org.creditstress.model.lender.ExpectedCreditLoss}), and the
 * balances moving between stages. Five-tier classes from {@link ClassificationSpec#tier}.
 * Burn-in months, which are not recorded, sum only what the model reads and check every account;
 * the figures only the metrics read (see {@code metricsMonth}) wait for recorded months.
 */
public final class PortfolioScan implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    /** Negative amounts smaller than this are rounding, not errors (yuan). */
    static final double ROUNDING = 1e-6;
    /** A balance counts as over the limit when it exceeds it by more than this (yuan; limits are floats). */
    static final double OVER_LIMIT_MARGIN = 0.01;
    private final Market market;
    private final PortfolioStats[] perChunk;
    private final PortfolioStats total;
    private final ClassificationSpec classes;
    /** Per product: minimum payment share and floor, monthly revolving rate (lines with a minimum payment). */
    private final double[] minShare;
    private final double[] minFloor;
    private final double[] revolvingMonthly;
    /** Per lender, this month's lowest stage-2 bucket (read once a month, not per account). */
    private final int[] stage2FromBucket;
    /** Sum the metrics' figures in burn-in months too ({@link #sumEverything}). */
    private boolean everything;

    /**
     * @param segments       number of borrower segments
     * @param classes        the five-tier classification table
     * @param recordedMonths months recorded (origination cohorts are quarters of them)
     * @param products       the scenario's products (their minimum payments, for the liquidity ladder)
     */
    public PortfolioScan(Market market, int segments, ClassificationSpec classes, int recordedMonths,
                         java.util.List<org.creditstress.scenario.ProductSpec> products) {
        this.market = market;
        int lenders = market.lenders.size();
        int cohorts = cohorts(recordedMonths);
        perChunk = new PortfolioStats[market.chunks.count()];
        for (int c = 0; c < perChunk.length; c++) {
            perChunk[c] = new PortfolioStats(lenders, segments, cohorts);
        }
        total = new PortfolioStats(lenders, segments, cohorts);
        this.classes = classes;
        stage2FromBucket = new int[lenders];
        minShare = products.stream().mapToDouble(org.creditstress.scenario.ProductSpec::minPaymentShare).toArray();
        minFloor = products.stream().mapToDouble(org.creditstress.scenario.ProductSpec::minPaymentFloor).toArray();
        revolvingMonthly = products.stream().mapToDouble(p -> p.revolvingApr() / 12.0).toArray();
    }

    /** Quarterly origination cohorts over the recorded horizon. */
    public static int cohorts(int recordedMonths) {
        return (recordedMonths + 2) / 3;
    }

    /** This month's totals (valid after this phase ran). */
    public PortfolioStats stats() {
        return total;
    }

    @Override
    public void step(SimState state) {
        runAlone(market.executor, market.chunks);
    }

    /** Each lender's lowest stage-2 bucket, as its books set it last month. */
    @Override
    public void beginMonth() {
        for (int l = 0; l < stage2FromBucket.length; l++) {
            stage2FromBucket[l] = market.lenders.get(l).stage2FromBucket();
        }
    }

    /** The month's totals: the chunks' sums added in chunk order. */
    @Override
    public void endMonth() {
        total.clear();
        for (PortfolioStats s : perChunk) {
            total.add(s);
        }
    }

    /**
     * Chunk {@code c}'s sums and checks. Reads only the chunk's borrowers and accounts once every
     * phase of the month has moved them; in a run it is the last step of the borrower pass
     * ({@code model.borrower.BorrowerMonth}), while the chunk's rows are still in cache.
     */
    @Override
    public void stepChunk(int c, int from, int to) {
        PortfolioStats s = perChunk[c];
        s.clear();
        BorrowerTable b = market.borrowers;
        AccountTable acc = market.accounts;
        boolean full = metricsMonth(market.month());
        for (int i = from; i < to; i++) {
            double savings = b.savings[i];
            if (bad(savings)) {
                throw new InvariantViolation(market.month(), "borrower " + i, "savings must be finite and non-negative, got " + savings);
            }
            s.savings += savings;
            int k = b.segment[i];
            boolean hasCredit = false;
            long held = 0;
            int a0 = b.firstAccount[i];
            int used = acc.usedSlots(i);
            boolean freeSlot = acc.hasEmptySlot(i);
            int open = acc.openSlots(i);
            // Declined applications and written-off accounts add only counts, so they can go first.
            for (int m = used & ~open; m != 0; m &= m - 1) {
                int a = a0 + Integer.numberOfTrailingZeros(m);
                held |= 1L << acc.lender[a];
                if (full) {
                    cohortAndRank(s, acc, a);
                }
                roll(s, acc, a, acc.status[a] == AccountTable.WRITTEN_OFF ? 5 : -1, full);
            }
            for (int m = open; m != 0; m &= m - 1) {
                int a = a0 + Integer.numberOfTrailingZeros(m);
                held |= 1L << acc.lender[a];
                if (full) {
                    cohortAndRank(s, acc, a);
                }
                double balance = checkedBalance(acc, a);
                int l = acc.lender[a];
                s.openAccounts[l]++;
                if (full) {
                    s.limits[l] += acc.limit[a];
                    if (balance > acc.limit[a] + OVER_LIMIT_MARGIN) {
                        s.overLimitCount[l]++;
                        s.overLimitAmount[l] += balance - acc.limit[a];
                    }
                }
                if (balance <= 0) {
                    s.stageBucketUndrawn[l][0][0] += acc.limit[a];
                    roll(s, acc, a, 6, full);
                    continue;
                }
                hasCredit = true;
                int bucket = acc.bucket(a);
                boolean restructured = acc.has(a, AccountTable.RESTRUCTURED);
                int stage2From = stage2FromBucket[l];
                int stage = stage(bucket, restructured, stage2From);
                int last = acc.lastBucket[a];
                if (full && last < 5) {
                    s.rollBalance[last][bucket] += balance;
                    s.stageTransfer[stage(last, restructured, stage2From)][stage] += balance;
                }
                roll(s, acc, a, bucket, full);
                s.stageBucketBalance[l][stage][bucket] += balance;
                ladder(s, s.ladderDue[l], acc, a, bucket, full);
                s.stageBucketUndrawn[l][stage][bucket] += Math.max(0.0, acc.limit[a] - balance);
                s.receivables[l] += balance;
                s.bucketBalance[l][bucket] += balance;
                if (full) {
                    metricsOnly(s, acc, a, l, k, b, i, balance, bucket, stage, restructured);
                }
            }
            if (full) {
                s.creditScoreSum += b.creditScore[i];
                if (hasCredit) {
                    s.borrowersWithCredit++;
                }
                if (b.scareLeft[i] > 0) {
                    s.deleveraging++;
                }
            }
            if (freeSlot) {
                // One for each lender it does not hold, without a branch on the lender's bit.
                for (int l = 0; l < s.prospects.length; l++) {
                    s.prospects[l] += 1 - ((held >>> l) & 1);
                }
            }
        }
    }

    /**
     * Whether month {@code month}'s scan sums the figures only the metrics read (buckets by
     * count, segment and group, classes, limits, over-limit amounts, the market's roll counts,
     * roll balances, cohorts, score ranking): in recorded months ({@code month >= 1}), or in every
     * month after {@link #sumEverything}. Burn-in months sum only what the model reads (receivables,
     * balances by bucket and stage, undrawn limits, roll counts by lender, open accounts, prospects,
     * the liquidity ladder's first bill) and check every account, as recorded months do. The
     * model reads only the ladder's first bill ({@code LiquidityLadder}'s observed payment rate and
     * 30-day net outflow, which the funding phase reads); its later bills feed the liquidity measures
     * (survival horizons, run-off), which are metrics.
     */
    private boolean metricsMonth(int month) {
        return month >= 1 || everything;
    }

    /** Sums the metrics' figures in burn-in months too (for tests: the recorded results are the same). */
    public void sumEverything() {
        everything = true;
    }

    /** An active account's part of the figures only the metrics read (see {@link #metricsMonth}). */
    private void metricsOnly(PortfolioStats s, AccountTable acc, int a, int l, int k, BorrowerTable b, int i, double balance,
                             int bucket, int stage, boolean restructured) {
        s.revolving += acc.revolving[a];
        s.bucketCount[l][bucket]++;
        s.activeAccounts[l]++;
        if (acc.cashLoan[a]) {
            s.loanBalance[l] += balance;
        } else {
            s.lineBalance[l] += balance;
        }
        int tier = classes.tier(acc.monthsPastDue[a], restructured, acc.goodMonths[a]);
        s.tierBalance[l][tier] += balance;
        boolean npl = ClassificationSpec.nonPerforming(tier);
        if (npl) {
            s.nonPerforming[l] += balance;
        }
        s.stageBalance[stage] += balance;
        if (restructured) {
            s.restructuredActive++;
            if (bucket >= 1) {
                s.restructuredDelinquent++;
            }
        }
        s.segmentBalance[k] += balance;
        s.segmentCount[k][0]++;
        if (bucket >= 1) {
            s.segmentCount[k][1]++;
            s.segmentM1Plus[k] += balance;
        }
        if (bucket >= 3) {
            s.segmentCount[k][2]++;
            s.segmentM3Plus[k] += balance;
        }
        if (npl) {
            s.segmentNonPerforming[k] += balance;
        }
        s.addToGroups(b.thinFile(i), b.literacyTercile[i], b.lendersHeld[i], balance, bucket, npl);
    }

    /**
     * Adds account {@code a}'s contractual bills over the next {@link PortfolioStats#LADDER_BILLS}
     * cycles to {@code due}. A delinquent account owes its arrears now and nothing scheduled is
     * counted after (it is not expected to keep to its schedule). A current one owes, bill by bill:
     * the plan principal of {@link AccountTable#aheadInto} (the last bill of its plans takes
     * what principal is left) and its fee; a loan its fixed payment; a line the statement (with no
     * minimum payment) or the minimum payment {@code max(floor, m x owed)} on the statement and the
     * revolving balance with its interest, the unpaid rest revolving to the next bill. An account in a
     * grace period owes nothing until the grace ends.
     *
     * <p>A burn-in month's scan ({@code full} false, see {@link #metricsMonth}) adds the first bill
     * alone, through {@link #firstBill}: the same double, with no look ahead in the plan books
     * ({@code ScanMonthsTest} compares the two to the last bit).
     */
    private void ladder(PortfolioStats s, double[] due, AccountTable acc, int a, int bucket, boolean full) {
        if (bucket >= 1) {
            due[0] += acc.arrears[a];
        } else if (full) {
            currentBills(s, due, acc, a);
        } else if (acc.graceLeft[a] == 0) {
            due[0] += firstBill(acc, a);
        }
    }

    /** The {@link PortfolioStats#LADDER_BILLS} bills of a current account, as {@link #ladder} describes them. */
    private void currentBills(PortfolioStats s, double[] due, AccountTable acc, int a) {
        int bills = PortfolioStats.LADDER_BILLS;
        int p = acc.product[a];
        double[] sched = s.aheadSchedule;
        double[] fees = s.aheadFee;
        acc.aheadInto(a, bills, sched, fees);
        double pool = acc.pool[a] + (acc.cashLoan[a] ? acc.pending[a] : 0.0);
        double statement = acc.cashLoan[a] ? 0.0 : acc.statement[a] + acc.pending[a];
        double revolving = acc.revolving[a];
        int grace = acc.graceLeft[a];
        for (int j = grace; j < bills; j++) {
            int k = j - grace;
            double bill;
            if (acc.cashLoan[a]) {
                bill = Math.min(pool, sched[k]);
                if (acc.termLeft[a] == k + 1) {
                    bill = pool;
                }
                pool -= Math.min(pool, bill);
            } else {
                double principal = acc.termLeft[a] == k + 1 ? pool : Math.min(pool, sched[k]);
                pool -= principal;
                bill = principal + fees[k];
                if (minShare[p] > 0) {
                    double owed = statement + revolving * (1.0 + revolvingMonthly[p]);
                    double minimum = Repayment.minimumPayment(owed, minFloor[p], minShare[p]);
                    revolving = owed - minimum;
                    bill += minimum;
                } else {
                    bill += statement;
                }
                statement = 0.0;
            }
            due[j] += bill;
        }
    }

    /**
     * The first bill of {@link #ladder} for a current account out of a grace period, alone (a
     * burn-in month's scan, see {@link #metricsMonth}): the same double as the ladder's first
     * pass with one bill, without the look-ahead arrays and the loop. The account's current
     * schedule and plan fee are its next bill's ({@link AccountTable#aheadInto} with one bill).
     */
    private double firstBill(AccountTable acc, int a) {
        int termLeft = acc.termLeft[a];
        double schedule = termLeft >= 1 ? Math.max(0.0, acc.schedule[a]) : 0.0;
        if (acc.cashLoan[a]) {
            double pool = acc.pool[a] + acc.pending[a];
            return termLeft == 1 ? pool : Math.min(pool, schedule);
        }
        double pool = acc.pool[a] + 0.0;
        double fee = termLeft >= 1 ? Math.max(0.0, acc.planFee[a]) : 0.0;
        double bill = (termLeft == 1 ? pool : Math.min(pool, schedule)) + fee;
        double statement = acc.statement[a] + acc.pending[a];
        int p = acc.product[a];
        if (minShare[p] > 0) {
            double owed = statement + acc.revolving[a] * (1.0 + revolvingMonthly[p]);
            return bill + Repayment.minimumPayment(owed, minFloor[p], minShare[p]);
        }
        return bill + statement;
    }

    /**
     * IFRS 9 stage (0 = stage 1 .. 2 = stage 3) of an active account: stage 3 on default (over 90
     * DPD, M4+); stage 2 on a significant increase in credit risk: the 30 DPD backstop (M2, M3),
     * restructuring, or the lender's behaviour model (its fitted PD of M1 a multiple of a current
     * account's: {@code stage2From} 1, see {@code ExpectedCreditLoss.stage2FromBucket}); stage 1 otherwise.
     */
    public static int stage(int bucket, boolean restructured, int stage2From) {
        return bucket >= 4 ? 2 : bucket >= Math.min(2, stage2From) || restructured ? 1 : 0;
    }

    /** {@link #stage(int, boolean, int)} with the 30 DPD backstop alone. */
    public static int stage(int bucket, boolean restructured) {
        return stage(bucket, restructured, 2);
    }

    /**
     * Records the account's move since last month's scan (to a bucket 0-4, written off 5, paid
     * off 6, or untracked -1) and remembers its bucket for next month (active accounts only). The
     * market's counts ({@code roll}) are metrics, summed in {@code full} months only; the lenders'
     * ({@code lenderRoll}) feed their books every month.
     */
    private static void roll(PortfolioStats s, AccountTable acc, int a, int to, boolean full) {
        int from = acc.lastBucket[a];
        if (from < 5 && to >= 0) {
            if (full) {
                s.roll[from][to]++;
            }
            s.lenderRoll[acc.lender[a]][from][to]++;
        }
        acc.lastBucket[a] = (byte) (to >= 0 && to < 5 ? to : 5);
    }

    /** An account's origination cohort and score-ranking counts (metrics only). */
    private void cohortAndRank(PortfolioStats s, AccountTable acc, int a) {
        cohort(s, acc, a);
        rank(s, acc, a);
    }

    private void cohort(PortfolioStats s, AccountTable acc, int a) {
        int opened = acc.openedMonth[a];
        if (opened < 1) {
            return;
        }
        int q = (opened - 1) / 3;
        if (q < s.cohortAccounts.length) {
            s.cohortAccounts[q]++;
            if (acc.has(a, AccountTable.EVER_M3)) {
                s.cohortEverM3[q]++;
            }
        }
    }

    /** Counts an account 12-24 months on book by its approval score and whether it went 3+ months past due. */
    private void rank(PortfolioStats s, AccountTable acc, int a) {
        int mob = market.month() - acc.openedMonth[a];
        if (mob < 12 || mob > 24 || acc.openedMonth[a] == Short.MIN_VALUE
                || (acc.status[a] != AccountTable.OPEN && acc.status[a] != AccountTable.WRITTEN_OFF)) {
            return;
        }
        int bin = (int) Math.floor((acc.score[a] + 5.0) / 10.0 * PortfolioStats.SCORE_BINS);
        bin = Math.max(0, Math.min(PortfolioStats.SCORE_BINS - 1, bin));
        if (acc.has(a, AccountTable.EVER_M3)) {
            s.rankBad[acc.lender[a]][bin]++;
        } else {
            s.rankGood[acc.lender[a]][bin]++;
        }
    }

    /**
     * Checks open account {@code a} and returns its balance ({@link AccountTable#balance}, the same
     * sum in the same order). Statement, pending, revolving, pool and arrears must each be at least
     * {@code -ROUNDING} and finite, the limit non-negative: a NaN fails its own test, and an
     * infinite part makes the sum infinite or NaN, so the parts' lower bounds and the sum's upper
     * bound test all five (one pass, no branch per part).
     */
    private double checkedBalance(AccountTable acc, int a) {
        double statement = acc.statement[a];
        double pending = acc.pending[a];
        double revolving = acc.revolving[a];
        double pool = acc.pool[a];
        double arrears = acc.arrears[a];
        double balance = statement + pending + revolving + pool + arrears;
        boolean ok = (statement >= -ROUNDING) & (pending >= -ROUNDING) & (revolving >= -ROUNDING) & (pool >= -ROUNDING)
                & (arrears >= -ROUNDING) & (balance <= Double.MAX_VALUE) & (acc.limit[a] >= 0);
        if (!ok) {
            throw new InvariantViolation(market.month(), "account " + a + " (borrower " + acc.borrower[a] + ", lender "
                    + market.lenders.get(acc.lender[a]).spec.name() + ")",
                    "statement, pending, revolving, pool, arrears and limit must be finite and non-negative, got "
                            + statement + ", " + pending + ", " + revolving + ", " + pool + ", "
                            + arrears + ", " + acc.limit[a]);
        }
        return balance;
    }

    /** Not finite and non-negative (within rounding): NaN fails both comparisons, infinities one each. */
    private static boolean bad(double x) {
        return !(x >= -ROUNDING && x <= Double.MAX_VALUE);
    }
}
