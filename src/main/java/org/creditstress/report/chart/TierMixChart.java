package org.creditstress.report.chart;

import java.awt.Color;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * China's five-tier loan classification of all receivables, stacked to 100 %: the mean across
 * replications of each class's balance share ({@code tier_<class>_share}). Means of shares that add
 * up to one in every replication add up to one too; medians would not.
 *
 * <p>The worst class is at the bottom and normal on top (the reverse of the delinquency-bucket
 * chart's order) so that the edge between substandard and special mention is the NPL ratio
 * (substandard + doubtful + loss), read straight off the axis; it is outlined. Months in which a
 * class is undefined (no receivables) are left blank.
 */
final class TierMixChart {

    /** The class columns, bottom to top of the stack (worst first). */
    static final List<String> TIER_COLUMNS = List.of("tier_loss_share", "tier_doubtful_share",
            "tier_substandard_share", "tier_special_mention_share", "tier_normal_share");
    static final List<String> TIER_LABELS = List.of("Loss", "Doubtful", "Substandard", "Special mention", "Normal");
    /** Number of classes, from the bottom, that are non-performing. */
    static final int NON_PERFORMING = 3;
    static final String NPL_LABEL = "NPL ratio (bottom three)";

    private final ChartStyle style;

    TierMixChart(ChartStyle style) {
        this.style = Objects.requireNonNull(style);
    }

    /**
     * @param tiers summaries of the five classes, in the order of {@link #TIER_COLUMNS}
     * @param replications number of replications behind the means
     */
    XYChart build(List<MetricSummary> tiers, int replications) {
        if (tiers.size() != TIER_COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + TIER_COLUMNS.size() + " classes");
        }
        int[] months = StackedArea.unionMonths(tiers);
        double[][] percent = new double[tiers.size()][months.length];
        for (int t = 0; t < tiers.size(); t++) {
            for (int i = 0; i < months.length; i++) {
                percent[t][i] = 100.0 * tiers.get(t).value(Statistic.MEAN, months[i]);
            }
        }
        StackedArea.Stack stack = StackedArea.stack(percent);
        String title = "Five-tier classes of receivables (mean of " + replications
                + (replications == 1 ? " replication)" : " replications)");
        XYChart chart = style.newChart(title, "Month", "Balance (% of receivables)");
        double[] x = FanChart.toDoubles(months);
        List<Color> colors = List.of(style.bucketColor(3), style.bucketColor(2), style.bucketColor(1),
                style.bucketColor(0), style.performingColor());
        // Layers do not overlap, so the order they are added in sets only the legend's: top of the
        // stack first, as a vertical legend beside the plot reads.
        for (int t = tiers.size() - 1; t >= 0; t--) {
            StackedArea.addLayer(chart, TIER_LABELS.get(t), x, t == 0 ? null : stack.top()[t - 1], stack.top()[t],
                    stack.defined(), colors.get(t));
        }

        double[] npl = new double[months.length];
        for (int i = 0; i < months.length; i++) {
            npl[i] = stack.defined()[i] ? stack.top()[NON_PERFORMING - 1][i] : Double.NaN;
        }
        XYSeries edge = chart.addSeries(NPL_LABEL, x, npl);
        edge.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        edge.setLineColor(style.referenceColor());
        edge.setLineStyle(style.thinStroke());
        edge.setMarker(SeriesMarkers.NONE);

        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        int first = StackedArea.firstDefined(npl);
        if (first >= 0) {
            style.monthAxis(chart, months[0], months[months.length - 1], npl[first]);
        }
        return chart;
    }
}
