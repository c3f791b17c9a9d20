package org.creditstress.model.borrower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * An account holds a plan ring only while it has a plan open ({@link AccountTable}): none before
 * the first plan, one from it until the last plan's last bill, none after, and a new plan then
 * starts from a clean ring. Removing or rescheduling the plans drops the ring too.
 */
class PlanRingTest {

    @Test
    void aRingIsHeldFromTheFirstPlanToTheLastBillAndANewPlanStartsClean() {
        AccountTable acc = new AccountTable(3, 6);
        assertEquals(0, acc.ringsHeld(), "no plan, no ring");
        acc.addPlan(1, 10.3, 0.2, 3, 0);
        acc.addPlan(1, 7.1, 0.0, 2, 1);
        assertEquals(1, acc.ringsHeld());
        double[] schedule = new double[5];
        double[] fee = new double[5];
        acc.advance(1);
        acc.aheadInto(1, schedule, fee);
        // the next bill: the first plan; then both (the second joins after the next bill); both end with the third
        double both = (double) 10.3f + (double) 7.1f;
        assertArrayEquals(new double[] {(double) 10.3f, both, both, 0, 0}, schedule, 1e-12);
        assertArrayEquals(new double[] {(double) 0.2f, (double) 0.2f, (double) 0.2f, 0, 0}, fee, 1e-12);
        boolean last = false;
        int bills = 1;
        while (!last) {
            assertEquals(1, acc.ringsHeld(), "the ring stays while a plan is open, bill " + bills);
            last = acc.advance(1);
            bills++;
        }
        assertEquals(4, bills, "the later plan's last bill is the fourth");
        assertEquals(0, acc.ringsHeld(), "the last bill drops the ring");
        assertEquals(0.0, acc.schedule[1]);
        assertEquals(0.0, acc.planFee[1]);
        acc.addPlan(1, 5.0, 0.0, 2, 0);
        acc.advance(1);
        assertEquals(5.0, acc.schedule[1], "a new plan starts from a clean ring: no residue of the old ones");
        assertEquals(0.0, acc.planFee[1]);
    }

    @Test
    void clearingOrReschedulingThePlansDropsTheRing() {
        AccountTable acc = new AccountTable(2, 6);
        acc.addPlan(0, 10, 1, 4, 0);
        acc.addPlan(1, 10, 1, 4, 0);
        assertEquals(2, acc.ringsHeld());
        acc.clearSchedule(0);
        acc.reschedule(1, 3, 0.5, 40);
        assertEquals(0, acc.ringsHeld());
        double[] schedule = new double[3];
        double[] fee = new double[3];
        acc.aheadInto(1, schedule, fee);
        assertArrayEquals(new double[] {3, 3, 3}, schedule, "a rescheduled account pays its one plan every bill");
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, fee);
        assertFalse(acc.advance(1));
        assertEquals(3.0, acc.schedule[1]);
        assertEquals(39, acc.termLeft[1]);
    }
}
