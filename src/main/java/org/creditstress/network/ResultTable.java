package org.creditstress.network;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small table of per-node results that renders as aligned text (for a terminal) or as CSV (for a file).
 * Numbers are shown with each column's format in text and with 12 significant digits in CSV.
 */
public final class ResultTable {

    /**
     * A column.
     *
     * @param name       header
     * @param textFormat {@link String#format} pattern for numbers in text output, e.g. {@code "%.2f"}
     */
    public record Column(String name, String textFormat) {
        /** A column of text or integers, shown as is. */
        public static Column text(String name) {
            return new Column(name, "%s");
        }
    }

    private static final MathContext CSV_PRECISION = new MathContext(12);

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public ResultTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Appends a row: one cell per column; numbers (Double) are formatted, anything else printed as is. */
    public ResultTable addRow(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** Aligned text: first column left-aligned, the others right-aligned, two spaces apart. */
    public String toText() {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::name).toArray(String[]::new));
        for (Object[] row : rows) {
            String[] cells = new String[row.length];
            for (int c = 0; c < row.length; c++) {
                cells[c] = String.format(Locale.ROOT, columns.get(c).textFormat(), row[c]);
            }
            lines.add(cells);
        }
        int[] width = new int[columns.size()];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                String pad = " ".repeat(width[c] - line[c].length());
                text.append(c == 0 ? "" : "  ").append(c == 0 ? line[c] + pad : pad + line[c]);
            }
            out.append(text.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** CSV with a header row; cells containing commas, quotes or line breaks are quoted. */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        out.append(csvLine(columns.stream().map(Column::name).toArray())).append('\n');
        for (Object[] row : rows) {
            out.append(csvLine(row)).append('\n');
        }
        return out.toString();
    }

    private static String csvLine(Object[] cells) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(',');
            }
            line.append(csvCell(cells[c]));
        }
        return line.toString();
    }

    private static String csvCell(Object cell) {
        String s = cell instanceof Double d && Double.isFinite(d)
                ? new BigDecimal(d).round(CSV_PRECISION).stripTrailingZeros().toPlainString()
                : String.valueOf(cell);
        if (s.equals("-0")) {
            s = "0";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
