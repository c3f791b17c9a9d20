package org.creditstress.experiment.sweep;

import java.util.SplittableRandom;

/**
 * Latin hypercube samples in the unit cube: for {@code n} samples in {@code d} dimensions, each
 * dimension's [0, 1) is cut into {@code n} equal strata and every stratum holds exactly one sample;
 * strata are paired across dimensions by independent random permutations, and each sample sits
 * uniformly within its stratum (McKay, Beckman and Conover 1979).
 *
 * <p>The only randomness is one {@link SplittableRandom} seeded with {@link #seedFor(long)} of the
 * scenario's master seed, so a sweep's points are reproducible from the scenario alone.
 */
public final class LatinHypercube {
    /** Mixed into the scenario seed so the design's stream differs from every model stream. */
    private static final long SALT = 0x4C48535F53574545L; // "LHS_SWEE"

    private LatinHypercube() {
    }

    /** The generator seed of a sweep on a scenario with this master seed. */
    public static long seedFor(long scenarioSeed) {
        return mix64(scenarioSeed ^ mix64(SALT));
    }

    /**
     * {@code n} samples in {@code d} dimensions: {@code u[i][j]} in [0, 1), and for each {@code j}
     * the values {@code floor(n * u[i][j])} are a permutation of {@code 0 .. n-1}.
     */
    public static double[][] sample(int n, int d, long seed) {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("need at least one sample and one dimension, got " + n + " x " + d);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] u = new double[n][d];
        int[] perm = new int[n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) {
                double x = (perm[i] + rng.nextDouble()) / n;
                u[i][j] = Math.min(x, Math.nextDown((perm[i] + 1.0) / n)); // stay inside the stratum despite rounding
            }
        }
        return u;
    }

    /** The 64-bit finaliser of MurmurHash3. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
