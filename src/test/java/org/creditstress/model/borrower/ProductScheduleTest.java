package org.creditstress.model.borrower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.creditstress.run.Experiment;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.Market;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.creditstress.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Closed forms of the products: instalment plans repaid in exactly their term with the stated
 * flat fee, several plans and loans on one account, and the revolving balance of a holder who pays
 * only the minimum. The real {@link Repayment} phase bills one borrower of a small market whose
 * account is set up by hand.
 */
class ProductScheduleTest {

    /** A small shipped market; borrower {@code i}'s line account emptied, with savings {@code savings}. */
    private static final class Fixture {
        final Market market;
        final Scenario scenario;
        final Repayment repayment;
        final int borrower;
        final int account;

        Fixture(ChunkExecutor executor, String... overrides) {
            this(executor, false, overrides);
        }

        Fixture(ChunkExecutor executor, boolean loan, String... overrides) {
            List<String> all = new ArrayList<>(List.of("population.size=200", "population.behaviour.prepayment_monthly=0",
                    "population.behaviour.literacy={median: 0.0001, spread: 0}", "population.accounts.cash_loan_share=1"));
            all.addAll(List.of(overrides));
            LoadedScenario s = ScenarioLoader.load(java.nio.file.Path.of("scenarios/baseline.yaml"), all);
            scenario = s.scenario();
            CreditMarket cm = new CreditMarket(scenario, new SeedPlan(1).replicationSeed(0), executor,
                    Experiment.registry(scenario).metrics());
            cm.start();
            market = cm.market();
            repayment = new Repayment(market, scenario.products(), scenario.population().behaviour(), scenario.courts(),
                    RepaymentPriority.PRO_RATA);
            int found = -1;
            int line = -1;
            BorrowerTable b = market.borrowers;
            AccountTable acc = market.accounts;
            for (int i = 0; i < b.size && found < 0; i++) {
                if (b.fraud(i) || b.strategic(i)) {
                    continue;
                }
                for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
                    if (acc.open(a) && acc.cashLoan[a] == loan) {
                        found = i;
                        line = a;
                        break;
                    }
                }
            }
            borrower = found;
            account = line;
            for (int a = b.firstAccount[borrower]; a < b.firstAccount[borrower + 1]; a++) {
                int lender = acc.lender[a];
                byte product = acc.product[a];
                boolean cash = acc.cashLoan[a];
                byte status = acc.status[a];
                float limit = acc.limit[a];
                acc.clear(a);
                acc.borrower[a] = borrower;
                acc.lender[a] = (byte) lender;
                acc.product[a] = product;
                acc.cashLoan[a] = cash;
                acc.setStatus(a, a == account ? AccountTable.OPEN : (status == AccountTable.OPEN ? AccountTable.NOT_OPEN : status));
                acc.limit[a] = limit;
            }
            b.savings[borrower] = 1e9;
            b.savingsTarget[borrower] = 2e9f;
        }

        /** Bills and collects one month for the borrower; returns what it paid. */
        double month() {
            BorrowerTable b = market.borrowers;
            double before = b.savings[borrower];
            repayment.beginMonth();
            Repayment.Chunk chunk = repayment.chunk(0);
            repayment.stepBorrowers(borrower, borrower + 1, chunk);
            repayment.endChunk(chunk);
            return before - b.savings[borrower];
        }
    }

    @Test
    void anInstalmentPlanOfNMonthsIsRepaidInExactlyNPaymentsWithTheStatedFlatFee() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            for (int n : new int[] {3, 6, 12, 24}) {
                Fixture f = new Fixture(executor);
                AccountTable acc = f.market.accounts;
                int a = f.account;
                double principal = 1200.0;
                double fee = 0.006;
                acc.pool[a] = principal;
                acc.addPlan(a, principal / n, principal * fee, n, 0, f.market.month());
                assertEquals(0.0, f.month(), 1e-9, "a plan taken this cycle is first billed next cycle");
                double total = 0;
                for (int k = 1; k <= n; k++) {
                    double paid = f.month();
                    assertEquals(principal / n + principal * fee, paid, 1e-4, n + "-month plan, payment " + k);
                    total += paid;
                }
                assertEquals(0.0, acc.pool[a], 1e-9, n + "-month plan: no principal left after " + n + " payments");
                assertEquals(0.0, acc.schedule[a], 1e-9);
                assertEquals(0.0, acc.planFee[a], 1e-9);
                // Plan amounts are kept as float (7 significant digits): the fee is exact to 1e-6 of the total.
                assertEquals(principal * (1 + n * fee), total, 1e-6 * total, n + "-month plan: principal plus n x the flat fee");
                assertEquals(0.0, f.month(), 1e-9, "nothing is billed after the term");
            }
        }
    }

    @Test
    void aSlotClearedWhilePlansAreOpenKeepsNoneOfThemForItsNextAccount() {
        AccountTable acc = new AccountTable(4, 25);
        int a = 2;
        acc.addPlan(a, 50, 0, 6, 0, 0);
        acc.advance(a, 0);
        acc.advance(a, 1);
        // The account closes with one of its six payments made (an account paid off early, a
        // borrower who leaves); the slot holds a new account, whose plan alone must be billed.
        acc.clear(a);
        acc.addPlan(a, 100, 0, 12, 0, 2);
        for (int bill = 0; bill < 11; bill++) {
            acc.advance(a, 2 + bill);
            assertEquals(100.0, acc.schedule[a], 1e-9, "bill " + bill + ": only the new account's plan is billed");
        }
    }

    @Test
    void plansOfDifferentTermsAndStartsOnOneAccountEachEndOnTime() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            Fixture f = new Fixture(executor);
            AccountTable acc = f.market.accounts;
            int a = f.account;
            // Month 0: 300 over 3 months at 1 %; month 2: 600 over 6 months at 0.5 %.
            acc.pool[a] += 300;
            acc.addPlan(a, 100, 3, 3, 0, f.market.month());
            double[] paid = new double[10];
            paid[0] = f.month();
            paid[1] = f.month();
            acc.pool[a] += 600;
            acc.addPlan(a, 100, 3, 6, 0, f.market.month());
            for (int m = 2; m < paid.length; m++) {
                paid[m] = f.month();
            }
            double[] expected = {0, 103, 103, 206, 103, 103, 103, 103, 103, 0};
            for (int m = 0; m < paid.length; m++) {
                assertEquals(expected[m], paid[m], 1e-4, "month " + m);
            }
            assertEquals(0.0, acc.pool[a], 1e-9);
        }
    }

    @Test
    void aCashLoanAccountHoldsSeveralLoansEachRepaidByItsFixedPayment() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            Fixture f = new Fixture(executor, true, "products[1].apr=0.18", "lenders[0].thin_file_apr_premium=0",
                    "lenders[1].thin_file_apr_premium=0");
            AccountTable acc = f.market.accounts;
            int a = f.account;
            double r = 0.18 / 12;
            double annuity = r / (1 - Math.pow(1 + r, -12));
            acc.pending[a] = 10_000;
            acc.addPlan(a, 10_000 * annuity, 0, 12, 0, f.market.month());
            double[] paid = new double[16];
            paid[0] = f.month();
            paid[1] = f.month();
            paid[2] = f.month();
            acc.pending[a] += 5_000;
            acc.addPlan(a, 5_000 * annuity, 0, 12, 0, f.market.month());
            for (int m = 3; m < paid.length; m++) {
                paid[m] = f.month();
            }
            for (int m = 0; m < paid.length; m++) {
                double expected = (m >= 1 && m <= 12 ? 10_000 * annuity : 0) + (m >= 4 && m <= 15 ? 5_000 * annuity : 0);
                assertEquals(expected, paid[m], 1e-3, "month " + m + ": each loan pays its own annuity for its own 12 months");
            }
            assertEquals(0.0, acc.pool[a], 1e-9);
            assertEquals(0.0, acc.schedule[a], 1e-9);
        }
    }

    @Test
    void payingOnlyTheMinimumFollowsTheClosedFormRevolvingPath() {
        double m = 0.05;
        double apr = 0.24;
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            Fixture f = new Fixture(executor, "products[0].min_payment_share=" + m, "products[0].revolving_apr=" + apr);
            AccountTable acc = f.market.accounts;
            int a = f.account;
            double r0 = 10_000;
            acc.revolving[a] = r0;
            double growth = (1 + apr / 12) * (1 - m);
            for (int t = 1; t <= 36; t++) {
                double paid = f.month();
                double expected = r0 * Math.pow(growth, t);
                assertEquals(expected, acc.revolving[a], 1e-6 * r0, "revolving balance after " + t + " minimum payments");
                assertEquals(m * r0 * Math.pow(growth, t - 1) * (1 + apr / 12), paid, 1e-6 * r0, "minimum payment " + t);
            }
            assertTrue(acc.revolving[a] < r0, "5 % minimum against 2 % interest a month: the balance falls");
        }
    }

    @Test
    void aLiterateHolderWithSpareSavingsRepaysTheRevolvingBalanceInFull() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            Fixture f = new Fixture(executor, "products[0].min_payment_share=0.05", "products[0].revolving_apr=0.24",
                    "population.behaviour.literacy={median: 0.9999, spread: 0}");
            AccountTable acc = f.market.accounts;
            int a = f.account;
            acc.revolving[a] = 10_000;
            double paid = f.month();
            assertEquals(0.0, acc.revolving[a], 1e-9);
            assertEquals(10_000 * 1.02, paid, 1e-6, "the balance and one month's interest");
        }
    }
}
