package org.creditstress.experiment.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The elementary-effects method of Morris (1991), with the mean absolute effect mu* of
 * Campolongo, Cariboni and Saltelli (2007).
 *
 * <p>Inputs are scaled to the unit interval. The design is {@code r} random one-at-a-time
 * trajectories on a grid of {@code p} levels {0, 1/(p-1), ..., 1}: each starts at a random grid
 * point and moves each input once, in random order, by the step {@code delta = p / (2 (p - 1))}
 * up or down (the orientation matrix B* of Morris 1991). A trajectory has k + 1 points, so the
 * design costs r (k + 1) model runs.
 *
 * <p>The elementary effect of input i in a trajectory is {@code (y(after) - y(before)) / step},
 * step being the change of input i in unit coordinates: the change in the output for a change of
 * the input over its whole range, were the response linear. Over the r trajectories:
 * {@code mu} is the mean effect, {@code mu*} the mean absolute effect (ranks the inputs' overall
 * influence; unlike mu it does not cancel effects of opposite signs), {@code sigma} the standard
 * deviation of the effects (n - 1 divisor; large when the effect depends on the other inputs or
 * the input acts non-linearly).
 */
public final class Morris {
    private Morris() {
    }

    /**
     * A trajectory design in unit coordinates.
     *
     * @param inputs       k
     * @param levels       p
     * @param delta        the step, p / (2 (p - 1))
     * @param trajectories r arrays of k + 1 points of k coordinates
     * @param order        per trajectory, the input moved at step j (j = 0 .. k-1: from point j to j + 1)
     */
    public record Design(int inputs, int levels, double delta, List<double[][]> trajectories, List<int[]> order) {
        /** All points, trajectory by trajectory. */
        public List<double[]> points() {
            List<double[]> out = new ArrayList<>();
            trajectories.forEach(t -> out.addAll(Arrays.asList(t)));
            return out;
        }
    }

    /**
     * Morris statistics of one input.
     *
     * @param mu         mean elementary effect
     * @param muStar     mean absolute elementary effect
     * @param sigma      standard deviation of the effects (NaN with fewer than two)
     * @param muStarConf half-width of a 95 % bootstrap interval of mu* (1.96 bootstrap standard errors)
     * @param effects    number of effects behind the statistics
     */
    public record Indices(double mu, double muStar, double sigma, double muStarConf, int effects) {
    }

    /**
     * A random design of {@code r} trajectories for {@code k} inputs on {@code levels} levels.
     *
     * @param levels an even number of at least 2 (then every step stays on the grid)
     * @param seed   the design depends only on this and the sizes
     */
    public static Design design(int k, int r, int levels, long seed) {
        if (k < 1 || r < 2) {
            throw new IllegalArgumentException("Morris needs at least 1 input and 2 trajectories, got " + k + " and " + r);
        }
        if (levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("Morris levels must be an even number of at least 2, got " + levels);
        }
        double delta = levels / (2.0 * (levels - 1));
        int bases = levels / 2;  // grid values m / (p - 1) with m / (p - 1) + delta <= 1
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[][]> trajectories = new ArrayList<>();
        List<int[]> orders = new ArrayList<>();
        for (int t = 0; t < r; t++) {
            double[] start = new double[k];
            int[] direction = new int[k];
            for (int i = 0; i < k; i++) {
                double base = rng.nextInt(bases) / (double) (levels - 1);
                direction[i] = rng.nextBoolean() ? 1 : -1;
                start[i] = direction[i] > 0 ? base : base + delta;
            }
            int[] order = new int[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            for (int i = k - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            double[][] points = new double[k + 1][];
            points[0] = start;
            for (int j = 1; j <= k; j++) {
                double[] p = Arrays.copyOf(points[j - 1], k);
                int i = order[j - 1];
                p[i] = clean(p[i] + direction[i] * delta);
                points[j] = p;
            }
            trajectories.add(points);
            orders.add(order);
        }
        return new Design(k, levels, delta, List.copyOf(trajectories), List.copyOf(orders));
    }

    /** Removes rounding noise such as 0.9999999999999999 so grid values stay exact. */
    private static double clean(double x) {
        double r = Math.rint(x * 1e12) / 1e12;
        return Math.abs(r - x) < 1e-12 ? r : x;
    }

    /**
     * Elementary effects and their statistics.
     *
     * @param design the design
     * @param actual the points actually run, in unit coordinates, trajectory by trajectory (differs
     *               from the design where integer inputs were rounded); null for the design itself.
     *               A step whose input did not change after rounding gives no effect.
     * @param y      per trajectory, the output at its k + 1 points
     * @param seed   for the bootstrap
     * @return one entry per input
     */
    public static Indices[] analyse(Design design, List<double[][]> actual, List<double[]> y, long seed) {
        int k = design.inputs();
        int r = design.trajectories().size();
        if (y.size() != r) {
            throw new IllegalArgumentException("outputs for " + y.size() + " trajectories, design has " + r);
        }
        List<List<Double>> effects = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            effects.add(new ArrayList<>());
        }
        for (int t = 0; t < r; t++) {
            double[][] x = actual == null ? design.trajectories().get(t) : actual.get(t);
            double[] yt = y.get(t);
            int[] order = design.order().get(t);
            for (int j = 0; j < k; j++) {
                int i = order[j];
                double step = x[j + 1][i] - x[j][i];
                if (step != 0) {
                    effects.get(i).add((yt[j + 1] - yt[j]) / step);
                }
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Indices[] out = new Indices[k];
        for (int i = 0; i < k; i++) {
            double[] ee = effects.get(i).stream().mapToDouble(Double::doubleValue).toArray();
            out[i] = indices(ee, rng);
        }
        return out;
    }

    /** The statistics of a set of elementary effects. */
    static Indices indices(double[] ee, SplittableRandom rng) {
        int n = ee.length;
        if (n == 0) {
            return new Indices(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mu = 0;
        double muStar = 0;
        for (double e : ee) {
            mu += e;
            muStar += Math.abs(e);
        }
        mu /= n;
        muStar /= n;
        double ss = 0;
        for (double e : ee) {
            ss += (e - mu) * (e - mu);
        }
        double sigma = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        return new Indices(mu, muStar, sigma, bootstrapMuStar(ee, rng), n);
    }

    private static final int RESAMPLES = 1000;

    private static double bootstrapMuStar(double[] ee, SplittableRandom rng) {
        int n = ee.length;
        if (n < 2) {
            return Double.NaN;
        }
        double sum = 0;
        double sumSq = 0;
        for (int b = 0; b < RESAMPLES; b++) {
            double m = 0;
            for (int j = 0; j < n; j++) {
                m += Math.abs(ee[rng.nextInt(n)]);
            }
            m /= n;
            sum += m;
            sumSq += m * m;
        }
        double mean = sum / RESAMPLES;
        double var = Math.max(0, sumSq / RESAMPLES - mean * mean) * RESAMPLES / (RESAMPLES - 1.0);
        return 1.959963984540054 * Math.sqrt(var);
    }
}
