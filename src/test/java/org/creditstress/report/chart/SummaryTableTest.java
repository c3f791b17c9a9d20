package org.creditstress.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creditstress.run.store.CsvFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTableTest {

    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    @Test
    void readsFixtureValuesInFileOrder() throws IOException {
        SummaryTable table = SummaryTable.read(Fixtures.resource("summary.csv"));

        assertEquals("unemployment_rate", table.metrics().get(0));
        assertEquals("m1plus_ratio", table.metrics().get(1));
        assertTrue(table.metrics().contains("lender.Consumer-Fin_2.capital_ratio"));
        assertTrue(table.metrics().contains("some_unknown_column"));

        MetricSummary m3 = table.metric("m3plus_ratio").orElseThrow();
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, m3.months());
        assertEquals(0.0106288144, m3.value(Statistic.MEAN, 1), EPS);
        assertEquals(0.0099560296, m3.value(Statistic.P5, 1), EPS);
        assertEquals(0.0107521798, m3.value(Statistic.P50, 1), EPS);
        assertEquals(0.0112152434, m3.value(Statistic.P95, 1), EPS);
        assertEquals(0.0180918893, m3.values(Statistic.MEAN)[11], EPS);
        assertTrue(Double.isNaN(m3.value(Statistic.P50, 13)), "absent month is NaN");
    }

    @Test
    void emptyCellsAreMissing() throws IOException {
        SummaryTable table = SummaryTable.read(Fixtures.resource("summary.csv"));
        MetricSummary chargeoff = table.metric("chargeoff_rate_annualised").orElseThrow();
        // Month 1 has no charge-off rate in any replication: all four statistics are empty.
        for (Statistic s : Statistic.values()) {
            assertTrue(Double.isNaN(chargeoff.value(s, 1)), s.column());
            assertTrue(Double.isFinite(chargeoff.value(s, 2)), s.column());
        }
        assertTrue(table.has("chargeoff_rate_annualised", Statistic.P50));
    }

    @Test
    void findsLendersInOrderOfAppearance() throws IOException {
        SummaryTable table = SummaryTable.read(Fixtures.resource("summary.csv"));
        assertEquals(List.of("BankA", "Consumer-Fin_2"), table.entities("lender.", ".cash"));
        assertEquals(List.of("prime", "subprime"), table.entities("segment.", ".m3plus_ratio"));
        assertEquals(List.of(), table.entities("lender.", ".no_such_field"));
    }

    @Test
    void metricWithOnlyEmptyCellsHasNoData() throws IOException {
        Path file = write("metric,month,mean,p5,p50,p95", "x,1,,,,", "x,2,,,,", "y,1,0.5,0.1,0.5,0.9");
        SummaryTable table = SummaryTable.read(file);
        assertFalse(table.has("x", Statistic.P50));
        assertTrue(table.metric("x").isPresent());
        assertTrue(table.has("y", Statistic.P50));
        assertFalse(table.has("z", Statistic.P50));
    }

    @Test
    void sortsMonthsAndToleratesBomCrlfQuotesAndBlankLines() throws IOException {
        Path file = dir.resolve("summary.csv");
        Files.writeString(file, "\uFEFFmetric,month,mean,p5,p50,p95\r\n"
                + "\"m\",2,0.2,0.1,0.2,0.3\r\n\r\n"
                + "m,1, 0.1 ,0.05,0.1,0.15\r\n", StandardCharsets.UTF_8);
        MetricSummary m = SummaryTable.read(file).metric("m").orElseThrow();
        assertArrayEquals(new int[] {1, 2}, m.months());
        assertArrayEquals(new double[] {0.1, 0.2}, m.values(Statistic.MEAN), EPS);
    }

    @Test
    void wrongHeaderNamesFileAndLine() throws IOException {
        Path file = write("metric,month,mean,p5,p50,p99", "x,1,1,1,1,1");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> SummaryTable.read(file));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("summary.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void wrongFieldCountNamesFileAndLine() throws IOException {
        Path file = write("metric,month,mean,p5,p50,p95", "x,1,1,1,1,1", "x,2,1,1,1");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> SummaryTable.read(file));
        assertEquals(3, e.line());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("summary.csv, line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 6 fields but found 5"), e.getMessage());
    }

    @Test
    void nonNumericCellNamesColumnAndLine() throws IOException {
        Path file = write("metric,month,mean,p5,p50,p95", "x,1,1,1,1,1", "x,2,1,abc,1,1");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> SummaryTable.read(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("'p5'"), e.getMessage());
        assertTrue(e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void javaOnlyNumberSyntaxIsRejected() throws IOException {
        Path file = write("metric,month,mean,p5,p50,p95", "x,1,1d,1,1,1");
        assertThrows(CsvFormatException.class, () -> SummaryTable.read(file));
    }

    @Test
    void badMonthDuplicateRowAndEmptyMetricAreErrors() throws IOException {
        Path badMonth = write("metric,month,mean,p5,p50,p95", "x,1.5,1,1,1,1");
        assertEquals(2, assertThrows(CsvFormatException.class, () -> SummaryTable.read(badMonth)).line());

        Path duplicate = write("metric,month,mean,p5,p50,p95", "x,1,1,1,1,1", "y,1,1,1,1,1", "x,1,2,2,2,2");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> SummaryTable.read(duplicate));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());

        Path noMetric = write("metric,month,mean,p5,p50,p95", ",1,1,1,1,1");
        assertEquals(2, assertThrows(CsvFormatException.class, () -> SummaryTable.read(noMetric)).line());
    }

    @Test
    void emptyFileAndUnterminatedQuoteAreErrors() throws IOException {
        Path empty = dir.resolve("summary.csv");
        Files.writeString(empty, "");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> SummaryTable.read(empty));
        assertTrue(e.getMessage().contains("summary.csv") && e.getMessage().contains("empty"), e.getMessage());

        Path quote = write("metric,month,mean,p5,p50,p95", "\"x,1,1,1,1,1");
        assertEquals(2, assertThrows(CsvFormatException.class, () -> SummaryTable.read(quote)).line());
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("summary.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
