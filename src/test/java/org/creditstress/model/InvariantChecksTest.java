package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;

/**
 * The accounting and count identities are checked every month, and a breach stops the run with
 * a message naming the month, the agent and the identity. Each test breaks one identity on
 * purpose (money appearing without a flow, an account vanishing) and expects the check to fire.
 */
class InvariantChecksTest {

    private static CreditMarket started(LoadedScenario s, ChunkExecutor executor) {
        CreditMarket market = new CreditMarket(s.scenario(), new SeedPlan(s.scenario().seed()).replicationSeed(0),
                executor, Experiment.registry(s.scenario()).metrics());
        market.start();
        for (int m = 0; m < 8; m++) {
            market.schedule.step(market);
        }
        return market;
    }

    private static int firstAccountWithBalance(Market m) {
        for (int a = 0; a < m.accounts.size; a++) {
            if (m.accounts.open(a) && m.accounts.balance(a) > 0) {
                return a;
            }
        }
        throw new IllegalStateException("no account with a balance");
    }

    @Test
    void aFullSevereRunPassesEveryMonthlyCheck() {
        // Experiment.run would throw InvariantViolation on any breach in any month.
        var run = Scenarios.run(Scenarios.shipped("severe-downturn"), 2);
        assertTrue(run.replications().size() == 2);
    }

    @Test
    void receivablesThatAppearWithoutAFlowStopTheRun() {
        LoadedScenario s = Scenarios.shipped("baseline", "population.size=5000");
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            CreditMarket market = started(s, executor);
            Market m = market.market();
            int a = firstAccountWithBalance(m);
            m.accounts.pool[a] += 100.0;
            InvariantViolation e = assertThrows(InvariantViolation.class, () -> market.schedule.step(market));
            String lender = m.lenders.get(m.accounts.lender[a]).spec.name();
            assertTrue(e.getMessage().contains("lender " + lender) && e.getMessage().contains("receivables"), e.getMessage());
            assertTrue(e.getMessage().contains("month "), e.getMessage());
        }
    }

    @Test
    void savingsThatAppearWithoutIncomeStopTheRun() {
        LoadedScenario s = Scenarios.shipped("baseline", "population.size=5000");
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            CreditMarket market = started(s, executor);
            market.market().borrowers.savings[17] += 1000.0;
            InvariantViolation e = assertThrows(InvariantViolation.class, () -> market.schedule.step(market));
            assertTrue(e.getMessage().contains("all borrowers") && e.getMessage().contains("savings"), e.getMessage());
        }
    }

    @Test
    void anAccountClosedWithoutAWriteOffBreaksTheCountOfOpenAccounts() {
        LoadedScenario s = Scenarios.shipped("baseline", "population.size=5000");
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            CreditMarket market = started(s, executor);
            Market m = market.market();
            int a = 0;
            while (!(m.accounts.open(a) && m.accounts.balance(a) == 0)) {
                a++;
            }
            m.accounts.setStatus(a, AccountTable.NOT_OPEN);
            InvariantViolation e = assertThrows(InvariantViolation.class, () -> market.schedule.step(market));
            assertTrue(e.getMessage().contains("open accounts"), e.getMessage());
        }
    }

    @Test
    void aBalanceThatIsNotANumberNamesTheAccountAndBorrower() {
        LoadedScenario s = Scenarios.shipped("baseline", "population.size=5000");
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            CreditMarket market = started(s, executor);
            Market m = market.market();
            int a = firstAccountWithBalance(m);
            m.accounts.arrears[a] = Double.NaN;
            InvariantViolation e = assertThrows(InvariantViolation.class, () -> market.schedule.step(market));
            // The NaN reaches the borrower's savings through repayment; the scan names that borrower.
            assertTrue(e.getMessage().contains("borrower " + m.accounts.borrower[a]), e.getMessage());
            assertTrue(e.getMessage().contains("finite"), e.getMessage());
        }
    }
}
