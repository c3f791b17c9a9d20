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
import org.creditstress.experiment.sensitivity.Morris;
import org.creditstress.experiment.sensitivity.SensitivityAnalysis.DesignPoint;
import org.creditstress.experiment.sensitivity.SensitivityAnalysis.Method;
import org.creditstress.experiment.sensitivity.SensitivityAnalysis.OutputResult;
import org.creditstress.experiment.sensitivity.SensitivityAnalysis.Result;
import org.creditstress.experiment.sensitivity.Sobol;
import org.creditstress.report.chart.ChartFiles;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.run.store.ExperimentFiles;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;

/**
 * Writes a sensitivity analysis: {@code sensitivity.csv} (one row per output and input),
 * {@code sensitivity.json}, {@code design.csv} (every design point with its outputs) and charts
 * ({@code charts/sensitivity_<output>.png}, and for Morris {@code charts/morris_<output>.png}, the
 * mu*-sigma plane); and the table printed on standard output.
 */
public final class SensitivityReport {
    private SensitivityReport() {
    }

    public static void write(Result result, Path dir) throws IOException {
        writeCsv(result, dir.resolve("sensitivity.csv"));
        writeDesign(result, dir.resolve("design.csv"));
        writeJson(result, dir.resolve("sensitivity.json"));
        for (OutputResult o : result.results()) {
            String slug = ExperimentCharts.slug(o.output().text());
            ChartFiles.writePng(barChart(result, o), dir.resolve("charts").resolve("sensitivity_" + slug + ".png"));
            if (o.morris() != null) {
                ChartFiles.writePng(muSigmaChart(result, o), dir.resolve("charts").resolve("morris_" + slug + ".png"));
            }
        }
    }

    /** The CSV header for a method. */
    static List<String> header(Method method) {
        List<String> h = new ArrayList<>(List.of("output", "input", "low", "high", "method"));
        if (method == Method.MORRIS) {
            h.addAll(List.of("mu_star", "mu_star_conf", "mu", "sigma", "effects", "rank"));
        } else {
            h.addAll(List.of("s1", "s1_conf", "st", "st_conf", "rank"));
        }
        return h;
    }

    private static void writeCsv(Result result, Path file) throws IOException {
        Method method = result.settings().method();
        AtomicFiles.writeText(file, w -> {
            w.write(ExperimentFiles.csvLine(header(method)));
            for (OutputResult o : result.results()) {
                int[] rank = o.ranks();
                for (int i = 0; i < result.inputs().size(); i++) {
                    ParameterRange in = result.inputs().get(i);
                    List<String> row = new ArrayList<>(List.of(o.output().text(), in.key(), in.format(in.low()),
                            in.format(in.high()), method.name().toLowerCase(Locale.ROOT)));
                    if (o.morris() != null) {
                        Morris.Indices m = o.morris()[i];
                        row.addAll(List.of(ExperimentFiles.csv(m.muStar()), ExperimentFiles.csv(m.muStarConf()),
                                ExperimentFiles.csv(m.mu()), ExperimentFiles.csv(m.sigma()), Integer.toString(m.effects())));
                    } else {
                        Sobol.Indices s = o.sobol()[i];
                        row.addAll(List.of(ExperimentFiles.csv(s.s1()), ExperimentFiles.csv(s.s1Conf()),
                                ExperimentFiles.csv(s.st()), ExperimentFiles.csv(s.stConf())));
                    }
                    row.add(Integer.toString(rank[i]));
                    w.write(ExperimentFiles.csvLine(row));
                }
            }
        });
    }

    private static void writeDesign(Result result, Path file) throws IOException {
        AtomicFiles.writeText(file, w -> {
            List<String> h = new ArrayList<>(List.of("point", "design"));
            result.inputs().forEach(p -> h.add(p.key()));
            result.outputs().forEach(o -> h.add(o.text()));
            w.write(ExperimentFiles.csvLine(h));
            int n = 0;
            for (DesignPoint d : result.design()) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(++n), d.label()));
                for (int i = 0; i < d.values().length; i++) {
                    row.add(result.inputs().get(i).format(d.values()[i]));
                }
                for (double y : d.outputs()) {
                    row.add(ExperimentFiles.csv(y));
                }
                w.write(ExperimentFiles.csvLine(row));
            }
        });
    }

    private static void writeJson(Result result, Path file) throws IOException {
        ObjectNode root = ExperimentFiles.object();
        var s = result.settings();
        root.put("method", s.method().name().toLowerCase(Locale.ROOT));
        if (s.method() == Method.MORRIS) {
            root.put("trajectories", s.trajectories());
            root.put("levels", s.levels());
            root.put("delta", s.levels() / (2.0 * (s.levels() - 1)));
        } else {
            root.put("samples", s.samples());
        }
        root.put("design_seed", s.seed());
        root.put("design_points", result.design().size());
        root.put("model_runs", result.distinctRuns());
        ArrayNode inputs = root.putArray("inputs");
        for (ParameterRange p : result.inputs()) {
            ObjectNode o = inputs.addObject();
            o.put("key", p.key());
            o.put("low", p.low());
            o.put("high", p.high());
            o.put("integer", p.integer());
        }
        ArrayNode outputs = root.putArray("outputs");
        for (OutputResult o : result.results()) {
            ObjectNode on = outputs.addObject();
            on.put("output", o.output().text());
            ExperimentFiles.put(on, "mean", o.mean());
            ExperimentFiles.put(on, "variance", o.variance());
            ArrayNode idx = on.putArray("indices");
            int[] rank = o.ranks();
            for (int i = 0; i < result.inputs().size(); i++) {
                ObjectNode x = idx.addObject();
                x.put("input", result.inputs().get(i).key());
                if (o.morris() != null) {
                    Morris.Indices m = o.morris()[i];
                    ExperimentFiles.put(x, "mu_star", m.muStar());
                    ExperimentFiles.put(x, "mu_star_conf", m.muStarConf());
                    ExperimentFiles.put(x, "mu", m.mu());
                    ExperimentFiles.put(x, "sigma", m.sigma());
                    x.put("effects", m.effects());
                } else {
                    Sobol.Indices so = o.sobol()[i];
                    ExperimentFiles.put(x, "s1", so.s1());
                    ExperimentFiles.put(x, "s1_conf", so.s1Conf());
                    ExperimentFiles.put(x, "st", so.st());
                    ExperimentFiles.put(x, "st_conf", so.stConf());
                }
                x.put("rank", rank[i]);
            }
        }
        ExperimentFiles.writeJson(file, root);
    }

    private static List<String> names(Result result) {
        return result.inputs().stream().map(ParameterRange::key).toList();
    }

    private static CategoryChart barChart(Result result, OutputResult o) {
        List<String> names = names(result);
        int k = names.size();
        CategoryChart chart;
        if (o.morris() != null) {
            chart = ExperimentCharts.bars("Morris mu* of " + o.output().text(), "Input",
                    "mu* (mean |effect| over the input's range)");
            List<Double> mu = new ArrayList<>();
            List<Double> conf = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                mu.add(finite(o.morris()[i].muStar()));
                conf.add(finite(o.morris()[i].muStarConf()));
            }
            CategorySeries s = chart.addSeries("mu* with 95 % bootstrap interval ("
                    + result.settings().trajectories() + " trajectories)", names, mu, conf);
            s.setFillColor(ExperimentCharts.color(0));
        } else {
            chart = ExperimentCharts.bars("Sobol' indices of " + o.output().text(), "Input", "Share of output variance");
            List<Double> s1 = new ArrayList<>();
            List<Double> s1c = new ArrayList<>();
            List<Double> st = new ArrayList<>();
            List<Double> stc = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                s1.add(finite(o.sobol()[i].s1()));
                s1c.add(finite(o.sobol()[i].s1Conf()));
                st.add(finite(o.sobol()[i].st()));
                stc.add(finite(o.sobol()[i].stConf()));
            }
            chart.addSeries("first order S1", names, s1, s1c).setFillColor(ExperimentCharts.color(0));
            chart.addSeries("total ST", names, st, stc).setFillColor(ExperimentCharts.color(1));
        }
        if (k > 3) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        chart.getStyler().setErrorBarsColor(ExperimentCharts.REFERENCE);
        return chart;
    }

    private static XYChart muSigmaChart(Result result, OutputResult o) {
        XYChart chart = ExperimentCharts.xy("Morris mu* and sigma of " + o.output().text(), "mu*", "sigma");
        double max = 0;
        for (int i = 0; i < result.inputs().size(); i++) {
            Morris.Indices m = o.morris()[i];
            double x = finite(m.muStar());
            double y = finite(m.sigma());
            max = Math.max(max, Math.max(x, y));
            ExperimentCharts.scatter(chart, result.inputs().get(i).key(), new double[] {x}, new double[] {y},
                    ExperimentCharts.color(i));
        }
        if (max > 0) {
            ExperimentCharts.dashed(chart, "sigma = mu*",
                    new double[] {0, max}, new double[] {0, max}, ExperimentCharts.REFERENCE);
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setMarkerSize(10);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        return chart;
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : 0.0;
    }

    /** The table for standard output. */
    public static String text(Result result) {
        StringBuilder sb = new StringBuilder();
        var s = result.settings();
        for (OutputResult o : result.results()) {
            int[] rank = o.ranks();
            List<List<String>> rows = new ArrayList<>();
            if (o.morris() != null) {
                sb.append(String.format(Locale.ROOT,
                        "Morris elementary effects of %s: %d trajectories, %d levels, %d design points, %d model runs; output mean %s%n",
                        o.output().text(), s.trajectories(), s.levels(), result.design().size(), result.distinctRuns(), TextTable.num(o.mean())));
                sb.append("(effects are per change of the input over its whole range)\n");
                for (int i = 0; i < result.inputs().size(); i++) {
                    Morris.Indices m = o.morris()[i];
                    ParameterRange p = result.inputs().get(i);
                    rows.add(List.of(p.key(), p.format(p.low()) + ":" + p.format(p.high()), TextTable.num(m.muStar()),
                            "+-" + TextTable.num(m.muStarConf()), TextTable.num(m.mu()),
                            TextTable.num(m.sigma()), Integer.toString(rank[i])));
                }
                sb.append(TextTable.table(List.of("input", "range", "mu*", "95% conf", "mu", "sigma", "rank"), rows));
            } else {
                sb.append(String.format(Locale.ROOT,
                        "Sobol' indices of %s: N = %d, %d design points, %d model runs; output mean %s, variance %s%n",
                        o.output().text(), s.samples(), result.design().size(), result.distinctRuns(), TextTable.num(o.mean()),
                        TextTable.num(o.variance())));
                for (int i = 0; i < result.inputs().size(); i++) {
                    Sobol.Indices so = o.sobol()[i];
                    ParameterRange p = result.inputs().get(i);
                    rows.add(List.of(p.key(), p.format(p.low()) + ":" + p.format(p.high()), TextTable.num(so.s1()),
                            "+-" + TextTable.num(so.s1Conf()), TextTable.num(so.st()),
                            "+-" + TextTable.num(so.stConf()), Integer.toString(rank[i])));
                }
                sb.append(TextTable.table(List.of("input", "range", "S1", "95% conf", "ST", "95% conf", "rank"), rows));
                if (!(o.variance() > 0)) {
                    sb.append("The output does not vary over the design: the indices are undefined.\n");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
