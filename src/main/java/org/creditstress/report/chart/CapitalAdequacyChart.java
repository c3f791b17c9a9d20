package org.creditstress.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Capital adequacy ratio by lender ({@code lender.<name>.car}, equity over risk-weighted assets) as
 * fans, with the minimum in force ({@code lender.<name>.car_min}, which a capital-requirement policy
 * event can move) as a dashed line and the minimum plus the lender's buffer
 * ({@code lenders[].capital.buffer} of the resolved scenario) as a dotted one. A median below the
 * dotted line means the buffer is being used; below the dashed one, a capital shortfall.
 *
 * <p>When every lender has the same minimum path and buffer (the usual case), one pair of grey lines
 * serves them all; otherwise each lender gets its own pair in its fan's colour. Without a buffer
 * (no resolved scenario) only the minimum is drawn.
 */
final class CapitalAdequacyChart {

    static final String MINIMUM_LABEL = "minimum";
    static final String BUFFER_LABEL = "+ buffer";

    /** One lender: its CAR, its minimum (may be null) and its buffer (NaN when unknown). */
    record Lender(String name, MetricSummary car, MetricSummary minimum, double buffer) {
        Lender {
            Objects.requireNonNull(name);
            Objects.requireNonNull(car);
        }
    }

    private final ChartStyle style;
    private final FanChart fanChart;

    CapitalAdequacyChart(ChartStyle style) {
        this.style = Objects.requireNonNull(style);
        this.fanChart = new FanChart(style);
    }

    /**
     * @param lenders the lenders with CAR data, in fan (and colour) order
     * @param replications number of replications behind the bands
     */
    XYChart build(List<Lender> lenders, int replications) {
        List<FanChart.Fan> fans = lenders.stream().map(l -> new FanChart.Fan(l.name(), l.car(), 100.0)).toList();
        XYChart chart = fanChart.build("Capital adequacy ratio by lender against its minimum",
                "Equity over risk-weighted assets (%)", fans, replications, true);
        boolean shared = lenders.size() == 1 || lenders.stream().allMatch(l -> sameRequirement(l, lenders.get(0)));
        for (int k = 0; k < lenders.size(); k++) {
            Lender lender = lenders.get(k);
            if (lender.minimum() == null || (shared && k > 0)) {
                continue;
            }
            Color color = shared ? style.referenceColor() : style.seriesColor(k).darker();
            String prefix = shared ? "" : lender.name() + ": ";
            int[] months = lender.minimum().months();
            double[] x = FanChart.toDoubles(months);
            double[] minimum = FanChart.scaled(lender.minimum().values(Statistic.P50), 100.0);
            if (StackedArea.firstDefined(minimum) < 0) {
                continue;
            }
            line(chart, prefix + MINIMUM_LABEL, x, minimum, color, style.dashedStroke());
            if (Double.isFinite(lender.buffer())) {
                double[] withBuffer = new double[minimum.length];
                for (int i = 0; i < minimum.length; i++) {
                    withBuffer[i] = minimum[i] + 100.0 * lender.buffer();
                }
                line(chart, prefix + BUFFER_LABEL + String.format(Locale.ROOT, " %.1f pp", 100.0 * lender.buffer()),
                        x, withBuffer, color, style.dottedStroke());
            }
        }
        return chart;
    }

    /** Whether two lenders face the same minimum path and buffer. */
    private static boolean sameRequirement(Lender a, Lender b) {
        boolean sameBuffer = Double.compare(a.buffer(), b.buffer()) == 0;
        if (a.minimum() == null || b.minimum() == null) {
            return sameBuffer && a.minimum() == b.minimum();
        }
        return sameBuffer && Arrays.equals(a.minimum().months(), b.minimum().months())
                && Arrays.equals(a.minimum().values(Statistic.P50), b.minimum().values(Statistic.P50));
    }

    private static void line(XYChart chart, String label, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(label, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Lenders in {@code names} order, with the buffers by lender name (missing ones NaN). */
    static List<Lender> lenders(SummaryTable summary, List<String> names, Map<String, Double> buffers) {
        List<Lender> out = new ArrayList<>();
        for (String name : names) {
            String car = "lender." + name + ".car";
            if (!summary.has(car, Statistic.P50)) {
                continue;
            }
            MetricSummary minimum = summary.metric("lender." + name + ".car_min").orElse(null);
            out.add(new Lender(name, summary.metric(car).orElseThrow(), minimum,
                    buffers.getOrDefault(name, Double.NaN)));
        }
        return out;
    }
}
