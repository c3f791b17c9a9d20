package org.creditstress.report.html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creditstress.report.chart.ChartStyle;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of experiments (compare, sweep) in the house style of the run charts
 * ({@link ChartStyle#defaults()}: size, fonts, Tableau 10 palette, translucent 5-95 % bands, 2.2 px
 * median lines, legend below). The run charts' builders are package-private in
 * {@code report.chart}, so the few style settings are restated here; keep them in step.
 */
public final class ChartKit {
    /** Sequential light-to-dark for heat maps (yellow to red, as the bucket chart, light enough for black labels). */
    private static final Color[] HEAT_COLORS = {
        new Color(0xFFF7C4), new Color(0xFDCC8A), new Color(0xFC8D59), new Color(0xE34A33)};
    private static final String FONT = Font.SANS_SERIF;
    private static final int BAND_ALPHA = 60;
    private static final float LINE_WIDTH = 2.2f;
    private static final int FONT_SIZE = 13;
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private final int width;
    private final int height;
    private final ChartStyle style;

    /** Charts of the size of the run charts. */
    public ChartKit() {
        this(ChartStyle.defaults());
    }

    public ChartKit(ChartStyle style) {
        this.style = style;
        this.width = style.width();
        this.height = style.height();
    }

    /** One statistic path by month across replications (p5, p50, p95; NaN where undefined). */
    public record Band(String label, int[] months, double[] p5, double[] p50, double[] p95) {
    }

    /** A point of a line or scatter: x, and y as mean with a 5-95 % band (NaN when unknown). */
    public record Point(double x, double mean, double p5, double p95) {
    }

    /**
     * A series of points: drawn as a line through the means with a translucent 5-95 % band, or with
     * {@code scatter} as unconnected markers without band.
     */
    public record Series(String label, List<Point> points, boolean scatter) {
    }

    /** A new XY chart in the house style (the run charts' {@link ChartStyle}), tooltips off. */
    public XYChart newChart(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = style.newChart(title, xAxisTitle, yAxisTitle);
        chart.getStyler().setToolTipsEnabled(false);
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    Color color(int i) {
        return style.seriesColor(i);
    }

    private Color band(Color c) {
        return style.bandColor(c);
    }

    private static BasicStroke medianStroke() {
        return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * Overlaid fan charts: per series a translucent 5-95 % band and the median line, by month
     * ({@code scale} converts values to plotted units, 100 for percent).
     */
    public XYChart fans(String title, String yAxisTitle, List<Band> bands, int replications, double scale) {
        XYChart chart = newChart(title, "Month", yAxisTitle);
        chart.getStyler().setXAxisDecimalPattern("0");
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        double min = Double.POSITIVE_INFINITY;
        boolean anyBand = false;
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            double[] x = toDoubles(b.months());
            anyBand |= polygon(chart, b.label() + " band", x, scaled(b.p5(), scale), scaled(b.p95(), scale), band(color(i)));
            for (double[] v : new double[][] {b.p5(), b.p50(), b.p95()}) {
                for (double d : v) {
                    if (Double.isFinite(d)) {
                        min = Math.min(min, d * scale);
                    }
                }
            }
            if (b.months().length > 0) {
                first = Math.min(first, b.months()[0]);
                last = Math.max(last, b.months()[b.months().length - 1]);
            }
        }
        double[] anchor = null;
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            double[] y = scaled(b.p50(), scale);
            int f = firstFinite(y);
            if (f < 0) {
                continue;
            }
            XYSeries line = chart.addSeries(b.label() + " (median)", toDoubles(b.months()), y);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(color(i));
            line.setLineStyle(medianStroke());
            line.setMarker(SeriesMarkers.NONE);
            if (anchor == null) {
                anchor = new double[] {b.months()[f], y[f]};
            }
        }
        if (anchor != null) {
            String note = anyBand ? "band: 5\u201395 % across " + replications + (replications == 1 ? " replication" : " replications")
                    : (replications == 1 ? "no band: 1 replication" : "no band: 5\u201395 % range is zero");
            legendNote(chart, note, anyBand ? new Color(0x80, 0x80, 0x80, 2 * BAND_ALPHA) : Color.WHITE, anchor[0], anchor[1]);
            monthAxis(chart, first, last, anchor[1]);
        }
        if (min >= 0) {
            chart.getStyler().setYAxisMin(0.0);
        }
        return chart;
    }

    /**
     * One line or scatter per series of y (the mean) against x; lines get their 5-95 % band as a
     * translucent area where known. With {@code categories} non-null, x is the position 0, 1, ...
     * and the ticks show these labels.
     */
    public XYChart lines(String title, String xAxisTitle, String yAxisTitle, List<Series> series, double scale,
                         List<String> categories) {
        return lines(title, xAxisTitle, yAxisTitle, series, scale, categories, List.of());
    }

    /** A shaded stretch of the x axis, drawn behind the series with its label in the legend. */
    public record Span(String label, double from, double to) {
    }

    /** As {@link #lines(String, String, String, List, double, List)}, with shaded spans of x behind the series. */
    public XYChart lines(String title, String xAxisTitle, String yAxisTitle, List<Series> series, double scale,
                         List<String> categories, List<Span> spans) {
        XYChart chart = newChart(title, xAxisTitle, yAxisTitle);
        if (!spans.isEmpty()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Series s : series) {
                for (Point p : s.points()) {
                    for (double v : new double[] {p.mean(), p.p5(), p.p95()}) {
                        if (Double.isFinite(v)) {
                            lo = Math.min(lo, v * scale);
                            hi = Math.max(hi, v * scale);
                        }
                    }
                }
            }
            if (Double.isFinite(lo)) {
                lo = lo >= 0 ? 0 : lo;
                for (int i = 0; i < spans.size(); i++) {
                    Span sp = spans.get(i);
                    XYSeries area = chart.addSeries(sp.label(), new double[] {sp.from(), sp.to(), sp.to(), sp.from()},
                            new double[] {lo, lo, hi, hi});
                    area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                    Color c = i % 2 == 0 ? new Color(0x80, 0x80, 0x80, 45) : new Color(0xE1, 0x9D, 0x29, 45);
                    area.setFillColor(c);
                    area.setLineColor(c);
                    area.setMarker(SeriesMarkers.NONE);
                }
            }
        }
        chart.getStyler().setXAxisDecimalPattern("0.######");
        if (categories != null) {
            chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
                long i = Math.round(x);
                return Math.abs(x - i) < 1e-9 && i >= 0 && i < categories.size() ? categories.get((int) i) : " ";
            });
        }
        boolean anyBand = false;
        double min = Double.POSITIVE_INFINITY;
        for (int s = 0; s < series.size(); s++) {
            List<Point> pts = new ArrayList<>(series.get(s).points());
            pts.removeIf(p -> !Double.isFinite(p.mean()));
            pts.sort((a, b) -> Double.compare(a.x(), b.x()));
            if (pts.isEmpty()) {
                continue;
            }
            double[] x = pts.stream().mapToDouble(Point::x).toArray();
            double[] y = pts.stream().mapToDouble(p -> p.mean() * scale).toArray();
            double[] lo = pts.stream().mapToDouble(p -> p.p5() * scale).toArray();
            double[] hi = pts.stream().mapToDouble(p -> p.p95() * scale).toArray();
            for (int i = 0; i < x.length; i++) {
                min = Math.min(min, Double.isFinite(lo[i]) ? Math.min(lo[i], y[i]) : y[i]);
            }
            boolean scatter = series.get(s).scatter();
            if (!scatter) {
                anyBand |= polygon(chart, series.get(s).label() + " band", x, lo, hi, band(color(s)));
            }
            XYSeries line = chart.addSeries(series.get(s).label(), x, y);
            line.setXYSeriesRenderStyle(scatter ? XYSeries.XYSeriesRenderStyle.Scatter : XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(color(s));
            line.setLineStyle(medianStroke());
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setMarkerColor(scatter ? new Color(color(s).getRed(), color(s).getGreen(), color(s).getBlue(), 170) : color(s));
        }
        if (anyBand) {
            XYSeries first = chart.getSeriesMap().values().stream()
                    .filter(xs -> xs.getXYSeriesRenderStyle() == XYSeries.XYSeriesRenderStyle.Line).findFirst().orElse(null);
            if (first != null) {
                legendNote(chart, "band: 5\u201395 % across replications", new Color(0x80, 0x80, 0x80, 2 * BAND_ALPHA),
                        first.getXData()[0], first.getYData()[0]);
            }
        }
        if (min >= 0 && Double.isFinite(min)) {
            chart.getStyler().setYAxisMin(0.0);
        }
        return chart;
    }

    /**
     * A heat map of {@code values[xi][yi]} (NaN cells left blank) over two categorical axes, each
     * cell labelled with its value ({@link java.text.DecimalFormat} {@code pattern}, e.g. "0.00")
     * when the grid is small enough to read. The darker colour goes to high values, or with
     * {@code lowIsBad} (capital, cash) to low values, so that the worse cells always stand out.
     */
    public HeatMapChart heatMap(String title, String xAxisTitle, List<String> xLabels, String yAxisTitle,
                                List<String> yLabels, double[][] values, String pattern, boolean lowIsBad) {
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        var s = chart.getStyler();
        s.setAntiAlias(true);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(new Color(0xF2F2F2));
        s.setChartFontColor(new Color(0x202020));
        s.setAxisTickLabelsColor(new Color(0x303030));
        s.setChartTitleFont(new Font(FONT, Font.BOLD, FONT_SIZE + 3));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, FONT_SIZE));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, FONT_SIZE - 1));
        s.setLegendFont(new Font(FONT, Font.PLAIN, FONT_SIZE - 1));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartPadding(12);
        s.setToolTipsEnabled(false);
        Color[] colors = HEAT_COLORS.clone();
        if (lowIsBad) {
            java.util.Collections.reverse(java.util.Arrays.asList(colors));
        }
        s.setRangeColors(colors);
        s.setDrawBorder(true);
        boolean small = xLabels.size() * yLabels.size() <= 144 && xLabels.size() <= 16;
        s.setShowValue(small);
        s.setValueFont(new Font(FONT, Font.PLAIN, FONT_SIZE - 2));
        s.setValueFontColor(new Color(0x202020));
        s.setHeatMapValueDecimalPattern(pattern);
        java.text.DecimalFormat df = new java.text.DecimalFormat(pattern);
        s.setHeatMapDecimalValueFormatter(df::format);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < xLabels.size(); i++) {
            for (int j = 0; j < yLabels.size(); j++) {
                double v = values[i][j];
                if (Double.isFinite(v)) {
                    cells.add(new Number[] {i, j, v});
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (cells.isEmpty()) {
            min = 0;
            max = 1;
        } else if (!(max > min)) {
            double pad = Math.max(1e-9, Math.abs(min) * 1e-6);
            min -= pad;
            max += pad;
        }
        int dot = pattern.indexOf('.');
        double f = Math.pow(10, dot < 0 ? 0 : pattern.length() - dot - 1);
        s.setMin(Math.floor(min * f) / f); // legend ends at the labels' precision
        s.setMax(Math.ceil(max * f) / f);
        chart.addSeries(title, new ArrayList<>(xLabels), new ArrayList<>(yLabels), cells);
        return chart;
    }

    /** A file-name-safe form of a label: {@code peak(m3plus_ratio)} gives {@code peak_m3plus_ratio}. */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.+-]+", "_").replace('+', 'p');
        s = s.replaceAll("_+", "_").replaceAll("^_|_$", "");
        return s.isEmpty() ? "chart" : s;
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Band polygons between lo and hi, split where either is undefined; returns whether any has width. */
    private static boolean polygon(XYChart chart, String name, double[] x, double[] lo, double[] hi, Color fill) {
        boolean width = false;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(lo[i]) && Double.isFinite(hi[i]) && hi[i] - lo[i] > 1e-12 * Math.max(1, Math.abs(hi[i]))) {
                width = true;
            }
        }
        if (!width) {
            return false;
        }
        int part = 0;
        int i = 0;
        while (i < x.length) {
            if (!(Double.isFinite(lo[i]) && Double.isFinite(hi[i]))) {
                i++;
                continue;
            }
            int start = i;
            while (i < x.length && Double.isFinite(lo[i]) && Double.isFinite(hi[i])) {
                i++;
            }
            int n = i - start;
            if (n < 2) {
                continue;
            }
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            for (int k = 0; k < n; k++) {
                xs[k] = x[start + k];
                ys[k] = hi[start + k];
                xs[2 * n - 1 - k] = x[start + k];
                ys[2 * n - 1 - k] = lo[start + k];
            }
            XYSeries s = chart.addSeries(name + " " + (++part), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(fill);
            s.setLineColor(fill);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
        }
        return part > 0;
    }

    private static void legendNote(XYChart chart, String text, Color fill, double x, double y) {
        XYSeries note = chart.addSeries(text, new double[] {x, x, x}, new double[] {y, y, y});
        note.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        note.setFillColor(fill);
        note.setLineColor(fill.darker());
        note.setMarker(SeriesMarkers.NONE);
    }

    /** Whole-month ticks up to 24 months; round-number ticks beyond (as the run charts). */
    private static void monthAxis(XYChart chart, int first, int last, double anchorY) {
        if (last - first + 1 <= 24) {
            chart.getStyler().setxAxisTickLabelsFormattingFunction(
                    x -> Math.abs(x - Math.rint(x)) < 1e-9 ? Long.toString(Math.round(x)) : " ");
        } else if (Double.isFinite(anchorY)) {
            double x = first + 0.5;
            XYSeries helper = chart.addSeries(" axis helper", new double[] {x, x, x}, new double[] {anchorY, anchorY, anchorY});
            helper.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            helper.setFillColor(TRANSPARENT);
            helper.setLineColor(TRANSPARENT);
            helper.setMarker(SeriesMarkers.NONE);
            helper.setShowInLegend(false);
        }
    }

    private static int firstFinite(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    private static double[] scaled(double[] v, double scale) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isFinite(v[i]) ? v[i] * scale : Double.NaN;
        }
        return out;
    }

    private static double[] toDoubles(int[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
