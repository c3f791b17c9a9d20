package org.creditstress.report.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.creditstress.report.chart.ChartStyle;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of the experiment commands (reverse stress, sensitivity, calibration) in the look of the
 * run charts ({@link ChartStyle#defaults()}: size, fonts, Tableau 10 colours, legend below).
 * The x axis here is a parameter value, not a month.
 */
public final class ExperimentCharts {
    /** Tableau 10, as the run charts. */
    private static final List<Color> COLORS = List.of(
            new Color(0x4E79A7), new Color(0xE15759), new Color(0x59A14F), new Color(0xF28E2B),
            new Color(0xB07AA1), new Color(0x76B7B2), new Color(0x9C755F), new Color(0xEDC948),
            new Color(0xFF9DA7), new Color(0xBAB0AC));
    /** A neutral grey for reference lines. */
    public static final Color REFERENCE = new Color(0x606060);

    private ExperimentCharts() {
    }

    /** The i-th series colour (cycles). */
    public static Color color(int i) {
        return COLORS.get(Math.floorMod(i, COLORS.size()));
    }

    /** The colour with an alpha (0-255). */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** An empty XY chart in the house style. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        ChartStyle house = ChartStyle.defaults();
        XYChart chart = new XYChartBuilder().width(house.width()).height(house.height())
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setYAxisDecimalPattern("0.####");
        chart.getStyler().setXAxisDecimalPattern("0.####");
        return chart;
    }

    /** An empty bar chart in the house style. */
    public static CategoryChart bars(String title, String xTitle, String yTitle) {
        ChartStyle house = ChartStyle.defaults();
        CategoryChart chart = new CategoryChartBuilder().width(house.width()).height(house.height())
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setAvailableSpaceFill(0.7);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisDecimalPattern("0.####");
        return chart;
    }

    private static void style(AxesChartStyler s) {
        ChartStyle.defaults().applyTo(s);
    }

    /** A line with markers. */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return s;
    }

    /** Points only. */
    public static XYSeries scatter(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarkerColor(color);
        s.setMarker(SeriesMarkers.CIRCLE);
        return s;
    }

    /** A thin dashed line without markers (reference levels, intervals). */
    public static XYSeries dashed(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 4f}, 0f));
        return s;
    }

    /** A translucent band between {@code low} and {@code high} over {@code x}. */
    public static XYSeries band(XYChart chart, String name, double[] x, double[] low, double[] high, Color color) {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = high[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = low[i];
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(translucent(color, 60));
        s.setLineColor(translucent(color, 0));
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** A file-name-safe form of a metric expression: {@code peak(m3plus_ratio)} -> {@code peak_m3plus_ratio}. */
    public static String slug(String text) {
        String s = text.replaceAll("[^A-Za-z0-9.+-]+", "_").replaceAll("_+$", "").replaceAll("^_+", "");
        return s.isEmpty() ? "output" : s;
    }
}
