package org.creditstress.report.chart;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** A bar chart of each contagion channel's contribution to one measure, with 5-95 % error bars. */
public final class AttributionChart {
    private AttributionChart() {
    }

    /**
     * @param channels channel labels
     * @param mean     mean contribution per channel, in display units
     * @param halfBand half the width of the 5-95 % band per channel, in display units
     */
    public static void write(Path file, String title, String yAxisTitle, List<String> channels, List<Double> mean,
                             List<Double> halfBand) throws IOException {
        ChartStyle style = ChartStyle.defaults();
        CategoryChart chart = new CategoryChartBuilder().width(style.width()).height(style.height())
                .title(title).xAxisTitle("Contagion channel switched off").yAxisTitle(yAxisTitle).build();
        Styler s = chart.getStyler();
        style.applyTo(chart.getStyler());
        s.setLegendVisible(false);
        s.setSeriesColors(new Color[] {style.seriesColor(0)});
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setXAxisLabelRotation(15);
        chart.addSeries("contribution (mean, 5-95 % band)", new ArrayList<>(channels), new ArrayList<>(mean), new ArrayList<>(halfBand));
        ChartFiles.writePng(chart, file);
    }
}
