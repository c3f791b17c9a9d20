package org.creditstress.scenario;

/**
 * A behaviour trait in (0, 1), logit-normal across borrowers:
 * {@code x = 1 / (1 + exp(-(logit(median) + spread * z)))}, z standard normal.
 */
public record TraitSpec(double median, double spread) {

    /** The trait value for a standard-normal draw {@code z}. */
    public double at(double z) {
        double m = Math.min(Math.max(median, 1e-9), 1 - 1e-9);
        double logit = Math.log(m / (1 - m)) + spread * z;
        return 1.0 / (1.0 + Math.exp(-logit));
    }
}
