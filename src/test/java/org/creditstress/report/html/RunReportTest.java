package org.creditstress.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.creditstress.report.Headline;
import org.creditstress.report.chart.RunCharts;
import org.creditstress.run.Experiment;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.RunResult;
import org.creditstress.run.store.ResultsWriter;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a run folder, written as RunCommand would: after the results and charts. */
class RunReportTest {
    @TempDir
    Path tmp;

    private RunResult runInto(Path dir, String... extra) throws IOException {
        List<String> overrides = new java.util.ArrayList<>(List.of("population.size=3000", "horizon.months=6",
                "horizon.burn_in_months=3", "replications=2"));
        overrides.addAll(List.of(extra));
        LoadedScenario s = ScenarioLoader.load(Path.of("scenarios/severe-downturn.yaml"), overrides);
        RunResult run = Experiment.run(s, 2, ProgressListener.NONE);
        Files.createDirectories(dir);
        ResultsWriter.writeAll(run, dir, List.of("creditstress", "run", "scenarios/severe-downturn.yaml", "--set", "x=<y>"), "test-1.0");
        new RunCharts().writeAll(dir);
        return run;
    }

    @Test
    void aRunReportHasTheFactsTheHeadlineTableEveryChartAndTheResolvedScenario() throws IOException {
        Path dir = tmp.resolve("run");
        RunResult run = runInto(dir, "description=Stress <b>test</b> & more");
        Path file = RunReport.write(dir);
        assertEquals(dir.resolve("report.html"), file);
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.endsWith("</html>\n"));
        assertTrue(html.contains("<h1>Scenario severe-downturn</h1>"));
        assertTrue(html.contains("Stress &lt;b&gt;test&lt;/b&gt; &amp; more"), "description, escaped");
        assertTrue(html.contains("--set x=&#39;&lt;y&gt;&#39;") || html.contains("&lt;y&gt;"), "command line, escaped");
        assertTrue(html.contains("<td>20261122</td>") && html.contains("test-1.0"), "seed and version");
        // The headline table, with the same numbers as the console table.
        List<Headline.Figure> figures = Headline.compute(run.registry(), run.replications());
        for (List<String> row : RunReport.headlineRows(figures)) {
            String cells = "<td>" + row.get(0).replace("'", "&#39;") + "</td><td class=\"num\">" + row.get(1) + "</td>";
            assertTrue(html.contains(cells), "headline row " + cells);
        }
        assertTrue(html.contains("peak M3+ ratio"));
        long images = html.split("<img src=\"data:image/png;base64,", -1).length - 1;
        long drawn;
        try (var files = java.nio.file.Files.list(dir.resolve(RunCharts.CHARTS_DIR))) {
            drawn = files.filter(p -> p.toString().endsWith(".png")).count();
        }
        assertTrue(drawn >= 10, "the run drew its charts");
        assertEquals(drawn, images, "every chart drawn is embedded");
        // The risk-measure charts, each with a caption saying what to read in it, in the order of CHART_FILES.
        int tiers = html.indexOf("<figcaption>charts/five_tier_mix.png: Receivables by five-tier class");
        int car = html.indexOf("<figcaption>charts/lender_car.png: Each lender&#39;s capital adequacy ratio");
        int waterfall = html.indexOf("<figcaption>charts/pnl_waterfall_");
        int ecl = html.indexOf("<figcaption>charts/ecl_by_stage.png: Expected credit loss");
        assertTrue(0 < tiers && tiers < car && car < waterfall && waterfall < ecl, tiers + " " + car + " " + waterfall + " " + ecl);
        assertTrue(html.contains("<figcaption>charts/overdue_fan.png: Share of receivables"), "older charts have captions too");
        assertTrue(html.contains("<details><summary>Resolved scenario"));
        assertTrue(html.contains("shock_level: 0.1"), "the resolved scenario's text");
    }

    @Test
    void aFolderWithoutChartsStillGetsAReport() throws IOException {
        Path dir = tmp.resolve("nocharts");
        runInto(dir);
        try (var s = Files.walk(dir.resolve("charts"))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        String html = Files.readString(RunReport.write(dir));
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("No charts"));
        assertTrue(html.contains("peak M3+ ratio"));
    }

    @Test
    void aFolderWithoutResultsIsAnError() {
        assertThrows(NoSuchFileException.class, () -> RunReport.write(tmp));
    }
}
