package org.creditstress.model.borrower;

import java.util.List;

/**
 * The seasonal purchase calendar: how the year's discretionary purchases spread over its months.
 * The economy phase looks up the month's multiplier once a month ({@code MacroState.purchaseSeason});
 * {@link Consumption} multiplies the month's discretionary wants by it: the planned part that comes
 * from income and savings, {@code d max(0, y - E) + drawdown max(0, S - target)}, and the impulse
 * part on available credit. Essentials and a planned cash-loan purchase (a lump sum) are not
 * seasonal.
 *
 * <p>The scenario gives 12 positive weights {@code w_1 .. w_12}, January to December
 * ({@code population.behaviour.seasonal_calendar}); month {@code k} of the year gets
 * {@code s_k = 12 w_k / (w_1 + ... + w_12)}, so the multipliers average 1 over a year and a
 * year's wants are the same as without a calendar (spending itself can differ a little: a festival
 * month's wants may exceed what cash and credit can pay). Equal weights give exactly 1 every month,
 * so a flat calendar changes no result. Which month of the year a model month is comes from
 * {@code horizon.start}; burn-in months continue the calendar backwards.
 *
 * <p>The shipped China scenarios use the monthly profile of online retail sales of physical goods
 * (NBS, 2019, the last year before COVID), with peaks at the 618 festival (June) and Double 11
 * (November); the numbers and their derivation are in {@code scenarios/baseline.yaml}.
 */
public final class SeasonalCalendar implements java.io.Serializable {
    private final double[] multipliers = new double[12];

    /**
     * @param weights 12 positive weights, January to December (checked by the scenario loader)
     * @throws IllegalArgumentException if there are not 12 positive weights
     */
    public SeasonalCalendar(List<Double> weights) {
        if (weights.size() != 12 || weights.stream().anyMatch(w -> !(w > 0))) {
            throw new IllegalArgumentException("a seasonal calendar needs 12 positive weights, got " + weights);
        }
        boolean flat = weights.stream().distinct().count() == 1;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        for (int k = 0; k < 12; k++) {
            multipliers[k] = flat ? 1.0 : 12.0 * weights.get(k) / sum;
        }
    }

    /** The multiplier on discretionary purchases in month {@code monthOfYear} (1 = January .. 12). */
    public double multiplier(int monthOfYear) {
        return multipliers[monthOfYear - 1];
    }
}
