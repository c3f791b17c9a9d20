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
 *   <li>With {@code S} the savings after that loan and {@code A} the room on current lines, a
 *       borrower still short ({@code E + B > S}) puts {@code min(E, E + B - S, A)} of its
 *       essentials on its lines first and keeps the cash for its bills: it rolls its debt
 *       ({@link BorrowerTable#ROLLING}, also set by a loan drawn to pay), and a cut of its
 *       lines' room makes its bills go unpaid. The rest of the essentials is paid in cash, then
 *       on the lines' remaining room; what neither covers is
 *       unmet, and owed next month on top of that month's essentials (rent and bills fall due
 *       again), up to {@code unmet_carry_months} of essentials: a borrower whose credit is cut
 *       does not simply stop needing it.</li>
 *   <li>A planned cash-loan draw, with probability {@code cash_loan_draw_probability * (1 + b)},
 *       of {@code cash_loan_draw_share} of the limit, spent on a purchase. A cash-loan account
 *       may hold several loans, each of {@code term_months} fixed payments, while their principal
 *       stays within the limit.</li>
 *   <li>Wanted discretionary spending {@code W = s_m (d * max(0, y - E) + drawdown * max(0, S - target))
 *       + planned draw + s_m impulse}, {@code s_m} the month's purchase season
 *       ({@link SeasonalCalendar}), with {@code S} the savings left after essentials, where impulse {@code = impulse_credit_share * b * (1 - l) * A}
 *       and {@code A} is the credit available on current lines: the over-borrowing of the
 *       present-biased and the less literate.</li>
 *   <li>Paying: the line takes {@code convenience_share} of the planned part and all of the
 *       impulse; cash pays the rest out of {@code S - l * B} (the literate set the bill aside);
 *       of what cash cannot pay, a share {@code 1 - l} goes on the line anyway (credit seen as
 *       income), the rest is not bought.</li>
 *   <li>Line purchases become an instalment plan or are due after the interest-free window
 *       ({@code interest_free_days}). The borrower picks the term {@code n} of the product's
 *       terms that maximises {@code U(n) = b ln n - s F(n) m}, where {@code F(n) = n f(n)} is the
 *       plan's total flat fee as a share of the price, {@code s = instalment_fee_sensitivity} and
 *       {@code m = 1 - (1 - l) fee_misreading} the share of the fee it sees (low literacy reads a
 *       flat monthly fee as cheap); it converts a share
 *       {@code min(1, instalment_uptake (1 + b) exp(-s F(n) m))} of the purchase. The plan is
 *       repaid in {@code n} equal principal parts plus the flat fee {@code f(n)} on the original
 *       principal, from the next cycle ({@link AccountTable} keeps every plan). The lender pays
 *       the merchant.</li>
 * </ol>
 * Deleveraging: for {@code deleveraging_months} after a missed payment (set by {@link Repayment})
 * the borrower cuts its impulse, convenience and credit-seen-as-income spending on the line and
 * its planned loan draws by {@code deleveraging_cut}; essentials it cannot pay in cash still go on
 * the line.
 * Accounts that are past due, or at a lender that has stopped lending, take no new credit.
 * A fraudster first draws every current loan in full and spends every line to its limit.
 * Which loan a short borrower draws, and whether that is loan stacking, is {@link LoanStacking}.
 *
 * <p>A {@link BorrowerPhase}: the chunk loop and the benchmark's per-borrower schedule both run
 * {@link #stepBorrowers}.
 */
public final class Consumption extends BorrowerPhase<Consumption.Chunk> {
    private static final long serialVersionUID = 1L;
    private final BehaviourSpec behaviour;
    private final double[] emergencyProbability;
    private final double[] emergencySize;
    private final byte[] termMonths;
    /** Per product: the plan terms, their log, and their total fee as a share of the price. */
    private final int[][] planTerms;
    private final double[][] planLogTerm;
    private final double[][] planTotalFee;
    private final double[][] planFee;
    private final byte[] interestFreeCycles;
    private final double feeSensitivity;
    private final double feeMisreading;
    private final double keepCredit;
    private final double unmetCarryMonths;
    private final Pricing pricing;
    private final LoanStacking stacking;
    private final double[] merchantDiscount;
    private final double[] minDraw;
    private final Chunk[] chunks;
    /** The chunks' stream this phase draws from (looked up each month: a shared start restarts the streams). */
    private final RandomStream purpose;

    /** One chunk's part of the phase: its random stream and this month's spending so far. */
    public static final class Chunk implements java.io.Serializable {
        private final int index;
        private double cashSpending;
        private double creditSpending;
        private double emergencySpending;
        private double unmet;
        private double planPurchases;
        private double planTermWeighted;

        private Chunk(int index) {
            this.index = index;
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
        this.purpose = purpose;
        this.behaviour = behaviour;
        this.pricing = new Pricing(market, products);
        this.stacking = new LoanStacking(behaviour.borrowToPay(), loanStacking);
        emergencyProbability = segments.stream().mapToDouble(SegmentSpec::emergencyProbability).toArray();
        emergencySize = segments.stream().mapToDouble(SegmentSpec::emergencySizeMonths).toArray();
        planTerms = new int[products.size()][];
        planLogTerm = new double[products.size()][];
        planTotalFee = new double[products.size()][];
        planFee = new double[products.size()][];
        interestFreeCycles = new byte[products.size()];
        for (int p = 0; p < products.size(); p++) {
            ProductSpec spec = products.get(p);
            int[] terms = spec.terms();
            planTerms[p] = terms;
            planLogTerm[p] = new double[terms.length];
            planTotalFee[p] = new double[terms.length];
            planFee[p] = new double[terms.length];
            for (int k = 0; k < terms.length; k++) {
                planLogTerm[p][k] = Math.log(terms[k]);
                planFee[p][k] = spec.fee(k);
                planTotalFee[p][k] = terms[k] * spec.fee(k);
            }
            interestFreeCycles[p] = (byte) spec.interestFreeCycles();
        }
        feeSensitivity = behaviour.instalmentFeeSensitivity();
        feeMisreading = behaviour.feeMisreading();
        keepCredit = 1.0 - behaviour.deleveragingCut();
        unmetCarryMonths = behaviour.unmetCarryMonths();
        merchantDiscount = products.stream().mapToDouble(ProductSpec::merchantDiscount).toArray();
        minDraw = products.stream().mapToDouble(ProductSpec::minLimit).toArray();
        lendingNow = new boolean[market.lenders.size()];
        annuityNow = new double[pricing.priceCount()];
        termMonths = new byte[products.size()];
        for (int p = 0; p < products.size(); p++) {
            termMonths[p] = (byte) products.get(p).termMonths();
        }
        chunks = new Chunk[market.chunks.count()];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new Chunk(c);
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
        pricing.annuityFactors(termMonths, annuityNow);
    }

    /**
     * This month's payment per yuan of a cash loan of the product's term ({@link Pricing#annuityFactor}),
     * a price table ({@link Pricing#priceIndex}): per product, lender and thin-file flag, after an APR
     * cap if one is in force. Filled by {@link #beginMonth}: a loan drawn this month needs no power of its rate.
     */
    private final double[] annuityNow;

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
        market.ledger.add(chunk.index, BorrowerFlow.PLAN_PURCHASES, chunk.planPurchases);
        market.ledger.add(chunk.index, BorrowerFlow.PLAN_TERM_WEIGHTED, chunk.planTermWeighted);
        chunk.planPurchases = 0;
        chunk.planTermWeighted = 0;
        chunk.cashSpending = 0;
        chunk.creditSpending = 0;
        chunk.emergencySpending = 0;
        chunk.unmet = 0;
    }

    /** This month's bill on open account {@code a} as the borrower expects it (fees and penalties left out). */
    private static double expectedBill(AccountTable acc, int a) {
        double scheduled = acc.termLeft[a] == 1 ? acc.pool[a] : acc.schedule[a];
        double regular = acc.cashLoan[a] ? scheduled : acc.statement[a] + scheduled + acc.planFee[a];
        return regular + acc.arrears[a];
    }

    /** Whether each lender lends this month (read once a month, not once an account). */
    private final boolean[] lendingNow;
    /** This month's factor on essentials ({@code PriceLevel}) and on discretionary wants ({@link SeasonalCalendar}). */
    private double essentialsPrice = 1.0, season = 1.0;

    private boolean canLend(AccountTable acc, int a) {
        return acc.status[a] == AccountTable.OPEN && lendsNow(acc, a);
    }

    /** Whether open account {@code a} takes new credit now: current, at a lender that lends. */
    private boolean lendsNow(AccountTable acc, int a) {
        return acc.monthsPastDue[a] == 0 && lendingNow[acc.lender[a]];
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
        SplittableRandom rng = market.chunks.rng(chunk.index, purpose);
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
            // Deleveraging: a borrower that missed a payment recently keeps this share of its credit use.
            double keep = 1.0;
            if (b.scareLeft[i] > 0) {
                b.scareLeft[i]--;
                keep = keepCredit;
            }

            if (b.fraud(i)) {
                s += drawEverything(c, acc, a0, a1, b.thinFile(i));
            }
            double bill = 0;
            double available = 0;
            long lendable = 0;
            long owed = 0;
            int lines = 0;
            int open = acc.openSlots(i);
            for (int m = open; m != 0; m &= m - 1) {
                int a = a0 + Integer.numberOfTrailingZeros(m);
                double accountBill = expectedBill(acc, a);
                if (accountBill > 0) {
                    bill += accountBill;
                    owed |= 1L << acc.lender[a];
                }
                if (lendsNow(acc, a)) {
                    if (acc.cashLoan[a]) {
                        if (acc.limit[a] - acc.balance(a) >= minDraw[acc.product[a]]) {
                            lendable |= 1L << (a - a0);
                        }
                    } else {
                        available += acc.available(a);
                        lines |= 1 << (a - a0);
                    }
                }
            }

            double baseEssentials = b.essentialShare[i] * permanent * essentialsPrice;
            // Essentials left unpaid last month (rent, utilities) are owed now, on top of this month's.
            double essentials = baseEssentials + b.essentialArrears[i];
            double emergencyDraw = rng.nextDouble();
            double plannedLoanDraw = rng.nextDouble();
            if (emergencyDraw < emergencyProbability[k]) {
                double emergency = emergencySize[k] * permanent;
                essentials += emergency;
                emergencySpending += emergency;
            }
            if (lendable != 0 && essentials + bill > s) {
                int loan = stacking.choose(acc, a0, lendable, owed);
                if (loan >= 0) {
                    drawnAmount = disburse(chunk, acc, loan, b.thinFile(i), Math.min(acc.limit[loan] - acc.balance(loan),
                            Math.max(minDraw[acc.product[loan]], essentials + bill - s)));
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

            // Still short of essentials plus bills: essentials go on the purchase lines first, up to the
            // gap, so that cash is kept for the bills (the lines' interest-free window is cheaper than a
            // missed bill). This is rolling debt: a cut of the lines' room makes the bills go unpaid.
            double shortfall = essentials;
            double gap = essentials + bill - s;
            boolean rolling = drawnAmount > 0;
            if (gap > 0 && available > 0) {
                double onCredit = Math.min(Math.min(gap, essentials), available);
                purchase(chunk, acc, a0, lines, onCredit, -1.0, 0.0);
                available -= onCredit;
                creditSpending += onCredit;
                shortfall -= onCredit;
                rolling = true;
            }
            b.flags[i] = (byte) (rolling ? b.flags[i] | BorrowerTable.ROLLING : b.flags[i] & ~BorrowerTable.ROLLING);
            if (rolling) {
                market.ledger.count(c, Counter.BORROWERS_ROLLING, 0);
            }
            double essentialCash = Math.min(s, shortfall);
            s -= essentialCash;
            cashSpending += essentialCash;
            shortfall -= essentialCash;
            if (shortfall > 0 && available > 0) {
                double onCredit = Math.min(shortfall, available);
                purchase(chunk, acc, a0, lines, onCredit, -1.0, 0.0);
                available -= onCredit;
                creditSpending += onCredit;
                shortfall -= onCredit;
            }
            unmet += shortfall;
            b.essentialArrears[i] = (float) Math.min(shortfall, unmetCarryMonths * baseEssentials);

            double drawn = 0;
            if (loanAccount >= 0 && plannedLoanDraw < keep * behaviour.cashLoanDrawProbability() * (1.0 + pb)) {
                drawn = disburse(chunk, acc, loanAccount, b.thinFile(i), Math.min(acc.limit[loanAccount] - acc.balance(loanAccount),
                        behaviour.cashLoanDrawShare() * acc.limit[loanAccount]));
                s += drawn;
            }
            double planned = season * (b.discretionary[i] * Math.max(0.0, y - essentials)
                    + behaviour.savingsDrawdown() * Math.max(0.0, s - drawn - b.savingsTarget[i]))
                    + drawn;
            double impulse = keep * season * behaviour.impulseCreditShare() * pb * (1.0 - lit) * available;
            double creditUse = Math.min(keep * behaviour.convenienceShare() * planned + impulse, available);
            double spendableCash = Math.max(0.0, s - lit * bill);
            double cashUse = Math.min(planned + impulse - creditUse, spendableCash);
            double unfunded = planned + impulse - creditUse - cashUse;
            creditUse += Math.min(keep * (1.0 - lit) * unfunded, available - creditUse);
            if (creditUse > 0) {
                purchase(chunk, acc, a0, lines, creditUse, pb, lit);
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
    private double drawEverything(int c, AccountTable acc, int a0, int a1, boolean thinFile) {
        double cash = 0;
        for (int a = a0; a < a1; a++) {
            if (!canLend(acc, a)) {
                continue;
            }
            if (acc.cashLoan[a]) {
                cash += disburse(chunks[c], acc, a, thinFile, acc.limit[a] - acc.balance(a));
            } else {
                double x = acc.available(a);
                if (x > 0) {
                    purchase(chunks[c], acc, a, 1, x, -1.0, 0.0);
                }
            }
        }
        return cash;
    }

    /**
     * The index of the plan term of product {@code p} that maximises {@code U(n) = b ln n - s F(n) m}
     * (see the class comment) for present bias {@code pb} and seen fee share {@code seen}; the
     * first of equals.
     */
    private int bestTerm(int p, double pb, double seen) {
        double[] logTerm = planLogTerm[p];
        double[] totalFee = planTotalFee[p];
        int best = 0;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logTerm.length; k++) {
            double u = pb * logTerm[k] - feeSensitivity * totalFee[k] * seen;
            if (u > bestUtility) {
                bestUtility = u;
                best = k;
            }
        }
        return best;
    }

    /**
     * Lends {@code amount} on cash-loan account {@code a}: a new loan of the product's term,
     * repaid by fixed payments from the next cycle. Returns the amount paid to the borrower.
     */
    private double disburse(Chunk chunk, AccountTable acc, int a, boolean thinFile, double amount) {
        if (amount <= 0) {
            return 0.0;
        }
        int p = acc.product[a];
        // Pending until the cycle closes: a loan drawn this cycle bears interest from the next.
        acc.pending[a] += amount;
        acc.addPlan(a, amount * annuityNow[pricing.priceIndex(p, acc.lender[a], thinFile)], 0.0, termMonths[p], 0, market.month());
        market.ledger.add(chunk.index, Flow.DISBURSED, acc.lender[a], amount);
        market.ledger.count(chunk.index, Counter.LOANS_DRAWN, acc.lender[a]);
        return amount;
    }

    /**
     * Spends {@code amount} on the borrower's current lines, in account order. A borrower with
     * present bias {@code pb} and literacy {@code lit} turns part of it into an instalment plan
     * (see the class comment); {@code pb < 0} means none (essentials, a fraudster's spree). The
     * caller has checked that enough is available. The lines are the slots of {@code slots}, a mask
     * of slots from {@code a0}: purchase lines that can lend now ({@link #canLend}), as the caller
     * found them.
     */
    private void purchase(Chunk chunk, AccountTable acc, int a0, int slots, double amount, double pb, double lit) {
        double left = amount;
        // The term choice depends on the borrower and the product only: made once per product in this call.
        double seen = 1.0 - (1.0 - lit) * feeMisreading;
        int choiceProduct = -1;
        int best = 0;
        double share = 0.0;
        for (int m = slots; m != 0 && left > 0; m &= m - 1) {
            int a = a0 + Integer.numberOfTrailingZeros(m);
            double x = Math.min(left, acc.available(a));
            if (x <= 0) {
                continue;
            }
            int p = acc.product[a];
            double instalment = 0.0;
            if (pb >= 0) {
                if (p != choiceProduct) {
                    best = bestTerm(p, pb, seen);
                    share = Math.min(1.0, behaviour.instalmentUptake() * (1.0 + pb)
                            * Math.exp(-feeSensitivity * planTotalFee[p][best] * seen));
                    choiceProduct = p;
                }
                instalment = x * share;
                if (instalment > 0) {
                    int n = planTerms[p][best];
                    acc.pool[a] += instalment;
                    acc.addPlan(a, instalment / n, instalment * planFee[p][best], n, 0, market.month());
                    chunk.planPurchases += instalment;
                    chunk.planTermWeighted += instalment * n;
                }
            }
            double rest = x - instalment;
            if (interestFreeCycles[p] == 1) {
                acc.pending[a] += rest;
            } else {
                // Due a cycle later: a one-payment plan that starts after one cycle.
                acc.pool[a] += rest;
                acc.addPlan(a, rest, 0.0, 1, interestFreeCycles[p] - 1, market.month());
            }
            int lender = acc.lender[a];
            market.ledger.add(chunk.index, Flow.PURCHASES, lender, x);
            market.ledger.add(chunk.index, Flow.MERCHANT_FEES, lender, x * merchantDiscount[p]);
            left -= x;
        }
    }
}
