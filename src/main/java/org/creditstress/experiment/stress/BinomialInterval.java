package org.creditstress.experiment.stress;

/**
 * The Wilson (1927) score interval for a binomial proportion: with k successes in n trials and
 * z the normal quantile, centre (p + z^2/2n) / (1 + z^2/n) and half-width
 * z / (1 + z^2/n) sqrt(p (1 - p) / n + z^2 / 4n^2). Unlike the normal (Wald) interval it stays
 * inside [0, 1] and is not empty at k = 0 or k = n.
 *
 * @param low  lower end
 * @param high upper end
 */
public record BinomialInterval(double low, double high) {
    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    /** The 95 % Wilson interval of k successes in n trials. */
    public static BinomialInterval wilson(int k, int n) {
        return wilson(k, n, Z95);
    }

    public static BinomialInterval wilson(int k, int n, double z) {
        if (n <= 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n > 0, got k=" + k + ", n=" + n);
        }
        double p = (double) k / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new BinomialInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
