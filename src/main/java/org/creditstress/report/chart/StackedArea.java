package org.creditstress.report.chart;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Stacked areas on an XY chart. XChart has no stacked-area series, and its area series blend where
 * they overlap, so each layer is drawn as polygons between its lower and upper edge: colours stay
 * true and a month with a missing value splits a layer instead of dropping it to zero.
 */
final class StackedArea {

    /** The stacked layers: {@code top[l][i]} is the upper edge of layer {@code l} in month {@code i}. */
    record Stack(double[][] top, boolean[] defined) {
        /** The upper edge of the whole stack, NaN in months that are not drawn. */
        double[] total() {
            double[] last = top[top.length - 1];
            double[] out = new double[last.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = defined[i] ? last[i] : Double.NaN;
            }
            return out;
        }
    }

    private StackedArea() {
    }

    /**
     * Stacks {@code values[layer][month]} bottom to top. A month is drawn only if every layer is
     * defined in it; negative values count as zero (a layer never reaches below the one under it).
     */
    static Stack stack(double[][] values) {
        int n = values[0].length;
        double[][] top = new double[values.length][n];
        boolean[] defined = new boolean[n];
        for (int i = 0; i < n; i++) {
            defined[i] = true;
            double sum = 0;
            for (int l = 0; l < values.length; l++) {
                defined[i] &= Double.isFinite(values[l][i]);
                sum += Double.isFinite(values[l][i]) ? Math.max(0, values[l][i]) : 0;
                top[l][i] = sum;
            }
        }
        return new Stack(top, defined);
    }

    /** Adds every layer of {@code stack}, labelled and coloured in order, bottom first. */
    static void addLayers(XYChart chart, double[] x, Stack stack, List<String> labels,
                          List<Color> colors) {
        for (int l = 0; l < stack.top().length; l++) {
            addLayer(chart, labels.get(l), x, l == 0 ? null : stack.top()[l - 1], stack.top()[l], stack.defined(),
                    colors.get(l));
        }
    }

    /**
     * Adds one layer between {@code lower} (zero when null) and {@code upper}, one polygon per run of
     * defined months; only the first polygon is in the legend.
     */
    static void addLayer(XYChart chart, String label, double[] x, double[] lower, double[] upper,
                         boolean[] defined, Color color) {
        int part = 0;
        int i = 0;
        while (i < x.length) {
            if (!defined[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < x.length && defined[i]) {
                i++;
            }
            int len = i - start;
            if (len < 2) {
                continue; // a single month has no area
            }
            double[] xs = new double[2 * len];
            double[] ys = new double[2 * len];
            for (int k = 0; k < len; k++) {
                xs[k] = x[start + k];
                ys[k] = upper[start + k];
                xs[2 * len - 1 - k] = x[start + k];
                ys[2 * len - 1 - k] = lower == null ? 0.0 : lower[start + k];
            }
            XYSeries layer = chart.addSeries(part == 0 ? label : label + " #" + (part + 1), xs, ys);
            layer.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            layer.setFillColor(color);
            layer.setLineColor(color);
            layer.setMarker(SeriesMarkers.NONE);
            layer.setShowInLegend(part == 0);
            part++;
        }
    }

    /** The months of any of the summaries, ascending. */
    static int[] unionMonths(List<MetricSummary> summaries) {
        return summaries.stream().flatMapToInt(s -> Arrays.stream(s.months())).distinct().sorted().toArray();
    }

    /** Index of the first finite value, or -1. */
    static int firstDefined(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }
}
