package org.creditstress.experiment.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class MonotoneBisectionTest {

    @Test
    void bracketsTheSwitchOfAMonotonePropertyWithinTheTolerance() {
        double threshold = 0.0577134;  // 1 - 0.7^(1/6)
        List<Double> asked = new ArrayList<>();
        DoublePredicate holds = x -> {
            asked.add(x);
            return 1 - Math.pow(1 - x, 6) > 0.3;
        };
        MonotoneBisection.Outcome out = MonotoneBisection.search(holds, 0, 0.2, 1e-4, false);
        assertEquals(MonotoneBisection.Status.FOUND, out.status());
        assertTrue(out.below() < threshold && threshold <= out.above(), out.toString());
        assertTrue(out.above() - out.below() <= 1e-4);
        assertEquals(asked, out.evaluated());
        // rounding midpoints to short decimals can cost one step more than exact halving
        int steps = MonotoneBisection.steps(0, 0.2, 1e-4, false);
        assertTrue(asked.size() == 2 + steps || asked.size() == 3 + steps, asked.toString());
        assertEquals(11, MonotoneBisection.steps(0, 0.2, 1e-4, false));  // 0.2 / 2^11 < 1e-4 < 0.2 / 2^10
    }

    @Test
    void evaluatedMidpointsAreShortDecimals() {
        MonotoneBisection.Outcome out = MonotoneBisection.search(x -> x >= 0.0123456, 0, 0.1, 1e-3, false);
        for (double x : out.evaluated()) {
            String s = java.math.BigDecimal.valueOf(x).toPlainString();
            assertTrue(s.length() <= 6, s);  // e.g. 0.0125, not 0.012500000000000002
        }
        assertTrue(out.below() < 0.0123456 && 0.0123456 <= out.above());
    }

    @Test
    void integerKeysEndOnNeighbours() {
        MonotoneBisection.Outcome out = MonotoneBisection.search(x -> x >= 17, 1, 60, 1, true);
        assertEquals(MonotoneBisection.Status.FOUND, out.status());
        assertEquals(16.0, out.below());
        assertEquals(17.0, out.above());
        for (double x : out.evaluated()) {
            assertEquals(Math.rint(x), x);
        }
    }

    @Test
    void reportsWhenTheRangeDoesNotBracketTheSwitch() {
        MonotoneBisection.Outcome low = MonotoneBisection.search(x -> x > 0.1, 0.2, 0.5, 1e-3, false);
        assertEquals(MonotoneBisection.Status.HOLDS_AT_LOW, low.status());
        assertEquals(0.2, low.above());
        assertEquals(List.of(0.2), low.evaluated());
        MonotoneBisection.Outcome high = MonotoneBisection.search(x -> x > 0.9, 0.2, 0.5, 1e-3, false);
        assertEquals(MonotoneBisection.Status.FAILS_AT_HIGH, high.status());
        assertEquals(0.5, high.below());
        assertTrue(Double.isNaN(high.above()));
        assertEquals(List.of(0.2, 0.5), high.evaluated());
    }

    @Test
    void rejectsAnEmptyRangeOrTolerance() {
        assertThrows(IllegalArgumentException.class, () -> MonotoneBisection.refine(x -> true, 1, 1, 0.1, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> MonotoneBisection.refine(x -> true, 0, 1, 0, false, List.of()));
    }
}
