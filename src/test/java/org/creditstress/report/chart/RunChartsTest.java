package org.creditstress.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.creditstress.run.store.CsvFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.XYSeries;

class RunChartsTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path dir;

    /**
     * A run with the lenders' AUC columns gets the ranking-power chart: one application-score and one
     * behaviour-score series per lender, on the AUC's own scale (not in %), a month without a
     * resolved sample (NaN) left out.
     */
    @Test
    void theRankingPowerChartShowsBothScoresOfEachLender() throws IOException {
        Path run = Fixtures.copyRun(dir);
        List<String> lines = new java.util.ArrayList<>(Fixtures.lines(run.resolve("summary.csv")));
        for (int m = 1; m <= 12; m++) {
            String app = m == 1 ? "NaN,NaN,NaN,NaN" : "0.6,0.55,0.6,0.65";
            lines.add("lender.BankA.score_auc," + m + "," + app);
            lines.add("lender.BankA.behaviour_auc," + m + ",0.78,0.74,0.78,0.82");
        }
        Fixtures.write(run.resolve("summary.csv"), lines);
        XYChart chart = new RunCharts().build(SummaryTable.read(run.resolve("summary.csv")), 4).get(RunCharts.RANKING_POWER);
        assertNotNull(chart, "the chart is drawn when the columns are there");
        Set<String> names = chart.getSeriesMap().keySet();
        assertTrue(names.stream().anyMatch(n -> n.contains("BankA application score")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.contains("BankA behaviour score")), names.toString());
        XYSeries behaviour = chart.getSeriesMap().values().stream()
                .filter(x -> x.getName().contains("BankA behaviour score") && x.isShowInLegend()).findFirst().orElseThrow();
        assertEquals(0.78, behaviour.getYData()[0], 1e-12, "an AUC is drawn as it is, 0 to 1");
        assertTrue(new RunCharts().writeAll(run).contains(run.resolve("charts").resolve(RunCharts.RANKING_POWER)));
    }

    @Test
    void writesAllChartsAsPngsOfTheStyleSize() throws IOException {
        Path run = Fixtures.copyRun(dir);

        List<Path> written = new RunCharts().writeAll(run);

        // The fixture has segment columns but no roll-rate, credit-use, vintage, group, liquidity, funder or
        // risk-measure columns: those charts are skipped.
        List<Path> expected = RunCharts.CHART_FILES.stream()
                .filter(n -> !List.of(RunCharts.ROLL_RATES, RunCharts.CREDIT_USE, RunCharts.VINTAGES, RunCharts.GROUP_SPLIT, RunCharts.LENDER_LCR,
                        RunCharts.LENDER_SURVIVAL, RunCharts.FUNDER_CAPITAL, RunCharts.FIVE_TIER_MIX, RunCharts.LENDER_CAR,
                        RunCharts.PNL_WATERFALL, RunCharts.ECL_BY_STAGE, RunCharts.LIQUIDITY_LADDER, RunCharts.RANKING_POWER).contains(n))
                .map(n -> run.resolve("charts").resolve(n)).toList();
        assertEquals(expected, written);
        assertEquals(List.of("overdue_fan.png", "delinquency_buckets.png", "five_tier_mix.png", "lender_capital_ratio.png",
                "lender_car.png", "lender_cash.png", "pnl_waterfall_<lender>.png", "unemployment.png", "npl_and_losses.png",
                "ecl_by_stage.png", "roll_rates.png", "credit_use.png", "vintages.png", "segment_split.png", "group_split.png",
                "lender_lcr.png", "lender_survival.png", "liquidity_ladder_<lender>.png", "funder_capital.png", "ranking_power.png"),
                RunCharts.CHART_FILES);
        for (Path png : written) {
            assertPng(png, 900, 500);
        }
        try (var files = Files.list(run.resolve("charts"))) {
            assertEquals(7, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void honoursTheStyleSizeAndOverwritesEarlierCharts() throws IOException {
        Path run = Fixtures.copyRun(dir);
        new RunCharts().writeAll(run);

        List<Path> written = new RunCharts(ChartStyle.defaults().withSize(640, 360)).writeAll(run);

        assertEquals(7, written.size());
        for (Path png : written) {
            assertPng(png, 640, 360);
        }
    }

    @Test
    void missingLenderColumnsSkipLenderChartsAndRemoveStaleOnes() throws IOException {
        Path run = Fixtures.copyRun(dir);
        new RunCharts().writeAll(run);
        Fixtures.filterLines(run.resolve("summary.csv"), line -> !line.startsWith("lender."));

        List<Path> written = new RunCharts().writeAll(run);

        assertEquals(List.of("overdue_fan.png", "delinquency_buckets.png", "unemployment.png", "npl_and_losses.png",
                "segment_split.png"), names(written));
        assertFalse(Files.exists(run.resolve("charts/lender_cash.png")), "stale chart removed");
        assertFalse(Files.exists(run.resolve("charts/lender_capital_ratio.png")), "stale chart removed");
    }

    @Test
    void missingBucketColumnSkipsBucketChartOnly() throws IOException {
        Path run = Fixtures.copyRun(dir);
        Fixtures.filterLines(run.resolve("summary.csv"), line -> !line.startsWith("bucket_m4plus_share,"));

        List<String> written = names(new RunCharts().writeAll(run));

        assertFalse(written.contains("delinquency_buckets.png"));
        assertEquals(6, written.size());
    }

    @Test
    void chartWithSomeColumnsShowsThoseAndWithNoneIsSkipped() throws IOException {
        SummaryTable full = SummaryTable.read(Fixtures.resource("summary.csv"));
        Path run = Fixtures.copyRun(dir);
        Fixtures.filterLines(run.resolve("summary.csv"), line -> !line.startsWith("m1plus_ratio,"));
        SummaryTable noM1 = SummaryTable.read(run.resolve("summary.csv"));

        XYChart overdue = new RunCharts().build(noM1, 3).get(RunCharts.OVERDUE_FAN);
        assertNotNull(overdue);
        assertFalse(overdue.getSeriesMap().containsKey("M1+ (median)"));
        assertTrue(overdue.getSeriesMap().containsKey("M3+ (median)"));
        assertTrue(new RunCharts().build(full, 3).get(RunCharts.OVERDUE_FAN).getSeriesMap()
                .containsKey("M1+ (median)"));

        Fixtures.filterLines(run.resolve("summary.csv"), line -> !line.startsWith("m3plus_ratio,"));
        List<String> written = names(new RunCharts().writeAll(run));
        assertFalse(written.contains("overdue_fan.png"));
        assertTrue(written.contains("npl_and_losses.png"));
    }

    @Test
    void allEmptyColumnCountsAsAbsent() throws IOException {
        Path run = Fixtures.copyRun(dir);
        Fixtures.filterLines(run.resolve("summary.csv"), line -> !line.startsWith("unemployment_rate,"));
        List<String> lines = Fixtures.lines(run.resolve("summary.csv"));
        for (int m = 1; m <= 12; m++) {
            lines.add("unemployment_rate," + m + ",,,,");
        }
        Fixtures.write(run.resolve("summary.csv"), lines);

        assertFalse(names(new RunCharts().writeAll(run)).contains("unemployment.png"));
    }

    @Test
    void fanChartPlotsMedianInPercentAndBandAsPolygon() throws IOException {
        SummaryTable summary = SummaryTable.read(Fixtures.resource("summary.csv"));
        MetricSummary m3 = summary.metric("m3plus_ratio").orElseThrow();

        XYChart chart = new RunCharts().build(summary, 3).get(RunCharts.OVERDUE_FAN);
        Map<String, XYSeries> series = chart.getSeriesMap();

        XYSeries median = series.get("M3+ (median)");
        assertEquals(XYSeriesRenderStyle.Line, median.getXYSeriesRenderStyle());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, median.getXData(), 0);
        for (int i = 0; i < 12; i++) {
            assertEquals(100 * m3.values(Statistic.P50)[i], median.getYData()[i], 1e-9);
        }
        XYSeries band = series.get("M3+ band 1");
        assertEquals(XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle());
        assertFalse(band.isShowInLegend());
        assertTrue(band.getFillColor().getAlpha() < 255, "band is translucent");
        // Along p95 forwards, back along p5.
        assertEquals(24, band.getXData().length);
        assertEquals(100 * m3.value(Statistic.P95, 1), band.getYData()[0], 1e-9);
        assertEquals(100 * m3.value(Statistic.P95, 12), band.getYData()[11], 1e-9);
        assertEquals(100 * m3.value(Statistic.P5, 12), band.getYData()[12], 1e-9);
        assertEquals(100 * m3.value(Statistic.P5, 1), band.getYData()[23], 1e-9);
        assertTrue(series.containsKey("band: 5\u201395 % across 3 replications"), series.keySet().toString());
        assertTrue(chart.getTitle().contains("Overdue"));
        assertTrue(chart.getYAxisTitle().contains("%"));
        assertEquals("Month", chart.getXAxisTitle());
        assertBandsDrawnBeforeMedians(chart);
    }

    @Test
    void lenderChartsHaveOneFanPerLenderInMillionYuan() throws IOException {
        SummaryTable summary = SummaryTable.read(Fixtures.resource("summary.csv"));
        Map<String, XYChart> charts = new RunCharts().build(summary, 3);

        XYChart cash = charts.get(RunCharts.LENDER_CASH);
        assertTrue(cash.getYAxisTitle().contains("million yuan"));
        XYSeries bankA = cash.getSeriesMap().get("BankA (median)");
        double stored = summary.metric("lender.BankA.cash").orElseThrow().value(Statistic.P50, 1);
        assertEquals(stored / 1e6, bankA.getYData()[0], 1e-9);
        assertTrue(cash.getSeriesMap().containsKey("Consumer-Fin_2 (median)"));

        XYChart capital = charts.get(RunCharts.LENDER_CAPITAL_RATIO);
        assertEquals(Set.of("BankA (median)", "Consumer-Fin_2 (median)"), legendLines(capital));
        assertBandsDrawnBeforeMedians(capital);
    }

    @Test
    void bandIsSplitAtMissingMonths() throws IOException {
        Path run = Fixtures.copyRun(dir);
        List<String> lines = Fixtures.lines(run.resolve("summary.csv"));
        lines.replaceAll(l -> l.startsWith("m3plus_ratio,5,") ? "m3plus_ratio,5,,,," : l);
        Fixtures.write(run.resolve("summary.csv"), lines);

        XYChart chart = new RunCharts().build(SummaryTable.read(run.resolve("summary.csv")), 3)
                .get(RunCharts.OVERDUE_FAN);

        assertEquals(8, chart.getSeriesMap().get("M3+ band 1").getXData().length, "months 1-4");
        assertEquals(14, chart.getSeriesMap().get("M3+ band 2").getXData().length, "months 6-12");
        assertTrue(Double.isNaN(chart.getSeriesMap().get("M3+ (median)").getYData()[4]), "line broken at month 5");
        assertTrue(Files.size(new RunCharts().writeAll(run).get(0)) > 0);
    }

    @Test
    void singleReplicationDrawsNoBandAndSaysSo() throws IOException {
        Path run = dir.resolve("single");
        Files.createDirectories(run);
        // One replication: p5 = p50 = p95.
        List<String> lines = Fixtures.lines(Fixtures.resource("summary.csv")).stream().map(l -> {
            String[] f = l.split(",", -1);
            return f[0].equals("metric") ? l : String.join(",", f[0], f[1], f[4], f[4], f[4], f[4]);
        }).collect(Collectors.toList());
        Fixtures.write(run.resolve("summary.csv"), lines);
        Fixtures.write(run.resolve("metrics.csv"), Fixtures.lines(Fixtures.resource("metrics.csv")).stream()
                .filter(l -> !l.startsWith("2,") && !l.startsWith("3,")).collect(Collectors.toList()));

        XYChart chart = new RunCharts().build(SummaryTable.read(run.resolve("summary.csv")), 1)
                .get(RunCharts.UNEMPLOYMENT);
        assertFalse(chart.getSeriesMap().keySet().stream().anyMatch(k -> k.contains("band 1")));
        assertTrue(chart.getSeriesMap().containsKey("no band: 1 replication"));
        assertEquals(7, new RunCharts().writeAll(run).size());
    }

    @Test
    void bucketChartStacksDelinquentBucketsInPercent() throws IOException {
        SummaryTable summary = SummaryTable.read(Fixtures.resource("summary.csv"));
        XYChart chart = new RunCharts().build(summary, 3).get(RunCharts.DELINQUENCY_BUCKETS);
        Map<String, XYSeries> series = chart.getSeriesMap();

        double m1 = 100 * summary.metric("bucket_m1_share").orElseThrow().value(Statistic.MEAN, 6);
        double m2 = 100 * summary.metric("bucket_m2_share").orElseThrow().value(Statistic.MEAN, 6);
        double m3 = 100 * summary.metric("bucket_m3_share").orElseThrow().value(Statistic.MEAN, 6);
        double m4 = 100 * summary.metric("bucket_m4plus_share").orElseThrow().value(Statistic.MEAN, 6);
        // Layer polygons: upper edge forwards (index 5 = month 6), lower edge backwards.
        assertEquals(m1, series.get("M1").getYData()[5], 1e-9);
        assertEquals(0.0, series.get("M1").getYData()[23 - 5], 1e-9);
        assertEquals(m1 + m2, series.get("M2").getYData()[5], 1e-9);
        assertEquals(m1, series.get("M2").getYData()[23 - 5], 1e-9);
        assertEquals(m1 + m2 + m3 + m4, series.get("M4+").getYData()[5], 1e-9);
        assertEquals(m1 + m2 + m3 + m4, series.get("M1+ total").getYData()[5], 1e-9);
        assertEquals(XYSeriesRenderStyle.PolygonArea, series.get("M3").getXYSeriesRenderStyle());

        double m0 = 100 * summary.metric("bucket_m0_share").orElseThrow().value(Statistic.MEAN, 6);
        assertEquals(100.0, m0 + m1 + m2 + m3 + m4, 1e-6);
        String m0Note = series.keySet().stream().filter(k -> k.startsWith("M0")).findFirst().orElseThrow();
        assertTrue(m0Note.matches("M0 current, not shown: \\d+\\.\\d\u2013\\d+\\.\\d %"), m0Note);
        assertTrue(chart.getTitle().contains("3 replications"));
    }

    @Test
    void malformedSummaryIsReportedWithFileAndLine() throws IOException {
        Path run = Fixtures.copyRun(dir);
        Fixtures.editLine(run.resolve("summary.csv"), 7, line -> line.substring(0, line.lastIndexOf(',')));

        CsvFormatException e = assertThrows(CsvFormatException.class, () -> new RunCharts().writeAll(run));

        assertEquals(run.resolve("summary.csv"), e.file());
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("summary.csv, line 7"), e.getMessage());
        assertFalse(Files.exists(run.resolve("charts")), "nothing written");
    }

    @Test
    void malformedMetricsIsReportedWithFileAndLine() throws IOException {
        Path run = Fixtures.copyRun(dir);
        Fixtures.editLine(run.resolve("metrics.csv"), 5, line -> line.replaceFirst(",0\\.", ",zero."));

        CsvFormatException e = assertThrows(CsvFormatException.class, () -> new RunCharts().writeAll(run));

        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("metrics.csv, line 5"), e.getMessage());
    }

    @Test
    void missingResultsFileIsReported() throws IOException {
        Path run = Fixtures.copyRun(dir);
        Files.delete(run.resolve("metrics.csv"));

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> new RunCharts().writeAll(run));
        assertTrue(e.getMessage().contains("metrics.csv"), e.getMessage());
    }

    @Test
    void metricsWithoutRowsButSummaryWithRowsIsInconsistent() throws IOException {
        Path run = Fixtures.copyRun(dir);
        Fixtures.filterLines(run.resolve("metrics.csv"), line -> false);

        CsvFormatException e = assertThrows(CsvFormatException.class, () -> new RunCharts().writeAll(run));
        assertTrue(e.getMessage().contains("metrics.csv") && e.getMessage().contains("no data rows"),
                e.getMessage());
    }

    @Test
    void emptyResultsGiveNoChartsAndNoError() throws IOException {
        Files.writeString(dir.resolve("summary.csv"), "metric,month,mean,p5,p50,p95\n");
        Files.writeString(dir.resolve("metrics.csv"), "replication,month,unemployment_rate\n");

        assertEquals(List.of(), new RunCharts().writeAll(dir));
        assertTrue(Files.isDirectory(dir.resolve("charts")));
    }

    @Test
    void aLegendTooWideForOneLineGoesBesideThePlot() throws IOException {
        List<String> summary = new java.util.ArrayList<>(List.of("metric,month,mean,p5,p50,p95"));
        for (String column : List.of("credit_utilisation", "instalment_share", "revolving_share", "deleveraging_share")) {
            for (int m = 1; m <= 6; m++) {
                summary.add(column + "," + m + ",0.2,0.1,0.2,0.3");
            }
        }
        Fixtures.write(dir.resolve("summary.csv"), summary);

        XYChart credit = new RunCharts().build(SummaryTable.read(dir.resolve("summary.csv")), 3).get(RunCharts.CREDIT_USE);
        XYChart overdue = new RunCharts().build(SummaryTable.read(Fixtures.resource("summary.csv")), 3).get(RunCharts.OVERDUE_FAN);

        // Five entries, but "Receivables over limits (median)" and the like do not fit on one line of 900 px.
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideE, credit.getStyler().getLegendPosition());
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideS, overdue.getStyler().getLegendPosition());
    }

    @Test
    void shortAndLongHorizonsRender() throws IOException {
        for (int horizon : new int[] {2, 24, 25, 60, 240}) {
            Path run = Files.createDirectories(dir.resolve("h" + horizon));
            List<String> summary = new java.util.ArrayList<>(List.of("metric,month,mean,p5,p50,p95"));
            List<String> metrics = new java.util.ArrayList<>(List.of("replication,month,unemployment_rate,npl_ratio"));
            for (int m = 1; m <= horizon; m++) {
                double u = 0.05 + 0.02 * Math.sin(m / 10.0);
                summary.add("unemployment_rate," + m + "," + u + "," + (u - 0.004) + "," + u + "," + (u + 0.005));
                summary.add("npl_ratio," + m + ",0.01,0.01,0.01,0.01");
                metrics.add("1," + m + "," + u + ",0.01");
                metrics.add("2," + m + "," + u + ",0.01");
            }
            Fixtures.write(run.resolve("summary.csv"), summary);
            Fixtures.write(run.resolve("metrics.csv"), metrics);

            List<Path> written = new RunCharts().writeAll(run);

            assertEquals(List.of("unemployment.png", "npl_and_losses.png"), names(written), "horizon " + horizon);
            for (Path png : written) {
                assertPng(png, 900, 500);
            }
        }
    }

    static void assertPng(Path file, int width, int height) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), PNG_MAGIC.length);
        assertArrayEquals(PNG_MAGIC, head, file + " starts with the PNG signature");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is readable by ImageIO");
        assertEquals(width, image.getWidth(), file.toString());
        assertEquals(height, image.getHeight(), file.toString());
        assertTrue(distinctColours(image) > 20, file + " has real content, not a blank canvas");
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** Every polygon (band) series comes before every line series, so bands never cover a median. */
    private static void assertBandsDrawnBeforeMedians(XYChart chart) {
        boolean seenLine = false;
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (s.getXYSeriesRenderStyle() == XYSeriesRenderStyle.Line) {
                seenLine = true;
            } else if (s.getName().contains(" band ")) {
                assertFalse(seenLine, "band " + s.getName() + " drawn after a median line");
            }
        }
    }

    private static Set<String> legendLines(XYChart chart) {
        return chart.getSeriesMap().values().stream()
                .filter(s -> s.isShowInLegend() && s.getXYSeriesRenderStyle() == XYSeriesRenderStyle.Line)
                .map(XYSeries::getName).collect(Collectors.toSet());
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }
}
