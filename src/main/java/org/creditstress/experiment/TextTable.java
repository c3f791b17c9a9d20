package org.creditstress.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text for people: the tables the experiment commands print (and write as summaries) and
 * numbers to four significant digits, as experiments also use them in their notes.
 */
public final class TextTable {
    private TextTable() {
    }

    /** A text table: first column left-aligned, the others right-aligned, two spaces apart. */
    public static String table(List<String> header, List<List<String>> rows) {
        int n = header.size();
        int[] width = new int[n];
        for (int j = 0; j < n; j++) {
            width[j] = header.get(j).length();
            for (List<String> r : rows) {
                width[j] = Math.max(width[j], r.get(j).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < n; j++) {
                String cell = r.get(j);
                if (j == 0) {
                    line.append(cell).append(" ".repeat(width[j] - cell.length()));
                } else {
                    line.append("  ").append(" ".repeat(width[j] - cell.length())).append(cell);
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** A number for a text table: 4 significant digits, "-" when undefined. */
    public static String num(double x) {
        if (!Double.isFinite(x)) {
            return "-";
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e6 || a < 1e-4) {
            return String.format(java.util.Locale.ROOT, "%.3e", x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
