package org.creditstress.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.creditstress.run.Experiment;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.Quantiles;
import org.creditstress.run.RunResult;
import org.creditstress.run.store.ResultsWriter;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The charts of the risk measures (five-tier mix, ECL by stage, capital adequacy against its
 * minimum, P&L waterfalls) on a synthetic run whose per-replication values are known, so each
 * chart can be checked against the numbers it must show.
 */
class RiskChartsTest {

    private static final int REPLICATIONS = 3;
    private static final int MONTHS = 12;
    /** The month in which the market has no receivables: the five-tier shares are undefined. */
    private static final int EMPTY_MONTH = 12;
    private static final List<String> TIERS = List.of("normal", "special_mention", "substandard", "doubtful", "loss");

    @TempDir
    Path dir;

    /** metrics.csv of the synthetic run: column -> replication -> values by month (NaN = empty cell). */
    private final Map<String, double[][]> metrics = new LinkedHashMap<>();

    @BeforeEach
    void syntheticRun() {
        Random random = new Random(20260111L);
        for (int r = 0; r < REPLICATIONS; r++) {
            for (int m = 0; m < MONTHS; m++) {
                double[] weights = {80 + 10 * random.nextDouble(), 5 * random.nextDouble(), 3 * random.nextDouble(),
                    2 * random.nextDouble(), random.nextDouble()};
                double sum = 0;
                for (double w : weights) {
                    sum += w;
                }
                for (int t = 0; t < TIERS.size(); t++) {
                    set("tier_" + TIERS.get(t) + "_share", r, m, m + 1 == EMPTY_MONTH ? Double.NaN : weights[t] / sum);
                }
                double total = 0;
                for (int s = 1; s <= 3; s++) {
                    double ecl = 1e6 * (4 - s) * (1 + random.nextDouble());
                    set("ecl_stage" + s, r, m, ecl);
                    total += ecl;
                }
                set("ecl", r, m, total);
                for (String lender : List.of("A", "B")) {
                    set("lender." + lender + ".car", r, m, 0.12 - 0.004 * m + 0.01 * random.nextDouble());
                    set("lender." + lender + ".car_min", r, m, 0.08);
                }
            }
        }
        pnl("A", random, 1.0);
        // B's provisions are large enough to take its running total through zero.
        pnl("B", random, 4.0);
    }

    /** P&L lines of a lender, each month of each replication; pre-tax profit is their signed sum. */
    private void pnl(String lender, Random random, double provisionScale) {
        for (int r = 0; r < REPLICATIONS; r++) {
            for (int m = 0; m < MONTHS; m++) {
                double profit = 0;
                for (PnlWaterfallChart.Line line : PnlWaterfallChart.LINES) {
                    double scale = line.field().equals("provision_charge") ? provisionScale : 1.0;
                    double amount = 1e5 * scale * (0.5 + random.nextDouble());
                    set("lender." + lender + ".pnl." + line.field(), r, m, amount);
                    profit += line.sign() * amount;
                }
                set("lender." + lender + ".pnl.pre_tax_profit", r, m, profit);
            }
        }
    }

    private void set(String column, int replication, int monthIndex, double value) {
        metrics.computeIfAbsent(column, c -> new double[REPLICATIONS][MONTHS])[replication][monthIndex] = value;
    }

    /** Writes metrics.csv, summary.csv (mean and type-7 percentiles across replications) and the resolved scenario. */
    private Path write() throws IOException {
        List<String> rows = new ArrayList<>(List.of("replication,month," + String.join(",", metrics.keySet())));
        for (int r = 0; r < REPLICATIONS; r++) {
            for (int m = 0; m < MONTHS; m++) {
                StringBuilder row = new StringBuilder(r + "," + (m + 1));
                for (double[][] values : metrics.values()) {
                    row.append(',').append(cell(values[r][m]));
                }
                rows.add(row.toString());
            }
        }
        Fixtures.write(dir.resolve("metrics.csv"), rows);
        List<String> summary = new ArrayList<>(List.of("metric,month,mean,p5,p50,p95"));
        metrics.forEach((column, values) -> {
            for (int m = 0; m < MONTHS; m++) {
                double[] across = new double[REPLICATIONS];
                for (int r = 0; r < REPLICATIONS; r++) {
                    across[r] = values[r][m];
                }
                summary.add(column + "," + (m + 1) + "," + cell(Quantiles.mean(across)) + ","
                        + cell(Quantiles.percentile(across, 5)) + "," + cell(Quantiles.percentile(across, 50)) + ","
                        + cell(Quantiles.percentile(across, 95)));
            }
        });
        Fixtures.write(dir.resolve("summary.csv"), summary);
        Files.writeString(dir.resolve("scenario.resolved.yaml"), String.join("\n", "name: synthetic", "lenders:",
                "  - name: A", "    capital:", "      min_car: 0.08", "      buffer: 0.025",
                "  - name: B", "    capital:", "      min_car: 0.08", "      buffer: 0.025", ""));
        return dir;
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private SummaryTable summary() throws IOException {
        return SummaryTable.read(write().resolve("summary.csv"));
    }

    @Test
    void theRiskChartsAppearForARunThatHasTheMeasures() throws IOException {
        List<String> written = names(new RunCharts().writeAll(write()));

        assertEquals(List.of(RunCharts.FIVE_TIER_MIX, RunCharts.LENDER_CAR, "pnl_waterfall_A.png", "pnl_waterfall_B.png",
                RunCharts.ECL_BY_STAGE), written, "in the order of CHART_FILES, one waterfall per lender");
        for (String name : written) {
            RunChartsTest.assertPng(dir.resolve("charts").resolve(name), 900, 500);
        }
    }

    @Test
    void waterfallBarsAddUpToTheMeanCumulativePreTaxProfit() throws IOException {
        Map<String, CategoryChart> charts = new RunCharts().waterfalls(summary(), REPLICATIONS);

        assertEquals(List.of("pnl_waterfall_A.png", "pnl_waterfall_B.png"), List.copyOf(charts.keySet()));
        for (String lender : List.of("A", "B")) {
            CategoryChart chart = charts.get("pnl_waterfall_" + lender + ".png");
            List<Bar> bars = bars(chart);
            assertEquals(PnlWaterfallChart.LINES.size() + 1, bars.size(), "every line, then the total");
            double running = 0;
            for (Bar bar : bars.subList(0, bars.size() - 1)) {
                double before = bar.raises() ? bar.low() : bar.high();
                double after = bar.raises() ? bar.high() : bar.low();
                assertEquals(running, before, 1e-9, lender + ": " + bar.category() + " starts where the last bar ended");
                running = after;
            }
            Bar total = bars.get(bars.size() - 1);
            assertTrue(total.category().startsWith(PnlWaterfallChart.PROFIT_LABEL), total.category());
            assertEquals(Math.min(0, running), total.low(), 1e-9, lender + ": the bars end at the total");
            assertEquals(Math.max(0, running), total.high(), 1e-9, lender + ": the bars end at the total");
            assertEquals(meanCumulative("lender." + lender + ".pnl.pre_tax_profit") / 1e6, running, 1e-9,
                    lender + ": the total is the mean across replications of the cumulative pre-tax profit");
            assertTrue(chart.getTitle().contains("mean of 3 replications") && chart.getTitle().contains("summed over months"),
                    chart.getTitle());
        }
        // B's running total crosses zero on one bar: drawn as a piece above and a piece below zero.
        List<Bar> b = bars(charts.get("pnl_waterfall_B.png"));
        assertTrue(b.stream().anyMatch(bar -> bar.low() < 0 && bar.high() > 0 && !bar.category().startsWith("pre-tax")),
                "a bar crosses zero");
        assertTrue(bars(charts.get("pnl_waterfall_A.png")).get(PnlWaterfallChart.LINES.size()).low() >= 0, "A makes a profit");
    }

    @Test
    void aMissingPnlLineIsShownAsOtherSoTheBarsStillReachTheTotal() throws IOException {
        write();
        double saleLosses = meanCumulative("lender.A.pnl.sale_losses") / 1e6;
        Fixtures.filterLines(dir.resolve("summary.csv"), line -> !line.startsWith("lender.A.pnl.sale_losses,"));

        PnlWaterfallChart.Waterfall w = PnlWaterfallChart.of(SummaryTable.read(dir.resolve("summary.csv")), "A").orElseThrow();

        PnlWaterfallChart.Step other = w.steps().get(w.steps().size() - 2);
        assertEquals(PnlWaterfallChart.OTHER_LABEL, other.label());
        assertEquals(-saleLosses, other.amount() / 1e6, 1e-9);
        assertEquals(meanCumulative("lender.A.pnl.pre_tax_profit"), w.total().end(), 1e-6);
        assertEquals(w.total().end(), other.end(), 1e-6);
    }

    @Test
    void fiveTierSharesStackToOneHundredPercentWhereThereAreReceivables() throws IOException {
        XYChart chart = new RunCharts().build(summary(), REPLICATIONS).get(RunCharts.FIVE_TIER_MIX);
        Map<String, XYSeries> series = chart.getSeriesMap();

        // Polygons run along the upper edge forwards, then back along the lower edge.
        XYSeries normal = series.get("Normal");
        XYSeries loss = series.get("Loss");
        int drawn = EMPTY_MONTH - 1;
        assertEquals(2 * drawn, normal.getXData().length, "the month without receivables is not drawn");
        for (int i = 0; i < drawn; i++) {
            assertEquals(i + 1, normal.getXData()[i], 0);
            assertEquals(100.0, normal.getYData()[i], 1e-9, "month " + (i + 1) + " stacks to 100 %");
            assertEquals(0.0, loss.getYData()[2 * drawn - 1 - i], 0, "the stack starts at zero");
            double npl = 0;
            for (String tier : List.of("substandard", "doubtful", "loss")) {
                npl += mean("tier_" + tier + "_share", i + 1);
            }
            assertEquals(100 * npl, series.get(TierMixChart.NPL_LABEL).getYData()[i], 1e-9, "the outlined edge is the NPL ratio");
        }
        assertTrue(Double.isNaN(series.get(TierMixChart.NPL_LABEL).getYData()[EMPTY_MONTH - 1]));
        // The worst class at the bottom: the edge above loss is the loss share.
        assertEquals(100 * mean("tier_loss_share", 3), loss.getYData()[2], 1e-9);
        assertEquals(100.0, chart.getStyler().getYAxisMax(), 0);
    }

    @Test
    void eclStagesStackToTheMeanTotalInMillionYuan() throws IOException {
        XYChart chart = new RunCharts().build(summary(), REPLICATIONS).get(RunCharts.ECL_BY_STAGE);
        Map<String, XYSeries> series = chart.getSeriesMap();

        for (int m = 1; m <= MONTHS; m++) {
            double stage1 = mean("ecl_stage1", m) / 1e6;
            assertEquals(stage1, series.get("Stage 1 (12-month)").getYData()[m - 1], 1e-9);
            assertEquals(mean("ecl", m) / 1e6, series.get("Stage 3 (lifetime, impaired)").getYData()[m - 1], 1e-9,
                    "the top of the stack is the mean total ECL");
            assertEquals(mean("ecl", m) / 1e6, series.get(EclStageChart.TOTAL_LABEL).getYData()[m - 1], 1e-9);
            assertEquals(percentile("ecl", m, 95) / 1e6, series.get(EclStageChart.SPREAD_LABEL).getYData()[m - 1], 1e-9);
        }
        assertTrue(chart.getYAxisTitle().contains("million yuan"));
    }

    @Test
    void capitalAdequacyChartDrawsEachLendersFanWithTheMinimumAndTheBuffer() throws IOException {
        Map<String, XYChart> charts = new RunCharts().build(summary(), REPLICATIONS, RunCharts.capitalBuffers(dir));
        Map<String, XYSeries> series = charts.get(RunCharts.LENDER_CAR).getSeriesMap();

        assertEquals(100 * percentile("lender.B.car", 4, 50), series.get("B (median)").getYData()[3], 1e-9);
        assertTrue(series.containsKey("A (median)"));
        // One shared pair of lines: both lenders have the same minimum and buffer.
        XYSeries minimum = series.get(CapitalAdequacyChart.MINIMUM_LABEL);
        XYSeries buffer = series.get(CapitalAdequacyChart.BUFFER_LABEL + " 2.5 pp");
        for (int i = 0; i < MONTHS; i++) {
            assertEquals(8.0, minimum.getYData()[i], 1e-9);
            assertEquals(10.5, buffer.getYData()[i], 1e-9);
        }
        assertFalse(series.containsKey("B: " + CapitalAdequacyChart.MINIMUM_LABEL));
    }

    @Test
    void lendersWithDifferentMinimumsGetALinePairEachAndNoScenarioMeansNoBuffer() throws IOException {
        for (int r = 0; r < REPLICATIONS; r++) {
            for (int m = 6; m < MONTHS; m++) {
                set("lender.B.car_min", r, m, 0.10);
            }
        }
        SummaryTable summary = summary();
        Map<String, XYSeries> series = new RunCharts().build(summary, REPLICATIONS, RunCharts.capitalBuffers(dir))
                .get(RunCharts.LENDER_CAR).getSeriesMap();
        assertEquals(8.0, series.get("A: minimum").getYData()[11], 1e-9);
        assertEquals(10.0, series.get("B: minimum").getYData()[11], 1e-9, "B's minimum rose in month 7");
        assertEquals(12.5, series.get("B: + buffer 2.5 pp").getYData()[11], 1e-9);

        Files.delete(dir.resolve("scenario.resolved.yaml"));
        assertEquals(Map.of(), RunCharts.capitalBuffers(dir));
        Map<String, XYSeries> noBuffer = new RunCharts().build(summary, REPLICATIONS, RunCharts.capitalBuffers(dir))
                .get(RunCharts.LENDER_CAR).getSeriesMap();
        assertTrue(noBuffer.containsKey("B: minimum"));
        assertFalse(noBuffer.keySet().stream().anyMatch(k -> k.contains("buffer")), noBuffer.keySet().toString());
    }

    @Test
    void missingMeasuresSkipTheirChartsAndRemoveStaleOnes() throws IOException {
        new RunCharts().writeAll(write());
        Fixtures.filterLines(dir.resolve("summary.csv"), line -> !line.startsWith("tier_doubtful_share,")
                && !line.startsWith("ecl_stage2,") && !line.matches("lender\\.[AB]\\.car,.*")
                && !line.startsWith("lender.B.pnl.pre_tax_profit,"));

        List<String> written = names(new RunCharts().writeAll(dir));

        assertEquals(List.of("pnl_waterfall_A.png"), written);
        for (String stale : List.of(RunCharts.FIVE_TIER_MIX, RunCharts.ECL_BY_STAGE, RunCharts.LENDER_CAR, "pnl_waterfall_B.png")) {
            assertFalse(Files.exists(dir.resolve("charts").resolve(stale)), stale + " removed");
        }
    }

    @Test
    void aScenarioWithOneLenderGetsItsChartsAndNoOthers() throws IOException {
        metrics.keySet().removeIf(column -> column.startsWith("lender.B."));

        List<String> written = names(new RunCharts().writeAll(write()));

        assertEquals(List.of(RunCharts.FIVE_TIER_MIX, RunCharts.LENDER_CAR, "pnl_waterfall_A.png", RunCharts.ECL_BY_STAGE), written);
    }

    @Test
    void everyRunChartHasACaptionAndPerLenderChartsNameTheirLender() {
        for (String name : RunCharts.CHART_FILES) {
            String file = name.contains(RunCharts.LENDER_PLACEHOLDER) ? RunCharts.lenderFile(name, "X") : name;
            assertTrue(RunCharts.caption(file).filter(c -> c.length() > 20).isPresent(), file);
        }
        assertTrue(RunCharts.caption("pnl_waterfall_Platform-A.png").orElseThrow().startsWith("Platform-A: "));
        assertTrue(RunCharts.caption("compare_m3plus.png").isEmpty(), "not a run chart");
        assertEquals(List.of("overdue_fan.png", "lender_car.png", "pnl_waterfall_B.png", "pnl_waterfall_A.png", "other.png"),
                RunCharts.reportOrder(List.of("other.png", "pnl_waterfall_B.png", "lender_car.png", "pnl_waterfall_A.png",
                        "overdue_fan.png")));
        assertEquals("pnl_waterfall_a_b.png", RunCharts.lenderFile(RunCharts.PNL_WATERFALL, "a/b"));
    }

    /** One bar of a waterfall as drawn: its category, its span and whether it raises profit (or is the total). */
    private record Bar(String category, double low, double high, boolean raises) {
    }

    /**
     * The bars of a waterfall chart as XChart stacks them: positive values on positive values,
     * negative on negative, the invisible base series first.
     */
    private static List<Bar> bars(CategoryChart chart) {
        List<String> categories = new ArrayList<>();
        chart.getSeriesMap().values().iterator().next().getXData().forEach(c -> categories.add((String) c));
        Map<String, List<Double>> values = new TreeMap<>();
        for (CategorySeries s : chart.getSeriesMap().values()) {
            List<Double> y = new ArrayList<>();
            s.getYData().forEach(v -> y.add(v.doubleValue()));
            values.put(s.getName(), y);
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            double base = values.get("base").get(i);
            double positive = Math.max(base, 0);
            double negative = Math.min(base, 0);
            String kind = null;
            for (Map.Entry<String, List<Double>> e : values.entrySet()) {
                double v = e.getValue().get(i);
                if (e.getKey().equals("base") || v == 0) {
                    continue;
                }
                positive += Math.max(v, 0);
                negative += Math.min(v, 0);
                kind = e.getKey();
            }
            assertNotNull(kind, "category " + categories.get(i) + " has a visible bar");
            double low = base > 0 ? base : negative;
            double high = base < 0 ? base : positive;
            bars.add(new Bar(categories.get(i), low, high, !kind.startsWith(PnlWaterfallChart.LOWERS_LABEL)));
        }
        return bars;
    }

    /** The mean across replications of the sum over months of a column. */
    private double meanCumulative(String column) {
        double[][] values = metrics.get(column);
        double sum = 0;
        for (double[] replication : values) {
            for (double v : replication) {
                sum += v;
            }
        }
        return sum / values.length;
    }

    private double mean(String column, int month) {
        return Quantiles.mean(across(column, month));
    }

    private double percentile(String column, int month, double p) {
        return Quantiles.percentile(across(column, month), p);
    }

    private double[] across(String column, int month) {
        double[] out = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            out[r] = metrics.get(column)[r][month - 1];
        }
        return out;
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void onARealRunTheWaterfallsAddUpAndTheTiersStackToOneHundredPercent() throws IOException {
        Path run = dir.resolve("real");
        LoadedScenario scenario = ScenarioLoader.load(Path.of("scenarios/severe-downturn.yaml"),
                List.of("population.size=3000", "horizon.months=8", "horizon.burn_in_months=3"));
        RunResult result = Experiment.run(scenario, 2, ProgressListener.NONE);
        Files.createDirectories(run);
        ResultsWriter.writeAll(result, run, List.of("creditstress", "run"), "test");

        List<String> written = names(new RunCharts().writeAll(run));

        SummaryTable summary = SummaryTable.read(run.resolve("summary.csv"));
        List<String> lenders = summary.entities("lender.", ".pnl.pre_tax_profit");
        assertFalse(lenders.isEmpty());
        for (String chart : List.of(RunCharts.FIVE_TIER_MIX, RunCharts.LENDER_CAR, RunCharts.ECL_BY_STAGE)) {
            assertTrue(written.contains(chart), chart + " in " + written);
        }
        Map<String, CategoryChart> waterfalls = new RunCharts().waterfalls(summary, 2);
        for (String lender : lenders) {
            String file = RunCharts.lenderFile(RunCharts.PNL_WATERFALL, lender);
            assertTrue(written.contains(file), file);
            List<Bar> bars = bars(waterfalls.get(file));
            double running = 0;
            for (Bar bar : bars.subList(0, bars.size() - 1)) {
                running += bar.raises() ? bar.high() - bar.low() : bar.low() - bar.high();
            }
            double profit = PnlWaterfallChart.sumOfMeans(summary.metric("lender." + lender + ".pnl.pre_tax_profit").orElseThrow());
            assertEquals(profit / 1e6, running, 1e-6, lender + ": the bars add up to the cumulative pre-tax profit");
            assertTrue(bars.stream().noneMatch(b -> b.category().startsWith(PnlWaterfallChart.OTHER_LABEL)),
                    lender + ": every P&L line is itemised");
            String ladder = RunCharts.lenderFile(RunCharts.LIQUIDITY_LADDER, lender);
            assertTrue(written.contains(ladder), ladder);
            // The ladder's first series is the median 30-day inflow of the summary, in million yuan.
            XYSeries in30 = new RunCharts().build(summary, 2).get(ladder).getSeriesMap().get("in, days 1-30 (median)");
            double[] median = summary.metric("lender." + lender + ".ladder_inflow_30").orElseThrow().values(Statistic.P50);
            assertEquals(median[3] / 1e6, in30.getYData()[3], 1e-9, lender + ": month 4 of the ladder chart");
        }
        XYSeries normal = new RunCharts().build(summary, 2).get(RunCharts.FIVE_TIER_MIX).getSeriesMap().get("Normal");
        int months = normal.getXData().length / 2;
        assertEquals(8, months, "every month has receivables");
        for (int i = 0; i < months; i++) {
            assertEquals(100.0, normal.getYData()[i], 1e-6, "month " + (i + 1));
        }
    }

    @Test
    void noEclTotalMeansNoPercentileLines() throws IOException {
        metrics.remove("ecl");
        XYChart chart = new RunCharts().build(summary(), REPLICATIONS).get(RunCharts.ECL_BY_STAGE);
        assertNotNull(chart);
        assertNull(chart.getSeriesMap().get(EclStageChart.SPREAD_LABEL));
    }
}
