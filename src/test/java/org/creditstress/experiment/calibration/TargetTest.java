package org.creditstress.experiment.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetTest {
    @TempDir
    Path tmp;

    @Test
    void valueTargetsUseRelativeErrorsExceptAtZero() {
        Target t = Target.parse("peak(m3plus_ratio)=0.02");
        assertEquals("m3plus_ratio", t.expression().metric());
        assertEquals(0.02, t.value());
        assertEquals(0.5, t.error(0.03), 1e-12);
        assertEquals(-0.25, t.error(0.015), 1e-12);
        assertEquals(0.004, Target.parse("final(write_offs)=0").error(0.004));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Target.parse("peak(m3plus_ratio)"))
                .getMessage().contains("EXPR=VALUE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Target.parse("peak(m3plus_ratio)=two"))
                .getMessage().contains("'two' is not a number"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("top(m3plus_ratio)=0.1"));
    }

    @Test
    void readsASeriesFileAndSumsSquaredErrorsOverItsMonths() throws IOException {
        Path f = tmp.resolve("u.csv");
        Files.writeString(f, "# observed\nmonth,value\n3,0.2\n1,0.1\n\n");
        TargetSeries s = TargetSeries.parse("unemployment_rate=" + f);
        assertEquals("unemployment_rate", s.metric());
        assertArrayEquals(new int[] {1, 3}, s.months());
        assertArrayEquals(new double[] {0.1, 0.2}, s.values());
        assertEquals(3, s.lastMonth());
        assertEquals(0.01 + 0.0004, s.squaredError(new double[] {0.2, 99, 0.22, 99}), 1e-15);
        assertTrue(Double.isNaN(s.squaredError(new double[] {Double.NaN, 0, 0.2})));
    }

    @Test
    void malformedSeriesFilesNameTheFileAndLine() throws IOException {
        assertEquals(tmp.resolve("none.csv") + ": file not found",
                assertThrows(TargetSeries.FormatException.class, () -> TargetSeries.read("m", tmp.resolve("none.csv"))).getMessage());
        assertFormat("month,value\n1,0.1\n2,abc\n", ":3: value 'abc' is not a number");
        assertFormat("month,value\n1,0.1\n1,0.2\n", ":3: month 1 appears twice");
        assertFormat("month,value\n0,0.1\n", ":2: month 0 must be 1 or more");
        assertFormat("month,value\n1.5,0.1\n", ":2: month '1.5' is not a whole number");
        assertFormat("month,val\n1,0.1\n", ":1: expected the header 'month,value'");
        assertFormat("month,value\n1,0.1,3\n", ":2: expected 2 cells");
        assertFormat("month,value\n", ": no data lines after the header");
        assertFormat("", ": empty");
        assertThrows(IllegalArgumentException.class, () -> TargetSeries.parse("unemployment_rate"));
        assertThrows(IllegalArgumentException.class, () -> TargetSeries.parse("unemployment_rate="));
    }

    private void assertFormat(String content, String fragment) throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, content);
        String message = assertThrows(TargetSeries.FormatException.class, () -> TargetSeries.read("m", f)).getMessage();
        assertTrue(message.startsWith(f.toString()) && message.contains(fragment), message);
    }
}
