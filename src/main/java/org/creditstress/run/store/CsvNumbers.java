package org.creditstress.run.store;

/** How numbers are written in result CSVs: shortest exact decimal, empty for undefined. */
public final class CsvNumbers {
    private CsvNumbers() {
    }

    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }
}
