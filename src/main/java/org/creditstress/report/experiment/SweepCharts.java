package org.creditstress.report.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.creditstress.experiment.sweep.Design;
import org.creditstress.experiment.sweep.SweepResults.PointResult;
import org.creditstress.experiment.sweep.SweepResults;
import org.creditstress.experiment.sweep.Vary;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.report.chart.ChartFiles;
import org.creditstress.report.html.ChartKit;
import org.creditstress.report.html.Units;
import org.creditstress.run.MetricExpression;

/**
 * The charts of a sweep, in {@code charts/}, one set per expression:
 * <ul>
 *   <li>one varied key: {@code line_<expr>.png}, the mean against the key's value with the 5-95 %
 *       band across replications;</li>
 *   <li>two keys on a grid: {@code heatmap_<expr>.png}, the mean in each cell of the grid;</li>
 *   <li>otherwise (more keys, or lhs/sobol with two or more): {@code scatter_<expr>__<key>.png} per
 *       key, each point's mean against that key's value, plus (grids) the average over the other
 *       keys at each value.</li>
 * </ul>
 * Failed points leave gaps. Shares and ratios are shown in percent.
 */
public final class SweepCharts {
    public static final String DIR = "charts";
    private final ChartKit kit = new ChartKit();

    /** Replaces the PNGs in {@code chartsDir} with this sweep's charts; returns them in report order. */
    public List<Path> writeAll(Path chartsDir, List<Vary> vary, Design design, List<PointResult> results,
                               List<MetricExpression> metrics, MetricRegistry registry) throws IOException {
        Files.createDirectories(chartsDir);
        try (Stream<Path> old = Files.list(chartsDir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".png")).toList()) {
                Files.delete(p);
            }
        }
        List<PointResult> done = results.stream().filter(PointResult::done).toList();
        List<Path> written = new ArrayList<>();
        if (done.isEmpty()) {
            return written;
        }
        List<String> keys = vary.stream().map(Vary::key).toList();
        for (int j = 0; j < metrics.size(); j++) {
            MetricExpression e = metrics.get(j);
            boolean pct = Units.percent(registry, e.metric());
            double scale = pct ? 100 : 1;
            String yTitle = e.text() + (pct ? " (%)" : "");
            if (keys.size() == 1) {
                Path f = chartsDir.resolve("line_" + ChartKit.slug(e.text()) + ".png");
                ChartFiles.writePng(line(e, yTitle, keys.get(0), done, j, scale), f);
                written.add(f);
            } else if (keys.size() == 2 && design == Design.GRID) {
                Path f = chartsDir.resolve("heatmap_" + ChartKit.slug(e.text()) + ".png");
                ChartFiles.writePng(heat(e, pct, keys, results, j, scale), f);
                written.add(f);
            } else {
                for (String key : keys) {
                    Path f = chartsDir.resolve("scatter_" + ChartKit.slug(e.text()) + "__" + ChartKit.slug(key) + ".png");
                    ChartFiles.writePng(scatter(e, yTitle, key, done, j, scale, design == Design.GRID), f);
                    written.add(f);
                }
            }
        }
        return written;
    }

    /** X positions of a key's values: the numbers themselves, or 0, 1, ... when some value is not a number. */
    private record Axis(Map<String, Double> x, List<String> categories) {
        static Axis of(String key, List<PointResult> points) {
            LinkedHashSet<String> values = new LinkedHashSet<>();
            points.forEach(p -> values.add(p.state().point().values().get(key)));
            Map<String, Double> x = new LinkedHashMap<>();
            boolean numeric = true;
            for (String v : values) {
                try {
                    x.put(v, Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            if (numeric) {
                return new Axis(x, null);
            }
            x.clear();
            List<String> cats = new ArrayList<>(values);
            for (int i = 0; i < cats.size(); i++) {
                x.put(cats.get(i), (double) i);
            }
            return new Axis(x, cats);
        }
    }

    private org.knowm.xchart.XYChart line(MetricExpression e, String yTitle, String key, List<PointResult> done, int j,
                                          double scale) {
        Axis axis = Axis.of(key, done);
        List<ChartKit.Point> pts = new ArrayList<>();
        for (PointResult p : done) {
            SweepResults.Stat s = p.stats().get(j);
            pts.add(new ChartKit.Point(axis.x().get(p.state().point().values().get(key)), s.mean(), s.p5(), s.p95()));
        }
        return kit.lines(e.text() + " against " + key, key, yTitle,
                List.of(new ChartKit.Series(e.text() + " (mean)", pts, false)), scale, axis.categories());
    }

    private org.knowm.xchart.XYChart scatter(MetricExpression e, String yTitle, String key, List<PointResult> done,
                                             int j, double scale, boolean grid) {
        Axis axis = Axis.of(key, done);
        List<ChartKit.Point> pts = new ArrayList<>();
        Map<Double, double[]> byX = new LinkedHashMap<>();
        for (PointResult p : done) {
            double x = axis.x().get(p.state().point().values().get(key));
            double m = p.stats().get(j).mean();
            pts.add(new ChartKit.Point(x, m, Double.NaN, Double.NaN));
            if (Double.isFinite(m)) {
                double[] acc = byX.computeIfAbsent(x, k -> new double[2]);
                acc[0] += m;
                acc[1]++;
            }
        }
        List<ChartKit.Series> series = new ArrayList<>();
        series.add(new ChartKit.Series("each point (mean over replications)", pts, true));
        if (grid && byX.size() < pts.size() && byX.size() > 1) {
            List<ChartKit.Point> avg = new ArrayList<>();
            byX.forEach((x, acc) -> avg.add(new ChartKit.Point(x, acc[0] / acc[1], Double.NaN, Double.NaN)));
            series.add(new ChartKit.Series("average over the other keys", avg, false));
        }
        return kit.lines(e.text() + " against " + key, key, yTitle, series, scale, axis.categories());
    }

    /** Metrics where less is worse (capital, cash, equity, income, savings): their heat maps darken downwards. */
    static boolean lowIsBad(String metric) {
        return metric.matches(".*(capital_ratio|cash|equity|income_mean|savings_mean|lending)$");
    }

    private org.knowm.xchart.HeatMapChart heat(MetricExpression e, boolean pct, List<String> keys, List<PointResult> results,
                                               int j, double scale) {
        LinkedHashSet<String> xs = new LinkedHashSet<>();
        LinkedHashSet<String> ys = new LinkedHashSet<>();
        results.forEach(r -> {
            xs.add(r.state().point().values().get(keys.get(0)));
            ys.add(r.state().point().values().get(keys.get(1)));
        });
        List<String> xl = new ArrayList<>(xs);
        List<String> yl = new ArrayList<>(ys);
        double[][] v = new double[xl.size()][yl.size()];
        for (double[] row : v) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (PointResult r : results) {
            if (r.done()) {
                int xi = xl.indexOf(r.state().point().values().get(keys.get(0)));
                int yi = yl.indexOf(r.state().point().values().get(keys.get(1)));
                v[xi][yi] = r.stats().get(j).mean() * scale;
            }
        }
        return kit.heatMap(e.text() + ", mean" + (pct ? " (%)" : "") + "; blank: failed", keys.get(0), xl, keys.get(1), yl, v,
                pct ? "0.00" : "0.####", lowIsBad(e.metric()));
    }
}
