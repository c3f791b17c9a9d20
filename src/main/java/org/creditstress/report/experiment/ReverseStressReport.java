package org.creditstress.report.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.experiment.TextTable;
import org.creditstress.experiment.stress.BinomialInterval;
import org.creditstress.experiment.stress.Condition;
import org.creditstress.experiment.stress.MonotoneBisection;
import org.creditstress.experiment.stress.ReverseStress.Point;
import org.creditstress.experiment.stress.ReverseStress.Result;
import org.creditstress.experiment.stress.ReverseStress;
import org.creditstress.report.chart.ChartFiles;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.run.store.ExperimentFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Writes a reverse stress test's files: {@code reverse-stress.csv} (one row: the threshold, its
 * bracket and the share at it), {@code reverse-stress.json} (the same, the settings, the notes and
 * every point), {@code points.csv} (every evaluated value with the share holding and the
 * expression per replication) and the charts {@code charts/share_vs_value.png} and
 * {@code charts/metric_vs_value.png}; and the summary printed on standard output.
 */
public final class ReverseStressReport {
    private ReverseStressReport() {
    }

    public static final List<String> SUMMARY_HEADER = List.of("scenario", "key", "low", "high", "condition", "probability",
            "replications", "status", "threshold", "bracket_low", "bracket_high", "share_at_threshold",
            "share_ci_low", "share_ci_high", "share_at_bracket_low", "evaluations", "tolerance");

    public static void write(Result result, String scenarioName, Path dir) throws IOException {
        writeSummary(result, scenarioName, dir.resolve("reverse-stress.csv"));
        writePoints(result, dir.resolve("points.csv"));
        writeJson(result, scenarioName, dir.resolve("reverse-stress.json"));
        ChartFiles.writePng(shareChart(result), dir.resolve("charts").resolve("share_vs_value.png"));
        ChartFiles.writePng(metricChart(result), dir.resolve("charts").resolve("metric_vs_value.png"));
    }

    static String status(MonotoneBisection.Status s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static void writeSummary(Result r, String scenarioName, Path file) throws IOException {
        ReverseStress.Settings s = r.settings();
        ParameterRange v = s.vary();
        Point at = Double.isNaN(r.bracketHigh()) ? null : r.at(r.bracketHigh());
        Point below = Double.isNaN(r.bracketLow()) ? null : r.at(r.bracketLow());
        BinomialInterval ci = at == null ? null : at.interval();
        List<String> row = List.of(scenarioName, v.key(), v.format(v.low()), v.format(v.high()), s.condition().text(),
                ExperimentFiles.csv(s.probability()), Integer.toString(r.points().get(0).replications()), status(r.status()),
                fmt(v, r.threshold()), fmt(v, r.bracketLow()), fmt(v, r.bracketHigh()),
                at == null ? "" : ExperimentFiles.csv(at.share()),
                ci == null ? "" : ExperimentFiles.csv(ci.low()), ci == null ? "" : ExperimentFiles.csv(ci.high()),
                below == null ? "" : ExperimentFiles.csv(below.share()),
                Integer.toString(r.points().size()), ExperimentFiles.csv(s.tolerance()));
        AtomicFiles.writeString(file, ExperimentFiles.csvLine(SUMMARY_HEADER) + ExperimentFiles.csvLine(row));
    }

    private static String fmt(ParameterRange v, double x) {
        return Double.isNaN(x) ? "" : v.format(x);
    }

    private static void writePoints(Result r, Path file) throws IOException {
        int n = r.points().get(0).replications();
        AtomicFiles.writeText(file, w -> {
            List<String> h = new ArrayList<>(List.of("evaluation", "value", "share", "holding", "replications", "defined",
                    "holds", "share_ci_low", "share_ci_high"));
            for (int k = 0; k < n; k++) {
                h.add("replication_" + k);
            }
            w.write(ExperimentFiles.csvLine(h));
            for (Point p : r.points()) {
                BinomialInterval ci = p.interval();
                List<String> row = new ArrayList<>(List.of(Integer.toString(p.order()), r.settings().vary().format(p.value()),
                        ExperimentFiles.csv(p.share()), Integer.toString(p.holding()), Integer.toString(p.replications()),
                        Integer.toString(p.defined()), p.holds() ? "1" : "0", ExperimentFiles.csv(ci.low()),
                        ExperimentFiles.csv(ci.high())));
                for (double x : p.values()) {
                    row.add(ExperimentFiles.csv(x));
                }
                w.write(ExperimentFiles.csvLine(row));
            }
        });
    }

    private static void writeJson(Result r, String scenarioName, Path file) throws IOException {
        ReverseStress.Settings s = r.settings();
        ParameterRange v = s.vary();
        ObjectNode root = ExperimentFiles.object();
        root.put("scenario", scenarioName);
        root.put("key", v.key());
        root.put("low", v.low());
        root.put("high", v.high());
        root.put("integer", v.integer());
        root.put("condition", s.condition().text());
        root.put("expression", s.condition().expression().text());
        root.put("operator", s.condition().op().symbol());
        root.put("value", s.condition().value());
        root.put("probability", s.probability());
        root.put("tolerance", s.tolerance());
        root.put("replications", r.points().get(0).replications());
        root.put("status", status(r.status()));
        root.put("status_text", statusText(r));
        ExperimentFiles.put(root, "threshold", r.threshold());
        ExperimentFiles.put(root, "bracket_low", r.bracketLow());
        ExperimentFiles.put(root, "bracket_high", r.bracketHigh());
        Point at = Double.isNaN(r.bracketHigh()) ? null : r.at(r.bracketHigh());
        if (at != null) {
            root.put("share_at_threshold", at.share());
            root.put("share_ci_low", at.interval().low());
            root.put("share_ci_high", at.interval().high());
        }
        Point below = Double.isNaN(r.bracketLow()) ? null : r.at(r.bracketLow());
        if (below != null) {
            root.put("share_at_bracket_low", below.share());
        }
        root.put("evaluations", r.points().size());
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        ArrayNode pts = root.putArray("points");
        for (Point p : r.points()) {
            ObjectNode o = pts.addObject();
            o.put("evaluation", p.order());
            o.put("value", p.value());
            o.put("share", p.share());
            o.put("holding", p.holding());
            o.put("holds", p.holds());
            ArrayNode vals = o.putArray("values");
            for (double x : p.values()) {
                if (Double.isFinite(x)) {
                    vals.add(x);
                } else {
                    vals.addNull();
                }
            }
        }
        ExperimentFiles.writeJson(file, root);
    }

    /** One sentence saying what was found. */
    public static String statusText(Result r) {
        ParameterRange v = r.settings().vary();
        String cond = r.settings().condition().text();
        String share = TextTable.num(100 * r.settings().probability()) + " %";
        return switch (r.status()) {
            case FOUND -> "the smallest " + v.key() + " at which " + cond + " holds in at least " + share
                    + " of replications is in (" + v.format(r.bracketLow()) + ", " + v.format(r.bracketHigh()) + "]";
            case HOLDS_AT_LOW -> cond + " already holds in at least " + share + " of replications at the low end "
                    + v.key() + " = " + v.format(v.low()) + ": the threshold is at or below it; lower the range";
            case FAILS_AT_HIGH -> cond + " does not hold in " + share + " of replications even at the high end "
                    + v.key() + " = " + v.format(v.high()) + ": the threshold, if any, is above it; raise the range";
        };
    }

    private static List<Point> sorted(Result r) {
        List<Point> s = new ArrayList<>(r.points());
        s.sort(Comparator.comparingDouble(Point::value));
        return s;
    }

    private static XYChart shareChart(Result r) {
        ParameterRange v = r.settings().vary();
        List<Point> pts = sorted(r);
        int n = pts.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            Point p = pts.get(i);
            x[i] = p.value();
            y[i] = 100 * p.share();
            lo[i] = 100 * p.interval().low();
            hi[i] = 100 * p.interval().high();
        }
        XYChart chart = ExperimentCharts.xy("Share of replications with " + r.settings().condition().text(), v.key(),
                "Replications meeting the condition (%)");
        ExperimentCharts.band(chart, "95 % Wilson interval", x, lo, hi, ExperimentCharts.color(0));
        ExperimentCharts.line(chart, "share of " + pts.get(0).replications() + " replications",
                x, y, ExperimentCharts.color(0));
        double p = 100 * r.settings().probability();
        ExperimentCharts.dashed(chart, "required " + TextTable.num(p) + " %",
                new double[] {x[0], x[n - 1]}, new double[] {p, p}, ExperimentCharts.REFERENCE);
        if (!Double.isNaN(r.threshold())) {
            ExperimentCharts.dashed(chart, "threshold " + v.format(r.threshold()),
                    new double[] {r.threshold(), r.threshold()}, new double[] {0, 100}, ExperimentCharts.color(1));
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setXAxisDecimalPattern(pattern(v));
        return chart;
    }

    private static XYChart metricChart(Result r) {
        ParameterRange v = r.settings().vary();
        Condition c = r.settings().condition();
        List<Point> pts = sorted(r);
        int n = pts.size();
        int reps = pts.get(0).replications();
        double[] x = pts.stream().mapToDouble(Point::value).toArray();
        XYChart chart = ExperimentCharts.xy(c.expression().text() + " by replication", v.key(), c.expression().text());
        java.awt.Color grey = ExperimentCharts.translucent(ExperimentCharts.color(9).darker(), 150);
        for (int k = 0; k < reps; k++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = pts.get(i).values()[k];
            }
            XYSeries s = ExperimentCharts.line(chart, "replication " + k, x, y, grey);
            s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            s.setLineStyle(new java.awt.BasicStroke(1f));
            s.setShowInLegend(k == 0);
            if (k == 0) {
                s.setLabel("each replication (" + reps + ")");
            }
        }
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = org.creditstress.run.Quantiles.mean(pts.get(i).values());
        }
        ExperimentCharts.line(chart, "mean across replications", x, mean, ExperimentCharts.color(0));
        ExperimentCharts.dashed(chart, "condition " + c.op().symbol() + " " + TextTable.num(c.value()),
                new double[] {x[0], x[n - 1]}, new double[] {c.value(), c.value()}, ExperimentCharts.REFERENCE);
        chart.getStyler().setXAxisDecimalPattern(pattern(v));
        return chart;
    }

    private static String pattern(ParameterRange v) {
        if (v.integer()) {
            return "0";
        }
        double w = v.width();
        int decimals = Math.max(0, Math.min(8, 2 - (int) Math.floor(Math.log10(w))));
        return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
    }

    /** The summary printed on standard output. */
    public static String text(Result r, String scenarioName) {
        ReverseStress.Settings s = r.settings();
        ParameterRange v = s.vary();
        int n = r.points().get(0).replications();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Reverse stress test of %s: smallest %s in [%s, %s] with %s in at least %s %% of %d replications%n",
                scenarioName, v.key(), v.format(v.low()), v.format(v.high()), s.condition().text(),
                TextTable.num(100 * s.probability()), n));
        List<List<String>> rows = new ArrayList<>();
        for (Point p : sorted(r)) {
            BinomialInterval ci = p.interval();
            rows.add(List.of(v.format(p.value()), p.holding() + "/" + n,
                    String.format(Locale.ROOT, "%.0f %%", 100 * p.share()),
                    String.format(Locale.ROOT, "%.0f-%.0f %%", 100 * ci.low(), 100 * ci.high()),
                    TextTable.num(org.creditstress.run.Quantiles.mean(p.values())), p.holds() ? "yes" : "no"));
        }
        sb.append(TextTable.table(List.of(v.key(), "holding", "share", "95% Wilson", "mean " + s.condition().expression().text(),
                "breaks"), rows));
        switch (r.status()) {
            case FOUND -> {
                Point at = r.at(r.bracketHigh());
                BinomialInterval ci = at.interval();
                sb.append(String.format(Locale.ROOT, "threshold: %s = %s (bracket %s .. %s after %d model runs)%n", v.key(),
                        v.format(r.threshold()), v.format(r.bracketLow()), v.format(r.bracketHigh()), r.points().size()));
                sb.append(String.format(Locale.ROOT, "share meeting the condition there: %d/%d = %.0f %% (95 %% Wilson interval %.0f-%.0f %%)%n",
                        at.holding(), n, 100 * at.share(), 100 * ci.low(), 100 * ci.high()));
                if (ci.low() < s.probability()) {
                    sb.append(String.format(Locale.ROOT,
                            "the interval reaches below the required %s %%: %d replications cannot rule out a smaller true share "
                                    + "there; more replications narrow it%n", TextTable.num(100 * s.probability()), n));
                }
            }
            default -> sb.append("no threshold in the range: ").append(statusText(r)).append('\n');
        }
        for (String note : r.notes()) {
            sb.append("note: ").append(note).append('\n');
        }
        return sb.toString();
    }
}
