package org.creditstress.report.chart;

import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creditstress.run.store.CsvFormatException;
import org.creditstress.run.store.MetricsShape;
import org.creditstress.run.store.MetricsTable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Writes the PNG charts of a finished run from its stored results ({@code summary.csv} and
 * {@code metrics.csv} in the results folder) into {@code <results>/charts/}.
 *
 * <p>Charts whose columns are absent from the results are skipped (and a stale PNG of that name from
 * an earlier call is removed). Usage: {@code new RunCharts().writeAll(resultsDir)}.
 *
 * <p>Rendering needs no display; a JVM without one should run with {@code -Djava.awt.headless=true}
 * (the default on Linux when {@code DISPLAY} is unset).
 */
public final class RunCharts {

    /** Sub-folder of the results folder that receives the charts. */
    public static final String CHARTS_DIR = "charts";
    /** Summary statistics file read from the results folder. */
    public static final String SUMMARY_FILE = "summary.csv";
    /** Per-replication metrics file read from the results folder (for the replication count). */
    public static final String METRICS_FILE = "metrics.csv";

    public static final String OVERDUE_FAN = "overdue_fan.png";
    public static final String DELINQUENCY_BUCKETS = "delinquency_buckets.png";
    public static final String LENDER_CAPITAL_RATIO = "lender_capital_ratio.png";
    public static final String LENDER_CASH = "lender_cash.png";
    public static final String UNEMPLOYMENT = "unemployment.png";
    public static final String NPL_AND_LOSSES = "npl_and_losses.png";
    public static final String ROLL_RATES = "roll_rates.png";
    public static final String CREDIT_USE = "credit_use.png";
    public static final String VINTAGES = "vintages.png";
    public static final String SEGMENT_SPLIT = "segment_split.png";
    public static final String GROUP_SPLIT = "group_split.png";
    public static final String LENDER_LCR = "lender_lcr.png";
    public static final String LENDER_SURVIVAL = "lender_survival.png";
    public static final String FUNDER_CAPITAL = "funder_capital.png";

    /** All chart file names, in the order they are written. */
    public static final List<String> CHART_FILES = List.of(
            OVERDUE_FAN, DELINQUENCY_BUCKETS, LENDER_CAPITAL_RATIO, LENDER_CASH, UNEMPLOYMENT, NPL_AND_LOSSES,
            ROLL_RATES, CREDIT_USE, VINTAGES, SEGMENT_SPLIT, GROUP_SPLIT, LENDER_LCR, LENDER_SURVIVAL, FUNDER_CAPITAL);

    private static final double PERCENT = 100.0;
    private static final double MILLION = 1e-6;

    private final ChartStyle style;
    private final FanChart fanChart;
    private final BucketChart bucketChart;

    /** Charts in the {@link ChartStyle#defaults() default style}. */
    public RunCharts() {
        this(ChartStyle.defaults());
    }

    public RunCharts(ChartStyle style) {
        this.style = Objects.requireNonNull(style);
        this.fanChart = new FanChart(style);
        this.bucketChart = new BucketChart(style);
    }

    /**
     * Reads {@code summary.csv} and {@code metrics.csv} in {@code resultsDir} and writes the charts as
     * PNG files into {@code resultsDir/charts/} (created if needed).
     *
     * @return the files written, in the order of {@link #CHART_FILES}; charts without data are absent
     * @throws NoSuchFileException if a results file is missing
     * @throws CsvFormatException naming file and line if a results file is malformed
     * @throws IOException if reading or writing fails
     */
    public List<Path> writeAll(Path resultsDir) throws IOException {
        Path summaryFile = requireFile(resultsDir.resolve(SUMMARY_FILE));
        Path metricsFile = requireFile(resultsDir.resolve(METRICS_FILE));
        SummaryTable summary = SummaryTable.read(summaryFile);
        MetricsShape shape = MetricsTable.readShape(metricsFile);
        if (shape.rows() == 0 && !summary.metrics().isEmpty()) {
            throw new CsvFormatException(metricsFile, 0, "has no data rows although " + SUMMARY_FILE + " has");
        }
        Map<String, XYChart> charts = build(summary, shape.replicationCount());

        Path chartsDir = Files.createDirectories(resultsDir.resolve(CHARTS_DIR));
        List<Path> written = new ArrayList<>();
        for (String name : CHART_FILES) {
            Path target = chartsDir.resolve(name);
            XYChart chart = charts.get(name);
            if (chart == null) {
                Files.deleteIfExists(target);
            } else {
                ChartFiles.writePng(chart, target);
                written.add(target);
            }
        }
        return List.copyOf(written);
    }

    /** The charts that have data, keyed by file name, in the order of {@link #CHART_FILES}. */
    Map<String, XYChart> build(SummaryTable summary, int replications) {
        Map<String, XYChart> charts = new LinkedHashMap<>();
        overdueFan(summary, replications).ifPresent(c -> charts.put(OVERDUE_FAN, c));
        buckets(summary, replications).ifPresent(c -> charts.put(DELINQUENCY_BUCKETS, c));
        lenderFan(summary, replications, "capital_ratio", "Capital ratio by lender", "Capital ratio (%)",
                PERCENT, true).ifPresent(c -> charts.put(LENDER_CAPITAL_RATIO, c));
        lenderFan(summary, replications, "cash", "Cash by lender", "Cash (million yuan)", MILLION, false)
                .ifPresent(c -> charts.put(LENDER_CASH, c));
        fan(summary, replications, "Unemployment rate", "Unemployment rate (% of labour force)", PERCENT, true,
                new String[][] {{"unemployment_rate", "Unemployment"}})
                .ifPresent(c -> charts.put(UNEMPLOYMENT, c));
        fan(summary, replications, "NPL ratio and cumulative loss rate", "Ratio (%)", PERCENT, true,
                new String[][] {{"npl_ratio", "NPL ratio"}, {"loss_rate_cumulative", "Cumulative loss rate"}})
                .ifPresent(c -> charts.put(NPL_AND_LOSSES, c));
        fan(summary, replications, "Roll rates and cures", "Accounts moving (% of last month's bucket)", PERCENT, true,
                new String[][] {{"roll_m0_m1", "M0 to M1"}, {"roll_m1_m2", "M1 to M2"}, {"roll_m2_m3", "M2 to M3"},
                    {"roll_m3_m4plus", "M3 to M4+"}, {"cure_m1", "M1 cured"}})
                .ifPresent(c -> charts.put(ROLL_RATES, c));
        fan(summary, replications, "Credit use: utilisation, instalment plans, revolving and deleveraging", "Share (%)", PERCENT, true,
                new String[][] {{"credit_utilisation", "Receivables over limits"}, {"instalment_share", "Line purchases on plans"},
                    {"revolving_share", "Receivables revolving"}, {"deleveraging_share", "Borrowers deleveraging"}})
                .ifPresent(c -> charts.put(CREDIT_USE, c));
        vintages(summary, replications).ifPresent(c -> charts.put(VINTAGES, c));
        entityFan(summary, replications, "segment.", ".m3plus_ratio", "M3+ ratio by employment segment", "M3+ balance (% of the segment's receivables)",
                PERCENT)
                .ifPresent(c -> charts.put(SEGMENT_SPLIT, c));
        fan(summary, replications, "M3+ ratio by borrower group", "M3+ balance (% of the group's receivables)", PERCENT, true,
                new String[][] {{"group.thin_file.m3plus_ratio", "thin file"}, {"group.established.m3plus_ratio", "established"},
                    {"group.literacy_low.m3plus_ratio", "low literacy"}, {"group.literacy_high.m3plus_ratio", "high literacy"},
                    {"group.lenders_1.m3plus_ratio", "one lender"}, {"group.lenders_2.m3plus_ratio", "two lenders"},
                    {"group.lenders_3plus.m3plus_ratio", "three or more lenders"}})
                .ifPresent(c -> charts.put(GROUP_SPLIT, c));
        lenderFan(summary, replications, "lcr", "Liquidity coverage ratio by lender (below 100 %: a shortfall)",
                "Cash over next month's net outflows (%)", PERCENT, true).ifPresent(c -> charts.put(LENDER_LCR, c));
        lenderFan(summary, replications, "survival_months", "Survival horizon by lender (months of cash at the current net outflow)",
                "Months", 1.0, true).ifPresent(c -> charts.put(LENDER_SURVIVAL, c));
        entityFan(summary, replications, "funder.", ".capital", "Funders' capital left after losses", "Capital (million yuan)", MILLION)
                .ifPresent(c -> charts.put(FUNDER_CAPITAL, c));
        charts.values().forEach(RunCharts::legendBesideIfCrowded);
        return charts;
    }

    /** Series beyond which a legend below the plot no longer reads as one line. */
    private static final int LEGEND_BELOW_MAX_SERIES = 5;

    /**
     * Moves the legend to the right of the plot, one entry per line, when it has too many entries
     * for one line below or their text is wider than the chart (XChart would cut it off at the edges).
     */
    private static void legendBesideIfCrowded(XYChart chart) {
        List<String> labels = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                .map(XYSeries::getLabel).toList();
        if (labels.size() > LEGEND_BELOW_MAX_SERIES
                || legendWidthBelow(chart, labels) > chart.getWidth() - 2 * chart.getStyler().getChartPadding()) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
    }

    /** The width in pixels of a one-line legend of these entries (as XChart lays it out: marker, gap, text, gap). */
    static double legendWidthBelow(XYChart chart, List<String> labels) {
        Styler s = chart.getStyler();
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double width = s.getLegendPadding();
        for (String label : labels) {
            width += s.getLegendSeriesLineLength() + 2 * s.getLegendPadding()
                    + s.getLegendFont().getStringBounds(label, frc).getWidth();
        }
        return width;
    }

    private Optional<XYChart> overdueFan(SummaryTable summary, int replications) {
        return fan(summary, replications, "Overdue ratios", "Overdue balance (% of receivables)", PERCENT, true,
                new String[][] {{"m1plus_ratio", "M1+"}, {"m3plus_ratio", "M3+"}});
    }

    /** A fan chart of the given {@code {metric, label}} pairs; empty if none of them has data. */
    private Optional<XYChart> fan(SummaryTable summary, int replications, String title, String yAxisTitle,
                                  double scale, boolean zeroBased, String[][] metricsAndLabels) {
        List<FanChart.Fan> fans = new ArrayList<>();
        for (String[] ml : metricsAndLabels) {
            if (summary.has(ml[0], Statistic.P50)) {
                fans.add(new FanChart.Fan(ml[1], summary.metric(ml[0]).orElseThrow(), scale));
            }
        }
        return fans.isEmpty() ? Optional.empty()
                : Optional.of(fanChart.build(title, yAxisTitle, fans, replications, zeroBased));
    }

    /** A fan chart with one fan per lender of {@code lender.<name>.<field>}. */
    private Optional<XYChart> lenderFan(SummaryTable summary, int replications, String field, String title,
                                        String yAxisTitle, double scale, boolean zeroBased) {
        List<String> lenders = summary.entities("lender.", "." + field);
        String[][] metricsAndLabels = lenders.stream()
                .map(lender -> new String[] {"lender." + lender + "." + field, lender})
                .toArray(String[][]::new);
        return fan(summary, replications, title, yAxisTitle, scale, zeroBased, metricsAndLabels);
    }

    /** A fan chart with one fan per entity of {@code <prefix><name><suffix>}. */
    private Optional<XYChart> entityFan(SummaryTable summary, int replications, String prefix, String suffix, String title,
                                        String yAxisTitle, double scale) {
        String[][] metricsAndLabels = summary.entities(prefix, suffix).stream()
                .map(name -> new String[] {prefix + name + suffix, name})
                .toArray(String[][]::new);
        return fan(summary, replications, title, yAxisTitle, scale, true, metricsAndLabels);
    }

    private Optional<XYChart> vintages(SummaryTable summary, int replications) {
        List<MetricSummary> cohorts = new ArrayList<>();
        for (int q = 1; summary.has("vintage.q" + q + ".ever_m3plus", Statistic.P50); q++) {
            cohorts.add(summary.metric("vintage.q" + q + ".ever_m3plus").orElseThrow());
        }
        return cohorts.isEmpty() ? Optional.empty() : Optional.ofNullable(new VintageChart(style).build(cohorts, replications));
    }

    private Optional<XYChart> buckets(SummaryTable summary, int replications) {
        List<MetricSummary> delinquent = new ArrayList<>();
        for (String column : BucketChart.DELINQUENT_COLUMNS) {
            if (!summary.has(column, Statistic.MEAN)) {
                return Optional.empty();
            }
            delinquent.add(summary.metric(column).orElseThrow());
        }
        MetricSummary current = summary.metric(BucketChart.CURRENT_COLUMN).orElse(null);
        return Optional.of(bucketChart.build(delinquent, current, replications));
    }

    private static Path requireFile(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "results file not found");
        }
        return file;
    }

    /** The style in use. */
    public ChartStyle style() {
        return style;
    }
}
