package org.creditstress.run.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.creditstress.report.chart.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTableTest {

    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    @Test
    void readsFixtureShapeAndValues() throws IOException {
        MetricsTable table = MetricsTable.read(Fixtures.resource("metrics.csv"));
        MetricsShape shape = table.shape();

        assertEquals(Set.of(1, 2, 3), shape.replications());
        assertEquals(3, shape.replicationCount());
        assertEquals(new TreeSet<>(IntStream.rangeClosed(1, 12).boxed().toList()), shape.months());
        assertEquals(36, shape.rows());
        assertEquals("unemployment_rate", table.columns().get(0));
        assertTrue(shape.hasColumn("lender.BankA.cash"));
        assertTrue(shape.hasColumn("segment.subprime.m3plus_ratio"));
        assertTrue(shape.hasColumn("some_unknown_column"));

        assertEquals(0.0515062464, table.value(1, 1, "unemployment_rate"), EPS);
        assertEquals(0.011266695, table.value(1, 1, "m3plus_ratio"), EPS);
        assertEquals(799184075.58, table.value(1, 1, "lender.BankA.cash"), 1e-3);
        assertEquals(249340.0, table.value(1, 1, "active_accounts"), EPS);
    }

    @Test
    void bucketSharesSumToOne() throws IOException {
        MetricsTable table = MetricsTable.read(Fixtures.resource("metrics.csv"));
        for (int r : table.shape().replications()) {
            for (int m : table.shape().months()) {
                double sum = 0;
                for (String b : List.of("m0", "m1", "m2", "m3", "m4plus")) {
                    sum += table.value(r, m, "bucket_" + b + "_share");
                }
                assertEquals(1.0, sum, 1e-8, "replication " + r + " month " + m);
            }
        }
    }

    @Test
    void emptyCellsAreNaN() throws IOException {
        MetricsTable table = MetricsTable.read(Fixtures.resource("metrics.csv"));
        assertTrue(Double.isNaN(table.value(1, 1, "chargeoff_rate_annualised")));
        assertTrue(Double.isNaN(table.value(1, 1, "segment.subprime.m3plus_ratio")));
        assertTrue(Double.isFinite(table.value(2, 1, "segment.subprime.m3plus_ratio")));
        assertTrue(Double.isNaN(table.value(1, 99, "m3plus_ratio")), "no such row");
        assertThrows(IllegalArgumentException.class, () -> table.value(1, 1, "no_such_column"));
    }

    @Test
    void readShapeMatchesFullRead() throws IOException {
        Path file = Fixtures.resource("metrics.csv");
        assertEquals(MetricsTable.read(file).shape(), MetricsTable.readShape(file));
    }

    @Test
    void headerMustStartWithReplicationAndMonth() throws IOException {
        Path file = write("month,replication,x", "1,1,0.5");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> MetricsTable.readShape(file));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("metrics.csv, line 1"), e.getMessage());
    }

    @Test
    void duplicateOrEmptyColumnNamesAreErrors() throws IOException {
        Path dup = write("replication,month,x,x", "1,1,0.5,0.5");
        assertTrue(assertThrows(CsvFormatException.class, () -> MetricsTable.read(dup))
                .getMessage().contains("duplicate column 'x'"));
        Path empty = write("replication,month,x,", "1,1,0.5,0.5");
        assertEquals(1, assertThrows(CsvFormatException.class, () -> MetricsTable.read(empty)).line());
    }

    @Test
    void malformedRowsNameFileAndLine() throws IOException {
        Path fields = write("replication,month,x,y", "1,1,0.5,0.5", "1,2,0.5");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> MetricsTable.read(fields));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("metrics.csv, line 3: expected 4 fields but found 3"), e.getMessage());

        Path number = write("replication,month,x,y", "1,1,0.5,0.5", "1,2,0.5,1e");
        assertEquals(3, assertThrows(CsvFormatException.class, () -> MetricsTable.read(number)).line());

        Path text = write("replication,month,x,y", "1,1,0.5,n/a");
        CsvFormatException t = assertThrows(CsvFormatException.class, () -> MetricsTable.readShape(text));
        assertEquals(2, t.line());
        assertTrue(t.getMessage().contains("'y'") && t.getMessage().contains("n/a"), t.getMessage());

        Path replication = write("replication,month,x", "one,1,0.5");
        assertEquals(2, assertThrows(CsvFormatException.class, () -> MetricsTable.read(replication)).line());

        Path emptyMonth = write("replication,month,x", "1,,0.5");
        assertEquals(2, assertThrows(CsvFormatException.class, () -> MetricsTable.read(emptyMonth)).line());

        Path duplicate = write("replication,month,x", "1,1,0.5", "2,1,0.5", "1,1,0.7");
        CsvFormatException d = assertThrows(CsvFormatException.class, () -> MetricsTable.read(duplicate));
        assertEquals(4, d.line());
        assertTrue(d.getMessage().contains("duplicate row"), d.getMessage());
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
