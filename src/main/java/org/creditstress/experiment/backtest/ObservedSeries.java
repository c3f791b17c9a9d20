package org.creditstress.experiment.backtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An observed history: a CSV whose first column is a date (every row the same frequency, quarters
 * like {@code 1990Q3} or months like {@code 2020-05}, ascending) and whose other columns are numbers
 * (a blank cell is a missing value). Blank lines and lines starting with {@code #} are skipped.
 *
 * @param file    where it was read from
 * @param columns the header, date column first
 * @param periods the rows' periods, ascending
 * @param values  [row][column - 1], NaN where blank
 */
public record ObservedSeries(Path file, List<String> columns, List<Period> periods, double[][] values) {

    /** A malformed file; the message names the file, the row and the column. */
    public static final class FormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }

    public static ObservedSeries read(Path file) {
        List<String> lines;
        try {
            lines = org.creditstress.scenario.InputFiles.readText(file).lines().toList();
        } catch (org.creditstress.scenario.InputFiles.Unreadable e) {
            throw new FormatException(file + ": " + e.getMessage());
        }
        List<String> header = null;
        List<Period> periods = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String where = file + ": row " + (i + 1);
            if (header == null) {
                header = new ArrayList<>();
                for (String c : cells) {
                    String name = c.strip();
                    if (name.isEmpty()) {
                        throw new FormatException(where + ", column " + (header.size() + 1) + ": empty column name in the header");
                    }
                    if (header.contains(name)) {
                        throw new FormatException(where + ", column '" + name + "': appears twice in the header");
                    }
                    header.add(name);
                }
                if (header.size() < 2) {
                    throw new FormatException(where + ": the header needs a date column and at least one value column");
                }
                continue;
            }
            if (cells.length != header.size()) {
                throw new FormatException(where + ": " + cells.length + " cells for the header's " + header.size() + " columns");
            }
            Period p;
            try {
                p = Period.parse(cells[0]);
            } catch (IllegalArgumentException e) {
                throw new FormatException(where + ", column '" + header.get(0) + "': " + e.getMessage());
            }
            if (!periods.isEmpty()) {
                Period last = periods.get(periods.size() - 1);
                if (p.months() != last.months()) {
                    throw new FormatException(where + ", column '" + header.get(0) + "': " + p + " is " + p.frequency()
                            + " but the rows above are " + last.frequency());
                }
                if (p.firstMonth() <= last.firstMonth()) {
                    throw new FormatException(where + ", column '" + header.get(0) + "': " + p + " does not come after " + last
                            + " (dates must be ascending, without repeats)");
                }
            }
            double[] v = new double[header.size() - 1];
            for (int c = 1; c < cells.length; c++) {
                String s = cells[c].strip();
                if (s.isEmpty()) {
                    v[c - 1] = Double.NaN;
                    continue;
                }
                try {
                    v[c - 1] = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new FormatException(where + ", column '" + header.get(c) + "': '" + s + "' is not a number");
                }
                if (!Double.isFinite(v[c - 1])) {
                    throw new FormatException(where + ", column '" + header.get(c) + "': the value must be finite");
                }
            }
            periods.add(p);
            rows.add(v);
        }
        if (header == null) {
            throw new FormatException(file + ": empty; expected a header (date column first) and one row per period");
        }
        if (rows.isEmpty()) {
            throw new FormatException(file + ": no data rows after the header");
        }
        return new ObservedSeries(file, List.copyOf(header), List.copyOf(periods), rows.toArray(double[][]::new));
    }

    /** The frequency's months per period (3 or 1). */
    public int periodMonths() {
        return periods.get(0).months();
    }

    /** Index of a value column (0-based among the value columns), or -1. */
    public int column(String name) {
        return columns.subList(1, columns.size()).indexOf(name);
    }

    /** The values of one column by row. */
    public double[] values(int column) {
        return Arrays.stream(values).mapToDouble(r -> r[column]).toArray();
    }

    /** The value columns, for messages. */
    public String valueColumns() {
        return String.join(", ", columns.subList(1, columns.size()));
    }
}
