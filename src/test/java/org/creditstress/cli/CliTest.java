package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.creditstress.model.MarketBuilder;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, error lines, and what a failed run leaves behind (nothing). */
class CliTest {
    static final String BASELINE = "scenarios/baseline.yaml";

    @TempDir
    Path tmp;

    private Path home;
    private String previousHome;

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Runs {@link Main#execute} with stdout and stderr captured. */
    static Result cli(String... args) {
        Captured c = Captured.run(() -> Main.execute(args));
        return new Result(c.exitCode(), c.out(), c.err());
    }

    /** Sends the default output root ({@code <creditstress.home>/output}) into the temp folder. */
    @BeforeEach
    void pointHomeAtTempDir() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        previousHome = System.getProperty("creditstress.home");
        System.setProperty("creditstress.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("creditstress.home");
        } else {
            System.setProperty("creditstress.home", previousHome);
        }
    }

    private Path badScenario() throws IOException {
        String text = Files.readString(Path.of(BASELINE))
                .replace("    model_quality: 0.75 ", "    model_quality: 1.7 ")
                .replace("  months: 36 ", "  months: 1.5 ");
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, text);
        return f;
    }

    private static void assertOnlyErrorLines(Result r) {
        assertFalse(r.errLines().isEmpty(), "no error printed");
        for (String line : r.errLines()) {
            assertTrue(line.startsWith("error: "), "not an error line: " + line + "\n" + r.err());
        }
        assertFalse(r.err().contains("at org."), "stack trace printed:\n" + r.err());
        assertFalse(r.err().contains("Exception"), "exception printed:\n" + r.err());
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("not in fixture: " + fragment);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void validateOfBaselinePrintsOkAndExitsZero() {
        Result r = cli("validate", BASELINE);

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("ok", r.out().strip());
        assertEquals("", r.err());
    }

    @Test
    void validateAcceptsSetAndTheDownturnsThatExtendBaseline() {
        assertEquals(0, cli("validate", "scenarios/mild-downturn.yaml").exitCode());
        assertEquals(0, cli("validate", "scenarios/severe-downturn.yaml", "--set", "lenders[1].model_quality=0.5",
                "--seed", "3", "--replications", "4").exitCode());
    }

    @Test
    void validateOfABadFilePrintsOneErrorLinePerProblemAndExitsTwo() throws IOException {
        Path bad = badScenario();

        Result r = cli("validate", bad.toString());

        assertEquals(2, r.exitCode(), r.err());
        assertOnlyErrorLines(r);
        assertEquals(2, r.errLines().size(), r.err());
        String text = Files.readString(bad);
        assertTrue(r.errLines().get(0).startsWith("error: " + bad + ":" + lineOf(text, "months: 1.5")
                + ": horizon.months: must be an integer"), r.err());
        assertTrue(r.errLines().get(1).startsWith("error: " + bad + ":" + lineOf(text, "model_quality: 1.7")
                + ": lenders[0].model_quality: must be in [0, 1]"), r.err());
        assertEquals("", r.out().strip());
    }

    @Test
    void validateWithABadSetExitsTwo() {
        Result r = cli("validate", BASELINE, "--set", "lenders[0].model_qualty=0.5");

        assertEquals(2, r.exitCode());
        assertOnlyErrorLines(r);
        assertEquals(List.of("error: --set lenders[0].model_qualty=0.5: lenders[0].model_qualty: unknown key; did you mean 'model_quality'?"),
                r.errLines());
    }

    @Test
    void shorthandOptionsAreValidatedLikeSet() {
        Result r = cli("validate", BASELINE, "--replications", "0");

        assertEquals(2, r.exitCode());
        assertOnlyErrorLines(r);
        assertTrue(r.err().contains("replications: must be in [1, 10000]"), r.err());
    }

    @Test
    void validateOfAMissingFileExitsTwo() {
        Path missing = tmp.resolve("missing.yaml");

        Result r = cli("validate", missing.toString());

        assertEquals(2, r.exitCode());
        assertEquals(List.of("error: " + missing + ": file not found"), r.errLines());
    }

    @Test
    void unknownOptionExitsTwoWithAnErrorLine() {
        Result r = cli("validate", BASELINE, "--no-such-option");

        assertEquals(2, r.exitCode());
        assertTrue(r.errLines().get(0).startsWith("error: "), r.err());
        assertTrue(r.err().contains("--no-such-option"), r.err());
        assertFalse(r.err().contains("at org."), r.err());
    }

    @Test
    void runOfABadScenarioExitsTwoAndCreatesNothing() throws IOException {
        Path bad = badScenario();
        List<String> before = listing(tmp);

        Result defaultRoot = cli("run", bad.toString(), "--quiet");
        Result explicitOut = cli("run", bad.toString(), "--quiet", "--out", tmp.resolve("results").toString());

        assertEquals(2, defaultRoot.exitCode(), defaultRoot.err());
        assertEquals(2, explicitOut.exitCode(), explicitOut.err());
        assertOnlyErrorLines(defaultRoot);
        assertOnlyErrorLines(explicitOut);
        assertFalse(Files.exists(home.resolve("output")), "output root created");
        assertEquals(before, listing(tmp), "files appeared");
    }

    @Test
    void runIntoANonEmptyOutFolderExitsTwoAndLeavesItUntouched() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "precious");
        List<String> before = listing(tmp);

        Result r = cli("run", BASELINE, "--quiet", "--out", out.toString(), "--set", "population.size=2000",
                "--replications", "2", "--set", "horizon.months=6", "--set", "horizon.burn_in_months=3");

        assertEquals(2, r.exitCode(), r.err());
        assertOnlyErrorLines(r);
        assertTrue(r.errLines().get(0).startsWith("error: --out " + out), r.err());
        assertEquals(before, listing(tmp), "nothing added or removed, no .incomplete-* folder");
        assertEquals("precious", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void runIntoAnOutPathThatIsAFileExitsTwo() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");

        Result r = cli("run", BASELINE, "--quiet", "--out", file.toString(), "--set", "population.size=2000",
                "--replications", "2", "--set", "horizon.months=6", "--set", "horizon.burn_in_months=3");

        assertEquals(2, r.exitCode(), r.err());
        assertOnlyErrorLines(r);
        assertEquals("x", Files.readString(file));
    }

    @Test
    void threadsZeroExitsTwo() {
        Result r = cli("run", BASELINE, "--threads", "0", "--quiet");

        assertEquals(2, r.exitCode());
        assertEquals(List.of("error: --threads must be between 1 and 1024, got 0"), r.errLines());
        assertEquals(2, cli("run", BASELINE, "--threads", "1025", "--quiet").exitCode());
        assertEquals(2, cli("run", BASELINE, "--threads", "many", "--quiet").exitCode());
        assertFalse(Files.exists(home.resolve("output")));
    }

    @Test
    void runWithoutOutWritesUnderTheOutputRootOfCreditstressHome() throws IOException {
        Result r = cli("run", BASELINE, "--set", "population.size=500", "--replications", "1", "--set", "horizon.months=2",
                "--set", "horizon.burn_in_months=1", "--set", "outputs.charts=false", "--quiet", "--threads", "1");

        assertEquals(0, r.exitCode(), r.err());
        Path scenarioDir = home.resolve("output").resolve("baseline");
        List<Path> runs;
        try (Stream<Path> s = Files.list(scenarioDir)) {
            runs = s.toList();
        }
        assertEquals(1, runs.size(), runs.toString());
        Path runDir = runs.get(0);
        assertTrue(runDir.getFileName().toString().matches("\\d{8}-\\d{6}(-\\d+)?"), runDir.toString());
        assertTrue(Files.isRegularFile(runDir.resolve("metrics.csv")));
        assertFalse(Files.exists(runDir.resolve("charts")), "outputs.charts=false: no charts folder");
        assertTrue(r.out().strip().endsWith("results: " + runDir), r.out());
    }

    @Test
    void helpWorksForEveryCommand() {
        List<String> commands = List.of("run", "validate", "trace", "compare", "sweep", "attribute", "steady", "reverse-stress",
                "sensitivity", "calibrate", "network", "bench", "docs");
        for (String command : commands) {
            Result r = cli(command, "--help");

            assertEquals(0, r.exitCode(), command + ": " + r.err());
            assertTrue(r.out().contains("Usage: creditstress " + command), command + ":\n" + r.out());
            assertEquals("", r.err(), command);
        }
        Result top = cli("--help");
        assertEquals(0, top.exitCode());
        for (String command : commands) {
            assertTrue(top.out().contains(command), top.out());
        }
    }

    @Test
    void docsWritesBothReferenceFiles() throws IOException {
        Path dir = tmp.resolve("docs");

        Result r = cli("docs", "--dir", dir.toString());

        assertEquals(0, r.exitCode(), r.err());
        String reference = Files.readString(dir.resolve("scenario-reference.md"));
        assertTrue(reference.contains("model_quality"), "scenario reference lists the schema keys");
        assertTrue(Files.readString(dir.resolve("outputs.md")).contains("m1plus_ratio"), "outputs lists the metrics");
    }

    @Test
    void populationTooLargeForTheHeapIsABadInputNamingPopulationSize() {
        long need = MarketBuilder.estimatedBytes(
                ScenarioLoader.load(Path.of(BASELINE), List.of("population.size=50000000")).scenario());
        assumeTrue(need > Runtime.getRuntime().maxMemory(), "this JVM's heap is big enough for 50 million borrowers");

        Result validate = cli("validate", BASELINE, "--set", "population.size=50000000");
        Result run = cli("run", BASELINE, "--set", "population.size=50000000", "--quiet");

        for (Result r : List.of(validate, run)) {
            assertEquals(2, r.exitCode(), r.err());
            assertOnlyErrorLines(r);
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains("population.size: 50000000 borrowers need about"), r.err());
            assertTrue(r.err().contains("GB of heap"), r.err());
        }
        assertFalse(Files.exists(home.resolve("output")), "a refused run writes nothing");
    }
}
