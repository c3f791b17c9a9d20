package org.creditstress.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one place where the look of all run charts is set: size, fonts, colours, band transparency,
 * line widths, legend placement. Immutable; {@link #defaults()} gives the house style and the
 * {@code with...} methods derive variants.
 */
public final class ChartStyle {

    /** Tableau 10: distinct, colour-blind tolerant hues for lenders and metrics. */
    private static final List<Color> SERIES_COLORS = List.of(
            new Color(0x4E79A7), new Color(0xE15759), new Color(0x59A14F), new Color(0xF28E2B),
            new Color(0xB07AA1), new Color(0x76B7B2), new Color(0x9C755F), new Color(0xEDC948),
            new Color(0xFF9DA7), new Color(0xBAB0AC));

    /** Sequential yellow-to-dark-red: the later the bucket, the darker. M1, M2, M3, M4+. */
    private static final List<Color> BUCKET_COLORS = List.of(
            new Color(0xFDCC8A), new Color(0xFC8D59), new Color(0xD7301F), new Color(0x7F0000));

    /** The performing remainder of a stack (five-tier "normal"): pale, so the classes at risk stand out. */
    private static final Color PERFORMING_COLOR = new Color(0xD9E6D3);

    /** Waterfall bars: what raises profit, what lowers it, and the result (Tableau green, red, blue). */
    private static final Color GAIN_COLOR = new Color(0x59A14F);
    private static final Color LOSS_COLOR = new Color(0xE15759);
    private static final Color TOTAL_COLOR = new Color(0x4E79A7);

    /** Reference lines (a regulatory minimum): dark grey, so they read as rules rather than data. */
    private static final Color REFERENCE_COLOR = new Color(0x404040);

    private static final String FONT_FAMILY = Font.SANS_SERIF;
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    /** Horizons up to this many months get a tick for every month. */
    static final int MAX_MONTHS_TICKED_EACH = 24;

    private final int width;
    private final int height;
    private final int bandAlpha;
    private final float lineWidth;
    private final int fontSize;

    private ChartStyle(int width, int height, int bandAlpha, float lineWidth, int fontSize) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("chart size too small: " + width + "x" + height);
        }
        if (bandAlpha < 0 || bandAlpha > 255) {
            throw new IllegalArgumentException("band alpha must be in 0..255: " + bandAlpha);
        }
        if (!(lineWidth > 0) || fontSize < 6) {
            throw new IllegalArgumentException("line width must be positive and font size at least 6");
        }
        this.width = width;
        this.height = height;
        this.bandAlpha = bandAlpha;
        this.lineWidth = lineWidth;
        this.fontSize = fontSize;
    }

    /** The house style: 900x500 px, 13 pt text, 2.2 px median lines, bands at alpha 60/255. */
    public static ChartStyle defaults() {
        return new ChartStyle(900, 500, 60, 2.2f, 13);
    }

    /** The same style at another size in pixels. */
    public ChartStyle withSize(int width, int height) {
        return new ChartStyle(width, height, bandAlpha, lineWidth, fontSize);
    }

    /** The same style with another base font size (title is 3 pt larger, tick labels 1 pt smaller). */
    public ChartStyle withFontSize(int fontSize) {
        return new ChartStyle(width, height, bandAlpha, lineWidth, fontSize);
    }

    /** Chart width in pixels. */
    public int width() {
        return width;
    }

    /** Chart height in pixels. */
    public int height() {
        return height;
    }

    /** A new, empty XY chart with this style, a title and axis titles. The x axis shows whole months. */
    public XYChart newChart(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        XYStyler s = chart.getStyler();
        applyTo(s);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarkerSize(6);
        s.setXAxisDecimalPattern("0");
        return chart;
    }

    /** A new, empty category (bar) chart with this style, a title and axis titles. */
    public CategoryChart newCategoryChart(String title, String xAxisTitle, String yAxisTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        applyTo(chart.getStyler());
        return chart;
    }

    /** The house look for any chart with axes (XY or bars): colours, fonts, grid, legend below. */
    public void applyTo(org.knowm.xchart.style.AxesChartStyler s) {
        s.setAntiAlias(true);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0xB0B0B0));
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(new Color(0xE3E3E3));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(new Color(0x202020));
        s.setAxisTickLabelsColor(new Color(0x303030));
        s.setChartTitleFont(new Font(FONT_FAMILY, Font.BOLD, fontSize + 3));
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(8);
        s.setAxisTitleFont(new Font(FONT_FAMILY, Font.PLAIN, fontSize));
        s.setAxisTickLabelsFont(new Font(FONT_FAMILY, Font.PLAIN, fontSize - 1));
        s.setLegendFont(new Font(FONT_FAMILY, Font.PLAIN, fontSize - 1));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPadding(14);
        s.setLegendSeriesLineLength(28);
        s.setChartPadding(12);
        s.setPlotMargin(4);
        s.setToolTipsEnabled(false);
    }

    /**
     * Labels the month axis. Horizons up to {@value #MAX_MONTHS_TICKED_EACH} months get one tick per
     * month and never a fractional month. Longer horizons get XChart's evenly spaced round-number
     * ticks (e.g. every 10 months) rather than a tick at every month: XChart puts ticks only at data
     * values whenever the chart's x values are equally spaced, so an invisible, legend-less point at a
     * half month ({@code anchorY} must be a y value already on the chart) makes them unequal.
     */
    void monthAxis(XYChart chart, int firstMonth, int lastMonth, double anchorY) {
        if (lastMonth - firstMonth + 1 <= MAX_MONTHS_TICKED_EACH) {
            chart.getStyler().setxAxisTickLabelsFormattingFunction(
                    x -> isWhole(x) ? Long.toString(Math.round(x)) : " ");
        } else if (Double.isFinite(anchorY)) {
            double x = firstMonth + 0.5;
            XYSeries helper = chart.addSeries(" axis helper", new double[] {x, x, x},
                    new double[] {anchorY, anchorY, anchorY});
            helper.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            helper.setFillColor(TRANSPARENT);
            helper.setLineColor(TRANSPARENT);
            helper.setMarker(SeriesMarkers.NONE);
            helper.setShowInLegend(false);
        }
    }

    /**
     * Adds a legend-only entry: a polygon of zero area (drawn as nothing) at a point already on the
     * chart, whose legend box has the given fill. Used for notes such as the band definition.
     */
    void legendNote(XYChart chart, String text, Color fill, double x, double y) {
        XYSeries note = chart.addSeries(text, new double[] {x, x, x}, new double[] {y, y, y});
        note.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        note.setFillColor(fill);
        note.setLineColor(fill.darker());
        note.setMarker(SeriesMarkers.NONE);
    }

    /** The neutral legend fill that explains a band. */
    Color neutralBandColor() {
        return new Color(0x80, 0x80, 0x80, Math.min(255, bandAlpha * 2));
    }

    /** The colour of the i-th series (lender or metric); cycles through the palette. */
    public Color seriesColor(int index) {
        return SERIES_COLORS.get(Math.floorMod(index, SERIES_COLORS.size()));
    }

    /** The colour of delinquency bucket {@code index} (0 = M1 ... 3 = M4+). */
    Color bucketColor(int index) {
        return BUCKET_COLORS.get(Math.min(Math.max(index, 0), BUCKET_COLORS.size() - 1));
    }

    /** The fill of the performing remainder of a stack (five-tier class normal). */
    Color performingColor() {
        return PERFORMING_COLOR;
    }

    /** Waterfall bar that raises profit. */
    Color gainColor() {
        return GAIN_COLOR;
    }

    /** Waterfall bar that lowers profit. */
    Color lossColor() {
        return LOSS_COLOR;
    }

    /** Waterfall bar of the result. */
    Color totalColor() {
        return TOTAL_COLOR;
    }

    /** Colour of reference lines such as a regulatory minimum. */
    Color referenceColor() {
        return REFERENCE_COLOR;
    }

    /** The translucent fill of a 5-95 % band in the given series colour. */
    public Color bandColor(Color base) {
        return new Color(base.getRed(), base.getGreen(), base.getBlue(), bandAlpha);
    }

    /** The stroke of median lines. */
    BasicStroke medianStroke() {
        return new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A thin stroke, e.g. for the top edge of a stack. */
    BasicStroke thinStroke() {
        return new BasicStroke(Math.max(1f, lineWidth / 2f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed stroke of median width, e.g. for a minimum. */
    BasicStroke dashedStroke() {
        return new BasicStroke(Math.max(1f, lineWidth * 0.8f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {9f, 5f}, 0f);
    }

    /** A dotted stroke, e.g. for a minimum plus buffer or a percentile of a total. */
    BasicStroke dottedStroke() {
        return new BasicStroke(Math.max(1f, lineWidth * 0.7f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {2f, 4f}, 0f);
    }

    private static boolean isWhole(double x) {
        return Math.abs(x - Math.rint(x)) < 1e-9;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChartStyle other && width == other.width && height == other.height
                && bandAlpha == other.bandAlpha && lineWidth == other.lineWidth && fontSize == other.fontSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, bandAlpha, lineWidth, fontSize);
    }

    @Override
    public String toString() {
        return "ChartStyle" + Arrays.asList(width + "x" + height, "bandAlpha=" + bandAlpha,
                "lineWidth=" + lineWidth, "fontSize=" + fontSize);
    }
}
