package org.creditstress.report.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.experiment.TextTable;
import org.creditstress.experiment.calibration.Calibration.Evaluation;
import org.creditstress.experiment.calibration.Calibration.Result;
import org.creditstress.experiment.calibration.Calibration;
import org.creditstress.experiment.calibration.Target;
import org.creditstress.experiment.calibration.TargetSeries;
import org.creditstress.report.chart.ChartFiles;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.run.store.ExperimentFiles;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a calibration's files: {@code calibration.csv} (every evaluation: parameters, objective,
 * the model's value of each target), {@code calibration.json} (settings, fitted values, fit,
 * notes), charts ({@code charts/fit.png}: target vs fitted values as bars, or
 * {@code charts/fit_<metric>.png}: target path vs the fitted mean path with its 5-95 % band;
 * {@code charts/objective.png}: the objective by evaluation); and the text on standard output.
 * {@code calibrated.yaml} is written by the command (the resolved scenario at the fitted values).
 */
public final class CalibrationReport {
    private CalibrationReport() {
    }

    public static void write(Result result, Path dir) throws IOException {
        writeCsv(result, dir.resolve("calibration.csv"));
        writeJson(result, dir.resolve("calibration.json"));
        Path charts = dir.resolve("charts");
        if (!result.settings().targets().isEmpty()) {
            ChartFiles.writePng(valueChart(result), charts.resolve("fit.png"));
        }
        for (int k = 0; k < result.settings().series().size(); k++) {
            ChartFiles.writePng(seriesChart(result, k),
                    charts.resolve("fit_" + ExperimentCharts.slug(result.settings().series().get(k).metric()) + ".png"));
        }
        ChartFiles.writePng(objectiveChart(result), charts.resolve("objective.png"));
    }

    private static void writeCsv(Result r, Path file) throws IOException {
        AtomicFiles.writeText(file, w -> {
            List<String> h = new ArrayList<>(List.of("evaluation"));
            r.parameters().forEach(p -> h.add(p.key()));
            h.add("objective");
            r.settings().targets().forEach(t -> h.add(t.expression().text()));
            r.settings().series().forEach(s -> h.add("sse(" + s.metric() + ")"));
            h.add("best");
            w.write(ExperimentFiles.csvLine(h));
            for (Evaluation e : r.evaluations()) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(e.order())));
                for (int i = 0; i < e.x().length; i++) {
                    row.add(r.parameters().get(i).format(e.x()[i]));
                }
                row.add(ExperimentFiles.csv(e.fit().objective()));
                for (double v : e.fit().targetModel()) {
                    row.add(ExperimentFiles.csv(v));
                }
                for (double v : e.fit().seriesError()) {
                    row.add(ExperimentFiles.csv(v));
                }
                row.add(java.util.Arrays.equals(e.x(), r.fitted()) ? "1" : "0");
                w.write(ExperimentFiles.csvLine(row));
            }
        });
    }

    private static void writeJson(Result r, Path file) throws IOException {
        ObjectNode root = ExperimentFiles.object();
        root.put("method", r.method());
        root.put("converged", r.converged());
        root.put("max_evaluations", r.settings().maxEvaluations());
        root.put("evaluations", r.evaluations().size());
        ExperimentFiles.put(root, "objective", r.best().objective());
        ArrayNode params = root.putArray("parameters");
        for (int i = 0; i < r.parameters().size(); i++) {
            ParameterRange p = r.parameters().get(i);
            ObjectNode o = params.addObject();
            o.put("key", p.key());
            o.put("low", p.low());
            o.put("high", p.high());
            o.put("fitted", r.fitted()[i]);
            if (!r.intervals().isEmpty()) {
                ExperimentFiles.put(o, "interval_low", r.intervals().get(i).low());
                ExperimentFiles.put(o, "interval_high", r.intervals().get(i).high());
            }
        }
        ArrayNode targets = root.putArray("targets");
        for (int t = 0; t < r.settings().targets().size(); t++) {
            Target target = r.settings().targets().get(t);
            ObjectNode o = targets.addObject();
            o.put("expression", target.expression().text());
            o.put("target", target.value());
            ExperimentFiles.put(o, "fitted", r.best().targetModel()[t]);
            ExperimentFiles.put(o, "relative_error", target.value() == 0 ? Double.NaN : target.error(r.best().targetModel()[t]));
        }
        ArrayNode series = root.putArray("target_series");
        for (int k = 0; k < r.settings().series().size(); k++) {
            TargetSeries s = r.settings().series().get(k);
            ObjectNode o = series.addObject();
            o.put("metric", s.metric());
            o.put("file", s.file().toString());
            o.put("months", s.months().length);
            ExperimentFiles.put(o, "sse", r.best().seriesError()[k]);
            ExperimentFiles.put(o, "rmse", Math.sqrt(r.best().seriesError()[k] / s.months().length));
            ArrayNode pts = o.putArray("points");
            for (int i = 0; i < s.months().length; i++) {
                ObjectNode pt = pts.addObject();
                pt.put("month", s.months()[i]);
                pt.put("target", s.values()[i]);
                ExperimentFiles.put(pt, "fitted_mean", r.best().meanPaths()[k][s.months()[i] - 1]);
            }
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        ExperimentFiles.writeJson(file, root);
    }

    private static CategoryChart valueChart(Result r) {
        List<Target> targets = r.settings().targets();
        List<String> names = targets.stream().map(t -> t.expression().text()).toList();
        double maxAbs = targets.stream().mapToDouble(t -> Math.abs(t.value())).max().orElse(0);
        double minAbs = targets.stream().mapToDouble(t -> Math.abs(t.value())).min().orElse(0);
        boolean relative = minAbs > 0 && maxAbs / minAbs > 20;
        CategoryChart chart = ExperimentCharts.bars("Calibration fit: targets and fitted model",
                "Target", relative ? "Value (% of target)" : "Value");
        List<Double> t = new ArrayList<>();
        List<Double> f = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            double target = targets.get(i).value();
            double fitted = r.best().targetModel()[i];
            t.add(relative ? 100.0 : target);
            f.add(Double.isFinite(fitted) ? (relative ? 100 * fitted / target : fitted) : 0.0);
        }
        chart.addSeries("target", names, t).setFillColor(ExperimentCharts.color(9).darker());
        chart.addSeries("fitted (mean of " + r.bestRun().replications() + " replications)", names, f)
                .setFillColor(ExperimentCharts.color(0));
        if (names.size() > 3) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        return chart;
    }

    private static XYChart seriesChart(Result r, int k) {
        TargetSeries s = r.settings().series().get(k);
        double[] mean = r.best().meanPaths()[k];
        int months = mean.length;
        double[] x = new double[months];
        for (int m = 0; m < months; m++) {
            x[m] = m + 1;
        }
        XYChart chart = ExperimentCharts.xy("Calibration fit: " + s.metric(), "Month", s.metric());
        ExperimentCharts.band(chart, "fitted 5-95 % across " + r.bestRun().replications() + " replications", x,
                r.best().lowPaths()[k], r.best().highPaths()[k], ExperimentCharts.color(0));
        ExperimentCharts.line(chart, "fitted mean", x, mean, ExperimentCharts.color(0)).setMarker(SeriesMarkers.NONE);
        double[] tx = new double[s.months().length];
        for (int i = 0; i < tx.length; i++) {
            tx[i] = s.months()[i];
        }
        ExperimentCharts.scatter(chart, "target (" + s.file().getFileName() + ")", tx, s.values(), ExperimentCharts.color(1));
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    private static XYChart objectiveChart(Result r) {
        int n = r.evaluations().size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] best = new double[n];
        double b = Double.POSITIVE_INFINITY;
        double minPositive = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = r.evaluations().get(i).fit().objective();
            if (Double.isFinite(y[i])) {
                b = Math.min(b, y[i]);
                if (y[i] > 0) {
                    minPositive = Math.min(minPositive, y[i]);
                }
            }
            best[i] = b;
        }
        boolean log = Double.isFinite(minPositive);
        for (int i = 0; i < n; i++) {
            if (log) {
                // a perfect fit (0) is drawn at the smallest positive value so the log axis can show it
                y[i] = Double.isFinite(y[i]) ? Math.max(y[i], minPositive / 10) : Double.NaN;
                best[i] = Double.isFinite(best[i]) ? Math.max(best[i], minPositive / 10) : Double.NaN;
            }
        }
        XYChart chart = ExperimentCharts.xy("Calibration: objective by evaluation", "Evaluation",
                "Objective" + (log ? " (log scale)" : ""));
        ExperimentCharts.scatter(chart, "objective", x, y, ExperimentCharts.color(0));
        ExperimentCharts.line(chart, "best so far", x, best, ExperimentCharts.color(1)).setMarker(SeriesMarkers.NONE);
        chart.getStyler().setYAxisLogarithmic(log);
        if (log) {
            chart.getStyler().setYAxisDecimalPattern("0.#E0");
        }
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    /** Six significant digits (the files keep every digit). */
    static String sig6(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return TextTable.num(x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The text on standard output. */
    public static String text(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Calibration: %s, %d model runs%s%n", r.method(), r.evaluations().size(),
                r.converged() ? "" : " (budget spent)"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < r.parameters().size(); i++) {
            ParameterRange p = r.parameters().get(i);
            List<String> row = new ArrayList<>(List.of(p.key(), sig6(r.fitted()[i]), p.format(p.low()) + ":" + p.format(p.high())));
            if (!r.intervals().isEmpty()) {
                Calibration.Interval ci = r.intervals().get(i);
                row.add(Double.isNaN(ci.low()) ? "-" : sig6(ci.low()) + " to " + sig6(ci.high()));
            }
            rows.add(row);
        }
        sb.append(TextTable.table(r.intervals().isEmpty() ? List.of("parameter", "fitted", "range")
                : List.of("parameter", "fitted", "range", "95 % interval"), rows));
        if (!r.settings().targets().isEmpty()) {
            rows = new ArrayList<>();
            for (int t = 0; t < r.settings().targets().size(); t++) {
                Target target = r.settings().targets().get(t);
                double m = r.best().targetModel()[t];
                rows.add(List.of(target.expression().text(), TextTable.num(target.value()), TextTable.num(m),
                        target.value() == 0 ? "-" : String.format(Locale.ROOT, "%+.2f %%", 100 * target.error(m))));
            }
            sb.append(TextTable.table(List.of("target", "value", "fitted", "error"), rows));
        }
        if (!r.settings().series().isEmpty()) {
            rows = new ArrayList<>();
            for (int k = 0; k < r.settings().series().size(); k++) {
                TargetSeries s = r.settings().series().get(k);
                double sse = r.best().seriesError()[k];
                rows.add(List.of(s.metric(), s.file().toString(), Integer.toString(s.months().length),
                        TextTable.num(Math.sqrt(sse / s.months().length)), TextTable.num(sse)));
            }
            sb.append(TextTable.table(List.of("target series", "file", "months", "rmse", "sse"), rows));
        }
        sb.append("objective: ").append(TextTable.num(r.best().objective()))
                .append(r.settings().targets().isEmpty() ? " (sum of squared errors)\n" : " (sum of squared relative errors)\n");
        for (String note : r.notes()) {
            sb.append("note: ").append(note).append('\n');
        }
        return sb.toString();
    }
}
