package org.creditstress.experiment.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.run.MetricExpression;
import org.junit.jupiter.api.Test;

class ConditionTest {

    @Test
    void parsesEveryOperatorWithOrWithoutSpaces() {
        Condition c = Condition.parse("min(lender.PlatformB.capital_ratio)<0.08");
        assertEquals("lender.PlatformB.capital_ratio", c.expression().metric());
        assertEquals(MetricExpression.Statistic.MIN, c.expression().statistic());
        assertEquals(Condition.Op.LT, c.op());
        assertEquals(0.08, c.value());
        assertEquals(Condition.Op.LE, Condition.parse("peak(m3plus_ratio) <= 0.03").op());
        assertEquals(Condition.Op.GT, Condition.parse(" peak(m3plus_ratio) > 3e-2 ").op());
        assertEquals(0.03, Condition.parse("peak(m3plus_ratio) > 3e-2").value());
        assertEquals(Condition.Op.GE, Condition.parse("month12(npl_ratio)>=-1").op());
        assertEquals(-1, Condition.parse("month12(npl_ratio)>=-1").value());
    }

    @Test
    void testsTheComparisonAndNeverHoldsForUndefinedValues() {
        Condition lt = Condition.parse("min(x)<0.08");
        assertTrue(lt.test(0.079));
        assertFalse(lt.test(0.08));
        assertTrue(Condition.parse("min(x)<=0.08").test(0.08));
        assertFalse(Condition.parse("peak(x)>0.08").test(0.08));
        assertTrue(Condition.parse("peak(x)>=0.08").test(0.08));
        assertFalse(lt.test(Double.NaN));
        assertFalse(Condition.parse("peak(x)>0").test(Double.NaN));
        assertTrue(Condition.parse("peak(x)>0").op().upward());
        assertFalse(lt.op().upward());
    }

    @Test
    void rejectsMalformedConditionsSayingWhatIsExpected() {
        IllegalArgumentException noOp = assertThrows(IllegalArgumentException.class, () -> Condition.parse("peak(m3plus_ratio)"));
        assertTrue(noOp.getMessage().contains("EXPR OP VALUE"), noOp.getMessage());
        IllegalArgumentException eq = assertThrows(IllegalArgumentException.class, () -> Condition.parse("peak(m3plus_ratio)=0.1"));
        assertTrue(eq.getMessage().contains("< <= > >="), eq.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> Condition.parse("peak(m3plus_ratio)>high"));
        assertTrue(value.getMessage().contains("'high' is not a number"), value.getMessage());
        IllegalArgumentException expr = assertThrows(IllegalArgumentException.class, () -> Condition.parse("highest(m3plus_ratio)>0.1"));
        assertTrue(expr.getMessage().contains("peak(M)"), expr.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Condition.parse("<0.1"));
        assertThrows(IllegalArgumentException.class, () -> Condition.parse("peak(x)>NaN"));
    }
}
