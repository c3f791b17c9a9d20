package org.creditstress.experiment.sweep;

import java.util.Locale;

/** How the points of a sweep are chosen. */
public enum Design {
    /** Every combination of the keys' values (lists, or lo:hi:steps ranges). */
    GRID,
    /** Latin hypercube: --samples points, one in each of --samples equal strata of every key's range. */
    LHS,
    /** The first --samples points of a Sobol low-discrepancy sequence (commons-math3). */
    SOBOL;

    /** The command-line spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses grid, lhs or sobol (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Design parse(String text) {
        for (Design d : values()) {
            if (d.label().equalsIgnoreCase(text.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("--design '" + text + "' is not one of grid, lhs, sobol");
    }
}
