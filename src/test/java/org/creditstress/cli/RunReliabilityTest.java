package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run level of "nothing a user types can crash it, hang it, or lose a run": results paths,
 * runs too big for the heap, sweeps refused, and valid extremes (600 months, one borrower).
 */
class RunReliabilityTest {
    /** {@code command scenario} with a population, months and replications, then more options. */
    private static String[] args(String command, String scenario, int borrowers, int months, int replications, String... more) {
        return Stream.concat(Stream.of(command, scenario, "--set", "population.size=" + borrowers, "--set", "horizon.months=" + months,
                "--set", "horizon.burn_in_months=1", "--replications", String.valueOf(replications), "--quiet"), Stream.of(more))
                .toArray(String[]::new);
    }

    @TempDir
    Path tmp;
    private Path home;
    private TempHome tempHome;

    @BeforeEach
    void pointHomeAtTempDir() throws IOException {
        home = tmp.resolve("home");
        tempHome = new TempHome(home);
    }

    @AfterEach
    void restoreHome() {
        tempHome.close();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private void assertBadOut(String out, String reason) throws IOException {
        List<String> before = listing(tmp);
        CliTest.Result r = CliTest.cli(args("run", CliTest.BASELINE, 100, 3, 1, "--out", out));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("error: --out "), r.err());
        assertTrue(r.err().contains(reason), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(before, listing(tmp), "nothing left behind");
    }

    @Test
    void unusableOutPathsExitTwoWithOneLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        assertBadOut(file.resolve("x").toString(), "is a file, not a folder");
        assertBadOut("/proc/creditstress", "system file system");
        assertBadOut("/sys/creditstress", "system file system");
        assertBadOut(dangling.resolve("x").toString(), "link to a path that does not exist");
        assertBadOut(tmp.resolve("r".repeat(240)).toString(), "folder name too long");
    }

    @Test
    void aScenarioNameTooLongForAFolderExitsTwoWithOneLine() {
        CliTest.Result r = CliTest.cli(args("run", CliTest.BASELINE, 100, 3, 1, "--set", "name=" + "n".repeat(256)));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("error: results folder "), r.err());
        assertFalse(Files.exists(home.resolve("output").resolve("n".repeat(256))));
    }

    @Test
    void aRunThatCannotFitIsRefusedWithTheEstimateAndTheHeap() {
        CliTest.Result r = CliTest.cli(args("run", CliTest.BASELINE, 50_000_000, 600, 10_000));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("GB of heap and") && r.err().contains("this JVM has"), r.err());
        assertFalse(Files.exists(home.resolve("output")), "nothing written");
    }

    @Test
    void aSweepWithBadArgumentsWritesNothing() {
        CliTest.Result r = CliTest.cli(args("sweep", CliTest.BASELINE, 100, 3, 1, "--vary", "no_such.key=1,2"));
        assertEquals(2, r.exitCode(), r.err());
        assertFalse(Files.exists(home.resolve("output")), "no output/sweep/<name>/ left");
    }

    @Test
    void sixHundredMonthsOfTheBaselineComplete() throws IOException {
        Path out = tmp.resolve("long");
        CliTest.Result r = CliTest.cli(args("run", CliTest.BASELINE, 2000, 600, 2, "--threads", "2", "--out", out.toString()));
        assertEquals(0, r.exitCode(), r.err());
        try (Stream<String> lines = Files.lines(out.resolve("metrics.csv"))) {
            assertEquals(1 + 2 * 600, lines.count());
        }
    }

    /** A book of a few borrowers repaid early within a month once took a funder's claim below zero (CoLending). */
    @Test
    void theFundingSqueezeWithAFewBorrowersCompletesForSeveralSeeds() throws IOException {
        for (int n : new int[] {1, 3}) {
            for (int seed = 1; seed <= 3; seed++) {
                Path out = tmp.resolve("squeeze-" + n + "-" + seed);
                CliTest.Result r = CliTest.cli(args("run", "scenarios/funding-squeeze.yaml", n, 120, 4, "--seed", String.valueOf(seed),
                        "--out", out.toString()));
                assertEquals(0, r.exitCode(), n + " borrowers, seed " + seed + ": " + r.err());
            }
        }
    }

    @Test
    void oneToThreeBorrowersComplete() throws IOException {
        for (String scenario : List.of(CliTest.BASELINE, "scenarios/severe-downturn.yaml")) {
            for (int n = 1; n <= 3; n++) {
                Path out = tmp.resolve("tiny-" + n + "-" + Path.of(scenario).getFileName());
                CliTest.Result r = CliTest.cli(args("run", scenario, n, 120, 4, "--out", out.toString()));
                assertEquals(0, r.exitCode(), scenario + " with " + n + ": " + r.err());
                assertTrue(Files.isRegularFile(out.resolve("summary.csv")));
            }
        }
    }
}
