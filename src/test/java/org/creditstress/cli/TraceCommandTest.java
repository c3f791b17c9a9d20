package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code trace} tells a story on every shipped scenario, and picks the borrower it is asked for. */
class TraceCommandTest {

    private static String[] run(String... args) {
        ExperimentCli.Result r = ExperimentCli.run(args);
        return new String[] {Integer.toString(r.exitCode()), r.out(), r.err()};
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "mild-downturn", "severe-downturn", "over-borrowing/easy-credit", "over-borrowing/prudent"})
    void tellsTheStoryOfABorrowerOnEveryShippedScenario(String scenario) {
        String[] r = run("trace", "scenarios/" + scenario + ".yaml", "--borrower", "3", "--set", "population.size=3000");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("The story of borrower 3"), r[1]);
        assertTrue(r[1].lines().anyMatch(l -> l.trim().startsWith("month") && l.contains("savings")), "has the table: " + r[1]);
        assertTrue(r[1].lines().anyMatch(l -> l.startsWith("Month") || l.startsWith("Months")), r[1]);
    }

    @Test
    void picksTheFirstBorrowerSuedAndTellsOfTheLawsuit(@TempDir Path dir) throws Exception {
        String[] r = run("trace", "scenarios/severe-downturn.yaml", "--pick", "first-sued", "--set", "population.size=10000",
                "--out", dir.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("first sued"), r[1]);
        assertTrue(r[1].contains("sued for"), r[1]);
        String csv = Files.readString(dir.resolve("trace.csv"));
        assertTrue(csv.startsWith("month,employed,income"), csv);
        assertTrue(csv.contains("sued for"), csv);
    }

    @Test
    void aBorrowerOutsideThePopulationIsBadInput() {
        String[] r = run("trace", "scenarios/baseline.yaml", "--borrower", "5000", "--set", "population.size=3000");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("error: --borrower must be in [0, 2999]"), r[2]);
    }

    @Test
    void anUnknownPickIsBadInput() {
        String[] r = run("trace", "scenarios/baseline.yaml", "--pick", "richest");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("first-sued"), r[2]);
    }
}
