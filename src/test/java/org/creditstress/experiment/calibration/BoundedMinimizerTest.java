package org.creditstress.experiment.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoundedMinimizerTest {

    @Test
    void findsTheMinimumOfOneParameter() {
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(x -> Math.pow(x[0] - 0.37, 2), new double[] {0.1},
                new double[] {0.9}, 40, 1e-4);
        assertEquals(0.37, r.x()[0], 1e-3);
        assertTrue(r.converged());
        assertTrue(r.method().contains("Brent"), r.method());
        assertTrue(r.evaluations().size() <= 40);
    }

    @Test
    void theGridFindsTheDeepestOfSeveralValleys() {
        // local minima near 0.15 and 0.45; the deepest at 0.8
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(
                x -> Math.pow(x[0] - 0.8, 2) + 0.1 * Math.cos(2 * Math.PI * x[0] / 0.3),
                new double[] {0}, new double[] {1}, 40, 1e-4);
        double best = Double.POSITIVE_INFINITY;
        double at = 0;
        for (int i = 0; i <= 100_000; i++) {
            double x = i / 100_000.0;
            double v = Math.pow(x - 0.8, 2) + 0.1 * Math.cos(2 * Math.PI * x / 0.3);
            if (v < best) {
                best = v;
                at = x;
            }
        }
        assertEquals(at, r.x()[0], 1e-3);
    }

    @Test
    void aMinimumBeyondABoundEndsAtTheBound() {
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(x -> Math.pow(x[0] - 2, 2), new double[] {0},
                new double[] {1}, 30, 1e-4);
        assertEquals(1.0, r.x()[0], 1e-3);
        BoundedMinimizer.Result two = BoundedMinimizer.minimize(x -> Math.pow(x[0] + 1, 2) + Math.pow(x[1] - 0.3, 2),
                new double[] {0, 0}, new double[] {1, 1}, 60, 1e-4);
        assertEquals(0.0, two.x()[0], 1e-3);
        assertEquals(0.3, two.x()[1], 1e-3);
    }

    @Test
    void bobyqaFollowsANarrowValleyBetweenTwoParameters() {
        // Two parameters that compensate each other, as a job-loss and a job-finding rate in a
        // steady-state unemployment rate; the minimum at (0.03, 0.2) of ranges 0.005-0.1 and 0-0.5.
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(x -> {
            double u = x[0] / (x[0] + x[1]);
            double speed = x[0] + x[1];
            return Math.pow(u - 0.03 / 0.23, 2) + 0.01 * Math.pow(speed - 0.23, 2);
        }, new double[] {0.005, 0}, new double[] {0.1, 0.5}, 150, 1e-5);
        assertEquals(0.03, r.x()[0], 0.001);
        assertEquals(0.2, r.x()[1], 0.005);
        assertTrue(r.method().startsWith("BOBYQA"), r.method());
        for (BoundedMinimizer.Evaluation e : r.evaluations()) {
            assertTrue(e.x()[0] >= 0.005 && e.x()[0] <= 0.1 && e.x()[1] >= 0 && e.x()[1] <= 0.5, "inside the bounds");
        }
    }

    @Test
    void neverExceedsTheBudgetAndNeverEvaluatesAPointTwice() {
        int[] calls = {0};
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(x -> {
            calls[0]++;
            return Math.pow(x[0] - 0.1, 2) + Math.pow(x[1] - 0.7, 2) + Math.pow(x[2] - 0.4, 2) + Math.sin(50 * x[0]) * 1e-3;
        }, new double[] {0, 0, 0}, new double[] {1, 1, 1}, 20, 1e-6);
        assertTrue(calls[0] <= 20, "calls: " + calls[0]);
        assertEquals(calls[0], r.evaluations().size());
        Set<String> seen = new HashSet<>();
        for (BoundedMinimizer.Evaluation e : r.evaluations()) {
            assertTrue(seen.add(java.util.Arrays.toString(e.x())));
        }
        assertTrue(!r.converged());
    }

    @Test
    void movesAwayFromWhereTheObjectiveIsUndefined() {
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(x -> x[0] < 0.3 ? Double.NaN : Math.pow(x[0] - 0.5, 2),
                new double[] {0}, new double[] {1}, 40, 1e-4);
        assertEquals(0.5, r.x()[0], 1e-3);
        assertTrue(Double.isNaN(r.evaluations().get(0).value()), "the record keeps the undefined value");
    }

    @Test
    void rejectsTooSmallABudgetOrEmptyBounds() {
        assertThrows(IllegalArgumentException.class,
                () -> BoundedMinimizer.minimize(x -> 0, new double[] {0}, new double[] {1}, 4, 1e-3));
        assertThrows(IllegalArgumentException.class,
                () -> BoundedMinimizer.minimize(x -> 0, new double[] {0, 0}, new double[] {1, 1}, 7, 1e-3));
        assertThrows(IllegalArgumentException.class,
                () -> BoundedMinimizer.minimize(x -> 0, new double[] {1}, new double[] {1}, 10, 1e-3));
        assertEquals(5, BoundedMinimizer.minimumEvaluations(1));
        assertEquals(8, BoundedMinimizer.minimumEvaluations(2));
    }
}
