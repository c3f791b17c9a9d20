package org.creditstress.experiment.backtest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period of an observed history: a quarter ({@code 1990Q3}) or a month ({@code 2020-05},
 * also {@code 2020-05-31}, the day ignored).
 *
 * @param firstMonth the period's first calendar month as {@code year * 12 + month - 1}
 * @param months     its length in months: 3 for a quarter, 1 for a month
 */
public record Period(int firstMonth, int months) implements Comparable<Period> {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})(?:-\\d{1,2})?");

    /**
     * Parses a quarter or a month.
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Period parse(String text) {
        String t = text.strip();
        Matcher q = QUARTER.matcher(t);
        if (q.matches()) {
            return new Period(Integer.parseInt(q.group(1)) * 12 + (Integer.parseInt(q.group(2)) - 1) * 3, 3);
        }
        Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return new Period(Integer.parseInt(m.group(1)) * 12 + month - 1, 1);
            }
        }
        throw new IllegalArgumentException("'" + t + "' is not a date: expected a quarter like 1990Q3 or a month like 2020-05");
    }

    /** The calendar month following the period. */
    public int endMonth() {
        return firstMonth + months;
    }

    /** "quarterly" or "monthly". */
    public String frequency() {
        return months == 3 ? "quarterly" : "monthly";
    }

    /** The period's centre in years, for charts (1990Q1 gives 1990.125). */
    public double year() {
        return (firstMonth + months / 2.0) / 12.0;
    }

    @Override
    public int compareTo(Period o) {
        return Integer.compare(firstMonth, o.firstMonth);
    }

    @Override
    public String toString() {
        int year = Math.floorDiv(firstMonth, 12);
        int month = Math.floorMod(firstMonth, 12);
        return months == 3 ? year + "Q" + (month / 3 + 1) : String.format(Locale.ROOT, "%d-%02d", year, month + 1);
    }
}
