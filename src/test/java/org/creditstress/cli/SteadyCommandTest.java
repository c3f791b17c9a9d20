package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * {@code steady} on a small severe downturn: the run it writes is the scenario with a flat economy
 * (the downturn and the policy events gone), and the table compares year 2 with the last year.
 */
class SteadyCommandTest {

    @Test
    void runsTheScenarioWithItsEconomyFlatAndReportsEachMeasuresChange(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("steady");
        var result = ExperimentCli.run("steady", "scenarios/severe-downturn.yaml", "--replications", "2", "--set", "population.size=3000",
                "--years", "3", "--out", out.toString(), "--quiet");
        assertEquals(0, result.exitCode());
        List<String> lines = Files.readAllLines(out.resolve("steady-state.csv"));
        assertEquals("measure,year_2,last_year,change,change_se,steady", lines.get(0));
        assertEquals(5, lines.size());
        for (String line : lines.subList(1, 5)) {
            String[] f = line.split(",");
            double two = Double.parseDouble(f[1]);
            double last = Double.parseDouble(f[2]);
            assertEquals(last / two - 1.0, Double.parseDouble(f[3]), 1e-12, line);
            assertTrue(Double.parseDouble(f[4]) >= 0, line);
            assertEquals(Math.abs(last / two - 1.0) < 0.10, Boolean.parseBoolean(f[5]), line);
        }
        // The flat run: 36 months at the downturn's month-1 unemployment (the scenario's trough is 10 %), no income growth.
        assertEquals(0.10, ScenarioLoader.load(Path.of("scenarios/severe-downturn.yaml"), List.of()).scenario().economy()
                .unemployment().at(20), 1e-12);
        var resolved = ScenarioLoader.load(out.resolve("scenario.resolved.yaml"), List.of()).scenario();
        assertEquals(36, resolved.horizon().months());
        assertEquals(0.052, resolved.economy().unemployment().at(20), 1e-12);
        assertEquals(0.0, resolved.economy().incomeGrowth().at(20), 1e-12);
        assertEquals(0.04, resolved.economy().fundingRate().at(20), 1e-12, "the funding rate held at its month-1 level too");
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(1 + 2 * 36, metrics.size(), "two replications of 36 months");
        assertTrue(result.out().contains("Steady-state check of severe-downturn") && result.out().contains("year 3"), result.out());
    }

    @Test
    void tooFewYearsIsBadInputAndWritesNothing(@TempDir Path dir) {
        var result = ExperimentCli.run("steady", "scenarios/baseline.yaml", "--years", "2", "--out", dir.resolve("x").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--years must be in [3, 50], got 2"), result.err());
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
