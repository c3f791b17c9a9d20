package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The phases visit a borrower's slots through its masks of slots in use and open slots
 * ({@link AccountTable#usedSlots}, {@link AccountTable#openSlots}): they must say exactly what the
 * statuses say, after every kind of change a run makes (applications, approvals, closures,
 * write-offs, borrowers leaving and arriving, a book loaded from a tape).
 */
class SlotMasksTest {

    @Test
    void setStatusKeepsTheMasks() {
        AccountTable acc = new AccountTable(8, 25, 8, 4);
        acc.setStatus(5, AccountTable.NOT_OPEN);
        acc.setStatus(6, AccountTable.OPEN);
        assertEquals(0, acc.usedSlots(0));
        assertEquals(0b0110, acc.usedSlots(1));
        assertEquals(0b0100, acc.openSlots(1));
        acc.setStatus(5, AccountTable.OPEN);
        acc.setStatus(6, AccountTable.WRITTEN_OFF);
        assertEquals(0b0110, acc.usedSlots(1));
        assertEquals(0b0010, acc.openSlots(1));
        acc.clear(6);
        assertEquals(0b0010, acc.usedSlots(1));
        assertEquals(0b0010, acc.openSlots(1));
        assertTrue(acc.hasEmptySlot(1));
        for (int a = 4; a < 8; a++) {
            acc.setStatus(a, AccountTable.NOT_OPEN);
        }
        assertFalse(acc.hasEmptySlot(1), "every slot of borrower 1 in use");
        assertTrue(acc.hasEmptySlot(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "scenarios/severe-downturn.yaml | population.size=4000;horizon.burn_in_months=12;population.turnover_monthly=0.02",
            "scenarios/us-card/downturn.yaml | population.size=4000;horizon.burn_in_months=12;population.turnover_monthly=0.02",
            "scenarios/books/from-tape.yaml | population.turnover_monthly=0.02",
    })
    void theMasksAgreeWithTheStatusesAfterARun(String file, String overrides) {
        Market m = CreditMarkets.runMonths(file, 30, overrides.split(";"));
        AccountTable acc = m.accounts;
        BorrowerTable b = m.borrowers;
        int open = 0;
        int declinedOrWrittenOff = 0;
        for (int i = 0; i < b.size; i++) {
            int used = 0;
            int opened = 0;
            for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
                int bit = 1 << (a - b.firstAccount[i]);
                used |= acc.status[a] != AccountTable.EMPTY ? bit : 0;
                opened |= acc.status[a] == AccountTable.OPEN ? bit : 0;
                open += acc.status[a] == AccountTable.OPEN ? 1 : 0;
                declinedOrWrittenOff += acc.status[a] == AccountTable.NOT_OPEN || acc.status[a] == AccountTable.WRITTEN_OFF ? 1 : 0;
            }
            assertEquals(used, acc.usedSlots(i), "borrower " + i + ": slots in use");
            assertEquals(opened, acc.openSlots(i), "borrower " + i + ": open slots");
            assertEquals(Integer.bitCount(used) < b.accountCount[i], acc.hasEmptySlot(i), "borrower " + i + ": an empty slot");
        }
        assertTrue(open > b.size / 5 && declinedOrWrittenOff > b.size / 100, "the run exercises every status: " + open + " open, " + declinedOrWrittenOff + " other");
    }
}
