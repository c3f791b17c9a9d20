package org.creditstress.metric;

import java.util.function.ToDoubleFunction;

/**
 * One column of {@code metrics.csv}: declared once, with its unit and meaning; the CSV header,
 * {@code summary.csv}, the charts and {@code docs/outputs.md} all come from this declaration.
 * A value of NaN means "not defined this month" (for example a ratio of zero to zero) and is
 * written as an empty cell.
 *
 * @param name        column name
 * @param unit        {@link Unit}
 * @param description how it is computed
 * @param value       the computation over a finished month
 */
public record Metric(String name, Unit unit, String description, ToDoubleFunction<MonthView> value) {

    /** Units of metrics. {@link #SHARE} values must lie in [0, 1]; this is checked every month. */
    public enum Unit {
        SHARE("share"),
        RATE_PER_YEAR("share/year"),
        RATIO("ratio"),
        YUAN("yuan"),
        YUAN_PER_BORROWER("yuan/borrower"),
        COUNT("count"),
        MONTHS("months"),
        /** An index or multiplier around 1 (a price level, a seasonal factor): shown as a number, not in percent. */
        INDEX("index"),
        FLAG("0/1"),
        /** A category as a number, each value named in the metric's description. */
        CODE("code");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
