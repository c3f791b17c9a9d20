package org.creditstress.model.borrower;

import java.util.List;
import java.util.SplittableRandom;
import org.creditstress.model.Market;
import org.creditstress.model.engine.BorrowerFlow;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.model.lender.LenderState;
import org.creditstress.model.lender.Pricing;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.model.trace.EventWatch;
import org.creditstress.scenario.BehaviourSpec;
import org.creditstress.scenario.ProductSpec;
import org.creditstress.scenario.SegmentSpec;

/**
 * Spending, and the credit it is financed with (amounts in yuan a month). Runs at
 * {@link org.creditstress.model.MonthPhase#CONSUMPTION}: after income (savings include this
 * month's income), before repayment, so that a borrower short of cash can borrow to pay the bills
 * that repayment then collects.
 *
 * <p>For a borrower with permanent income {@code P}, income {@code y}, savings {@code S}, present
 * bias {@code b}, literacy {@code l}, and this month's expected bill {@code B} (regular bill plus
 * arrears, fees and penalties left out):
 * <ol>
 *   <li>Essentials {@code E = essential_share * P * f}, {@code f} the month's price factor
 *       ({@code PriceLevel}), plus, with the segment's {@code emergency_probability}, an emergency expense {@code emergency_size_months * P}. If
 *       {@code E + B > S}, the borrower first draws a cash loan for the gap, at least the product's
 *       {@code min_limit} and at most the loan's limit ({@link LoanStacking}).</li>
 *   <li>Essentials are paid in cash, then on a current purchase line; what neither covers is
 *       unmet.</li>
 *   <li>A planned cash-loan draw, with probability {@code cash_loan_draw_probability * (1 + b)},
 *       of {@code cash_loan_draw_share} of the limit, spent on a purchase.</li>
 *   <li>Wanted discretionary spending {@code W = s_m (d * max(0, y - E) + drawdown * max(0, S - target))
 *       + planned draw + s_m impulse}, {@code s_m} the month's purchase season
 *       ({@link SeasonalCalendar}), with {@code S} the savings left after essentials, where impulse {@code = impulse_credit_share * b * (1 - l) * A}
 *       and {@code A} is the credit available on current lines: the over-borrowing of the
 *       present-biased and the less literate.</li>
 *   <li>Paying: the line takes {@code convenience_share} of the planned part and all of the
 *       impulse; cash pays the rest out of {@code S - l * B} (the literate set the bill aside);
 *       of what cash cannot pay, a share {@code 1 - l} goes on the line anyway (credit seen as
 *       income), the rest is not bought.</li>
 *   <li>Line purchases: a share {@code instalment_uptake * (1 + b)} becomes an instalment plan, the
 *       rest is due in full next cycle (interest-free). The lender pays the merchant.</li>
 * </ol>
 * Accounts that are past due, or at a lender that has stopped lending, take no new credit.
 * A fraudster first draws every current loan in full and spends every line to its limit.
 * Which loan a short borrower draws, and whether that is loan stacking, is {@link LoanStacking}.
 *
 * <p>A {@link BorrowerPhase}: the chunk loop and the benchmark's per-borrower schedule both run
 * {@link #stepBorrowers}.
 */
public final class Consumption extends BorrowerPhase<Consumption.Chunk> {
    private static final long serialVersionUID = 1L;
    private final transient BehaviourSpec behaviour;
    private final double[] emergencyProbability;
    private final double[] emergencySize;
    private final double[] instalmentMonths;
    private final byte[] termMonths;
    private final transient Pricing pricing;
    private final transient LoanStacking stacking;
    private final double[] merchantDiscount;
    private final double[] minDraw;
    private final transient Chunk[] chunks;

    /** One chunk's part of the phase: its random stream and this month's spending so far. */
    public static final class Chunk {
        private final int index;
        private final SplittableRandom rng;
        private double cashSpending;
        private double creditSpending;
        private double emergencySpending;
        private double unmet;

        private Chunk(int index, SplittableRandom rng) {
            this.index = index;
            this.rng = rng;
        }
    }

    /**
     * @param behaviour the population's spending and credit-use habits
     * @param segments  the population's segments (emergency expenses)
     * @param products  the products (instalment months, loan terms, merchant discount, minimum draw)
     * @param purpose   the random stream emergencies and planned draws come from (one per chunk)
     * @param loanStacking whether a short borrower may borrow at a lender it owes nothing (the loan-stacking channel)
     */
    public Consumption(Market market, BehaviourSpec behaviour, List<SegmentSpec> segments, List<ProductSpec> products,
                       RandomStream purpose, boolean loanStacking) {
        super(market);
        this.behaviour = behaviour;
        this.pricing = new Pricing(market, products);
        this.stacking = new LoanStacking(behaviour.borrowToPay(), loanStacking);
        emergencyProbability = segments.stream().mapToDouble(SegmentSpec::emergencyProbability).toArray();
        emergencySize = segments.stream().mapToDouble(SegmentSpec::emergencySizeMonths).toArray();
        instalmentMonths = products.stream().mapToDouble(ProductSpec::instalmentMonths).toArray();
        merchantDiscount = products.stream().mapToDouble(ProductSpec::merchantDiscount).toArray();
        minDraw = products.stream().mapToDouble(ProductSpec::minLimit).toArray();
        lendingNow = new boolean[market.lenders.size()];
        termMonths = new byte[products.size()];
        for (int p = 0; p < products.size(); p++) {
            termMonths[p] = (byte) products.get(p).termMonths();
        }
        chunks = new Chunk[market.chunks.count()];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new Chunk(c, market.chunks.rng(c, purpose));
        }
    }

    /** Which lenders lend this month, and this month's price factor on essentials and purchase season. */
    @Override
    public void beginMonth() {
        for (int l = 0; l < lendingNow.length; l++) {
            lendingNow[l] = market.lenders.get(l).lending();
        }
        essentialsPrice = market.macro.essentialsPriceFactor();
        season = market.macro.purchaseSeason();
    }

    @Override
    public Chunk chunk(int c) {
        return chunks[c];
    }

    /** Books the chunk's spending in the month's ledger (once, after its last borrower) and clears it. */
    @Override
    public void endChunk(Chunk chunk) {
        market.ledger.add(chunk.index, BorrowerFlow.CASH_SPENDING, chunk.cashSpending);
        market.ledger.add(chunk.index, BorrowerFlow.CREDIT_SPENDING, chunk.creditSpending);
        market.ledger.add(chunk.index, BorrowerFlow.EMERGENCY_SPENDING, chunk.emergencySpending);
        market.ledger.add(chunk.index, BorrowerFlow.UNMET_ESSENTIALS, chunk.unmet);
        chunk.cashSpending = 0;
        chunk.creditSpending = 0;
        chunk.emergencySpending = 0;
        chunk.unmet = 0;
    }

    /** This month's bill on an account as the borrower expects it (fees and penalties left out). */
    double expectedBill(AccountTable acc, int a) {
        if (acc.status[a] != AccountTable.OPEN) {
            return 0.0;
        }
        double regular = acc.cashLoan[a]
                ? (acc.termLeft[a] > 0 ? acc.payment[a] : acc.pool[a])
                : acc.statement[a] + acc.pool[a] / instalmentMonths[acc.product[a]];
        return regular + acc.arrears[a];
    }

    /** Whether each lender lends this month (read once a month, not once an account). */
    private final boolean[] lendingNow;
    /** This month's factor on essentials ({@code PriceLevel}) and on discretionary wants ({@link SeasonalCalendar}). */
    private double essentialsPrice = 1.0, season = 1.0;

    private boolean canLend(AccountTable acc, int a) {
        return acc.status[a] == AccountTable.OPEN && acc.monthsPastDue[a] == 0 && lendingNow[acc.lender[a]];
    }

    /**
     * Spending and borrowing of borrowers {@code from} to {@code to - 1}, all of chunk
     * {@code chunk}, drawn from its stream and added up in it. The chunk loop passes its whole
     * range; one borrower is {@code stepBorrowers(i, i + 1, chunk)}.
     */
    @Override
    public void stepBorrowers(int from, int to, Chunk chunk) {
        BorrowerTable b = market.borrowers;
        AccountTable acc = market.accounts;
        SplittableRandom rng = chunk.rng;
        int c = chunk.index;
        double cashSpending = chunk.cashSpending;
        double creditSpending = chunk.creditSpending;
        double emergencySpending = chunk.emergencySpending;
        double unmet = chunk.unmet;
        BorrowerTrace trace = market.trace();
        for (int i = from; i < to; i++) {
            double cashBefore = cashSpending;
            double creditBefore = creditSpending;
            double unmetBefore = unmet;
            double emergencyBefore = emergencySpending;
            int drawnAccount = -1;
            double drawnAmount = 0;
            boolean stackedLoan = false;
            int a0 = b.firstAccount[i];
            int a1 = a0 + b.accountCount[i];
            double permanent = b.permanentIncome[i];
            double y = b.income[i];
            double s = b.savings[i];
            double pb = b.presentBias[i];
            double lit = b.literacy[i];
            int k = b.segment[i];

            if (b.fraud(i)) {
                s += drawEverything(c, acc, a0, a1);
            }
            double bill = 0;
            double available = 0;
            long lendable = 0;
            long owed = 0;
            for (int a = a0; a < a1; a++) {
                double accountBill = expectedBill(acc, a);
                if (accountBill > 0) {
                    bill += accountBill;
                    owed |= 1L << acc.lender[a];
                }
                if (canLend(acc, a)) {
                    if (acc.cashLoan[a]) {
                        if (acc.pool[a] == 0.0) {
                            lendable |= 1L << (a - a0);
                        }
                    } else {
                        available += acc.available(a);
                    }
                }
            }

            double essentials = b.essentialShare[i] * permanent * essentialsPrice;
            double emergencyDraw = rng.nextDouble();
            double plannedLoanDraw = rng.nextDouble();
            if (emergencyDraw < emergencyProbability[k]) {
                double emergency = emergencySize[k] * permanent;
                essentials += emergency;
                emergencySpending += emergency;
            }
            if (lendable != 0 && essentials + bill > s) {
                int loan = stacking.choose(acc, a0, a1, lendable, owed);
                if (loan >= 0) {
                    drawnAmount = disburse(c, acc, loan, Math.min(acc.limit[loan], Math.max(minDraw[acc.product[loan]], essentials + bill - s)));
                    s += drawnAmount;
                    drawnAccount = loan;
                    lendable &= ~(1L << (loan - a0));
                    if (LoanStacking.stacked(acc, loan, owed)) {
                        stackedLoan = true;
                        market.ledger.count(c, Counter.LOANS_STACKED, acc.lender[loan]);
                        if (market.watch() != null) {
                            market.watch().record(EventWatch.Kind.STACKED, market.month(), i);
                        }
                    }
                }
            }
            int loanAccount = lendable == 0 ? -1 : a0 + Long.numberOfTrailingZeros(lendable);

            double essentialCash = Math.min(s, essentials);
            s -= essentialCash;
            cashSpending += essentialCash;
            double shortfall = essentials - essentialCash;
            if (shortfall > 0 && available > 0) {
                double onCredit = Math.min(shortfall, available);
                purchase(c, acc, a0, a1, onCredit, 0.0);
                available -= onCredit;
                creditSpending += onCredit;
                shortfall -= onCredit;
            }
            unmet += shortfall;

            double drawn = 0;
            if (loanAccount >= 0 && plannedLoanDraw < behaviour.cashLoanDrawProbability() * (1.0 + pb)) {
                drawn = disburse(c, acc, loanAccount, behaviour.cashLoanDrawShare() * acc.limit[loanAccount]);
                s += drawn;
            }
            double planned = season * (b.discretionary[i] * Math.max(0.0, y - essentials)
                    + behaviour.savingsDrawdown() * Math.max(0.0, s - drawn - b.savingsTarget[i]))
                    + drawn;
            double impulse = season * behaviour.impulseCreditShare() * pb * (1.0 - lit) * available;
            double creditUse = Math.min(behaviour.convenienceShare() * planned + impulse, available);
            double spendableCash = Math.max(0.0, s - lit * bill);
            double cashUse = Math.min(planned + impulse - creditUse, spendableCash);
            double unfunded = planned + impulse - creditUse - cashUse;
            creditUse += Math.min((1.0 - lit) * unfunded, available - creditUse);
            if (creditUse > 0) {
                purchase(c, acc, a0, a1, creditUse, Math.min(1.0, behaviour.instalmentUptake() * (1.0 + pb)));
                creditSpending += creditUse;
            }
            s -= cashUse;
            cashSpending += cashUse;
            b.savings[i] = s;
            if (trace != null && trace.is(i)) {
                BorrowerTrace.MonthRecord r = trace.month(market.month());
                r.essentials = essentials - (emergencySpending - emergencyBefore);
                r.emergency = emergencySpending - emergencyBefore;
                r.cashSpending = cashSpending - cashBefore;
                r.creditSpending = creditSpending - creditBefore;
                r.unmetEssentials = unmet - unmetBefore;
                r.loanDrawn = drawnAmount + drawn;
                if (drawnAccount >= 0 || drawn > 0) {
                    int la = drawnAccount >= 0 ? drawnAccount : loanAccount;
                    r.loanLender = market.lenders.get(acc.lender[la]).spec.name();
                }
                r.loanStacked = stackedLoan;
            }
        }
        chunk.cashSpending = cashSpending;
        chunk.creditSpending = creditSpending;
        chunk.emergencySpending = emergencySpending;
        chunk.unmet = unmet;
    }

    /** A fraudster draws every current cash loan in full and spends every line to its limit. */
    private double drawEverything(int c, AccountTable acc, int a0, int a1) {
        double cash = 0;
        for (int a = a0; a < a1; a++) {
            if (!canLend(acc, a)) {
                continue;
            }
            if (acc.cashLoan[a]) {
                if (acc.pool[a] == 0.0) {
                    cash += disburse(c, acc, a, acc.limit[a]);
                }
            } else {
                double x = acc.available(a);
                if (x > 0) {
                    purchase(c, acc, a, a + 1, x, 0.0);
                }
            }
        }
        return cash;
    }

    /** Opens a cash loan of {@code amount} on account {@code a}; returns the amount paid to the borrower. */
    private double disburse(int c, AccountTable acc, int a, double amount) {
        if (amount <= 0) {
            return 0.0;
        }
        int p = acc.product[a];
        acc.pool[a] = amount;
        acc.payment[a] = amount * pricing.annuityFactor(a, termMonths[p]);
        acc.termLeft[a] = termMonths[p];
        market.ledger.add(c, Flow.DISBURSED, acc.lender[a], amount);
        market.ledger.count(c, Counter.LOANS_DRAWN, acc.lender[a]);
        return amount;
    }

    /**
     * Spends {@code amount} on the borrower's current lines, in account order, a share
     * {@code instalmentShare} as instalments. The caller has checked that enough is available.
     */
    private void purchase(int c, AccountTable acc, int a0, int a1, double amount, double instalmentShare) {
        double left = amount;
        for (int a = a0; a < a1 && left > 0; a++) {
            if (acc.cashLoan[a] || !canLend(acc, a)) {
                continue;
            }
            double x = Math.min(left, acc.available(a));
            if (x <= 0) {
                continue;
            }
            double instalment = x * instalmentShare;
            acc.pool[a] += instalment;
            acc.pending[a] += x - instalment;
            LenderState lender = market.lenders.get(acc.lender[a]);
            market.ledger.add(c, Flow.PURCHASES, lender.index, x);
            market.ledger.add(c, Flow.MERCHANT_FEES, lender.index, x * merchantDiscount[acc.product[a]]);
            left -= x;
        }
    }
}
