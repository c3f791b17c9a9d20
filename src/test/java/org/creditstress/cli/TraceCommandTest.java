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

    /**
     * Fraudsters are common and good models decline most of them: the first fraudster is declined,
     * and the pick must find one a lender approved (it draws its lines and pays nothing). No burn-in:
     * the fraud happens in the recorded months (with one, it is written off before month 1).
     */
    @Test
    void picksAFraudsterALenderApproved() {
        String[] r = run("trace", "scenarios/baseline.yaml", "--pick", "fraudster", "--set", "population.size=3000",
                "--set", "horizon.burn_in_months=0",
                "--set", "population.segments[0].fraud_share=0.05", "--set", "population.segments[1].fraud_share=0.05",
                "--set", "population.segments[2].fraud_share=0.05", "--set", "population.segments[3].fraud_share=0.05",
                "--set", "lenders[0].model_quality=0.7", "--set", "lenders[1].model_quality=0.7",
                "--set", "lenders[0].approval_rate=0.5", "--set", "lenders[1].approval_rate=0.5");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains(", fraudster in baseline"), r[1]);
        assertTrue(r[1].contains("paid 0;"), "it owes and never pays: " + r[1]);
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
