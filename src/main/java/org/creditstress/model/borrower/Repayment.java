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
 * <p>Billing, per open account: penalty interest {@code arrears * penalty_daily_rate * 30} is added
 * to the arrears; a purchase line bills last cycle's statement, {@code 1/n} of the instalment pool
 * ({@code n = instalment_months}, times the lender's {@code term_extension} once restructured) and
 * the fee {@code instalment_monthly_fee * pool}; a cash loan bills interest {@code pool * r} with
 * {@code r = apr / 12} ({@link Pricing}) and the principal part of its fixed payment, the whole pool
 * in its last month. Monthly rates are capped by an APR cap while one is in force. A pool left
 * below 0.00005 yuan is billed in full. The amount due is the regular bill plus arrears.
 *
 * <p>Grace: an account in a grace period (restructuring, repayment holiday) owes nothing this
 * month, keeps its bucket, and has its interest or fee added to the principal.
 *
 * <p>Paying: the borrower pays all it owes if its savings allow, else all its savings, split by
 * the {@link RepaymentPriority}. Fraudsters and strategic defaulters past their threshold pay
 * nothing. An account paid in full is current again (a cure). An account
 * that got at least its regular bill stays in its bucket; otherwise it rolls one month further
 * past due. What is unpaid stays as arrears.
 *
 * <p>Cycle close: this month's interest-free purchases become next month's statement.
 *
 * <p>A {@link BorrowerPhase}: the chunk loop and the benchmark's per-borrower schedule both run
 * {@link #stepBorrowers}.
 */
public final class Repayment extends BorrowerPhase<Repayment.Chunk> {
    private static final long serialVersionUID = 1L;
    private static final double CENT = 0.005;
    private final transient RepaymentPriority priority;
    private static final int INTEREST = 0;
    private static final int FEES = 1;
    private static final int PENALTY = 2;
    private static final int SUSPENDED = 3;
    private static final int ALL = 4;
    /** Penalty interest on accounts this many months past due (over 90 DPD) is held in suspense, not income. */
    private static final int SUSPEND_PENALTY_FROM = 4;
    private final double[] penaltyMonthly;
    private final double[] feeMonthly;
    private final double[] instalmentMonths;
    private final transient Pricing pricing;
    private final double strategicDebtMonths;
    private final double[] extension;
    private final transient Chunk[] chunks;

    /**
     * One chunk's part of the phase: scratch per account of the borrower being stepped, and the
     * charges and repayments per lender so far this month.
     */
    public static final class Chunk {
        private final int index;
        private final double[] due;
        private final double[] regular;
        private final double[] paid;
        /** Charges by kind (interest, fees, penalty, penalty in suspense, all) and lender. */
        private final double[][] charges;
        private final double[] repaid;

        private Chunk(int index, int maxAccounts, int lenders) {
            this.index = index;
            this.due = new double[maxAccounts];
            this.regular = new double[maxAccounts];
            this.paid = new double[maxAccounts];
            this.charges = new double[5][lenders];
            this.repaid = new double[lenders];
        }
    }

    /**
     * @param products  the products (penalty rate, instalment fee and months)
     * @param behaviour the population's behaviour ({@code strategic_default_debt_months})
     * @param priority  how a borrower short of cash splits it across its accounts
     */
    public Repayment(Market market, List<ProductSpec> products, BehaviourSpec behaviour, RepaymentPriority priority) {
        super(market);
        this.priority = priority;
        penaltyMonthly = products.stream().mapToDouble(ProductSpec::penaltyMonthlyRate).toArray();
        feeMonthly = products.stream().mapToDouble(ProductSpec::instalmentMonthlyFee).toArray();
        instalmentMonths = products.stream().mapToDouble(ProductSpec::instalmentMonths).toArray();
        pricing = new Pricing(market, products);
        strategicDebtMonths = behaviour.strategicDefaultDebtMonths();
        extension = market.lenders.stream().mapToDouble(l -> l.spec.restructuring().termExtension()).toArray();
        feeNow = new double[products.size()];
        penaltyNow = new double[products.size()];
        int maxAccounts = 2 * products.size() * Math.max(1, market.lenders.size());
        chunks = new Chunk[market.chunks.count()];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new Chunk(c, maxAccounts, market.lenders.size());
        }
    }

    /** This month's fee and penalty rates per product, after an APR cap if one is in force. */
    private final double[] feeNow;
    private final double[] penaltyNow;

    /** This month's fee and penalty rates, after an APR cap if one is in force. */
    @Override
    public void beginMonth() {
        for (int p = 0; p < feeNow.length; p++) {
            feeNow[p] = market.policy.capMonthly(feeMonthly[p]);
            penaltyNow[p] = market.policy.capMonthly(penaltyMonthly[p]);
        }
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
            market.ledger.add(chunk.index, Flow.REPAYMENTS, l, chunk.repaid[l]);
        }
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
            double totalDue = 0;
            for (int a = a0; a < a1; a++) {
                int j = a - a0;
                if (acc.status[a] != AccountTable.OPEN) {
                    due[j] = 0;
                    regular[j] = 0;
                    continue;
                }
                boolean grace = acc.graceLeft[a] > 0;
                regular[j] = bill(acc, a, charges);
                // In a grace period (restructuring, repayment holiday) nothing is due: the account keeps its bucket.
                due[j] = grace ? 0.0 : acc.arrears[a];
                totalDue += due[j];
            }
            if (totalDue <= 0) {
                closeCycle(acc, a0, a1);
                continue;
            }
            double cash = willingToPay(b, acc, i, a0, a1) ? b.savings[i] : 0.0;
            if (cash >= totalDue) {
                System.arraycopy(due, 0, paid, 0, a1 - a0);
            } else {
                priority.allocate(acc, a0, a1, due, cash, paid);
            }
            double spent = 0;
            BorrowerTrace trace = market.trace();
            for (int a = a0; a < a1; a++) {
                int j = a - a0;
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
                        if (acc.monthsPastDue[a] >= 3) {
                            acc.set(a, AccountTable.EVER_M3);
                        }
                    }
                }
            }
            b.savings[i] -= spent;
            closeCycle(acc, a0, a1);
        }
    }

    /**
     * Honest borrowers pay what they can. A fraudster never pays; a strategic defaulter stops
     * paying once its total debt exceeds {@code strategic_default_debt_months} of its income.
     */
    private boolean willingToPay(BorrowerTable b, AccountTable acc, int i, int a0, int a1) {
        if (b.fraud(i)) {
            return false;
        }
        if (b.strategic(i)) {
            double debt = 0;
            for (int a = a0; a < a1; a++) {
                if (acc.status[a] == AccountTable.OPEN) {
                    debt += acc.balance(a);
                }
            }
            return debt <= strategicDebtMonths * b.permanentIncome[i];
        }
        return true;
    }

    /**
     * Bills account {@code a}: charges penalty, fees and interest, and moves this month's regular
     * bill into arrears (so that arrears hold everything due now). Returns the regular bill.
     */
    private double bill(AccountTable acc, int a, double[][] charges) {
        int p = acc.product[a];
        int l = acc.lender[a];
        double penalty = acc.arrears[a] * penaltyNow[p];
        double regular;
        double charged = penalty;
        charges[PENALTY][l] += penalty;
        if (acc.monthsPastDue[a] >= SUSPEND_PENALTY_FROM) {
            charges[SUSPENDED][l] += penalty;
        }
        if (acc.graceLeft[a] > 0) {
            double accrued = acc.pool[a] * (acc.cashLoan[a] ? pricing.monthlyRate(a) : feeNow[p]);
            acc.pool[a] += accrued;
            acc.graceLeft[a]--;
            acc.arrears[a] += penalty;
            charges[acc.cashLoan[a] ? INTEREST : FEES][l] += accrued;
            charges[ALL][l] += penalty + accrued;
            return 0.0;
        }
        if (acc.cashLoan[a]) {
            if (acc.termLeft[a] > 0) {
                double interest = acc.pool[a] * pricing.monthlyRate(a);
                double principal = acc.termLeft[a] == 1 ? acc.pool[a] : Math.min(acc.pool[a], acc.payment[a] - interest);
                acc.pool[a] -= principal;
                acc.termLeft[a]--;
                regular = interest + principal;
                charges[INTEREST][l] += interest;
                charged += interest;
            } else {
                regular = acc.pool[a];
                acc.pool[a] = 0;
            }
        } else {
            double months = acc.has(a, AccountTable.RESTRUCTURED) ? instalmentMonths[p] * extension[l] : instalmentMonths[p];
            double principal = acc.pool[a] / months;
            double fee = acc.pool[a] * feeNow[p];
            acc.pool[a] -= principal;
            regular = acc.statement[a] + principal + fee;
            acc.statement[a] = 0;
            charges[FEES][l] += fee;
            charged += fee;
        }
        if (acc.pool[a] < CENT * 0.01) {
            regular += acc.pool[a];
            acc.pool[a] = 0;
        }
        acc.arrears[a] += penalty + regular;
        charges[ALL][l] += charged;
        return regular;
    }

    private static void closeCycle(AccountTable acc, int a0, int a1) {
        for (int a = a0; a < a1; a++) {
            if (!acc.cashLoan[a] && acc.pending[a] != 0) {
                acc.statement[a] += acc.pending[a];
                acc.pending[a] = 0;
            }
        }
    }
}
