package org.creditstress.model.lender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.InvariantViolation;
import org.creditstress.model.MonthPhase;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The month's profit and loss adds up to the change in equity plus dividends; a breach stops the run. */
class ProfitAndLossTest {

    private static ProfitAndLoss month() {
        ProfitAndLoss p = new ProfitAndLoss();
        p.open(1_000);
        p.interest = 50;
        p.fees = 30;
        p.penalty = 5;
        p.suspenseReleased = 1;
        p.merchantFees = 20;
        p.recoveries = 4;
        p.fundingCost = 25;
        p.operatingCost = 15;
        p.collectionCost = 6;
        p.legalCost = 2;
        p.provisionCharge = 40;
        p.saleLosses = 3;
        p.dividends = 10;
        return p;
    }

    @Test
    void preTaxProfitIsRevenueAndRecoveriesLessCostsAndCharges() {
        ProfitAndLoss p = month();
        assertEquals(50 + 30 + 5 + 1 + 20 + 4 - 25 - 15 - 6 - 2 - 40 - 3, p.preTaxProfit(), 1e-12);
        p.check(7, "L", 1_000 + p.preTaxProfit() - p.dividends);
        InvariantViolation e = assertThrows(InvariantViolation.class, () -> p.check(7, "L", 1_000 + p.preTaxProfit()));
        assertTrue(e.getMessage().contains("month 7") && e.getMessage().contains("lender L") && e.getMessage().contains("pre-tax profit"),
                e.getMessage());
    }

    @Test
    void equityThatMovesWithoutAProfitAndLossLineStopsTheRun() {
        // Equity and cash both raised: the balance sheet still balances, the profit and loss does not.
        LoadedScenario s = ScenarioLoader.load(Path.of("scenarios", "baseline.yaml"), List.of("population.size=5000", "replications=1"));
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            CreditMarket market = new CreditMarket(s.scenario(), new SeedPlan(s.scenario().seed()).replicationSeed(0),
                    executor, Experiment.registry(s.scenario()).metrics());
            market.start();
            for (int m = 0; m < 30; m++) {
                market.schedule.step(market);
            }
            LenderState lender = market.market().lenders.get(1);
            market.schedule.scheduleOnce(market.schedule.getTime() + 1, MonthPhase.LENDER_BOOKS.ordering() + 1, state -> {
                lender.equity += 1_000;
                lender.cash += 1_000;
            });
            InvariantViolation e = assertThrows(InvariantViolation.class, () -> market.schedule.step(market));
            assertTrue(e.getMessage().contains("lender " + lender.spec.name()) && e.getMessage().contains("pre-tax profit"), e.getMessage());
        }
    }
}
