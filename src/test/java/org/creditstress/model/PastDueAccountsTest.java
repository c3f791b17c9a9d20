package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.PastDueAccounts;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.LoadedScenario;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The lender phases' list of past-due accounts ({@link PastDueAccounts}) against a brute-force scan
 * of every slot, through a severe downturn with many delinquencies: right before collection the scan
 * and, right after, the list collected by collection are the same accounts in the same order; after
 * write-off every account still open and past due is on the list.
 */
class PastDueAccountsTest {

    @Test
    void theListIsEveryOpenPastDueAccountInSlotOrderAndStaysASupersetThroughTheLenderPhases() {
        LoadedScenario s = Scenarios.shipped("severe-downturn", "population.size=9000", "horizon.months=18");
        try (ChunkExecutor executor = new ChunkExecutor(2)) {
            // phase by phase, so that the checks below can run between collection and the other lender
            // phases (in a run they are steps of the borrower pass; PhaseByPhaseTest: same results)
            CreditMarket cm = new CreditMarket(s.scenario(), new SeedPlan(s.scenario().seed()).replicationSeed(0), executor,
                    Experiment.registry(s.scenario()).metrics()).phaseByPhase();
            cm.start();
            Market market = cm.market();
            int chunks = market.chunks.count();
            assertTrue(chunks >= 2, "several chunks");
            int[][] beforeCollection = new int[chunks][];
            long[] checked = new long[2];
            Steppable snapshot = (SimState state) -> {
                for (int c = 0; c < chunks; c++) {
                    beforeCollection[c] = bruteForce(market, c);
                }
            };
            Steppable afterCollection = (SimState state) -> {
                for (int c = 0; c < chunks; c++) {
                    assertArrayEquals(beforeCollection[c], listed(market, c), "chunk " + c + ", month " + market.month());
                    checked[0] += beforeCollection[c].length;
                }
            };
            Steppable afterWriteOff = (SimState state) -> {
                for (int c = 0; c < chunks; c++) {
                    List<Integer> list = Arrays.stream(listed(market, c)).boxed().toList();
                    for (int a : bruteForce(market, c)) {
                        assertTrue(list.contains(a), "account " + a + " past due after write-off is listed, month " + market.month());
                        checked[1]++;
                    }
                }
            };
            cm.schedule.scheduleRepeating(Schedule.EPOCH, MonthPhase.COLLECTION.ordering() - 1, snapshot, 1.0);
            cm.schedule.scheduleRepeating(Schedule.EPOCH, MonthPhase.COLLECTION.ordering() + 1, afterCollection, 1.0);
            cm.schedule.scheduleRepeating(Schedule.EPOCH, MonthPhase.CREDIT_SCORE.ordering() - 1, afterWriteOff, 1.0);
            int months = s.scenario().horizon().burnInMonths() + s.scenario().horizon().months();
            for (int m = 0; m < months; m++) {
                cm.stepMonth();
            }
            assertTrue(checked[0] > 1000, "many past-due accounts were checked: " + checked[0]);
            assertTrue(checked[1] > 0, "accounts stayed past due through the lender phases: " + checked[1]);
        }
    }

    /** Chunk {@code c}'s open past-due accounts by a scan of every slot. */
    private static int[] bruteForce(Market market, int c) {
        AccountTable acc = market.accounts;
        int a0 = market.borrowers.firstAccount[market.chunks.from(c)];
        int a1 = market.borrowers.firstAccount[market.chunks.to(c)];
        return IntStream.range(a0, a1).filter(a -> acc.status[a] == AccountTable.OPEN && acc.monthsPastDue[a] > 0).toArray();
    }

    private static int[] listed(Market market, int c) {
        int[] list = market.pastDue.of(c, market.chunks.from(c), market.chunks.to(c), market.month());
        return Arrays.copyOf(list, market.pastDue.count(c));
    }
}
