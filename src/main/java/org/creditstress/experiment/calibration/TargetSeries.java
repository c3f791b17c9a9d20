package org.creditstress.experiment.calibration;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A monthly target path for one metric, read from a CSV file with the header {@code month,value}
 * (months 1-based as in {@code metrics.csv}; not every month needs a value; blank lines and lines
 * starting with {@code #} are skipped). Its error is the sum over the file's months of the squared
 * difference between the model's mean path (mean across replications) and the value.
 *
 * @param metric a column of metrics.csv
 * @param file   where it was read from
 * @param months the months, ascending
 * @param values the target values
 */
public record TargetSeries(String metric, Path file, int[] months, double[] values) {

    /** Thrown for an unreadable or malformed file; the message names the file and line. */
    public static final class FormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }

    /**
     * Parses {@code METRIC=FILE.csv} and reads the file.
     *
     * @throws IllegalArgumentException for a malformed option
     * @throws FormatException          for a missing or malformed file
     */
    public static TargetSeries parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("expected METRIC=FILE.csv[@FROM:TO], e.g. m3plus_ratio=observed.csv@13:36");
        }
        String file = text.substring(eq + 1).strip();
        int at = file.lastIndexOf('@');
        if (at < 0) {
            return read(text.substring(0, eq).strip(), Path.of(file));
        }
        String[] window = file.substring(at + 1).split(":", -1);
        int from;
        int to;
        try {
            if (window.length != 2) {
                throw new NumberFormatException();
            }
            from = Integer.parseInt(window[0].strip());
            to = Integer.parseInt(window[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the window '" + file.substring(at + 1) + "' must be FROM:TO in whole months, e.g. @13:36");
        }
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("the window " + from + ":" + to + " must have 1 <= FROM <= TO");
        }
        return read(text.substring(0, eq).strip(), Path.of(file.substring(0, at).strip())).window(from, to);
    }

    /**
     * The same target restricted to months {@code from..to} (inclusive): only those months count in
     * the error.
     *
     * @throws IllegalArgumentException if the file has no month in the window
     */
    public TargetSeries window(int from, int to) {
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        for (int i = 0; i < months.length; i++) {
            if (months[i] >= from && months[i] <= to) {
                keep.add(i);
            }
        }
        if (keep.isEmpty()) {
            throw new IllegalArgumentException(file + " has no month in the window " + from + ":" + to);
        }
        return new TargetSeries(metric, file, keep.stream().mapToInt(i -> months[i]).toArray(),
                keep.stream().mapToDouble(i -> values[i]).toArray());
    }

    /** Sum of the squared target values (at least 1e-300): scales the error when mixed with value targets. */
    public double sumOfSquares() {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return Math.max(s, 1e-300);
    }

    public static TargetSeries read(String metric, Path file) {
        List<String> lines;
        try {
            lines = org.creditstress.scenario.InputFiles.readText(file).lines().toList();
        } catch (org.creditstress.scenario.InputFiles.Unreadable e) {
            throw new FormatException(file + ": " + e.getMessage());
        }
        TreeMap<Integer, Double> byMonth = new TreeMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] cells = line.split(",", -1);
            if (!header) {
                if (cells.length != 2 || !cells[0].strip().toLowerCase(Locale.ROOT).equals("month")
                        || !cells[1].strip().toLowerCase(Locale.ROOT).equals("value")) {
                    throw new FormatException(where + "expected the header 'month,value', got '" + line + "'");
                }
                header = true;
                continue;
            }
            if (cells.length != 2) {
                throw new FormatException(where + "expected 2 cells (month,value), got " + cells.length);
            }
            int month;
            try {
                month = Integer.parseInt(cells[0].strip());
            } catch (NumberFormatException e) {
                throw new FormatException(where + "month '" + cells[0].strip() + "' is not a whole number");
            }
            if (month < 1) {
                throw new FormatException(where + "month " + month + " must be 1 or more (months count from 1)");
            }
            double value;
            try {
                value = Double.parseDouble(cells[1].strip());
            } catch (NumberFormatException e) {
                throw new FormatException(where + "value '" + cells[1].strip() + "' is not a number");
            }
            if (!Double.isFinite(value)) {
                throw new FormatException(where + "value must be finite");
            }
            if (byMonth.put(month, value) != null) {
                throw new FormatException(where + "month " + month + " appears twice");
            }
        }
        if (!header) {
            throw new FormatException(file + ": empty; expected the header 'month,value' and one line per month");
        }
        if (byMonth.isEmpty()) {
            throw new FormatException(file + ": no data lines after the header");
        }
        int[] months = byMonth.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] values = byMonth.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new TargetSeries(metric, file, months, values);
    }

    /** The last month the file names. */
    public int lastMonth() {
        return months[months.length - 1];
    }

    /** Sum of squared differences between a mean path ([month - 1]) and the targets; NaN if the path is undefined at a target month. */
    public double squaredError(double[] meanPath) {
        double s = 0;
        for (int i = 0; i < months.length; i++) {
            double d = meanPath[months[i] - 1] - values[i];
            s += d * d;
        }
        return s;
    }
}
