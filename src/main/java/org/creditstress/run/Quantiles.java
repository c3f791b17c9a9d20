package org.creditstress.run;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Statistics across replications. Quantiles use linear interpolation between order statistics
 * (Hyndman and Fan type 7, the default of R and NumPy), so they match what an analyst computes
 * from {@code metrics.csv} with pandas. NaN values (undefined months) are left out.
 */
public final class Quantiles {
    private static final Percentile TYPE7 = new Percentile().withEstimationType(EstimationType.R_7);

    private Quantiles() {
    }

    /** Values without NaN. */
    public static double[] defined(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** The p-th percentile (p in (0, 100]) of the defined values, or NaN if none. */
    public static double percentile(double[] values, double p) {
        double[] d = defined(values);
        return d.length == 0 ? Double.NaN : TYPE7.evaluate(d, p);
    }

    public static double mean(double[] values) {
        double[] d = defined(values);
        return d.length == 0 ? Double.NaN : Arrays.stream(d).sum() / d.length;
    }
}
