package org.creditstress.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds a fan chart: for each of one or more metrics, the p5-p95 band across replications as a
 * translucent polygon and the median (p50) as a solid line on top, by month.
 *
 * <p>XChart has no band series, so a band is drawn as a {@code PolygonArea} series that runs along
 * p95 from the first to the last month and back along p5. Months where p5 or p95 is missing split the
 * band into separate polygons; missing medians break the line. The legend lists the median lines
 * and one neutral entry that says what the bands are ("band: 5–95 % across N replications"). A band
 * that is zero everywhere (e.g. a single replication) is not drawn, and then neither is that entry.
 */
final class FanChart {

    /** One metric on the chart. {@code scale} converts stored values to plotted units (100 for percent). */
    record Fan(String label, MetricSummary summary, double scale) {
        Fan {
            Objects.requireNonNull(label);
            Objects.requireNonNull(summary);
        }
    }

    private final ChartStyle style;

    FanChart(ChartStyle style) {
        this.style = Objects.requireNonNull(style);
    }

    /**
     * Builds the chart.
     *
     * @param title chart title
     * @param yAxisTitle y axis title with unit
     * @param fans the metrics, in legend order; each gets the next palette colour
     * @param replications number of replications behind the band, for the legend
     * @param zeroBased whether the y axis starts at zero when all values are non-negative
     */
    XYChart build(String title, String yAxisTitle, List<Fan> fans, int replications, boolean zeroBased) {
        XYChart chart = style.newChart(title, "Month", yAxisTitle);
        double min = Double.POSITIVE_INFINITY;
        int firstMonth = Integer.MAX_VALUE;
        int lastMonth = Integer.MIN_VALUE;
        boolean anyBand = false;
        // Bands first so that every median line is drawn over every band.
        for (int f = 0; f < fans.size(); f++) {
            Fan fan = fans.get(f);
            anyBand |= addBand(chart, fan, style.seriesColor(f));
            min = Math.min(min, minimum(fan));
            int[] months = fan.summary().months();
            if (months.length > 0) {
                firstMonth = Math.min(firstMonth, months[0]);
                lastMonth = Math.max(lastMonth, months[months.length - 1]);
            }
        }
        double[] anchor = null;
        for (int f = 0; f < fans.size(); f++) {
            double[] point = addMedian(chart, fans.get(f), style.seriesColor(f));
            anchor = anchor == null ? point : anchor;
        }
        if (anchor != null) {
            if (anyBand) {
                style.legendNote(chart, bandNote(replications), style.neutralBandColor(), anchor[0], anchor[1]);
            } else {
                style.legendNote(chart, noBandNote(replications), Color.WHITE, anchor[0], anchor[1]);
            }
        }
        if (zeroBased && min >= 0) {
            chart.getStyler().setYAxisMin(0.0);
        }
        if (anchor != null) {
            style.monthAxis(chart, firstMonth, lastMonth, anchor[1]);
        }
        return chart;
    }

    /** The legend note on what the bands show, e.g. "band: 5–95 % across 200 replications". */
    static String bandNote(int replications) {
        return "band: 5\u201395 % across " + replications + (replications == 1 ? " replication" : " replications");
    }

    /** The legend note when no band has any width, e.g. with a single replication. */
    static String noBandNote(int replications) {
        return replications == 1 ? "no band: 1 replication"
                : "no band: 5\u201395 % range is zero across " + replications + " replications";
    }

    /** Adds the band polygons; returns whether any was drawn. */
    private boolean addBand(XYChart chart, Fan fan, Color color) {
        double[] months = toDoubles(fan.summary().months());
        double[] low = scaled(fan.summary().values(Statistic.P5), fan.scale());
        double[] high = scaled(fan.summary().values(Statistic.P95), fan.scale());
        if (!hasWidth(low, high)) {
            return false;
        }
        int part = 0;
        int i = 0;
        while (i < months.length) {
            if (!defined(low[i], high[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < months.length && defined(low[i], high[i])) {
                i++;
            }
            int n = i - start;
            if (n < 2) {
                continue; // a single month has no area
            }
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            for (int k = 0; k < n; k++) {
                xs[k] = months[start + k];
                ys[k] = high[start + k];
                xs[2 * n - 1 - k] = months[start + k];
                ys[2 * n - 1 - k] = low[start + k];
            }
            String name = fan.label() + " band " + (part + 1);
            XYSeries band = chart.addSeries(name, xs, ys);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(style.bandColor(color));
            band.setLineColor(style.bandColor(color));
            band.setMarker(SeriesMarkers.NONE);
            band.setShowInLegend(false);
            part++;
        }
        return part > 0;
    }

    /** Adds the median line (if it has data); returns its first defined point {x, y}, or null. */
    private double[] addMedian(XYChart chart, Fan fan, Color color) {
        double[] months = toDoubles(fan.summary().months());
        double[] median = scaled(fan.summary().values(Statistic.P50), fan.scale());
        int first = 0;
        while (first < median.length && !Double.isFinite(median[first])) {
            first++;
        }
        if (first == median.length) {
            return null;
        }
        XYSeries line = chart.addSeries(fan.label() + " (median)", months, median);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(color);
        line.setLineStyle(style.medianStroke());
        line.setMarker(isolatedPoints(median) ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        line.setMarkerColor(color);
        return new double[] {months[first], median[first]};
    }

    private static double minimum(Fan fan) {
        double min = Double.POSITIVE_INFINITY;
        for (Statistic s : new Statistic[] {Statistic.P5, Statistic.P50, Statistic.P95}) {
            for (double v : fan.summary().values(s)) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v * fan.scale());
                }
            }
        }
        return min;
    }

    /** Whether some defined value has no defined neighbour, so that a plain line would not show it. */
    private static boolean isolatedPoints(double[] v) {
        for (int i = 0; i < v.length; i++) {
            boolean left = i > 0 && Double.isFinite(v[i - 1]);
            boolean right = i + 1 < v.length && Double.isFinite(v[i + 1]);
            if (Double.isFinite(v[i]) && !left && !right) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWidth(double[] low, double[] high) {
        for (int i = 0; i < low.length; i++) {
            if (defined(low[i], high[i]) && high[i] - low[i] > 1e-12 * Math.max(1.0, Math.abs(high[i]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean defined(double low, double high) {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** Scales values; non-finite values become NaN (missing). */
    static double[] scaled(double[] values, double scale) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isFinite(values[i]) ? values[i] * scale : Double.NaN;
        }
        return out;
    }

    static double[] toDoubles(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
