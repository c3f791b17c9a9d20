package org.creditstress.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExposureCsvTest {

    static Path resource(String name) {
        try {
            return Path.of(ExposureCsvTest.class.getResource("/network/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String errorFor(String... lines) {
        return assertThrows(NetworkInputException.class, () -> ExposureCsv.parse("net.csv", List.of(lines))).getMessage();
    }

    @Test
    void readsNodesMatrixAndPerNodeColumnsWithRowsInAnyOrder() {
        ExposureNetwork net = ExposureCsv.read(resource("valid-exposures.csv"));

        assertEquals(List.of("A", "B", "C, Inc."), net.nodes());
        assertArrayEquals(new double[][] {{0, 5, 0}, {0, 0, 4}, {0, 0, 0}}, net.exposures());
        assertArrayEquals(new double[] {10, 8, 2}, net.column(ExposureNetwork.CAPITAL).orElseThrow());
        assertArrayEquals(new double[] {4, 3, 0}, net.column(ExposureNetwork.EXTERNAL_ASSETS).orElseThrow());
        assertArrayEquals(new double[] {1, 2, 1}, net.column(ExposureNetwork.VALUE).orElseThrow());
        assertEquals(2, net.indexOf("C, Inc."));
    }

    @Test
    void liabilitiesAreTheTransposeOfExposures() {
        ExposureNetwork net = ExposureCsv.read(resource("chain.csv"));

        // B lent 10 to A, so A owes B 10.
        assertEquals(10.0, net.exposures()[1][0]);
        assertEquals(10.0, net.liabilities()[0][1]);
        assertArrayEquals(new double[][] {{0, 10, 0}, {0, 0, 10}, {0, 0, 0}}, net.liabilities());
    }

    @Test
    void nonNumericCellIsReportedWithFileRowAndColumn() {
        Path file = resource("non-numeric.csv");
        String message = assertThrows(NetworkInputException.class, () -> ExposureCsv.read(file)).getMessage();

        assertEquals(file + ": row 'B', column 'C': 'abc' is not a number", message);
    }

    @Test
    void nonSquareMatrixIsRejected() {
        Path file = resource("non-square.csv");
        String message = assertThrows(NetworkInputException.class, () -> ExposureCsv.read(file)).getMessage();

        assertTrue(message.startsWith(file + ": matrix is not square"), message);
        assertTrue(message.contains("3 nodes") && message.contains("2 data rows"), message);
    }

    @Test
    void negativeExposureIsRejected() {
        Path file = resource("negative-exposure.csv");
        String message = assertThrows(NetworkInputException.class, () -> ExposureCsv.read(file)).getMessage();

        assertEquals(file + ": row 'A', column 'B': exposure -5 is negative", message);
    }

    @Test
    void missingRequiredColumnIsReportedWithItsPurpose() {
        ExposureNetwork net = ExposureCsv.read(resource("missing-capital.csv"));

        assertFalse(net.column(ExposureNetwork.CAPITAL).isPresent());
        String message = assertThrows(NetworkInputException.class,
                () -> net.requireColumn(ExposureNetwork.CAPITAL, "--method debtrank")).getMessage();
        assertTrue(message.endsWith("missing-capital.csv: missing required column 'capital' (needed by --method debtrank)"),
                message);
    }

    @Test
    void missingFileIsReported() {
        Path file = Path.of("does-not-exist.csv");

        assertEquals("does-not-exist.csv: file not found",
                assertThrows(NetworkInputException.class, () -> ExposureCsv.read(file)).getMessage());
    }

    @Test
    void malformedContentIsReportedOnOneLineNamingTheProblem() {
        assertEquals("net.csv: file is empty (expected a header row of node names)", errorFor("", "# nothing"));
        assertTrue(errorFor("node,capital", "A,1").contains("header names no nodes"));
        assertEquals("net.csv: header: node 'A' appears twice", errorFor("node,A,A", "A,0,0", "A,0,0"));
        assertEquals("net.csv: header: column 'capital' appears twice", errorFor("node,A,capital,Capital", "A,0,1,1"));
        assertEquals("net.csv: row 'X' (line 3) is not a node named in the header [A, B]",
                errorFor("node,A,B", "A,0,1", "X,0,0"));
        assertEquals("net.csv: row 'A' appears twice (line 3)", errorFor("node,A,B", "A,0,1", "A,0,0"));
        assertEquals("net.csv: line 2 (row 'A'): 2 cells, expected 3 as in the header", errorFor("node,A,B", "A,0", "B,0,0"));
        assertEquals("net.csv: row 'A', column 'A': a node cannot be exposed to itself (the diagonal must be 0 or empty), got 3",
                errorFor("node,A,B", "A,3,1", "B,0,0"));
        assertEquals("net.csv: row 'B', column 'A': 'NaN' is not a finite number", errorFor("node,A,B", "A,0,1", "B,NaN,0"));
        assertEquals("net.csv: row 'B', column 'capital': value is missing", errorFor("node,A,B,capital", "A,0,1,5", "B,0,0,"));
        assertEquals("net.csv: row 'A', column 'capital': -5 is negative", errorFor("node,A,B,capital", "A,0,1,-5", "B,0,0,1"));
        assertEquals("net.csv: line 2: unterminated quoted cell", errorFor("node,A", "\"A,0"));
    }

    @Test
    void quotedCellsMayContainCommasAndQuotes() {
        assertEquals(List.of("a,b", "say \"hi\"", "x"), ExposureCsv.splitLine("f", 1, "\"a,b\", \"say \"\"hi\"\"\" ,x"));
    }

    @Test
    void byteOrderMarkAndCaseOfReservedColumnsAreTolerated() {
        ExposureNetwork net = ExposureCsv.parse("net.csv", List.of("\uFEFFnode,A,B,CAPITAL", "A,0,1,5", "B,0,0,1"));

        assertArrayEquals(new double[] {5, 1}, net.requireColumn(ExposureNetwork.CAPITAL, "test"));
    }
}
