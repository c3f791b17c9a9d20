package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.court.Courts;
import org.creditstress.run.RunResult;
import org.junit.jupiter.api.Test;

/**
 * A write-off stays on the borrower's record for {@code bureau.record_months}: while it does, the
 * score does not recover and other lenders see it; afterwards the score recovers. Runs share the
 * seed (common random numbers).
 */
class BureauRecordTest {

    @Test
    void scoresRecoverOnceWriteOffsLeaveTheRecordAndNotBefore() {
        String[] common = {"horizon.months=96", "population.size=20000"};
        RunResult shortRecord = Scenarios.run(Scenarios.shipped("baseline", common[0], common[1], "bureau.record_months=12"), 2);
        RunResult longRecord = Scenarios.run(Scenarios.shipped("baseline", common[0], common[1], "bureau.record_months=120"), 2);
        double[] shortScores = Scenarios.series(shortRecord, 0, "credit_score_mean");
        double[] longScores = Scenarios.series(longRecord, 0, "credit_score_mean");
        assertTrue(shortScores[95] > longScores[95] + 1.0, "after eight years the mean score is higher when write-offs leave "
                + "the record after a year: " + shortScores[95] + " against " + longScores[95]);
    }

    /**
     * A written-off account leaves the borrower's slots once its record expires, unless its court
     * case is still running: the borrower is then free to borrow again and to leave the market.
     * Before, an account whose write-off had been sued kept the borrower in the market for good
     * (its "sued" flag never cleared), so written-off slots piled up over decades.
     */
    @Test
    void writtenOffAccountsLeaveTheSlotsWhenTheRecordExpires() {
        int recordMonths = 12;
        CreditMarket cm = CreditMarkets.runMarket("scenarios/baseline.yaml", 60 + 60, "population.size=4000", "horizon.burn_in_months=60",
                "horizon.months=60", "bureau.record_months=" + recordMonths);
        AccountTable acc = cm.market().accounts;
        int writtenOff = 0;
        int inCourt = 0;
        for (int a = 0; a < acc.size; a++) {
            if (acc.has(a, AccountTable.IN_COURT)) {
                inCourt++;
            }
            if (acc.status[a] == AccountTable.WRITTEN_OFF) {
                writtenOff++;
                // A sued account leaves the month after its case ends (underwriting runs before the courts).
                assertTrue(acc.goodMonths[a] <= recordMonths || acc.has(a, AccountTable.SUED),
                        "account " + a + " written off " + acc.goodMonths[a] + " months ago, record " + recordMonths + " months, never sued");
            }
        }
        assertTrue(writtenOff > 20, "some write-offs on record: " + writtenOff);
        Courts.MonthStats courts = cm.courts().stats();
        assertEquals(courts.waiting + courts.inCourt, inCourt, "accounts flagged in court are the courts' open cases");
        assertTrue(inCourt > 0, "cases are running at the end: " + inCourt);
    }
}
