package org.creditstress.report.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creditstress.run.store.CsvFormatException;
import org.creditstress.run.store.MetricsShape;
import org.creditstress.run.store.MetricsTable;
import org.creditstress.run.store.RunFolder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Writes the PNG charts of a finished run from its stored results ({@code summary.csv} and
 * {@code metrics.csv} in the results folder) into {@code <results>/charts/}.
 *
 * <p>Charts whose columns are absent from the results are skipped (and a stale PNG of that name from
 * an earlier call is removed). Per-lender charts (the P&L waterfalls) get one file per lender. The
 * minimum-plus-buffer line of the capital adequacy chart reads the buffers from the folder's
 * {@code scenario.resolved.yaml}, when there is one. Usage: {@code new RunCharts().writeAll(resultsDir)}.
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
    public static final String FIVE_TIER_MIX = "five_tier_mix.png";
    public static final String ECL_BY_STAGE = "ecl_by_stage.png";
    public static final String LENDER_CAR = "lender_car.png";
    public static final String RANKING_POWER = "ranking_power.png";
    /** One chart per lender: {@link #LENDER_PLACEHOLDER} stands for the lender's name (see {@link #lenderFile}). */
    public static final String PNL_WATERFALL = "pnl_waterfall_<lender>.png";
    /** One chart per lender: the 30/60/90-day liquidity ladder over time. */
    public static final String LIQUIDITY_LADDER = "liquidity_ladder_<lender>.png";

    /** The part of a per-lender chart file name that stands for the lender's name. */
    public static final String LENDER_PLACEHOLDER = "<lender>";

    /**
     * All chart file names, in the order they are written and shown in {@code report.html}; a name
     * with {@link #LENDER_PLACEHOLDER} gives one file per lender.
     */
    public static final List<String> CHART_FILES = List.of(
            OVERDUE_FAN, DELINQUENCY_BUCKETS, FIVE_TIER_MIX, LENDER_CAPITAL_RATIO, LENDER_CAR, LENDER_CASH, PNL_WATERFALL,
            UNEMPLOYMENT, NPL_AND_LOSSES, ECL_BY_STAGE, ROLL_RATES, CREDIT_USE, VINTAGES, SEGMENT_SPLIT, GROUP_SPLIT,
            LENDER_LCR, LENDER_SURVIVAL, LIQUIDITY_LADDER, FUNDER_CAPITAL, RANKING_POWER);

    /** What to read in each chart: the caption under it in {@code report.html}, keyed as {@link #CHART_FILES}. */
    private static final Map<String, String> CAPTIONS = Map.ofEntries(
            Map.entry(OVERDUE_FAN, "Share of receivables 1+ and 3+ months past due: the median and the 5-95 % band across replications."),
            Map.entry(DELINQUENCY_BUCKETS, "Where the overdue balance sits, from M1 to M4+: a growing dark top means accounts rolling towards write-off."),
            Map.entry(FIVE_TIER_MIX, "Receivables by five-tier class, worst at the bottom: the outlined edge is the NPL ratio; normal fills the rest to 100 %."),
            Map.entry(LENDER_CAPITAL_RATIO, "Each lender's equity over its own net receivables; the line ends when a lender fails."),
            Map.entry(LENDER_CAR, "Each lender's capital adequacy ratio (equity over risk-weighted assets) against the minimum (dashed) and the minimum plus buffer (dotted): below dotted the buffer is in use, below dashed capital is short."),
            Map.entry(LENDER_CASH, "Each lender's cash at the end of the month."),
            Map.entry(PNL_WATERFALL, "Where the lender's profit came from over the run: income raises the running total, costs and provisions lower it, the last bar is cumulative pre-tax profit (means across replications, summed over months)."),
            Map.entry(UNEMPLOYMENT, "The labour market the borrowers live in."),
            Map.entry(NPL_AND_LOSSES, "Non-performing balance over receivables, and write-offs from month 1 over mean receivables."),
            Map.entry(ECL_BY_STAGE, "Expected credit loss of all lenders by IFRS 9 stage: stage 2 growing ahead of stage 3 is deterioration not yet in default; the dotted lines are the total's 5th and 95th percentiles."),
            Map.entry(ROLL_RATES, "Share of accounts moving one bucket worse each month, and of M1 accounts curing."),
            Map.entry(CREDIT_USE, "How borrowers use credit: utilisation of limits, purchases on instalment plans, revolving balances, borrowers cutting back."),
            Map.entry(VINTAGES, "Share of each quarter's new accounts ever 3+ months past due, by months on book: later curves above earlier ones mean worse lending."),
            Map.entry(SEGMENT_SPLIT, "M3+ ratio by employment segment."),
            Map.entry(GROUP_SPLIT, "M3+ ratio by borrower group: thin file, literacy, number of lenders."),
            Map.entry(LENDER_LCR, "Cash over the next 30 days' net outflows on the lender's liquidity ladder (inflows capped at 75 % of outflows); below 100 % it cannot cover them."),
            Map.entry(RANKING_POWER, "Ranking power (AUC) of each lender's application score (accounts 12-24 months on book) and monthly behaviour score against 3+ months past due within 12 months: 0.5 is a coin toss, 1 a perfect ranking."),
            Map.entry(LENDER_SURVIVAL, "Months a lender's cash lasts if it keeps lending with no new funding and a tenth of repayments missing (going concern, 24 = at least 24)."),
            Map.entry(LIQUIDITY_LADDER, "Expected cash in (scheduled bills at the lender's payment rate) and out (draws, costs, maturing funding, covenant cuts foreseen on trend) over the next 30, 60 and 90 days; out above in is a gap the lender's cash or new funding must fill."),
            Map.entry(FUNDER_CAPITAL, "Each funder's capital left after its losses on lines, co-lending and bought receivables."));

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
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>(build(summary, shape.replicationCount(),
                capitalBuffers(resultsDir)));
        charts.putAll(waterfalls(summary, shape.replicationCount()));

        Path chartsDir = Files.createDirectories(resultsDir.resolve(CHARTS_DIR));
        List<String> stale = new ArrayList<>(lenderFiles(chartsDir));
        List<Path> written = new ArrayList<>();
        for (String name : reportOrder(charts.keySet())) {
            Path target = chartsDir.resolve(name);
            ChartFiles.writePng(charts.get(name), target);
            written.add(target);
            stale.remove(name);
        }
        for (String name : CHART_FILES) {
            if (!name.contains(LENDER_PLACEHOLDER) && !charts.containsKey(name)) {
                Files.deleteIfExists(chartsDir.resolve(name));
            }
        }
        for (String name : stale) {
            Files.deleteIfExists(chartsDir.resolve(name));
        }
        return List.copyOf(written);
    }

    /** The file name of a per-lender chart, e.g. {@code lenderFile(PNL_WATERFALL, "A")} is {@code pnl_waterfall_A.png}. */
    public static String lenderFile(String template, String lender) {
        if (!template.contains(LENDER_PLACEHOLDER)) {
            throw new IllegalArgumentException("not a per-lender chart: " + template);
        }
        // Lender names are [A-Za-z0-9_-]+ (the scenario checks); anything else must not reach a path.
        return template.replace(LENDER_PLACEHOLDER, lender.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    /** The entry of {@link #CHART_FILES} that a chart file name comes from, if any. */
    static Optional<String> templateOf(String fileName) {
        for (String name : CHART_FILES) {
            int at = name.indexOf(LENDER_PLACEHOLDER);
            if (at < 0 ? name.equals(fileName)
                    : fileName.length() > name.length() - LENDER_PLACEHOLDER.length()
                        && fileName.startsWith(name.substring(0, at))
                        && fileName.endsWith(name.substring(at + LENDER_PLACEHOLDER.length()))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * Chart file names in the order of {@link #CHART_FILES} (per-lender files in the order given),
     * followed by names that are not run charts, in the order given.
     */
    public static List<String> reportOrder(Collection<String> fileNames) {
        List<String> ordered = new ArrayList<>();
        for (String name : CHART_FILES) {
            for (String file : fileNames) {
                if (templateOf(file).filter(name::equals).isPresent()) {
                    ordered.add(file);
                }
            }
        }
        for (String file : fileNames) {
            if (!ordered.contains(file)) {
                ordered.add(file);
            }
        }
        return ordered;
    }

    /**
     * What to read in a run chart, for its caption (with the lender's name in per-lender charts), or
     * empty for a file that is not a run chart.
     */
    public static Optional<String> caption(String fileName) {
        return templateOf(fileName).map(name -> {
            String text = CAPTIONS.get(name);
            if (!name.contains(LENDER_PLACEHOLDER)) {
                return text;
            }
            int at = name.indexOf(LENDER_PLACEHOLDER);
            String lender = fileName.substring(at, fileName.length() - (name.length() - at - LENDER_PLACEHOLDER.length()));
            return lender + ": " + text;
        });
    }

    /** The per-lender chart files now in {@code chartsDir}. */
    private static List<String> lenderFiles(Path chartsDir) throws IOException {
        try (var files = Files.list(chartsDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> templateOf(n).filter(t -> t.contains(LENDER_PLACEHOLDER)).isPresent())
                    .sorted().toList();
        }
    }

    /**
     * Each lender's capital buffer ({@code lenders[].capital.buffer}) from the results folder's
     * resolved scenario: the buffer is a setting, not a metric. Empty when the file or the key is
     * absent (then the CAR chart draws the minimum only).
     */
    static Map<String, Double> capitalBuffers(Path resultsDir) throws IOException {
        String yaml = RunFolder.resolvedYaml(resultsDir);
        Map<String, Double> buffers = new LinkedHashMap<>();
        if (yaml.isBlank()) {
            return buffers;
        }
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        if (root == null) {
            return buffers;
        }
        for (JsonNode lender : root.path("lenders")) {
            JsonNode buffer = lender.path("capital").path("buffer");
            if (lender.hasNonNull("name") && buffer.isNumber()) {
                buffers.put(lender.get("name").asText(), buffer.asDouble());
            }
        }
        return buffers;
    }

    /** The XY charts that have data, keyed by file name, in the order of {@link #CHART_FILES}; no capital buffers. */
    Map<String, XYChart> build(SummaryTable summary, int replications) {
        return build(summary, replications, Map.of());
    }

    /**
     * The XY charts that have data, keyed by file name, in the order of {@link #CHART_FILES}
     * (the P&L waterfalls are bar charts: {@link #waterfalls}).
     *
     * @param capitalBuffers each lender's capital buffer above its minimum CAR, by name (may be empty)
     */
    Map<String, XYChart> build(SummaryTable summary, int replications, Map<String, Double> capitalBuffers) {
        Map<String, XYChart> charts = new LinkedHashMap<>();
        overdueFan(summary, replications).ifPresent(c -> charts.put(OVERDUE_FAN, c));
        buckets(summary, replications).ifPresent(c -> charts.put(DELINQUENCY_BUCKETS, c));
        tierMix(summary, replications).ifPresent(c -> charts.put(FIVE_TIER_MIX, c));
        lenderFan(summary, replications, "capital_ratio", "Capital ratio by lender", "Capital ratio (%)",
                PERCENT, true).ifPresent(c -> charts.put(LENDER_CAPITAL_RATIO, c));
        capitalAdequacy(summary, replications, capitalBuffers).ifPresent(c -> charts.put(LENDER_CAR, c));
        lenderFan(summary, replications, "cash", "Cash by lender", "Cash (million yuan)", MILLION, false)
                .ifPresent(c -> charts.put(LENDER_CASH, c));
        fan(summary, replications, "Unemployment rate", "Unemployment rate (% of labour force)", PERCENT, true,
                new String[][] {{"unemployment_rate", "Unemployment"}})
                .ifPresent(c -> charts.put(UNEMPLOYMENT, c));
        fan(summary, replications, "NPL ratio and cumulative loss rate", "Ratio (%)", PERCENT, true,
                new String[][] {{"npl_ratio", "NPL ratio"}, {"loss_rate_cumulative", "Cumulative loss rate"}})
                .ifPresent(c -> charts.put(NPL_AND_LOSSES, c));
        eclByStage(summary, replications).ifPresent(c -> charts.put(ECL_BY_STAGE, c));
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
        lenderFan(summary, replications, "lcr", "Forward liquidity coverage ratio by lender (below 100 %: a shortfall)",
                "Cash over the next 30 days' net outflows (%)", PERCENT, true).ifPresent(c -> charts.put(LENDER_LCR, c));
        lenderFan(summary, replications, "survival_months", "Survival horizon by lender (going concern, no new funding, stressed repayments)",
                "Months", 1.0, true).ifPresent(c -> charts.put(LENDER_SURVIVAL, c));
        for (String lender : summary.entities("lender.", ".ladder_inflow_30")) {
            String p = "lender." + lender + ".";
            fan(summary, replications, lender + ": liquidity ladder", "Million yuan", MILLION, true,
                    new String[][] {{p + "ladder_inflow_30", "in, days 1-30"}, {p + "ladder_outflow_30", "out, days 1-30"},
                        {p + "ladder_inflow_60", "in, days 31-60"}, {p + "ladder_outflow_60", "out, days 31-60"},
                        {p + "ladder_inflow_90", "in, days 61-90"}, {p + "ladder_outflow_90", "out, days 61-90"}})
                    .ifPresent(c -> charts.put(lenderFile(LIQUIDITY_LADDER, lender), c));
        }
        entityFan(summary, replications, "funder.", ".capital", "Funders' capital left after losses", "Capital (million yuan)", MILLION)
                .ifPresent(c -> charts.put(FUNDER_CAPITAL, c));
        List<String[]> ranking = new ArrayList<>();
        for (String lender : summary.entities("lender.", ".score_auc")) {
            ranking.add(new String[] {"lender." + lender + ".score_auc", lender + " application score"});
            ranking.add(new String[] {"lender." + lender + ".behaviour_auc", lender + " behaviour score"});
        }
        fan(summary, replications, "Ranking power of the lenders' scores", "AUC", 1.0, false, ranking.toArray(new String[0][]))
                .ifPresent(c -> charts.put(RANKING_POWER, c));
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

    /** The P&L waterfall of each lender that has P&L lines, keyed by file name, in lender order. */
    Map<String, CategoryChart> waterfalls(SummaryTable summary, int replications) {
        Map<String, CategoryChart> charts = new LinkedHashMap<>();
        PnlWaterfallChart chart = new PnlWaterfallChart(style);
        for (String lender : summary.entities("lender.", ".pnl." + PnlWaterfallChart.PROFIT_FIELD)) {
            PnlWaterfallChart.of(summary, lender)
                    .ifPresent(w -> charts.put(lenderFile(PNL_WATERFALL, lender), chart.build(w, replications)));
        }
        return charts;
    }

    /** The stacked five-tier mix; empty unless all five class shares have data. */
    private Optional<XYChart> tierMix(SummaryTable summary, int replications) {
        return allOf(summary, TierMixChart.TIER_COLUMNS)
                .map(tiers -> new TierMixChart(style).build(tiers, replications));
    }

    /** ECL stacked by stage; empty unless all three stages have data. */
    private Optional<XYChart> eclByStage(SummaryTable summary, int replications) {
        return allOf(summary, EclStageChart.STAGE_COLUMNS).map(stages -> new EclStageChart(style)
                .build(stages, summary.metric(EclStageChart.TOTAL_COLUMN).orElse(null), replications));
    }

    private Optional<XYChart> capitalAdequacy(SummaryTable summary, int replications, Map<String, Double> buffers) {
        List<CapitalAdequacyChart.Lender> lenders =
                CapitalAdequacyChart.lenders(summary, summary.entities("lender.", ".car"), buffers);
        return lenders.isEmpty() ? Optional.empty()
                : Optional.of(new CapitalAdequacyChart(style).build(lenders, replications));
    }

    /** The summaries of all the columns, or empty if any has no mean. */
    private static Optional<List<MetricSummary>> allOf(SummaryTable summary, List<String> columns) {
        List<MetricSummary> out = new ArrayList<>();
        for (String column : columns) {
            if (!summary.has(column, Statistic.MEAN)) {
                return Optional.empty();
            }
            out.add(summary.metric(column).orElseThrow());
        }
        return Optional.of(out);
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
