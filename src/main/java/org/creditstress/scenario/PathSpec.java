package org.creditstress.scenario;

import java.util.List;

/**
 * A monthly path of one macro variable. Months count from 1. A downturn is piecewise linear:
 * {@code level} until {@code startMonth - 1}, a linear move reaching {@code shockLevel} after
 * {@code declineMonths}, {@code troughMonths} at the shock level, then a linear recovery reaching
 * {@code finalLevel} after {@code recoveryMonths}. {@link Shape#WITH_INCOMES} (allowed for
 * {@code economy.inflation} only) has no values of its own: the path is the income-growth path,
 * which {@code model.economy.PriceLevel} reads instead.
 */
public record PathSpec(Shape shape, double level, double shockLevel, int startMonth, int declineMonths,
                   int troughMonths, int recoveryMonths, double finalLevel, List<Double> values, String file,
                   String column, String frequency) {

    public enum Shape { FLAT, DOWNTURN, VALUES, WITH_INCOMES }

    /** A path given in the scenario itself (not read from a file). */
    public PathSpec(Shape shape, double level, double shockLevel, int startMonth, int declineMonths, int troughMonths,
                int recoveryMonths, double finalLevel, List<Double> values) {
        this(shape, level, shockLevel, startMonth, declineMonths, troughMonths, recoveryMonths, finalLevel, values, "", "", "monthly");
    }

    /**
     * The value in month {@code month} (1-based; months before 1 take the month-1 value).
     *
     * @throws IllegalStateException for {@link Shape#WITH_INCOMES}, whose values are another path's
     */
    public double at(int month) {
        int m = Math.max(month, 1);
        return switch (shape) {
            case FLAT -> level;
            case VALUES -> values.isEmpty() ? level : values.get(Math.min(m, values.size()) - 1);
            case DOWNTURN -> downturnAt(m);
            case WITH_INCOMES -> throw new IllegalStateException("a with_incomes path takes its values from the income-growth path");
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
