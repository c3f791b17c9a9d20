package org.creditstress.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.creditstress.network.ResultTable.Column;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private final ResultTable table = new ResultTable(List.of(Column.text("node"), new Column("h", "%.2f"),
            Column.text("rank"))).addRow("Bank, A", 0.1 + 0.2, 1).addRow("B", 1.0, 2);

    @Test
    void textIsAlignedWithFormattedNumbers() {
        String nl = System.lineSeparator();
        assertEquals("node        h  rank" + nl + "Bank, A  0.30     1" + nl + "B        1.00     2" + nl, table.toText());
    }

    @Test
    void csvQuotesCellsWithCommasAndRoundsNumbersToTwelveSignificantDigits() {
        assertEquals("node,h,rank\n\"Bank, A\",0.3,1\nB,1,2\n", table.toCsv());
    }

    @Test
    void rowWithWrongNumberOfCellsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> table.addRow("C", 1.0));
    }
}
