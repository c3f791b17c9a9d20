package org.creditstress.experiment.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Variance-based (Sobol') sensitivity indices with the sampling scheme and estimators of Saltelli
 * et al. (2010), "Variance based sensitivity analysis of model output. Design and estimator for the
 * total sensitivity index", Computer Physics Communications 181, 259-270.
 *
 * <p>Inputs are scaled to the unit interval and taken as independent and uniform. Two base
 * matrices A and B of N rows are the first and last k coordinates of the first N points of a
 * 2k-dimensional Sobol' sequence (commons-math3 {@link SobolSequenceGenerator}, Joe-Kuo direction
 * numbers; the all-zero first point is skipped). A_B^(i) is A with column i taken from B. With
 * f_A, f_B, f_ABi the outputs at their rows and V the variance of the 2N outputs at A and B:
 * <ul>
 *   <li>first-order index S_i = mean(f_B (f_ABi - f_A)) / V (Saltelli et al. 2010, table 2 (b));</li>
 *   <li>total index ST_i = mean((f_A - f_ABi)^2) / (2 V) (Jansen 1999; table 2 (f)).</li>
 * </ul>
 * Outputs are centred on their mean first (this leaves the estimators' expectations unchanged and
 * lowers the variance of the first-order one). The design costs N (k + 2) model runs. Confidence half-widths are 1.96 bootstrap standard errors
 * over the N rows.
 */
public final class Sobol {
    private static final int RESAMPLES = 1000;

    private Sobol() {
    }

    /**
     * The Saltelli design.
     *
     * @param a N x k base matrix A
     * @param b N x k base matrix B
     */
    public record Design(int inputs, int samples, double[][] a, double[][] b) {
        /** A_B^(i), row j. */
        public double[] ab(int i, int j) {
            double[] row = a[j].clone();
            row[i] = b[j][i];
            return row;
        }

        /** All points: the rows of A, then B, then A_B^(1) ... A_B^(k). N (k + 2) in all. */
        public List<double[]> points() {
            List<double[]> out = new ArrayList<>();
            for (double[] row : a) {
                out.add(row.clone());
            }
            for (double[] row : b) {
                out.add(row.clone());
            }
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < samples; j++) {
                    out.add(ab(i, j));
                }
            }
            return out;
        }
    }

    /**
     * Indices of one input.
     *
     * @param s1     first-order index
     * @param s1Conf half-width of its 95 % bootstrap interval
     * @param st     total index
     * @param stConf half-width of its 95 % bootstrap interval
     */
    public record Indices(double s1, double s1Conf, double st, double stConf) {
    }

    /**
     * The result for one output.
     *
     * @param mean     mean of the outputs at A and B
     * @param variance variance of the outputs at A and B (divisor 2N)
     * @param indices  one entry per input; NaN when the variance is 0
     */
    public record Result(double mean, double variance, Indices[] indices) {
    }

    /** A design of {@code n} base rows for {@code k} inputs (2k at most 1000). */
    public static Design design(int k, int n) {
        if (k < 1 || 2 * k > 1000) {
            throw new IllegalArgumentException("Sobol needs between 1 and 500 inputs, got " + k);
        }
        if (n < 2) {
            throw new IllegalArgumentException("Sobol needs at least 2 samples, got " + n);
        }
        SobolSequenceGenerator gen = new SobolSequenceGenerator(2 * k);
        gen.skipTo(1);
        double[][] a = new double[n][k];
        double[][] b = new double[n][k];
        for (int j = 0; j < n; j++) {
            double[] v = gen.nextVector();
            System.arraycopy(v, 0, a[j], 0, k);
            System.arraycopy(v, k, b[j], 0, k);
        }
        return new Design(k, n, a, b);
    }

    /**
     * The indices from outputs at the design's points.
     *
     * @param y    outputs in the order of {@link Design#points()}
     * @param seed for the bootstrap
     */
    public static Result analyse(Design design, double[] y, long seed) {
        int k = design.inputs();
        int n = design.samples();
        if (y.length != n * (k + 2)) {
            throw new IllegalArgumentException("expected " + n * (k + 2) + " outputs, got " + y.length);
        }
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[][] fab = new double[k][n];
        System.arraycopy(y, 0, fa, 0, n);
        System.arraycopy(y, n, fb, 0, n);
        for (int i = 0; i < k; i++) {
            System.arraycopy(y, (2 + i) * n, fab[i], 0, n);
        }
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[] mv = meanVariance(fa, fb, all);
        // Centring leaves the estimators' expectations unchanged and lowers the first-order one's variance.
        for (int j = 0; j < n; j++) {
            fa[j] -= mv[0];
            fb[j] -= mv[0];
            for (int i = 0; i < k; i++) {
                fab[i][j] -= mv[0];
            }
        }
        Indices[] out = new Indices[k];
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[n];
        double[][] bootS1 = new double[k][RESAMPLES];
        double[][] bootST = new double[k][RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int j = 0; j < n; j++) {
                idx[j] = rng.nextInt(n);
            }
            double v = meanVariance(fa, fb, idx)[1];
            for (int i = 0; i < k; i++) {
                bootS1[i][b] = firstOrder(fa, fb, fab[i], idx) / v;
                bootST[i][b] = total(fa, fab[i], idx) / v;
            }
        }
        for (int i = 0; i < k; i++) {
            double s1 = firstOrder(fa, fb, fab[i], all) / mv[1];
            double st = total(fa, fab[i], all) / mv[1];
            out[i] = new Indices(s1, 1.959963984540054 * sd(bootS1[i]), st, 1.959963984540054 * sd(bootST[i]));
        }
        if (!(mv[1] > 1e-20 * Math.max(mv[0] * mv[0], Double.MIN_NORMAL))) {  // constant up to rounding
            for (int i = 0; i < k; i++) {
                out[i] = new Indices(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
        }
        return new Result(mv[0], mv[1], out);
    }

    /** Mean and variance (divisor 2N) of f_A and f_B over the rows {@code idx}. */
    private static double[] meanVariance(double[] fa, double[] fb, int[] idx) {
        double sum = 0;
        for (int j : idx) {
            sum += fa[j] + fb[j];
        }
        double mean = sum / (2.0 * idx.length);
        double ss = 0;
        for (int j : idx) {
            ss += (fa[j] - mean) * (fa[j] - mean) + (fb[j] - mean) * (fb[j] - mean);
        }
        return new double[] {mean, ss / (2.0 * idx.length)};
    }

    /** Saltelli et al. (2010): V_i = mean(f_B (f_ABi - f_A)). */
    private static double firstOrder(double[] fa, double[] fb, double[] fabi, int[] idx) {
        double s = 0;
        for (int j : idx) {
            s += fb[j] * (fabi[j] - fa[j]);
        }
        return s / idx.length;
    }

    /** Jansen (1999): V_Ti = mean((f_A - f_ABi)^2) / 2. */
    private static double total(double[] fa, double[] fabi, int[] idx) {
        double s = 0;
        for (int j : idx) {
            s += (fa[j] - fabi[j]) * (fa[j] - fabi[j]);
        }
        return s / (2.0 * idx.length);
    }

    private static double sd(double[] x) {
        double m = 0;
        int n = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                m += v;
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        m /= n;
        double ss = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                ss += (v - m) * (v - m);
            }
        }
        return Math.sqrt(ss / (n - 1));
    }
}
