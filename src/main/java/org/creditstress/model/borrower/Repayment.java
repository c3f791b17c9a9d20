package org.creditstress.model.borrower;

import java.util.Arrays;
import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.lender.Pricing;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.scenario.BehaviourSpec;
import org.creditstress.scenario.ProductSpec;

/**
 * Billing and repayment (amounts in yuan). Runs at {@link org.creditstress.model.MonthPhase#REPAYMENT}:
 * after consumption (a borrower may have borrowed to pay), before the lenders' phases, which see
 * who paid: underwriting, collection, restructuring and write-off act on the arrears left here.
 *
 * <p>Charges are recorded by kind (interest, instalment fees, penalty interest, and the penalty on
 * accounts over 90 DPD, which the lender holds in suspense) as well as in total.
 *
 * <p>Billing, per open account ({@link AccountTable} keeps every plan and loan exactly): penalty
 * interest {@code arrears * penalty_daily_rate * 30} is added to the arrears;
 * <ul>
 *   <li>a purchase line bills last cycle's statement, the monthly principal of its open
 *       instalment plans ({@code P/n} for a plan of principal {@code P} and term {@code n}) and
 *       their flat fees {@code f(n) P}, capped at {@code cap * pool} while an APR cap is in force.
 *       With a minimum payment ({@code min_payment_share m > 0}) the statement is not due in
 *       full: interest {@code R r_rev} ({@code r_rev = revolving_apr / 12}) is added to the
 *       revolving balance {@code R}, and of {@code X = statement + R + R r_rev} the bill asks for
 *       {@code min(X, max(min_payment_floor, m X))}; the rest revolves. A holder who pays only
 *       the minimum and buys nothing has {@code R(t) = R(0) ((1 + r_rev)(1 - m))^t};</li>
 *   <li>a cash loan bills interest {@code pool * r} ({@code r = apr / 12}, {@link Pricing}) and
 *       the rest of its loans' fixed payments as principal;</li>
 *   <li>the last payment of an account's plans bills whatever principal is left.</li>
 * </ul>
 * The amount due is the regular bill plus arrears.
 *
 * <p>Grace: an account in a grace period (restructuring, repayment holiday) owes nothing this
 * month, keeps its bucket, its plans' clock stops, and its interest or fee is added to the
 * principal (billed with its last payment).
 *
 * <p>Paying: the borrower pays all it owes if its savings allow, else all its savings, split by
 * the {@link RepaymentPriority}. Fraudsters and strategic defaulters past their threshold pay
 * nothing. An account paid in full is current again (a cure). An account
 * that got at least its regular bill stays in its bucket; otherwise it rolls one month further
 * past due, and the borrower deleverages ({@code deleveraging_months}, see {@link Consumption}).
 * What is unpaid stays as arrears.
 *
 * <p>Beyond the bill: a borrower who paid everything due repays revolving balances from savings
 * above {@code (1 - l) * target} (the literate clear expensive debt; the others keep a cash
 * cushion), and, with probability {@code prepayment_monthly}, repays an account's plans or
 * loans early when its savings above the target cover them (fees not yet billed are waived).
 *
 * <p>Cycle close: this month's interest-free purchases become next month's statement; loans
 * drawn this month join the principal (interest runs from the next cycle).
 *
 * <p>A {@link BorrowerPhase}: the chunk loop and the benchmark's per-borrower schedule both run
 * {@link #stepBorrowers}.
 */
public final class Repayment extends BorrowerPhase<Repayment.Chunk> {
    private static final long serialVersionUID = 1L;
    private static final double CENT = 0.005;
    private final RepaymentPriority priority;
    private static final int INTEREST = 0;
    private static final int FEES = 1;
    private static final int PENALTY = 2;
    private static final int SUSPENDED = 3;
    private static final int ALL = 4;
    /** Income recognised on cash loans (interest and penalty not in suspense). */
    private static final int CASH_LOAN = 5;
    /** Penalty interest on accounts this many months past due (over 90 DPD) is held in suspense, not income. */
    private static final int SUSPEND_PENALTY_FROM = 4;
    private final double[] penaltyMonthly;
    private final double[] minShare;
    private final double[] minFloor;
    private final double[] revolvingMonthly;
    private final Pricing pricing;
    private final double strategicDebtMonths;
    private final double scoreCostMonths;
    private final boolean[] litigates;
    private final double[] litigationMinBalance;
    private final double enforcedShare;
    private final byte deleveragingMonths;
    private final double prepaymentMonthly;
    private final org.creditstress.model.engine.CounterRandom prepaymentDraws;
    private final Chunk[] chunks;

    /**
     * One chunk's part of the phase: scratch per account of the borrower being stepped, and the
     * charges and repayments per lender so far this month.
     */
    public static final class Chunk implements java.io.Serializable {
        private final int index;
        private final double[] due;
        private final double[] regular;
        private final double[] paid;
        /** Charges by kind (interest, fees, penalty, penalty in suspense, all) and lender. */
        private final double[][] charges;
        private final double[] repaid;
        private double prepaid;

        private Chunk(int index, int maxAccounts, int lenders) {
            this.index = index;
            this.due = new double[maxAccounts];
            this.regular = new double[maxAccounts];
            this.paid = new double[maxAccounts];
            this.charges = new double[6][lenders];
            this.repaid = new double[lenders];
        }
    }

    /**
     * @param products  the products (penalty rate, instalment fee and months)
     * @param behaviour the population's behaviour ({@code strategic_default_debt_months}, {@code strategic_score_cost_months})
     * @param courts    what enforcement recovers (a strategic defaulter's expected cost of being sued)
     * @param priority  how a borrower short of cash splits it across its accounts
     */
    public Repayment(Market market, List<ProductSpec> products, BehaviourSpec behaviour, org.creditstress.scenario.CourtsSpec courts,
                     RepaymentPriority priority) {
        super(market);
        this.priority = priority;
        penaltyMonthly = products.stream().mapToDouble(ProductSpec::penaltyMonthlyRate).toArray();
        minShare = products.stream().mapToDouble(ProductSpec::minPaymentShare).toArray();
        minFloor = products.stream().mapToDouble(ProductSpec::minPaymentFloor).toArray();
        revolvingMonthly = products.stream().mapToDouble(p -> p.revolvingApr() / 12.0).toArray();
        pricing = new Pricing(market, products);
        strategicDebtMonths = behaviour.strategicDefaultDebtMonths();
        scoreCostMonths = behaviour.strategicScoreCostMonths();
        litigates = new boolean[market.lenders.size()];
        litigationMinBalance = new double[market.lenders.size()];
        for (int l = 0; l < litigates.length; l++) {
            litigates[l] = market.lenders.get(l).spec.litigation().enabled();
            litigationMinBalance[l] = market.lenders.get(l).spec.litigation().minBalance();
        }
        enforcedShare = (1.0 - courts.nothingProbability()) * courts.recoveryShareMean();
        deleveragingMonths = (byte) Math.min(Byte.MAX_VALUE, behaviour.deleveragingMonths());
        prepaymentMonthly = behaviour.prepaymentMonthly();
        prepaymentDraws = new org.creditstress.model.engine.CounterRandom(market.seeds,
                org.creditstress.model.engine.RandomStream.PREPAYMENT);
        revolvingNow = new double[products.size()];
        penaltyNow = new double[products.size()];
        loanRateNow = new double[pricing.priceCount()];
        int maxAccounts = 2 * products.size() * Math.max(1, market.lenders.size());
        chunks = new Chunk[market.chunks.count()];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new Chunk(c, maxAccounts, market.lenders.size());
        }
    }

    /** This month's revolving and penalty rates per product, after an APR cap if one is in force. */
    private final double[] revolvingNow;
    private final double[] penaltyNow;
    /**
     * This month's monthly interest rate of a cash loan ({@link Pricing#monthlyRate(int, int, boolean)}),
     * a price table ({@link Pricing#priceIndex}): per product, lender and thin-file flag, after an APR
     * cap if one is in force. Filled by {@link #beginMonth} (a cap may start or end in any month).
     */
    private final double[] loanRateNow;
    /** This month's cap on any monthly rate (Double.MAX_VALUE without an APR cap, so that cap x 0 is 0). */
    private double capNow;

    /** This month's rates, after an APR cap if one is in force. */
    @Override
    public void beginMonth() {
        for (int p = 0; p < penaltyNow.length; p++) {
            revolvingNow[p] = market.policy.capMonthly(revolvingMonthly[p]);
            penaltyNow[p] = market.policy.capMonthly(penaltyMonthly[p]);
        }
        capNow = market.policy.capMonthly(Double.MAX_VALUE);
        for (int c = 0; c < chunks.length; c++) {
            market.pastDue.restart(c, market.month());
        }
        pricing.monthlyRates(loanRateNow);
    }

    @Override
    public Chunk chunk(int c) {
        return chunks[c];
    }

    /** Books the chunk's charges and repayments in the month's ledger (once, after its last borrower) and clears them. */
    @Override
    public void endChunk(Chunk chunk) {
        double[][] charges = chunk.charges;
        for (int l = 0; l < chunk.repaid.length; l++) {
            market.ledger.add(chunk.index, Flow.CHARGES, l, charges[ALL][l]);
            market.ledger.add(chunk.index, Flow.INTEREST, l, charges[INTEREST][l]);
            market.ledger.add(chunk.index, Flow.FEES, l, charges[FEES][l]);
            market.ledger.add(chunk.index, Flow.PENALTY, l, charges[PENALTY][l]);
            market.ledger.add(chunk.index, Flow.PENALTY_SUSPENDED, l, charges[SUSPENDED][l]);
            market.ledger.add(chunk.index, Flow.CASH_LOAN_INCOME, l, charges[CASH_LOAN][l]);
            market.ledger.add(chunk.index, Flow.REPAYMENTS, l, chunk.repaid[l]);
        }
        market.ledger.add(chunk.index, org.creditstress.model.engine.BorrowerFlow.PREPAID, chunk.prepaid);
        chunk.prepaid = 0;
        for (double[] kind : charges) {
            Arrays.fill(kind, 0.0);
        }
        Arrays.fill(chunk.repaid, 0.0);
    }

    /**
     * Bills and payments of borrowers {@code from} to {@code to - 1}, all of chunk {@code chunk},
     * added up in {@code chunk}. The chunk loop passes its whole range; one borrower is
     * {@code stepBorrowers(i, i + 1, chunk)}.
     */
    @Override
    public void stepBorrowers(int from, int to, Chunk chunk) {
        BorrowerTable b = market.borrowers;
        AccountTable acc = market.accounts;
        double[] due = chunk.due;
        double[] regular = chunk.regular;
        double[] paid = chunk.paid;
        double[][] charges = chunk.charges;
        double[] repaid = chunk.repaid;
        for (int i = from; i < to; i++) {
            int a0 = b.firstAccount[i];
            int a1 = a0 + b.accountCount[i];
            boolean thinFile = b.thinFile(i);
            double totalDue = 0;
            for (int j = 0; j < a1 - a0; j++) {
                due[j] = 0;
                regular[j] = 0;
            }
            int open = acc.openSlots(i);
            for (int m = open; m != 0; m &= m - 1) {
                int j = Integer.numberOfTrailingZeros(m);
                int a = a0 + j;
                boolean grace = acc.graceLeft[a] > 0;
                regular[j] = bill(acc, a, thinFile, charges);
                // In a grace period (restructuring, repayment holiday) nothing is due: the account keeps its bucket.
                due[j] = grace ? 0.0 : acc.arrears[a];
                totalDue += due[j];
            }
            boolean willing = willingToPay(b, acc, i, a0, a1);
            if (!willing && totalDue > 0 && b.strategic(i)) {
                for (int a = a0; a < a1; a++) {
                    if (due[a - a0] > 0) {
                        market.ledger.count(chunk.index, org.creditstress.model.engine.Counter.STRATEGIC_WITHHOLDING, acc.lender[a]);
                    }
                }
            }
            if (totalDue > 0) {
                double cash = willing ? b.savings[i] : 0.0;
                if (cash >= totalDue) {
                    System.arraycopy(due, 0, paid, 0, a1 - a0);
                } else {
                    priority.allocate(acc, a0, a1, due, cash, paid);
                }
                double spent = 0;
                BorrowerTrace trace = market.trace();
                for (int m = open; m != 0; m &= m - 1) {
                    int j = Integer.numberOfTrailingZeros(m);
                    int a = a0 + j;
                    if (due[j] <= 0) {
                        continue;
                    }
                    double p = Math.min(paid[j], acc.arrears[a]);
                    if (trace != null && trace.is(i)) {
                        BorrowerTrace.AccountRecord r = trace.account(market.month(), a);
                        r.regularBill = regular[j];
                        r.due = due[j];
                        r.paid = p;
                    }
                    acc.arrears[a] -= p;
                    spent += p;
                    repaid[acc.lender[a]] += p;
                    if (acc.arrears[a] < CENT) {
                        acc.monthsPastDue[a] = 0;
                        if (acc.goodMonths[a] < Byte.MAX_VALUE) {
                            acc.goodMonths[a]++;
                        }
                    } else {
                        acc.goodMonths[a] = 0;
                        if (!(p >= regular[j] && regular[j] > 0) && acc.monthsPastDue[a] < Byte.MAX_VALUE) {
                            acc.monthsPastDue[a]++;
                            b.scareLeft[i] = deleveragingMonths;
                            if (acc.monthsPastDue[a] >= 3) {
                                acc.set(a, AccountTable.EVER_M3);
                            }
                        }
                    }
                }
                b.savings[i] -= spent;
                if (spent < totalDue - CENT) {
                    closeCycle(acc, a0, acc.usedSlots(i), open, chunk.index);
                    continue;
                }
            }
            if (willing) {
                chunk.prepaid += payBeyondTheBill(b, acc, i, a0, open, repaid);
            }
            closeCycle(acc, a0, acc.usedSlots(i), open, chunk.index);
        }
    }

    /** Whether any of the borrower's open accounts ({@code open}: its mask) has plans or loans that {@code surplus} covers. */
    private static boolean prepayable(AccountTable acc, int a0, int open, double surplus) {
        for (int m = open; m != 0; m &= m - 1) {
            int a = a0 + Integer.numberOfTrailingZeros(m);
            if (acc.pool[a] > 0 && acc.pool[a] <= surplus && prepayableAccount(acc, a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether open account {@code a} may be repaid early: current and not in a grace period. */
    private static boolean prepayableAccount(AccountTable acc, int a) {
        return acc.monthsPastDue[a] == 0 && acc.graceLeft[a] == 0;
    }

    /**
     * A borrower who paid everything due repays revolving balances from savings above
     * {@code (1 - literacy) * target}, and may repay plans and loans early from savings above its
     * target (see the class comment). Returns what was repaid early.
     */
    private double payBeyondTheBill(BorrowerTable b, AccountTable acc, int i, int a0, int open, double[] repaid) {
        double spare = b.savings[i] - (1.0 - b.literacy[i]) * b.savingsTarget[i];
        for (int m = open; m != 0 && spare > CENT; m &= m - 1) {
            int a = a0 + Integer.numberOfTrailingZeros(m);
            if (acc.revolving[a] > 0) {
                double x = Math.min(acc.revolving[a], spare);
                acc.revolving[a] -= x;
                spare -= x;
                b.savings[i] -= x;
                repaid[acc.lender[a]] += x;
            }
        }
        // Cheap tests first: the draw (a hash of borrower and month) only for a borrower who could prepay something.
        double surplus = b.savings[i] - b.savingsTarget[i];
        if (prepaymentMonthly <= 0 || surplus <= 0 || !prepayable(acc, a0, open, surplus)
                || prepaymentDraws.uniform(i, market.month(), 0) >= prepaymentMonthly) {
            return 0.0;
        }
        double prepaid = 0;
        for (int m = open; m != 0; m &= m - 1) {
            int a = a0 + Integer.numberOfTrailingZeros(m);
            double x = acc.pool[a];
            if (x > 0 && x <= surplus && prepayableAccount(acc, a)) {
                acc.pool[a] = 0.0;
                acc.clearSchedule(a);
                surplus -= x;
                b.savings[i] -= x;
                repaid[acc.lender[a]] += x;
                prepaid += x;
            }
        }
        return prepaid;
    }

    /**
     * Honest borrowers pay what they can. A fraudster never pays. A strategic defaulter weighs its
     * debt {@code D} against what defaulting would cost it: at each account, the chance of being
     * sued {@code q} (1 once sued; else, if the lender litigates and the balance reaches its
     * {@code min_balance}, the share of waiting cases the courts took last month) times what
     * enforcement takes, {@code (1 - nothing_probability) recovery_share_mean} of the balance; and
     * the score damage, {@code strategic_score_cost_months} of permanent income {@code P}. It stops
     * paying when {@code D - sum q e D_l - score cost > strategic_default_debt_months P}: when the
     * lenders never sue or the courts are full it walks away sooner, and a lawsuit can bring it back.
     */
    private boolean willingToPay(BorrowerTable b, AccountTable acc, int i, int a0, int a1) {
        if (b.fraud(i)) {
            return false;
        }
        if (b.strategic(i)) {
            double debt = 0;
            double expectedLoss = 0;
            for (int a = a0; a < a1; a++) {
                if (acc.status[a] == AccountTable.OPEN) {
                    double d = acc.balance(a);
                    int l = acc.lender[a];
                    double sued = acc.has(a, AccountTable.SUED) ? 1.0
                            : litigates[l] && d >= litigationMinBalance[l] ? market.courtAdmission : 0.0;
                    debt += d;
                    expectedLoss += sued * enforcedShare * d;
                }
            }
            double p = b.permanentIncome[i];
            return debt - expectedLoss - scoreCostMonths * p <= strategicDebtMonths * p;
        }
        return true;
    }

    /**
     * Bills account {@code a}: charges penalty, fees and interest, and moves this month's regular
     * bill into arrears (so that arrears hold everything due now). Returns the regular bill.
     * {@code thinFile}: whether the account's borrower has a thin file (its loan rate).
     */
    private double bill(AccountTable acc, int a, boolean thinFile, double[][] charges) {
        int p = acc.product[a];
        int l = acc.lender[a];
        double penalty = acc.arrears[a] * penaltyNow[p];
        double regular;
        double charged = penalty;
        // Most accounts owe no arrears, hence no penalty: its three sums are left alone (adding 0 changes none).
        if (penalty != 0) {
            charges[PENALTY][l] += penalty;
            boolean suspended = acc.monthsPastDue[a] >= SUSPEND_PENALTY_FROM;
            if (suspended) {
                charges[SUSPENDED][l] += penalty;
            } else if (acc.cashLoan[a]) {
                charges[CASH_LOAN][l] += penalty;
            }
        }
        if (acc.graceLeft[a] > 0) {
            double accrued;
            if (acc.cashLoan[a]) {
                accrued = acc.pool[a] * loanRateNow[pricing.priceIndex(p, l, thinFile)];
                acc.pool[a] += accrued;
                charges[INTEREST][l] += accrued;
                charges[CASH_LOAN][l] += accrued;
            } else {
                double fee = Math.max(0.0, Math.min(acc.planFee[a], capNow * acc.pool[a]));
                double interest = acc.revolving[a] * revolvingNow[p];
                acc.pool[a] += fee;
                acc.revolving[a] += interest;
                charges[FEES][l] += fee;
                charges[INTEREST][l] += interest;
                accrued = fee + interest;
            }
            acc.graceLeft[a]--;
            acc.arrears[a] += penalty;
            charges[ALL][l] += penalty + accrued;
            return 0.0;
        }
        boolean last = acc.termLeft[a] <= 1;
        if (acc.cashLoan[a]) {
            double interest = acc.pool[a] * loanRateNow[pricing.priceIndex(p, l, thinFile)];
            double principal = last ? acc.pool[a] : Math.max(0.0, Math.min(acc.pool[a], acc.schedule[a] - interest));
            acc.pool[a] -= principal;
            regular = interest + principal;
            charges[INTEREST][l] += interest;
            charges[CASH_LOAN][l] += interest;
            charged += interest;
        } else {
            // Clamped at 0: float ring entries may leave a schedule a hair below zero when the last plan ends.
            double principal = last ? acc.pool[a] : Math.max(0.0, Math.min(acc.pool[a], acc.schedule[a]));
            double fee = Math.max(0.0, Math.min(acc.planFee[a], capNow * acc.pool[a]));
            acc.pool[a] -= principal;
            regular = principal + fee;
            charges[FEES][l] += fee;
            charged += fee;
            if (minShare[p] > 0) {
                double interest = acc.revolving[a] * revolvingNow[p];
                double owed = acc.statement[a] + acc.revolving[a] + interest;
                double minimum = minimumPayment(owed, minFloor[p], minShare[p]);
                acc.revolving[a] = owed - minimum;
                regular += minimum;
                charges[INTEREST][l] += interest;
                charged += interest;
            } else {
                regular += acc.statement[a];
            }
            acc.statement[a] = 0;
        }
        acc.advance(a, market.month());
        if (acc.pool[a] < CENT * 0.01) {
            regular += acc.pool[a];
            acc.pool[a] = 0;
        }
        acc.arrears[a] += penalty + regular;
        charges[ALL][l] += charged;
        return regular;
    }

    /**
     * The minimum payment on {@code owed} (statement plus revolving balance with its interest):
     * {@code min(owed, max(floor, share x owed))}, {@code floor} and {@code share} the product's
     * {@code min_payment_floor} and {@code min_payment_share}. The one place of the rule: the
     * liquidity ladder ({@code PortfolioScan}) projects the same payment.
     */
    public static double minimumPayment(double owed, double floor, double share) {
        return Math.min(owed, Math.max(floor, share * owed));
    }

    /**
     * Cycle close of the slots in use ({@code used}: the borrower's mask): a line's purchases
     * become its statement; a loan drawn this cycle joins the principal. In the same pass, the
     * open slots ({@code open}) that are past due join chunk {@code c}'s past-due list
     * ({@link PastDueAccounts}), in slot order: one loop over the borrower's slots, not two.
     */
    private void closeCycle(AccountTable acc, int a0, int used, int open, int c) {
        PastDueAccounts pastDue = market.pastDue;
        for (int m = used; m != 0; m &= m - 1) {
            int j = Integer.numberOfTrailingZeros(m);
            int a = a0 + j;
            if (acc.pending[a] != 0) {
                if (acc.cashLoan[a]) {
                    acc.pool[a] += acc.pending[a];
                } else {
                    acc.statement[a] += acc.pending[a];
                }
                acc.pending[a] = 0;
            }
            if ((open >>> j & 1) != 0) {
                pastDue.addIfPastDue(c, a);
            }
        }
    }
}
