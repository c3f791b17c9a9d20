package org.creditstress.scenario;

import java.util.List;

/**
 * A monthly path of one macro variable. Months count from 1. A downturn is piecewise linear:
 * {@code level} until {@code startMonth - 1}, a linear move reaching {@code shockLevel} after
 * {@code declineMonths}, {@code troughMonths} at the shock level, then a linear recovery reaching
 * {@code finalLevel} after {@code recoveryMonths}.
 */
public record PathSpec(Shape shape, double level, double shockLevel, int startMonth, int declineMonths,
                   int troughMonths, int recoveryMonths, double finalLevel, List<Double> values, String file,
                   String column, String frequency) {

    public enum Shape { FLAT, DOWNTURN, VALUES }

    /** A path given in the scenario itself (not read from a file). */
    public PathSpec(Shape shape, double level, double shockLevel, int startMonth, int declineMonths, int troughMonths,
                int recoveryMonths, double finalLevel, List<Double> values) {
        this(shape, level, shockLevel, startMonth, declineMonths, troughMonths, recoveryMonths, finalLevel, values, "", "", "monthly");
    }

    /** The value in month {@code month} (1-based; months before 1 take the month-1 value). */
    public double at(int month) {
        int m = Math.max(month, 1);
        return switch (shape) {
            case FLAT -> level;
            case VALUES -> values.isEmpty() ? level : values.get(Math.min(m, values.size()) - 1);
            case DOWNTURN -> downturnAt(m);
        };
    }

    private double downturnAt(int m) {
        int declineEnd = startMonth + declineMonths - 1;
        int troughEnd = declineEnd + troughMonths;
        int recoveryEnd = troughEnd + recoveryMonths;
        if (m < startMonth) {
            return level;
        }
        if (m <= declineEnd) {
            return level + (shockLevel - level) * (m - startMonth + 1) / declineMonths;
        }
        if (m <= troughEnd) {
            return shockLevel;
        }
        if (m <= recoveryEnd) {
            return shockLevel + (finalLevel - shockLevel) * (m - troughEnd) / recoveryMonths;
        }
        return finalLevel;
    }
}
