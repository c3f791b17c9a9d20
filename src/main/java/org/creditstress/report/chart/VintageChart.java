package org.creditstress.report.chart;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Vintage curves: for each quarterly origination cohort, the median share of its accounts ever
 * 3+ months past due, against months on book (month minus the cohort's first month), so cohorts
 * can be compared at the same age.
 */
final class VintageChart {
    private final ChartStyle style;

    VintageChart(ChartStyle style) {
        this.style = style;
    }

    /**
     * @param cohorts {@code vintage.q<k>.ever_m3plus} summaries, in quarter order (q1 first)
     */
    XYChart build(List<MetricSummary> cohorts, int replications) {
        XYChart chart = style.newChart("Vintage curves: ever 3+ months past due by quarter of origination",
                "Months on book", "Accounts ever M3+ (% of accounts opened)");
        int plotted = 0;
        for (int k = 0; k < cohorts.size(); k++) {
            MetricSummary s = cohorts.get(k);
            int firstMonth = 3 * k + 1;
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            int[] months = s.months();
            double[] median = s.values(Statistic.P50);
            for (int i = 0; i < months.length; i++) {
                if (!Double.isNaN(median[i]) && months[i] >= firstMonth) {
                    x.add((double) (months[i] - firstMonth));
                    y.add(100.0 * median[i]);
                }
            }
            if (x.size() < 2) {
                continue;
            }
            XYSeries series = chart.addSeries("q" + (k + 1) + " (from month " + firstMonth + ")", x, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(style.seriesColor(plotted++));
        }
        chart.setTitle(chart.getTitle() + " (median of " + replications + ")");
        return plotted == 0 ? null : chart;
    }
}
