package org.creditstress.experiment.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class SobolTest {

    private static Sobol.Result analyse(int k, int n, ToDoubleFunction<double[]> f) {
        Sobol.Design d = Sobol.design(k, n);
        List<double[]> points = d.points();
        double[] y = new double[points.size()];
        for (int p = 0; p < y.length; p++) {
            y[p] = f.applyAsDouble(points.get(p));
        }
        return Sobol.analyse(d, y, 1);
    }

    @Test
    void designHasNTimesKPlusTwoPointsAndABiTakesOneColumnFromB() {
        Sobol.Design d = Sobol.design(3, 16);
        List<double[]> points = d.points();
        assertEquals(16 * 5, points.size());
        for (int j = 0; j < 16; j++) {
            assertArrayEquals(d.a()[j], points.get(j));
            assertArrayEquals(d.b()[j], points.get(16 + j));
            for (int i = 0; i < 3; i++) {
                double[] ab = points.get((2 + i) * 16 + j);
                for (int c = 0; c < 3; c++) {
                    assertEquals(c == i ? d.b()[j][c] : d.a()[j][c], ab[c]);
                }
            }
        }
        // the all-zero first Sobol' point is skipped; the sequence is deterministic
        assertTrue(d.a()[0][0] > 0 || d.b()[0][0] > 0);
        assertArrayEquals(d.a()[5], Sobol.design(3, 16).a()[5]);
    }

    @Test
    void linearFunctionOfUniformInputsHasIndicesProportionalToSquaredCoefficients() {
        double[] a = {1, 2, 3, 0};
        double total = 1 + 4 + 9;
        Sobol.Result r = analyse(4, 4096, x -> a[0] * x[0] + a[1] * x[1] + a[2] * x[2] + a[3] * x[3]);
        assertEquals(total / 12, r.variance(), 0.01 * total / 12);
        for (int i = 0; i < 4; i++) {
            double expected = a[i] * a[i] / total;
            assertEquals(expected, r.indices()[i].s1(), 0.01, "S1 of x" + i);
            assertEquals(expected, r.indices()[i].st(), 0.01, "ST of x" + i);
        }
        assertEquals(0.0, r.indices()[3].st(), 1e-12, "an input that is not used has no total effect");
    }

    /** Ishigami (a = 7, b = 0.1) on [-pi, pi]^3; analytic indices from Saltelli et al. (2008), Global Sensitivity Analysis. The Primer. */
    @Test
    void recoversTheAnalyticIndicesOfTheIshigamiFunction() {
        double pi = Math.PI;
        Sobol.Result r = analyse(3, 8192, u -> {
            double x1 = -pi + 2 * pi * u[0];
            double x2 = -pi + 2 * pi * u[1];
            double x3 = -pi + 2 * pi * u[2];
            return Math.sin(x1) + 7 * Math.pow(Math.sin(x2), 2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
        });
        double a = 7;
        double b = 0.1;
        double v1 = 0.5 * Math.pow(1 + b * Math.pow(pi, 4) / 5, 2);
        double v2 = a * a / 8;
        double v13 = b * b * Math.pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        assertEquals(v, r.variance(), 0.02 * v);
        assertEquals(v1 / v, r.indices()[0].s1(), 0.02);       // 0.3139
        assertEquals(v2 / v, r.indices()[1].s1(), 0.02);       // 0.4424
        assertEquals(0.0, r.indices()[2].s1(), 0.02);          // 0
        assertEquals((v1 + v13) / v, r.indices()[0].st(), 0.02); // 0.5576
        assertEquals(v2 / v, r.indices()[1].st(), 0.02);          // 0.4424
        assertEquals(v13 / v, r.indices()[2].st(), 0.02);         // 0.2437
        for (Sobol.Indices i : r.indices()) {
            assertTrue(i.s1Conf() > 0 && i.s1Conf() < 0.1, i.toString());
            assertTrue(i.stConf() > 0 && i.stConf() < 0.1, i.toString());
        }
    }

    @Test
    void aConstantOutputHasUndefinedIndices() {
        Sobol.Result r = analyse(2, 32, x -> 4.2);
        assertEquals(0.0, r.variance(), 1e-24);
        assertTrue(Double.isNaN(r.indices()[0].s1()));
        assertTrue(Double.isNaN(r.indices()[1].st()));
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> Sobol.design(0, 16));
        assertThrows(IllegalArgumentException.class, () -> Sobol.design(501, 16));
        assertThrows(IllegalArgumentException.class, () -> Sobol.design(2, 1));
        Sobol.Design d = Sobol.design(2, 4);
        assertThrows(IllegalArgumentException.class, () -> Sobol.analyse(d, new double[3], 1));
    }
}
