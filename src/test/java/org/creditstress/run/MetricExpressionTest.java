package org.creditstress.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricExpressionTest {
    private static final double N = Double.NaN;
    private static final double[][] PATH = {{0.01}, {0.03}, {N}, {0.02}};

    private static double eval(String text) {
        return MetricExpression.parse(text).of(PATH, 0);
    }

    @Test
    void statisticsOfAPathSkipUndefinedMonths() {
        assertEquals(0.03, eval("peak(x)"));
        assertEquals(0.03, eval("max(x)"));
        assertEquals(0.01, eval("min(x)"));
        assertEquals(0.02, eval("final(x)"));
        assertEquals(0.02, eval("mean(x)"), 1e-15);
        assertEquals(0.03, eval("month2(x)"));
        assertTrue(Double.isNaN(eval("month3(x)")));
        assertTrue(Double.isNaN(eval("month9(x)")));
    }

    @Test
    void parsesLenderColumns() {
        MetricExpression e = MetricExpression.parse("min(lender.Platform-B_2.capital_ratio)");
        assertEquals("lender.Platform-B_2.capital_ratio", e.metric());
        assertEquals(MetricExpression.Statistic.MIN, e.statistic());
    }

    @Test
    void rejectsMalformedExpressionsWithTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricExpression.parse("highest(m3plus_ratio)"));
        assertTrue(e.getMessage().contains("peak(M)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricExpression.parse("month0(x)"));
    }
}
