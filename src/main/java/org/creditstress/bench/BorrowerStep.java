package org.creditstress.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.borrower.LoanStacking;
import org.creditstress.model.borrower.RepaymentPriority;
import org.creditstress.model.economy.LabourMarket;
import org.creditstress.model.engine.BorrowerFlow;
import org.creditstress.model.engine.Chunks;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.model.lender.LenderState;
import org.creditstress.model.lender.Pricing;
import org.creditstress.scenario.BehaviourSpec;
import org.creditstress.scenario.ProductSpec;
import org.creditstress.scenario.SegmentSpec;

/**
 * One borrower's month of work, for the naive-scheduling comparison: employment transition
 * ({@code EmploymentTransitions}), income ({@code IncomeProcess}), consumption
 * ({@code Consumption}) and repayment ({@code Repayment}, with the scenario's repayment priority), for borrower {@code i} and its
 * accounts, on the model's own arrays.
 *
 * <p>This is a copy of the per-borrower body of those four phases' chunk loops, not new
 * behaviour. Random numbers come from the chunk's streams of the borrower, so stepping the
 * borrowers in index order draws exactly what the chunked phases draw and leaves every borrower
 * and account array bit-for-bit identical (checked by {@code BenchTest}; when one of the four
 * phases changes, this copy must follow). Only the ledger totals may differ in the last bits,
 * because the chunked phases sum a chunk before adding it to the ledger.
 *
 * <p>Left out: the {@code trace} command's per-borrower records and event watch (never attached
 * in the benchmark).
 *
 * <p>Not thread-safe: the naive schedule is single-threaded (MASON steps agents one at a time).
 */
public final class BorrowerStep {
    private static final double CENT = 0.005;
    private final Market market;
    private final BorrowerTable b;
    private final AccountTable acc;
    private final Chunks chunks;
    // employment
    private final LabourMarket labour;
    private final double[] lossBySegment;
    private final long[] employed;
    private final long[] unemployed;
    private double finding;
    // income
    private final double[] permanentSd;
    private final double[] transitorySd;
    private final double[] replacement;
    private final double[] cyclicality;
    private final double baseGrowth;
    private final double[] monthlyDrift;
    // consumption
    private final BehaviourSpec behaviour;
    private final double[] emergencyProbability;
    private final double[] emergencySize;
    private final double[] instalmentMonths;
    private final byte[] termMonths;
    private final Pricing pricing;
    private final LoanStacking stacking;
    private final double[] merchantDiscount;
    private final double[] minDraw;
    // repayment
    private final RepaymentPriority priority;
    private final double[] penaltyMonthly;
    private final double[] feeMonthly;
    private final double strategicDebtMonths;
    private final double[] extension;
    private final double[] due;
    private final double[] regular;
    private final double[] paid;
    private final double[] charges;
    private final double[] repaid;

    public BorrowerStep(Market market) {
        this.market = market;
        this.b = market.borrowers;
        this.acc = market.accounts;
        this.chunks = market.chunks;
        List<SegmentSpec> segs = market.scenario.population().segments();
        this.labour = new LabourMarket(segs, market.scenario.economy());
        int n = segs.size();
        lossBySegment = new double[n];
        employed = new long[n];
        unemployed = new long[n];
        permanentSd = new double[n];
        transitorySd = new double[n];
        replacement = new double[n];
        cyclicality = new double[n];
        monthlyDrift = new double[n];
        for (int k = 0; k < n; k++) {
            permanentSd[k] = segs.get(k).permanentIncomeVolatility();
            transitorySd[k] = segs.get(k).incomeVolatility();
            replacement[k] = segs.get(k).unemploymentReplacement();
            cyclicality[k] = segs.get(k).incomeCyclicality();
        }
        baseGrowth = market.scenario.economy().incomeGrowth().at(1);

        behaviour = market.scenario.population().behaviour();
        pricing = new Pricing(market);
        stacking = new LoanStacking(behaviour.borrowToPay(), behaviour.loanStacking());
        emergencyProbability = segs.stream().mapToDouble(SegmentSpec::emergencyProbability).toArray();
        emergencySize = segs.stream().mapToDouble(SegmentSpec::emergencySizeMonths).toArray();
        List<ProductSpec> products = market.scenario.products();
        instalmentMonths = products.stream().mapToDouble(ProductSpec::instalmentMonths).toArray();
        merchantDiscount = products.stream().mapToDouble(ProductSpec::merchantDiscount).toArray();
        minDraw = products.stream().mapToDouble(ProductSpec::minLimit).toArray();
        termMonths = new byte[products.size()];
        for (int p = 0; p < products.size(); p++) {
            termMonths[p] = (byte) products.get(p).termMonths();
        }

        priority = RepaymentPriority.of(behaviour.repaymentPriority(), products, market.lenders);
        penaltyMonthly = products.stream().mapToDouble(ProductSpec::penaltyMonthlyRate).toArray();
        feeMonthly = products.stream().mapToDouble(ProductSpec::instalmentMonthlyFee).toArray();
        strategicDebtMonths = behaviour.strategicDefaultDebtMonths();
        extension = market.lenders.stream().mapToDouble(l -> l.spec.restructuring().termExtension()).toArray();
        int maxAccounts = 2 * products.size() * Math.max(1, market.lenders.size());
        due = new double[maxAccounts];
        regular = new double[maxAccounts];
        paid = new double[maxAccounts];
        charges = new double[market.lenders.size()];
        repaid = new double[market.lenders.size()];
    }

    /** Before any borrower's month: this month's hazards and income drift (after the economy phase). */
    public void beginMonth() {
        finding = labour.hazards(market.macro, lossBySegment);
        java.util.Arrays.fill(employed, 0);
        java.util.Arrays.fill(unemployed, 0);
        double g = market.macro.incomeGrowthAnnual();
        for (int k = 0; k < monthlyDrift.length; k++) {
            double annual = Math.max(-0.99, baseGrowth + cyclicality[k] * (g - baseGrowth));
            monthlyDrift[k] = Math.log1p(annual) / 12.0;
        }
    }

    /** After every borrower's month: the employment counts the next month's hazards use. */
    public void endMonth() {
        market.macro.setEmployment(employed, unemployed);
    }

    /** Borrower {@code i}'s month: employment, income, consumption, repayment. */
    public void step(int i) {
        int c = i / Chunks.CHUNK_SIZE;
        employment(i, chunks.rng(c, RandomStream.EMPLOYMENT));
        income(c, i, chunks.rng(c, RandomStream.INCOME));
        consumption(c, i, chunks.rng(c, RandomStream.CONSUMPTION));
        repayment(c, i);
    }

    private void employment(int i, SplittableRandom rng) {
        int k = b.segment[i];
        boolean wasEmployed = b.employed(i);
        boolean nowEmployed = wasEmployed
                ? rng.nextDouble() >= lossBySegment[k]
                : rng.nextDouble() < finding;
        if (nowEmployed != wasEmployed) {
            b.setEmployed(i, nowEmployed);
            b.monthsInState[i] = 0;
        } else if (b.monthsInState[i] < Short.MAX_VALUE) {
            b.monthsInState[i]++;
        }
        if (nowEmployed) {
            employed[k]++;
        } else {
            unemployed[k]++;
        }
    }

    private void income(int c, int i, SplittableRandom rng) {
        int k = b.segment[i];
        double sp = permanentSd[k];
        double permanent = b.permanentIncome[i];
        double shock = rng.nextGaussian();
        permanent *= Math.exp(monthlyDrift[k] + sp * shock - 0.5 * sp * sp);
        b.permanentIncome[i] = (float) permanent;
        double income;
        double transitory = rng.nextGaussian();
        if (b.employed(i)) {
            double st = transitorySd[k];
            income = st > 0 ? permanent * Math.exp(st * transitory - 0.5 * st * st) : permanent;
        } else {
            income = (replacement[k] + market.policy.incomeSupportShare()) * permanent;
        }
        float stored = (float) income;
        b.income[i] = stored;
        b.savings[i] += stored;
        market.ledger.add(c, BorrowerFlow.INCOME, stored);
    }

    // ---- consumption (Consumption.chunk, one borrower) ----

    private double expectedBill(int a) {
        if (acc.status[a] != AccountTable.OPEN) {
            return 0.0;
        }
        double regularBill = acc.cashLoan[a]
                ? (acc.termLeft[a] > 0 ? acc.payment[a] : acc.pool[a])
                : acc.statement[a] + acc.pool[a] / instalmentMonths[acc.product[a]];
        return regularBill + acc.arrears[a];
    }

    private boolean canLend(int a) {
        return acc.usable(a) && market.lenders.get(acc.lender[a]).lending();
    }

    private void consumption(int c, int i, SplittableRandom rng) {
        int a0 = b.firstAccount[i];
        int a1 = a0 + b.accountCount[i];
        double permanent = b.permanentIncome[i];
        double y = b.income[i];
        double s = b.savings[i];
        double pb = b.presentBias[i];
        double lit = b.literacy[i];
        int k = b.segment[i];

        if (b.fraud(i)) {
            s += drawEverything(c, a0, a1);
        }
        double bill = 0;
        double available = 0;
        long lendable = 0;
        long owed = 0;
        for (int a = a0; a < a1; a++) {
            double accountBill = expectedBill(a);
            if (accountBill > 0) {
                bill += accountBill;
                owed |= 1L << acc.lender[a];
            }
            if (canLend(a)) {
                if (acc.cashLoan[a]) {
                    if (acc.pool[a] == 0.0) {
                        lendable |= 1L << (a - a0);
                    }
                } else {
                    available += acc.available(a);
                }
            }
        }

        double essentials = b.essentialShare[i] * permanent;
        double emergencyDraw = rng.nextDouble();
        double plannedLoanDraw = rng.nextDouble();
        if (emergencyDraw < emergencyProbability[k]) {
            double emergency = emergencySize[k] * permanent;
            essentials += emergency;
            market.ledger.add(c, BorrowerFlow.EMERGENCY_SPENDING, emergency);
        }
        if (lendable != 0 && essentials + bill > s) {
            int loan = stacking.choose(acc, a0, a1, lendable, owed);
            if (loan >= 0) {
                s += disburse(c, loan, Math.min(acc.limit[loan], Math.max(minDraw[acc.product[loan]], essentials + bill - s)));
                lendable &= ~(1L << (loan - a0));
                if (LoanStacking.stacked(acc, loan, owed)) {
                    market.ledger.count(c, Counter.LOANS_STACKED, acc.lender[loan]);
                }
            }
        }
        int loanAccount = lendable == 0 ? -1 : a0 + Long.numberOfTrailingZeros(lendable);

        double cashSpending = 0;
        double creditSpending = 0;
        double essentialCash = Math.min(s, essentials);
        s -= essentialCash;
        cashSpending += essentialCash;
        double shortfall = essentials - essentialCash;
        if (shortfall > 0 && available > 0) {
            double onCredit = Math.min(shortfall, available);
            purchase(c, a0, a1, onCredit, 0.0);
            available -= onCredit;
            creditSpending += onCredit;
            shortfall -= onCredit;
        }
        market.ledger.add(c, BorrowerFlow.UNMET_ESSENTIALS, shortfall);

        double drawn = 0;
        if (loanAccount >= 0 && plannedLoanDraw < behaviour.cashLoanDrawProbability() * (1.0 + pb)) {
            drawn = disburse(c, loanAccount, behaviour.cashLoanDrawShare() * acc.limit[loanAccount]);
            s += drawn;
        }
        double planned = b.discretionary[i] * Math.max(0.0, y - essentials)
                + behaviour.savingsDrawdown() * Math.max(0.0, s - drawn - b.savingsTarget[i])
                + drawn;
        double impulse = behaviour.impulseCreditShare() * pb * (1.0 - lit) * available;
        double creditUse = Math.min(behaviour.convenienceShare() * planned + impulse, available);
        double spendableCash = Math.max(0.0, s - lit * bill);
        double cashUse = Math.min(planned + impulse - creditUse, spendableCash);
        double unfunded = planned + impulse - creditUse - cashUse;
        creditUse += Math.min((1.0 - lit) * unfunded, available - creditUse);
        if (creditUse > 0) {
            purchase(c, a0, a1, creditUse, Math.min(1.0, behaviour.instalmentUptake() * (1.0 + pb)));
            creditSpending += creditUse;
        }
        s -= cashUse;
        cashSpending += cashUse;
        b.savings[i] = s;
        market.ledger.add(c, BorrowerFlow.CASH_SPENDING, cashSpending);
        market.ledger.add(c, BorrowerFlow.CREDIT_SPENDING, creditSpending);
    }

    private double drawEverything(int c, int a0, int a1) {
        double cash = 0;
        for (int a = a0; a < a1; a++) {
            if (!canLend(a)) {
                continue;
            }
            if (acc.cashLoan[a]) {
                if (acc.pool[a] == 0.0) {
                    cash += disburse(c, a, acc.limit[a]);
                }
            } else {
                double x = acc.available(a);
                if (x > 0) {
                    purchase(c, a, a + 1, x, 0.0);
                }
            }
        }
        return cash;
    }

    private double disburse(int c, int a, double amount) {
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

    private void purchase(int c, int a0, int a1, double amount, double instalmentShare) {
        double left = amount;
        for (int a = a0; a < a1 && left > 0; a++) {
            if (acc.cashLoan[a] || !canLend(a)) {
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

    // ---- repayment (Repayment.chunk, one borrower) ----

    private void repayment(int c, int i) {
        int a0 = b.firstAccount[i];
        int a1 = a0 + b.accountCount[i];
        java.util.Arrays.fill(charges, 0.0);
        java.util.Arrays.fill(repaid, 0.0);
        double totalDue = 0;
        for (int a = a0; a < a1; a++) {
            int j = a - a0;
            if (acc.status[a] != AccountTable.OPEN) {
                due[j] = 0;
                regular[j] = 0;
                continue;
            }
            boolean grace = acc.graceLeft[a] > 0;
            regular[j] = bill(a);
            due[j] = grace ? 0.0 : acc.arrears[a];
            totalDue += due[j];
        }
        if (totalDue > 0) {
            double cash = willingToPay(i, a0, a1) ? b.savings[i] : 0.0;
            if (cash >= totalDue) {
                System.arraycopy(due, 0, paid, 0, a1 - a0);
            } else {
                priority.allocate(acc, a0, a1, due, cash, paid);
            }
            double spent = 0;
            for (int a = a0; a < a1; a++) {
                int j = a - a0;
                if (due[j] <= 0) {
                    continue;
                }
                double p = Math.min(paid[j], acc.arrears[a]);
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
        }
        for (int a = a0; a < a1; a++) {
            if (!acc.cashLoan[a] && acc.pending[a] != 0) {
                acc.statement[a] += acc.pending[a];
                acc.pending[a] = 0;
            }
        }
        for (int l = 0; l < charges.length; l++) {
            if (charges[l] != 0) {
                market.ledger.add(c, Flow.CHARGES, l, charges[l]);
            }
            if (repaid[l] != 0) {
                market.ledger.add(c, Flow.REPAYMENTS, l, repaid[l]);
            }
        }
    }

    private boolean willingToPay(int i, int a0, int a1) {
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

    private double bill(int a) {
        int p = acc.product[a];
        int l = acc.lender[a];
        double penalty = acc.arrears[a] * market.policy.capMonthly(penaltyMonthly[p]);
        double regularBill;
        double charged = penalty;
        if (acc.graceLeft[a] > 0) {
            double accrued = acc.pool[a] * (acc.cashLoan[a] ? pricing.monthlyRate(a) : market.policy.capMonthly(feeMonthly[p]));
            acc.pool[a] += accrued;
            acc.graceLeft[a]--;
            acc.arrears[a] += penalty;
            charges[l] += penalty + accrued;
            return 0.0;
        }
        if (acc.cashLoan[a]) {
            if (acc.termLeft[a] > 0) {
                double interest = acc.pool[a] * pricing.monthlyRate(a);
                double principal = acc.termLeft[a] == 1 ? acc.pool[a] : Math.min(acc.pool[a], acc.payment[a] - interest);
                acc.pool[a] -= principal;
                acc.termLeft[a]--;
                regularBill = interest + principal;
                charged += interest;
            } else {
                regularBill = acc.pool[a];
                acc.pool[a] = 0;
            }
        } else {
            double months = acc.has(a, AccountTable.RESTRUCTURED) ? instalmentMonths[p] * extension[l] : instalmentMonths[p];
            double principal = acc.pool[a] / months;
            double fee = acc.pool[a] * market.policy.capMonthly(feeMonthly[p]);
            acc.pool[a] -= principal;
            regularBill = acc.statement[a] + principal + fee;
            acc.statement[a] = 0;
            charged += fee;
        }
        if (acc.pool[a] < CENT * 0.01) {
            regularBill += acc.pool[a];
            acc.pool[a] = 0;
        }
        acc.arrears[a] += penalty + regularBill;
        charges[l] += charged;
        return regularBill;
    }
}
