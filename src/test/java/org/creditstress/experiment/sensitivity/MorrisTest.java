package org.creditstress.experiment.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class MorrisTest {

    private static Morris.Indices[] analyse(Morris.Design d, ToDoubleFunction<double[]> f) {
        List<double[]> y = new ArrayList<>();
        for (double[][] t : d.trajectories()) {
            double[] yt = new double[t.length];
            for (int j = 0; j < t.length; j++) {
                yt[j] = f.applyAsDouble(t[j]);
            }
            y.add(yt);
        }
        return Morris.analyse(d, null, y, 1);
    }

    @Test
    void trajectoriesMoveEachInputOnceByDeltaOnTheGrid() {
        int k = 5;
        Morris.Design d = Morris.design(k, 20, 4, 42);
        assertEquals(2.0 / 3.0, d.delta(), 1e-15);
        assertEquals(20 * (k + 1), d.points().size());
        for (int t = 0; t < 20; t++) {
            double[][] x = d.trajectories().get(t);
            int[] order = d.order().get(t);
            boolean[] moved = new boolean[k];
            for (int j = 0; j < k; j++) {
                int changed = -1;
                for (int i = 0; i < k; i++) {
                    if (x[j + 1][i] != x[j][i]) {
                        assertEquals(-1, changed, "one input per step");
                        changed = i;
                    }
                }
                assertEquals(order[j], changed);
                assertEquals(d.delta(), Math.abs(x[j + 1][changed] - x[j][changed]), 1e-12);
                moved[changed] = true;
            }
            for (int i = 0; i < k; i++) {
                assertTrue(moved[i]);
                for (double[] p : x) {
                    double level = p[i] * 3;  // grid 0, 1/3, 2/3, 1
                    assertEquals(Math.rint(level), level, 1e-9);
                    assertTrue(p[i] >= 0 && p[i] <= 1);
                }
            }
        }
        // seeded: the same design again, another seed another design
        assertArrayEquals(d.trajectories().get(3)[2], Morris.design(k, 20, 4, 42).trajectories().get(3)[2]);
        assertTrue(differs(d, Morris.design(k, 20, 4, 43)));
    }

    private static boolean differs(Morris.Design a, Morris.Design b) {
        for (int t = 0; t < a.trajectories().size(); t++) {
            for (int j = 0; j < a.trajectories().get(t).length; j++) {
                if (!java.util.Arrays.equals(a.trajectories().get(t)[j], b.trajectories().get(t)[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void recoversTheCoefficientsOfALinearFunctionExactly() {
        double[] a = {3.0, -1.5, 0.0, 0.25};
        Morris.Indices[] idx = analyse(Morris.design(4, 10, 4, 7), x -> {
            double s = 10;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * x[i];
            }
            return s;
        });
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], idx[i].mu(), 1e-12);
            assertEquals(Math.abs(a[i]), idx[i].muStar(), 1e-12);
            assertEquals(0.0, idx[i].sigma(), 1e-12);
            assertEquals(10, idx[i].effects());
        }
    }

    @Test
    void muStarDoesNotCancelEffectsOfOppositeSignsAndSigmaSeesInteractions() {
        // f = (x0 - 0.5) * x1: the effect of x0 is x1 (always >= 0), of x1 is x0 - 0.5 (either sign).
        Morris.Indices[] idx = analyse(Morris.design(3, 50, 4, 11), x -> (x[0] - 0.5) * x[1]);
        assertTrue(idx[1].muStar() > 0.1, "mu* of x1: " + idx[1].muStar());
        assertTrue(Math.abs(idx[1].mu()) < idx[1].muStar(), "signed effects of x1 partly cancel in mu");
        assertTrue(idx[0].sigma() > 0.1 && idx[1].sigma() > 0.1, "interaction shows in sigma");
        assertEquals(0.0, idx[2].muStar(), 1e-15, "x2 is not used");
        assertEquals(0.0, idx[2].sigma(), 1e-15);
        assertTrue(idx[0].muStarConf() > 0 && Double.isFinite(idx[0].muStarConf()));
    }

    @Test
    void ranksTheIshigamiInputs() {
        // Ishigami on [-pi, pi]^3 with a = 7, b = 0.1: x3 acts only through its interaction with x1.
        double pi = Math.PI;
        Morris.Indices[] idx = analyse(Morris.design(3, 200, 4, 5), u -> {
            double x1 = -pi + 2 * pi * u[0];
            double x2 = -pi + 2 * pi * u[1];
            double x3 = -pi + 2 * pi * u[2];
            return Math.sin(x1) + 7 * Math.pow(Math.sin(x2), 2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
        });
        for (Morris.Indices i : idx) {
            assertTrue(i.muStar() > 0.5, i.toString());
        }
        // x3's effect depends entirely on x1: its effects spread around a mean near zero
        assertTrue(Math.abs(idx[2].mu()) < 0.5 * idx[2].muStar(), idx[2].toString());
        assertTrue(idx[2].sigma() > idx[2].muStar(), idx[2].toString());
    }

    @Test
    void integerRoundingThatCancelsAStepGivesNoEffect() {
        Morris.Design d = Morris.design(1, 2, 4, 3);
        List<double[][]> actual = new ArrayList<>();
        for (double[][] t : d.trajectories()) {
            actual.add(new double[][] {{0.5}, {0.5}});  // both points rounded to the same value
        }
        Morris.Indices[] idx = Morris.analyse(d, actual, List.of(new double[] {1, 2}, new double[] {1, 2}), 1);
        assertEquals(0, idx[0].effects());
        assertTrue(Double.isNaN(idx[0].muStar()));
    }

    @Test
    void rejectsOddLevelsAndTooFewTrajectories() {
        assertThrows(IllegalArgumentException.class, () -> Morris.design(3, 10, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> Morris.design(3, 1, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> Morris.design(0, 10, 4, 1));
    }
}
