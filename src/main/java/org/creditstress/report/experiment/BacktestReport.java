package org.creditstress.report.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creditstress.experiment.TextTable;
import org.creditstress.experiment.backtest.Backtest;
import org.creditstress.experiment.backtest.Backtest.Comparison;
import org.creditstress.experiment.backtest.Backtest.Row;
import org.creditstress.experiment.backtest.Backtest.Stats;
import org.creditstress.experiment.backtest.Backtest.Window;
import org.creditstress.report.chart.ChartFiles;
import org.creditstress.report.html.ChartKit;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.run.store.ExperimentFiles;

/**
 * Writes a backtest's files: {@code backtest.csv} (per mapping and observed period: the observed
 * value, the model's mean and 5-95 % band, both unemployment rates, the windows it belongs to),
 * {@code backtest-summary.csv} (per mapping and window: RMSE, peaks, timing, correlation of changes,
 * elasticities), {@code charts/backtest_<metric>.png} (model band against the observed points, the
 * windows shaded), and the text on standard output. All values in the model's units (shares).
 */
public final class BacktestReport {
    private BacktestReport() {
    }

    public static void write(Backtest.Result result, Path dir) throws IOException {
        AtomicFiles.writeText(dir.resolve("backtest.csv"), w -> {
            w.write(ExperimentFiles.csvLine(List.of("metric", "column", "period", "first_model_month", "window", "observed",
                    "model_mean", "model_p5", "model_p95", "observed_unemployment", "model_unemployment")));
            for (Comparison c : result.comparisons()) {
                for (Row r : c.rows()) {
                    List<String> in = new ArrayList<>();
                    for (Window win : result.windows()) {
                        if (win.contains(r.period())) {
                            in.add(win.label());
                        }
                    }
                    w.write(ExperimentFiles.csvLine(List.of(c.mapping().metric(), c.mapping().column(), r.period().toString(),
                            Integer.toString(r.firstModelMonth()), String.join("+", in), ExperimentFiles.csv(r.observed()),
                            ExperimentFiles.csv(r.mean()), ExperimentFiles.csv(r.p5()), ExperimentFiles.csv(r.p95()),
                            ExperimentFiles.csv(r.observedUnemployment()), ExperimentFiles.csv(r.modelUnemployment()))));
                }
            }
        });
        AtomicFiles.writeText(dir.resolve("backtest-summary.csv"), w -> {
            w.write(ExperimentFiles.csvLine(List.of("metric", "column", "window", "from", "to", "periods", "rmse",
                    "observed_peak", "observed_peak_period", "model_peak", "model_peak_period", "peak_timing_periods",
                    "change_correlation", "observed_elasticity", "model_elasticity")));
            for (Comparison c : result.comparisons()) {
                for (Stats s : c.stats()) {
                    w.write(ExperimentFiles.csvLine(List.of(c.mapping().metric(), c.mapping().column(), s.window().label(),
                            s.window().from().toString(), s.window().to().toString(), Integer.toString(s.periods()),
                            ExperimentFiles.csv(s.rmse()), ExperimentFiles.csv(s.observedPeak()), label(s.observedPeakPeriod()),
                            ExperimentFiles.csv(s.modelPeak()), label(s.modelPeakPeriod()),
                            s.periods() == 0 ? "" : Integer.toString(s.peakTiming()), ExperimentFiles.csv(s.changeCorrelation()),
                            ExperimentFiles.csv(s.observedElasticity()), ExperimentFiles.csv(s.modelElasticity()))));
                }
            }
        });
        ChartKit kit = new ChartKit();
        for (Comparison c : result.comparisons()) {
            List<ChartKit.Point> model = new ArrayList<>();
            List<ChartKit.Point> observed = new ArrayList<>();
            for (Row r : c.rows()) {
                model.add(new ChartKit.Point(r.period().year(), r.mean(), r.p5(), r.p95()));
                observed.add(new ChartKit.Point(r.period().year(), r.observed(), Double.NaN, Double.NaN));
            }
            List<ChartKit.Span> spans = new ArrayList<>();
            for (Window win : result.windows()) {
                spans.add(new ChartKit.Span(win.label() + " window",
                        win.from().firstMonth() / 12.0, win.to().endMonth() / 12.0));
            }
            var chart = kit.lines("Backtest: " + c.mapping().metric() + " vs " + c.mapping().column(), "Year", "%",
                    List.of(new ChartKit.Series("model mean", model, false),
                            new ChartKit.Series("observed", observed, true)), 100, null, spans);
            chart.getStyler().setXAxisDecimalPattern("0");
            ChartFiles.writePng(chart, dir.resolve("charts").resolve("backtest_" + ExperimentCharts.slug(c.mapping().metric()) + ".png"));
        }
    }

    private static String label(Object period) {
        return period == null ? "" : period.toString();
    }

    /** The summary for standard output. */
    public static String text(Backtest.Result result) {
        StringBuilder sb = new StringBuilder();
        sb.append("Backtest (model month 1 = ").append(result.start()).append("; values in %, elasticity = d ln(series) per point of unemployment)\n");
        List<List<String>> rows = new ArrayList<>();
        for (Comparison c : result.comparisons()) {
            for (Stats s : c.stats()) {
                rows.add(List.of(c.mapping().metric(), s.window().label() + " " + s.window(), Integer.toString(s.periods()),
                        pct(s.rmse()), pct(s.observedPeak()) + " " + label(s.observedPeakPeriod()),
                        pct(s.modelPeak()) + " " + label(s.modelPeakPeriod()),
                        s.periods() == 0 ? "-" : String.format(Locale.ROOT, "%+d", s.peakTiming()),
                        TextTable.num(s.changeCorrelation()), TextTable.num(s.observedElasticity()), TextTable.num(s.modelElasticity())));
            }
        }
        sb.append(TextTable.table(List.of("metric", "window", "periods", "RMSE", "observed peak", "model peak", "timing",
                "corr(changes)", "elasticity obs", "elasticity model"), rows));
        for (String n : result.notes()) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static String pct(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.3f", 100 * share) : "-";
    }
}
