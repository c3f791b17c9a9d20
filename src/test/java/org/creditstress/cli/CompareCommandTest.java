package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code creditstress compare}: common random numbers, paired differences, the folder it writes. */
class CompareCommandTest {
    static final String BASELINE = "scenarios/baseline.yaml";
    static final String SEVERE = "scenarios/severe-downturn.yaml";
    /** Small and short; the downturn starts in month 1 so that it shows within six months. */
    static final String[] SMALL = {"--set", "population.size=3000", "--set", "horizon.months=6",
        "--set", "horizon.burn_in_months=3", "--replications", "2", "--quiet"};

    @TempDir
    Path tmp;
    private String previousHome;

    @BeforeEach
    void pointHomeAtTempDir() {
        previousHome = System.getProperty("creditstress.home");
        System.setProperty("creditstress.home", tmp.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("creditstress.home");
        } else {
            System.setProperty("creditstress.home", previousHome);
        }
    }

    static String[] args(String... first) {
        List<String> a = new ArrayList<>(List.of(first));
        a.addAll(List.of(SMALL));
        return a.toArray(String[]::new);
    }

    /** comparison.csv as maps column -> cell. */
    static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(header.length, cells.length, line);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    static Map<String, String> row(List<Map<String, String>> rows, String scenario, String expression) {
        return rows.stream().filter(r -> r.get("scenario").equals(scenario) && r.get("expression").equals(expression))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + scenario + " / " + expression));
    }

    @Test
    void aScenarioComparedWithItselfHasExactlyZeroPairedDifferences() throws IOException {
        Path out = tmp.resolve("self");
        ExperimentCli.Result r = ExperimentCli.run(args("compare", BASELINE, BASELINE, "--out", out.toString()));
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, String>> rows = readCsv(out.resolve("comparison.csv"));
        List<String> expressions = List.of("peak(m3plus_ratio)", "peak(m1plus_ratio)", "final(loss_rate_cumulative)",
                "min(lender.PlatformA.capital_ratio)", "min(lender.PlatformB.capital_ratio)");
        assertEquals(2 * expressions.size(), rows.size());
        for (String e : expressions) {
            Map<String, String> ref = row(rows, "baseline", e);
            Map<String, String> again = row(rows, "baseline-2", e);
            assertEquals("", ref.get("diff_mean"), "the reference has no difference with itself listed");
            for (String c : List.of("diff_mean", "diff_p5", "diff_p50", "diff_p95")) {
                assertEquals("0", again.get(c), e + " " + c);
            }
            assertEquals("0", again.get("diff_share_positive"));
            assertEquals(ref.get("mean"), again.get("mean"));
            assertEquals("2", again.get("replications"));
        }
        // Both runs' folders, written as run writes them, and identical results.
        assertEquals(Files.readString(out.resolve("baseline/metrics.csv")), Files.readString(out.resolve("baseline-2/metrics.csv")));
        for (String f : List.of("scenario.resolved.yaml", "summary.csv", "manifest.json", "report.html", "charts/overdue_fan.png")) {
            assertTrue(Files.isRegularFile(out.resolve("baseline-2").resolve(f)), f);
        }
    }

    @Test
    void severeDownturnRaisesPeakM3PlusInEveryPairedReplication() throws IOException {
        Path out = tmp.resolve("severe");
        ExperimentCli.Result r = ExperimentCli.run(args("compare", BASELINE, SEVERE, "--out", out.toString(),
                "--set", "economy.unemployment.start_month=1", "--set", "economy.income_growth.start_month=1"));
        assertEquals(0, r.exitCode(), r.err());
        Map<String, String> m3 = row(readCsv(out.resolve("comparison.csv")), "severe-downturn", "peak(m3plus_ratio)");
        assertTrue(Double.parseDouble(m3.get("diff_mean")) > 0, m3.toString());
        assertTrue(Double.parseDouble(m3.get("diff_p5")) > 0, "higher in every replication: " + m3);
        assertEquals("1", m3.get("diff_share_positive"));
        // The console table names the reference and shows the difference in percentage points.
        assertTrue(r.out().contains("baseline (reference)"), r.out());
        assertTrue(r.out().contains(" pp"), r.out());
        assertTrue(r.out().contains("results: " + out), r.out());

        for (String c : List.of("compare_m1plus.png", "compare_m3plus.png", "compare_weakest_capital_ratio.png",
                "compare_m3plus_difference.png")) {
            assertTrue(Files.size(out.resolve("charts").resolve(c)) > 1000, c);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.strip().endsWith("</html>"));
        assertTrue(html.contains("<img src=\"data:image/png;base64,"));
        assertTrue(html.contains("peak(m3plus_ratio)") && html.contains("severe-downturn"));
        assertTrue(html.contains("<details>"), "resolved scenarios are in collapsed sections");
        assertTrue(html.contains("href=\"severe-downturn/report.html\""));
        String manifest = Files.readString(out.resolve("compare-manifest.json"));
        assertTrue(manifest.contains("\"common_random_numbers\" : true"), manifest);
        assertTrue(manifest.contains("\"master_seed\" : 20261122"), manifest);
    }

    @Test
    void theDefaultFolderIsUnderOutputCompare() throws IOException {
        ExperimentCli.Result r = ExperimentCli.run(args("compare", BASELINE, BASELINE, "--metric", "mean(npl_ratio)"));
        assertEquals(0, r.exitCode(), r.err());
        Path root = tmp.resolve("home/output/compare");
        try (Stream<Path> s = Files.list(root)) {
            List<Path> runs = s.toList();
            assertEquals(1, runs.size());
            assertTrue(Files.readString(runs.get(0).resolve("comparison.csv")).contains("mean(npl_ratio)"));
            assertFalse(Files.readString(runs.get(0).resolve("comparison.csv")).contains("peak(m3plus_ratio)"),
                    "--metric replaces the default expressions");
        }
    }

    @Test
    void differentPopulationSizesAreRefusedBecauseCommonRandomNumbersWouldBeLost() throws IOException {
        Path other = tmp.resolve("bigger.yaml");
        Files.writeString(other, "extends: " + Path.of(BASELINE).toAbsolutePath() + "\nname: bigger\npopulation:\n  size: 5000\n");
        Path out = tmp.resolve("refused");
        ExperimentCli.Result r = ExperimentCli.run("compare", BASELINE, other.toString(), "--set", "horizon.months=6",
                "--replications", "2", "--quiet", "--out", out.toString(), "--set", "population.size=3000");
        // --set applies to every scenario, so here the sizes agree and it runs.
        assertEquals(0, r.exitCode(), r.err());
        ExperimentCli.Result refused = ExperimentCli.run("compare", BASELINE, other.toString(), "--set", "horizon.months=6",
                "--replications", "2", "--quiet", "--out", tmp.resolve("refused2").toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(refused.err().contains("population.size") && refused.err().contains("common random numbers"), refused.err());
        assertFalse(Files.exists(tmp.resolve("refused2")), "nothing is written");
    }

    @Test
    void aSharedStartInOneScenarioOnlyIsPointedOut() throws IOException {
        Path shared = tmp.resolve("shared.yaml");
        Files.writeString(shared, "extends: " + Path.of(BASELINE).toAbsolutePath() + "\nname: own-books\nhorizon:\n  shared_start: false\n");
        ExperimentCli.Result r = ExperimentCli.run("compare", BASELINE, shared.toString(), "--set", "horizon.months=3",
                "--set", "population.size=2000", "--replications", "2", "--quiet", "--out", tmp.resolve("shared-out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("note: ") && r.err().contains("horizon.shared_start is false"), r.err());
        ExperimentCli.Result same = ExperimentCli.run("compare", BASELINE, BASELINE, "--set", "horizon.months=3",
                "--set", "population.size=2000", "--replications", "2", "--quiet", "--out", tmp.resolve("same-out").toString());
        assertFalse(same.err().contains("shared_start"), same.err());
    }

    @Test
    void badInputExitsWithCodeTwoAndOneLine() {
        ExperimentCli.Result one = ExperimentCli.run("compare", BASELINE);
        assertEquals(2, one.exitCode(), one.err());
        ExperimentCli.Result metric = ExperimentCli.run(args("compare", BASELINE, SEVERE, "--metric", "highest(m3plus_ratio)"));
        assertEquals(2, metric.exitCode(), metric.err());
        assertTrue(metric.err().contains("--metric") && metric.err().contains("peak(M)"), metric.err());
        ExperimentCli.Result column = ExperimentCli.run(args("compare", BASELINE, SEVERE, "--metric", "peak(no_such_column)"));
        assertEquals(2, column.exitCode(), column.err());
        assertTrue(column.err().contains("no_such_column"), column.err());
        ExperimentCli.Result missing = ExperimentCli.run(args("compare", BASELINE, "scenarios/nope.yaml"));
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("nope.yaml"), missing.err());
    }
}
