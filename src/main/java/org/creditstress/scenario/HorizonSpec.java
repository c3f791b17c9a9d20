package org.creditstress.scenario;

import java.time.YearMonth;

/**
 * How long to simulate, and when; see {@code horizon} in docs/scenario-reference.md.
 *
 * @param months       recorded months (month 1 .. months)
 * @param burnInMonths unrecorded months before month 1
 * @param start        the calendar month of month 1, {@code YYYY-MM} (checked by the loader)
 * @param sharedStart  every replication starts from the same book (built with replication 0's seed)
 */
public record HorizonSpec(int months, int burnInMonths, String start, boolean sharedStart) {

    /**
     * The calendar month of model month 1. Model month {@code m} (burn-in months are 0 and below)
     * is {@code firstMonth().plusMonths(m - 1)}.
     */
    public YearMonth firstMonth() {
        return YearMonth.parse(start);
    }
}
