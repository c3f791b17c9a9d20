package org.creditstress.report.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creditstress.experiment.compare.Comparison.Row;
import org.creditstress.report.html.Units;

/**
 * A comparison's rows as text for people: the console table of {@code compare} and the table of
 * its {@code report.html}, values in percent or plain numbers as each metric is shown.
 */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    /** Header of the table as shown on the console and in the report. */
    public static List<String> tableHeader() {
        return List.of("expression / scenario", "mean", "p5", "p95", "diff mean", "diff p5", "diff p95");
    }

    /** The table rows as text cells: a line per expression, then one per scenario. */
    public static List<List<String>> tableRows(List<Row> rows) {
        List<List<String>> out = new ArrayList<>();
        String current = null;
        for (Row r : rows) {
            if (!r.expression().equals(current)) {
                current = r.expression();
                out.add(List.of(current, "", "", "", "", "", ""));
            }
            boolean p = r.percent();
            out.add(List.of("  " + r.scenario() + (r.reference() ? " (reference)" : ""), Units.format(r.mean(), p),
                    Units.format(r.p5(), p), Units.format(r.p95(), p),
                    r.reference() ? "" : Units.formatDifference(r.diffMean(), p),
                    r.reference() ? "" : Units.formatDifference(r.diffP5(), p),
                    r.reference() ? "" : Units.formatDifference(r.diffP95(), p)));
        }
        return out;
    }

    /** Header of the table in the report: expression and scenario in separate columns. */
    public static List<String> reportHeader() {
        return List.of("expression", "scenario", "mean", "p5", "p95", "diff mean", "diff p5", "diff p95",
                "share of replications with diff > 0");
    }

    /** Rows of the report table; the expression is named on the first row of its group only. */
    public static List<List<String>> reportRows(List<Row> rows) {
        List<List<String>> out = new ArrayList<>();
        String current = null;
        for (Row r : rows) {
            boolean first = !r.expression().equals(current);
            current = r.expression();
            boolean p = r.percent();
            out.add(List.of(first ? r.expression() : "", r.scenario() + (r.reference() ? " (reference)" : ""),
                    Units.format(r.mean(), p), Units.format(r.p5(), p), Units.format(r.p95(), p),
                    r.reference() ? "" : Units.formatDifference(r.diffMean(), p),
                    r.reference() ? "" : Units.formatDifference(r.diffP5(), p),
                    r.reference() ? "" : Units.formatDifference(r.diffP95(), p),
                    r.reference() || !Double.isFinite(r.diffSharePositive()) ? ""
                            : String.format(Locale.ROOT, "%.0f %%", 100 * r.diffSharePositive())));
        }
        return out;
    }

    /** A plain-text table for the console. */
    public static String table(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(tableHeader());
        cells.addAll(tableRows(rows));
        int[] width = new int[tableHeader().size()];
        for (List<String> line : cells) {
            for (int c = 0; c < line.size(); c++) {
                width[c] = Math.max(width[c], line.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> line : cells) {
            StringBuilder l = new StringBuilder(String.format(Locale.ROOT, "%-" + width[0] + "s", line.get(0)));
            for (int c = 1; c < line.size(); c++) {
                l.append("  ").append(String.format(Locale.ROOT, "%" + Math.max(width[c], 9) + "s", line.get(c)));
            }
            sb.append(l.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
