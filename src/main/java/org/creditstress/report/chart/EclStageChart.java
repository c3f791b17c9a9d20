package org.creditstress.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Expected credit loss of all lenders by IFRS 9 stage, stacked, in million yuan: the mean across
 * replications of {@code ecl_stage1}, {@code ecl_stage2} and {@code ecl_stage3}. Means add up
 * (the mean of the total is the total of the means) where medians would not, so the top of the
 * stack is the mean total ECL; the total's 5th and 95th percentiles, when {@code ecl} is present,
 * are drawn as dotted lines around it to show how far replications spread.
 */
final class EclStageChart {

    /** The stage columns, bottom to top of the stack. */
    static final List<String> STAGE_COLUMNS = List.of("ecl_stage1", "ecl_stage2", "ecl_stage3");
    static final List<String> STAGE_LABELS = List.of("Stage 1 (12-month)", "Stage 2 (lifetime)",
            "Stage 3 (lifetime, impaired)");
    /** The total ECL column, for its percentiles. */
    static final String TOTAL_COLUMN = "ecl";
    static final String TOTAL_LABEL = "Total";
    static final String SPREAD_LABEL = "Total, p5 and p95";

    private static final double MILLION = 1e-6;

    private final ChartStyle style;

    EclStageChart(ChartStyle style) {
        this.style = Objects.requireNonNull(style);
    }

    /**
     * @param stages summaries of the three stages, in the order of {@link #STAGE_COLUMNS}
     * @param total summary of {@code ecl}, or {@code null} if absent (then no percentile lines)
     * @param replications number of replications behind the means
     */
    XYChart build(List<MetricSummary> stages, MetricSummary total, int replications) {
        if (stages.size() != STAGE_COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + STAGE_COLUMNS.size() + " stages");
        }
        int[] months = StackedArea.unionMonths(stages);
        double[][] values = new double[stages.size()][months.length];
        for (int s = 0; s < stages.size(); s++) {
            for (int i = 0; i < months.length; i++) {
                values[s][i] = MILLION * stages.get(s).value(Statistic.MEAN, months[i]);
            }
        }
        StackedArea.Stack stack = StackedArea.stack(values);
        String title = "Expected credit loss by IFRS 9 stage (mean of " + replications
                + (replications == 1 ? " replication)" : " replications)");
        XYChart chart = style.newChart(title, "Month", "ECL, all lenders (million yuan)");
        double[] x = FanChart.toDoubles(months);
        StackedArea.addLayers(chart, x, stack, STAGE_LABELS,
                List.of(style.bucketColor(0), style.bucketColor(1), style.bucketColor(2)));
        double[] top = stack.total();
        line(chart, TOTAL_LABEL, x, top, style.bucketColor(3), style.thinStroke(), true);
        if (total != null && replications > 1) {
            double[] p5 = new double[months.length];
            double[] p95 = new double[months.length];
            for (int i = 0; i < months.length; i++) {
                p5[i] = MILLION * total.value(Statistic.P5, months[i]);
                p95[i] = MILLION * total.value(Statistic.P95, months[i]);
            }
            if (StackedArea.firstDefined(p95) >= 0) {
                line(chart, SPREAD_LABEL, x, p95, style.referenceColor(), style.dottedStroke(), true);
                line(chart, SPREAD_LABEL + " (p5)", x, p5, style.referenceColor(), style.dottedStroke(), false);
            }
        }
        chart.getStyler().setYAxisMin(0.0);
        int first = StackedArea.firstDefined(top);
        if (first >= 0) {
            style.monthAxis(chart, months[0], months[months.length - 1], top[first]);
        }
        return chart;
    }

    private static void line(XYChart chart, String label, double[] x, double[] y, Color color, BasicStroke stroke,
                             boolean inLegend) {
        XYSeries s = chart.addSeries(label, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(inLegend);
    }
}
