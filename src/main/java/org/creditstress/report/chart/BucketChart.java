package org.creditstress.report.chart;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds the delinquency-bucket chart from the mean balance shares across replications.
 *
 * <p>Current balances (M0) are typically around 97 % of receivables, so a full 0-100 % stack would
 * squeeze the delinquent buckets into a sliver. The chart therefore stacks only the delinquent
 * buckets M1, M2, M3 and M4+ in percent of receivables (each layer drawn as a polygon between its
 * lower and upper cumulative share, so colours are never blended), outlines the stack top (= all
 * delinquent balances, M1+), and states M0 as the remainder with its range over the horizon in a
 * legend entry.
 */
final class BucketChart {

    /** The delinquent bucket columns, bottom to top of the stack. */
    static final List<String> DELINQUENT_COLUMNS =
            List.of("bucket_m1_share", "bucket_m2_share", "bucket_m3_share", "bucket_m4plus_share");
    static final List<String> DELINQUENT_LABELS = List.of("M1", "M2", "M3", "M4+");
    static final String CURRENT_COLUMN = "bucket_m0_share";

    /** Legend fill for M0, which is not drawn: plain white, like the empty plot above the stack. */
    private static final Color CURRENT_FILL = Color.WHITE;

    private final ChartStyle style;

    BucketChart(ChartStyle style) {
        this.style = Objects.requireNonNull(style);
    }

    /**
     * Builds the chart.
     *
     * @param buckets summaries of the four delinquent buckets, in the order of {@link #DELINQUENT_COLUMNS}
     * @param current summary of M0, or {@code null} if absent (then M0 is taken as 100 % minus the stack)
     * @param replications number of replications behind the mean
     */
    XYChart build(List<MetricSummary> buckets, MetricSummary current, int replications) {
        if (buckets.size() != DELINQUENT_COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + DELINQUENT_COLUMNS.size() + " buckets");
        }
        int[] months = StackedArea.unionMonths(buckets);
        int n = months.length;
        double[][] share = new double[buckets.size()][n];
        for (int b = 0; b < buckets.size(); b++) {
            for (int i = 0; i < n; i++) {
                double v = buckets.get(b).value(Statistic.MEAN, months[i]);
                share[b][i] = Double.isFinite(v) ? 100.0 * v : Double.NaN;
            }
        }
        StackedArea.Stack stack = StackedArea.stack(share);
        double[][] cumulative = stack.top();
        boolean[] defined = stack.defined();

        String title = "Delinquent balances by bucket, stacked (mean of " + replications
                + (replications == 1 ? " replication)" : " replications)");
        XYChart chart = style.newChart(title, "Month", "Balance (% of receivables)");
        double[] x = FanChart.toDoubles(months);
        for (int b = 0; b < buckets.size(); b++) {
            StackedArea.addLayer(chart, DELINQUENT_LABELS.get(b), x, b == 0 ? null : cumulative[b - 1], cumulative[b],
                    defined, style.bucketColor(b));
        }
        double[] top = stack.total();
        XYSeries total = chart.addSeries("M1+ total", x, top);
        total.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        total.setLineColor(style.bucketColor(buckets.size() - 1).darker());
        total.setLineStyle(style.thinStroke());
        total.setMarker(SeriesMarkers.NONE);

        chart.getStyler().setYAxisMin(0.0);
        String note = currentNote(current, months, top);
        int first = StackedArea.firstDefined(top);
        if (note != null && first >= 0) {
            style.legendNote(chart, note, CURRENT_FILL, x[first], top[first]);
        }
        if (first >= 0) {
            style.monthAxis(chart, months[0], months[months.length - 1], top[first]);
        }
        return chart;
    }

    /**
     * The legend note on M0, e.g. "M0 current, not shown: 96.1–98.9 %" (its range over the horizon;
     * 100 % minus the stack where M0 itself is missing), or null if unknown.
     */
    private static String currentNote(MetricSummary current, int[] months, double[] top) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < months.length; i++) {
            double m0 = current == null ? Double.NaN : 100.0 * current.value(Statistic.MEAN, months[i]);
            if (!Double.isFinite(m0) && Double.isFinite(top[i])) {
                m0 = 100.0 - top[i];
            }
            if (Double.isFinite(m0)) {
                min = Math.min(min, m0);
                max = Math.max(max, m0);
            }
        }
        if (min > max) {
            return null;
        }
        return String.format(Locale.ROOT, "M0 current, not shown: %.1f\u2013%.1f %%", min, max);
    }
}
