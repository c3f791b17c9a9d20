package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small {@code run --out DIR} (2000 borrowers, 2 replications, 6 months after 3 of burn-in)
 * and the results folder it writes; plus a re-run of its resolved scenario, which must reproduce
 * metrics.csv byte for byte.
 */
class RunResultsFolderTest {
    private static final long SEED = 424242L;
    private static final int REPLICATIONS = 2;
    private static final int MONTHS = 6;
    private static final String[] SMALL = {"--set", "population.size=2000", "--replications", String.valueOf(REPLICATIONS),
            "--set", "horizon.months=" + MONTHS, "--set", "horizon.burn_in_months=3", "--quiet"};

    @TempDir
    static Path tmp;

    private static String previousHome;
    private static Path out;
    private static CliTest.Result run;

    @BeforeAll
    static void runSmallBaseline() throws IOException {
        previousHome = System.getProperty("creditstress.home");
        System.setProperty("creditstress.home", Files.createDirectories(tmp.resolve("home")).toString());
        out = tmp.resolve("runs").resolve("first");
        run = CliTest.cli(args("run", CliTest.BASELINE, "--out", out.toString(), "--seed", String.valueOf(SEED), "--threads", "2"));
    }

    @AfterAll
    static void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("creditstress.home");
        } else {
            System.setProperty("creditstress.home", previousHome);
        }
    }

    private static String[] args(String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(SMALL));
        return all.toArray(String[]::new);
    }

    private static List<String[]> csv(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void runExitsZeroAndReportsTheFolder() {
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err().strip(), "--quiet prints no progress");
        assertTrue(run.out().contains("Scenario baseline: 2 replications x 6 months, 2000 borrowers"), run.out());
        assertTrue(run.out().strip().endsWith("results: " + out), run.out());
    }

    @Test
    void folderHoldsEveryResultFileAndNoIncompleteSibling() throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        for (String name : List.of("scenario.resolved.yaml", "metrics.csv", "summary.csv", "manifest.json", "charts/overdue_fan.png")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
        byte[] png = Files.readAllBytes(out.resolve("charts/overdue_fan.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "a PNG image");
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertEquals(List.of("first"), siblings.map(p -> p.getFileName().toString()).toList(), "no .incomplete-* folder left");
        }
        assertFalse(Files.exists(tmp.resolve("home/output")), "--out given: the default output root is not used");
    }

    @Test
    void resolvedScenarioHoldsTheOverridesAndLoadsBack() throws IOException {
        String text = Files.readString(out.resolve("scenario.resolved.yaml"));
        assertTrue(text.startsWith("# Resolved scenario"), text);

        LoadedScenario loaded = ScenarioLoader.load(out.resolve("scenario.resolved.yaml"), List.of());

        assertEquals("baseline", loaded.scenario().name());
        assertEquals(SEED, loaded.scenario().seed());
        assertEquals(REPLICATIONS, loaded.scenario().replications());
        assertEquals(2000, loaded.scenario().population().size());
        assertEquals(MONTHS, loaded.scenario().horizon().months());
        assertEquals(3, loaded.scenario().horizon().burnInMonths());
        assertEquals(ScenarioLoader.load(Path.of(CliTest.BASELINE), List.of("population.size=2000", "replications=2",
                "horizon.months=6", "horizon.burn_in_months=3", "seed=" + SEED)).scenario(), loaded.scenario());
    }

    @Test
    void metricsCsvHasTheRequiredColumnsAndOneRowPerReplicationAndMonth() throws IOException {
        List<String[]> rows = csv(out.resolve("metrics.csv"));
        List<String> header = List.of(rows.get(0));

        assertEquals(List.of("replication", "month", "unemployment_rate"), header.subList(0, 3));
        List<String> required = new ArrayList<>(List.of("replication", "month", "unemployment_rate", "m1plus_ratio", "m3plus_ratio",
                "m1plus_ratio_count", "m3plus_ratio_count", "npl_ratio", "chargeoff_rate_annualised", "loss_rate_cumulative",
                "active_accounts", "receivables"));
        for (String lender : List.of("PlatformA", "PlatformB")) {
            for (String m : List.of("cash", "equity", "capital_ratio", "provisions")) {
                required.add("lender." + lender + "." + m);
            }
        }
        for (String segment : List.of("salaried", "self_employed", "gig", "young")) {
            required.add("segment." + segment + ".m1plus_ratio");
        }
        for (String column : required) {
            assertTrue(header.contains(column), "missing column " + column + " in " + header);
        }
        assertEquals(header.size(), new HashSet<>(header).size(), "column names are unique");

        List<String[]> data = rows.subList(1, rows.size());
        assertEquals(REPLICATIONS * MONTHS, data.size());
        Set<String> replicationMonth = new HashSet<>();
        Set<String> replications = new HashSet<>();
        for (String[] row : data) {
            assertEquals(header.size(), row.length, String.join(",", row));
            int month = Integer.parseInt(row[1]);
            assertTrue(month >= 1 && month <= MONTHS, "month " + month);
            replications.add(row[0]);
            assertTrue(replicationMonth.add(row[0] + "/" + row[1]), "duplicate row " + row[0] + "/" + row[1]);
        }
        assertEquals(REPLICATIONS, replications.size());

        int unemployment = header.indexOf("unemployment_rate");
        int active = header.indexOf("active_accounts");
        int receivables = header.indexOf("receivables");
        for (String[] row : data) {
            double u = Double.parseDouble(row[unemployment]);
            assertTrue(u >= 0 && u <= 1, "unemployment_rate " + u);
            assertTrue(Double.parseDouble(row[active]) > 0, "active accounts");
            assertTrue(Double.parseDouble(row[receivables]) > 0, "receivables");
        }
    }

    @Test
    void summaryCsvHasOneRowPerMetricAndMonthInMetricsOrder() throws IOException {
        List<String> metricColumns = List.of(csv(out.resolve("metrics.csv")).get(0)).subList(2, csv(out.resolve("metrics.csv")).get(0).length);
        List<String[]> rows = csv(out.resolve("summary.csv"));

        assertEquals("metric,month,mean,p5,p50,p95", String.join(",", rows.get(0)));
        List<String[]> data = rows.subList(1, rows.size());
        assertEquals(metricColumns.size() * MONTHS, data.size());
        for (int j = 0; j < metricColumns.size(); j++) {
            for (int t = 0; t < MONTHS; t++) {
                String[] row = data.get(j * MONTHS + t);
                assertEquals(6, row.length, String.join(",", row));
                assertEquals(metricColumns.get(j), row[0]);
                assertEquals(String.valueOf(t + 1), row[1]);
                if (!row[3].isEmpty()) {
                    double p5 = Double.parseDouble(row[3]);
                    double p50 = Double.parseDouble(row[4]);
                    double p95 = Double.parseDouble(row[5]);
                    assertTrue(p5 <= p50 && p50 <= p95, String.join(",", row));
                }
            }
        }
    }

    @Test
    void summaryMeanIsTheMeanAcrossReplications() throws IOException {
        List<String[]> metrics = csv(out.resolve("metrics.csv"));
        List<String> header = List.of(metrics.get(0));
        int col = header.indexOf("receivables");
        double[] byMonth = new double[MONTHS];
        for (String[] row : metrics.subList(1, metrics.size())) {
            byMonth[Integer.parseInt(row[1]) - 1] += Double.parseDouble(row[col]) / REPLICATIONS;
        }
        for (String[] row : csv(out.resolve("summary.csv"))) {
            if (row[0].equals("receivables")) {
                double expected = byMonth[Integer.parseInt(row[1]) - 1];
                assertEquals(expected, Double.parseDouble(row[2]), Math.abs(expected) * 1e-12, String.join(",", row));
            }
        }
    }

    @Test
    void manifestRecordsSeedsThreadsJavaAndTimes() throws IOException {
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());

        assertEquals(SEED, m.get("master_seed").asLong());
        assertEquals(2, m.get("threads").asInt());
        assertEquals(System.getProperty("java.version"), m.get("java_version").asText());
        Instant start = Instant.parse(m.get("start_time").asText());
        Instant end = Instant.parse(m.get("end_time").asText());
        assertFalse(end.isBefore(start), start + " .. " + end);
        assertTrue(m.get("wall_seconds").asDouble() >= 0);

        JsonNode reps = m.get("replication_runs");
        assertEquals(REPLICATIONS, reps.size());
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < reps.size(); i++) {
            JsonNode r = reps.get(i);
            assertTrue(r.get("seed").isIntegralNumber(), r.toString());
            seeds.add(r.get("seed").asLong());
            assertTrue(r.get("wall_seconds").isNumber() && r.get("wall_seconds").asDouble() > 0, r.toString());
            assertTrue(r.has("replication"), r.toString());
        }
        assertEquals(REPLICATIONS, seeds.size(), "each replication has its own seed");
        assertFalse(seeds.contains(SEED), "replication seeds are derived, not the master seed");
    }

    @Test
    void rerunningTheResolvedScenarioReproducesMetricsByteForByte() throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        Path second = tmp.resolve("reruns").resolve("second");

        // A different thread count: results must not depend on it.
        CliTest.Result again = CliTest.cli("run", out.resolve("scenario.resolved.yaml").toString(), "--out", second.toString(),
                "--seed", String.valueOf(SEED), "--threads", "1", "--quiet");

        assertEquals(0, again.exitCode(), again.err());
        assertArrayEquals(Files.readAllBytes(out.resolve("metrics.csv")), Files.readAllBytes(second.resolve("metrics.csv")));
        assertArrayEquals(Files.readAllBytes(out.resolve("summary.csv")), Files.readAllBytes(second.resolve("summary.csv")));
        assertEquals(withoutComments(out.resolve("scenario.resolved.yaml")), withoutComments(second.resolve("scenario.resolved.yaml")));
    }

    @Test
    void anotherSeedGivesOtherMetrics() throws IOException {
        Path other = tmp.resolve("reruns").resolve("other-seed");

        CliTest.Result r = CliTest.cli(args("run", CliTest.BASELINE, "--out", other.toString(), "--seed", String.valueOf(SEED + 1)));

        assertEquals(0, r.exitCode(), r.err());
        assertFalse(Arrays.equals(Files.readAllBytes(out.resolve("metrics.csv")), Files.readAllBytes(other.resolve("metrics.csv"))));
        assertEquals(Files.readAllLines(out.resolve("metrics.csv")).get(0), Files.readAllLines(other.resolve("metrics.csv")).get(0));
    }

    private static List<String> withoutComments(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
    }
}
