package org.creditstress.model.lender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.model.borrower.AccountTable;
import org.junit.jupiter.api.Test;

/** Closed forms of the liquidity ladder's measures and of the schedules it reads. */
class LiquidityLadderTest {

    @Test
    void lcrCountsInflowsForAtMostThreeQuartersOfOutflows() {
        assertEquals(100.0 / (400 - 300), LiquidityLadder.lcr(100, 1000, 400), 1e-12, "inflows above the cap");
        assertEquals(100.0 / (400 - 200), LiquidityLadder.lcr(100, 200, 400), 1e-12, "inflows below the cap count whole");
        assertEquals(1200.0 / 300.0, LiquidityLadder.lcr(1200, 0, 300), 1e-12, "no inflows: cash over outflows");
        assertTrue(Double.isNaN(LiquidityLadder.lcr(100, 0, 0)), "no outflows: no ratio");
    }

    @Test
    void goingConcernSurvivalIsCashOverTheStressedNetOutflow() {
        double[] none = {0, 0, 0};
        double[] out = {300, 300, 300};
        assertEquals(4.0, LiquidityLadder.survival(1200, 1.0, none, out), 1e-12);
        // Repayments of 500 a month cut by a tenth against 600 out: 150 a month net.
        double[] in = {500, 500, 500};
        double[] out2 = {600, 600, 600};
        assertEquals(1000.0 / 150.0, LiquidityLadder.survival(1000, 0.9, in, out2), 1e-12);
        assertEquals(LiquidityLadder.SURVIVAL_CAP, LiquidityLadder.survival(1000, 1.0, in, in), 0.0, "cash never runs down");
        // A cut falling due in the second month: 100 + 0 - 50 left after month 1, then 400 due against 50.
        assertEquals(1.0 + 50.0 / 400.0, LiquidityLadder.survival(100, 1.0, new double[] {0, 0, 0}, new double[] {50, 400, 0}), 1e-12);
    }

    @Test
    void runOffRepaysMaturingFundingOnlyWhileAnyIsLeftAndTheBookDecays() {
        // No decay after the ladder: 100 in less 10 of costs in the first month, then 10 a month eats the 90 left: ten months.
        assertEquals(10.0, LiquidityLadder.runoff(0, 1.0, new double[] {100, 0, 0}, new double[] {10, 10, 10}, 0.0, 0, 0), 1e-12);
        // Outflows of 10 costs + 10 maturing a month; 30 of funding is repaid after three months, then only costs:
        // 80, 60, 40 after the ladder, then 30, 20, 10, 0 and short in the eighth month.
        assertEquals(7.0, LiquidityLadder.runoff(0, 1.0, new double[] {100, 0, 0}, new double[] {20, 20, 20}, 0.0, 10, 30), 1e-12);
        // A book that halves every month pays 100 + 50 + 25 + 12.5 + ... = 200 in all.
        double survival = LiquidityLadder.runoff(0, 1.0, new double[] {100, 50, 25}, new double[] {0, 0, 0}, 0.5, 0, 0);
        assertEquals(LiquidityLadder.SURVIVAL_CAP, survival, 0.0);
    }

    @Test
    void fundingNeedIsTheDeepestShortfallOverTheTarget() {
        assertEquals(80.0, LiquidityLadder.need(100, 1.0, new double[] {0, 0, 0}, new double[] {60, 60, 60}, 3), 1e-12);
        assertEquals(0.0, LiquidityLadder.need(100, 1.0, new double[] {0, 0, 0}, new double[] {30, 30, 30}, 3), 1e-12);
        // The deepest point, not the last: 100 - 150 = -50, then +100 back to 50.
        assertEquals(50.0, LiquidityLadder.need(100, 1.0, new double[] {0, 100, 100}, new double[] {150, 0, 0}, 3), 1e-12);
        // Month-3 flows repeat beyond the ladder: 6 months of 20 net out from 100.
        assertEquals(20.0, LiquidityLadder.need(100, 1.0, new double[] {0, 0, 0}, new double[] {20, 20, 20}, 6), 1e-12);
    }

    @Test
    void theBillsAheadDropEachPlanAfterItsLastBill() {
        AccountTable acc = new AccountTable(2, 25);
        int a = 1;
        acc.setStatus(a, AccountTable.OPEN);
        // 600 over six bills with a fee of 6 a bill, and 100 over two bills with a fee of 1.
        acc.addPlan(a, 100, 6, 6, 0, 0);
        acc.addPlan(a, 50, 1, 2, 0, 0);
        acc.pool[a] = 700;
        // The plans join after this cycle's bill: move the clock past it as billing does.
        acc.advance(a, 0);
        double[] schedule = new double[8];
        double[] fee = new double[8];
        acc.aheadInto(a, schedule, fee);
        assertEquals(150.0, schedule[0], 1e-6);
        assertEquals(150.0, schedule[1], 1e-6);
        assertEquals(100.0, schedule[2], 1e-6, "the two-bill plan has ended");
        assertEquals(7.0, fee[0], 1e-6);
        assertEquals(6.0, fee[2], 1e-6);
        assertEquals(100.0, schedule[5], 1e-6, "the sixth bill is the long plan's last");
        assertEquals(0.0, schedule[6], 0.0, "every plan has ended");
        assertEquals(0.0, fee[7], 0.0);
        // What the billing itself charges matches: bill, advance, and read the schedule again.
        acc.advance(a, 1);
        acc.advance(a, 2);
        assertEquals(100.0, acc.schedule[a], 1e-6);
        assertEquals(6.0, acc.planFee[a], 1e-6);
    }
}
