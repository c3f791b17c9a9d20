package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs a careless or hostile user gives, one test per kind of problem: each ends with exit 2
 * and one error line naming the file, the line (or CSV row), the key and the reason, with no stack
 * trace and nothing written to the output folder. Huge files are stood in for by lowering the input
 * size limit.
 */
class BadInputTest {
    static final String LIMIT_PROPERTY = "creditstress.maxInputBytes";
    static final Path SCENARIOS = Path.of("scenarios").toAbsolutePath();
    static final String BASELINE = SCENARIOS.resolve("baseline.yaml").toString();

    @TempDir
    Path tmp;

    private TempHome home;

    @BeforeEach
    void pointHomeAtTempDir() throws IOException {
        home = new TempHome(tmp.resolve("home"));
    }

    @AfterEach
    void restore() {
        home.close();
        System.clearProperty(LIMIT_PROPERTY);
    }

    /**
     * Runs {@code run} on the arguments (so that a failure that wrote anything would show) and
     * returns the single error line, after checking exit 2, no trace and an empty output folder.
     */
    private String oneError(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("run"));
        argv.addAll(List.of(args));
        CliTest.Result r = CliTest.cli(argv.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), "one line for one mistake:\n" + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("at org."), "stack trace:\n" + r.err());
        assertTrue(r.errLines().get(0).startsWith("error: "), r.err());
        assertNothingWritten();
        return r.errLines().get(0).substring("error: ".length());
    }

    private void assertNothingWritten() throws IOException {
        assertEquals(List.of(), home.output(), "a failed run left files behind");
    }

    private Path write(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** A supervisory scenario copied beside a CSV of our own (its extends made absolute). */
    private Path quarterlyScenario(String csv) throws IOException {
        write("paths.csv", csv);
        return write("s.yaml", "extends: " + BASELINE + "\nhorizon: {months: 27}\neconomy:\n"
                + "  unemployment: {file: paths.csv, frequency: quarterly}\n"
                + "  income_growth: {file: paths.csv, frequency: quarterly}\n");
    }

    private static String quarters(int n) {
        StringBuilder sb = new StringBuilder("quarter,unemployment,income_growth\n");
        for (int q = 1; q <= n; q++) {
            sb.append(q).append(",0.05,0.03\n");
        }
        return sb.toString();
    }

    // --- file sizes and kinds ---

    @Test
    void aScenarioLargerThanTheLimitIsRejectedBeforeReading() throws IOException {
        Path f = write("big.yaml", Files.readString(Path.of(BASELINE)));
        System.setProperty(LIMIT_PROPERTY, "1000");

        String e = oneError(f.toString());

        assertTrue(e.startsWith(f + ": ") && e.contains("larger than the input file limit of 1000 bytes"), e);
    }

    @Test
    void aDeviceAsScenarioIsNotARegularFile() throws IOException {
        assertEquals("/dev/zero: not a regular file (a device, pipe or socket cannot be read as input)", oneError("/dev/zero"));
    }

    @Test
    void aFolderAsScenarioIsNamed() throws IOException {
        assertEquals(tmp + ": a folder, not a file", oneError(tmp.toString()));
    }

    @Test
    void anExtendsTargetLargerThanTheLimitNamesTheExtendsLine() throws IOException {
        Path big = write("big.yaml", "name: x\n" + "# padding\n".repeat(200));
        Path f = write("s.yaml", "name: s\nextends: big.yaml\n");
        System.setProperty(LIMIT_PROPERTY, "500");

        String e = oneError(f.toString());

        assertTrue(e.startsWith(f + ":2: extends: " + big + ": ") && e.contains("larger than the input file limit"), e);
    }

    @Test
    void extendsOfADeviceNamesTheExtendsLine() throws IOException {
        Path f = write("s.yaml", "extends: /dev/zero\n");

        assertEquals(f + ":1: extends: /dev/zero: not a regular file (a device, pipe or socket cannot be read as input)", oneError(f.toString()));
    }

    @Test
    void anEconomyCsvThatIsADeviceNamesTheFileKeyAlsoThroughSet() throws IOException {
        Path f = write("s.yaml", "extends: " + BASELINE + "\neconomy:\n  unemployment: {file: /dev/zero}\n");

        assertTrue(oneError(f.toString()).startsWith(f + ":3: economy.unemployment.file: /dev/zero: not a regular file"));
        assertTrue(oneError(BASELINE, "--set", "economy.unemployment.file=/dev/zero")
                .startsWith("--set economy.unemployment.file=/dev/zero: economy.unemployment.file: /dev/zero: not a regular file"));
    }

    @Test
    void anEconomyCsvLargerThanTheLimitIsRejected() throws IOException {
        Path f = quarterlyScenario(quarters(4000));
        // A limit the scenario files fit in and the CSV (about 60 kB) does not.
        long limit = Files.size(Path.of(BASELINE)) + 4096;
        System.setProperty(LIMIT_PROPERTY, Long.toString(limit));

        String e = oneError(f.toString());

        assertTrue(e.startsWith(f + ":4: economy.unemployment.file: " + tmp.resolve("paths.csv") + ": ")
                && e.contains("larger than the input file limit of " + limit + " bytes"), e);
    }

    // --- NUL characters in paths ---

    @Test
    void aNulCharacterInExtendsIsOneLine() throws IOException {
        Path f = write("s.yaml", "name: s\nextends: \"base\\0.yaml\"\n");

        assertEquals(f + ":2: extends: not a valid path: it contains a NUL character", oneError(f.toString()));
    }

    @Test
    void aNulCharacterInACsvPathIsOneLine() throws IOException {
        Path f = write("s.yaml", "extends: " + BASELINE + "\neconomy:\n  unemployment: {file: \"a\\0.csv\"}\n");

        assertEquals(f + ":3: economy.unemployment.file: not a valid path: it contains a NUL character", oneError(f.toString()));
    }

    // --- YAML features a scenario does not use ---

    @Test
    void anAliasIsRejectedAtItsLineAndKey() throws IOException {
        Path f = write("s.yaml", "extends: " + BASELINE + "\nname: *nowhere\n");

        assertEquals(f + ":2: name: YAML aliases are not supported (*nowhere); write the value out", oneError(f.toString()));
    }

    @Test
    void anAnchorIsRejectedAtItsLineAndKey() throws IOException {
        Path f = write("s.yaml", "extends: " + BASELINE + "\nproducts:\n  - &card {id: card}\n");

        assertEquals(f + ":3: products[0]: YAML anchors are not supported (&card); write the value out where it is used",
                oneError(f.toString()));
    }

    @Test
    void explicitTagsAreRejectedAtTheirLineAndKey() throws IOException {
        Path f = write("s.yaml", "extends: " + BASELINE + "\nhorizon:\n  months: !foo 12\n");
        Path g = write("t.yaml", "extends: " + BASELINE + "\nname: !!str x\n");

        assertEquals(f + ":3: horizon.months: explicit YAML tags are not supported (!foo); write the plain value", oneError(f.toString()));
        assertEquals(g + ":2: name: explicit YAML tags are not supported (!!str); write the plain value", oneError(g.toString()));
    }

    @Test
    void aSecondDocumentIsRejected() throws IOException {
        Path f = write("s.yaml", "extends: " + BASELINE + "\n---\nname: other\n");

        assertEquals(f + ":2: a second YAML document starts here ('---'); a scenario file holds exactly one", oneError(f.toString()));
    }

    // --- --set paths ---

    @Test
    void unbalancedBracketsInSetAreRejected() throws IOException {
        assertEquals("--set lenders[0.model_quality=0.5: lenders[0.model_quality: malformed key path 'lenders[0.model_quality': "
                + "'[' is not closed", oneError(BASELINE, "--set", "lenders[0.model_quality=0.5"));
        assertTrue(oneError(BASELINE, "--set", "lenders]0[.model_quality=0.5").contains("malformed key path"));
        assertTrue(oneError(BASELINE, "--set", "lenders[x].model_quality=0.5").contains("'[x]' is not a list index"));
    }

    // --- policy events ---

    @Test
    void aPolicyEventAfterTheHorizonIsRejected() throws IOException {
        Path f = write("s.yaml", "extends: " + BASELINE + "\npolicy_events:\n  - {month: 50, kind: apr_cap, value: 0.24}\n");

        assertEquals(f + ":3: policy_events[0].month: month 50 is after the horizon of 36 months", oneError(f.toString()));
    }

    // --- economy CSVs ---

    @Test
    void aMissingQuarterIsAGapNamingTheCsvRow() throws IOException {
        Path f = quarterlyScenario(quarters(9).replace("4,0.05,0.03\n", ""));

        assertEquals(tmp.resolve("paths.csv") + ":5: economy.unemployment: row 4, column 'quarter': quarter 4 is missing before 5; "
                + "every quarter needs a row", oneError(f.toString()));
    }

    @Test
    void aRepeatedQuarterIsNamed() throws IOException {
        Path f = quarterlyScenario(quarters(9).replace("4,0.05,0.03\n", "3,0.05,0.03\n"));

        assertEquals(tmp.resolve("paths.csv") + ":5: economy.unemployment: row 4, column 'quarter': quarter 3 is repeated "
                + "(also on row 3, line 4)", oneError(f.toString()));
    }

    @Test
    void rowsOutOfOrderAreRejectedNotMisplaced() throws IOException {
        Path f = quarterlyScenario(quarters(9).replace("3,0.05,0.03\n4,0.05,0.03\n", "4,0.05,0.03\n3,0.05,0.03\n"));

        assertEquals(tmp.resolve("paths.csv") + ":5: economy.unemployment: row 4, column 'quarter': quarter 3 comes after 4; "
                + "rows must be in date order", oneError(f.toString()));
    }

    @Test
    void datedMonthlyRowsAreMatchedByDate() throws IOException {
        write("m.csv", "month,unemployment\n2025-01,0.05\n2025-02,0.06\n2025-04,0.07\n");
        Path f = write("s.yaml", "extends: " + BASELINE + "\neconomy:\n  unemployment: {file: m.csv}\n");

        assertEquals(tmp.resolve("m.csv") + ":4: economy.unemployment: row 3, column 'month': month 2025-03 is missing before 2025-04; "
                + "every month needs a row", oneError(f.toString()));
        write("m.csv", "month,unemployment\n2025-01,0.05\n2025-02,0.06\n2025-03,0.07\n");
        assertEquals(0, CliTest.cli("validate", f.toString()).exitCode());
    }

    @Test
    void aQuarterColumnWithMonthlyFrequencyIsNamed() throws IOException {
        write("paths.csv", quarters(9));
        Path f = write("s.yaml", "extends: " + BASELINE + "\neconomy:\n  unemployment: {file: paths.csv}\n");

        assertEquals(tmp.resolve("paths.csv") + ":1: economy.unemployment: the date column 'quarter' holds quarters, but "
                + "economy.unemployment.frequency is monthly; set frequency: quarterly", oneError(f.toString()));
    }

    @Test
    void fileBesideValuesIsRejected() throws IOException {
        write("paths.csv", quarters(9));
        Path f = write("s.yaml", "extends: " + BASELINE + "\neconomy:\n  unemployment:\n    file: paths.csv\n    frequency: quarterly\n"
                + "    values: [0.05, 0.06]\n");

        assertEquals(f + ":4: economy.unemployment.file: give either file or values, not both (values are set in " + f + ":6)",
                oneError(f.toString()));
    }

    @Test
    void aColumnInTheWrongUnitIsOneProblemAtTheCsvRow() throws IOException {
        Path f = quarterlyScenario(quarters(9).replace(",0.05,", ",5.0,"));

        assertEquals(tmp.resolve("paths.csv") + ":2: economy.unemployment: row 1, column 'unemployment': must be in [0, 0.95] (share), "
                + "got 5.0 (and 8 more row(s) of this column)", oneError(f.toString()));
    }

    @Test
    void aByteOrderMarkDoesNotHideTheFirstColumn() throws IOException {
        Path f = quarterlyScenario("\uFEFF" + quarters(9));

        CliTest.Result r = CliTest.cli("validate", f.toString());

        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void aCsvThatIsNotUtf8NamesTheFileAndRow() throws IOException {
        Path f = quarterlyScenario("");
        byte[] text = quarters(9).replace("5,0.05", "5,0.0\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(tmp.resolve("paths.csv"), text);

        assertEquals(tmp.resolve("paths.csv") + ":6: economy.unemployment: not valid UTF-8 (byte 0xE9); save the file as UTF-8",
                oneError(f.toString()));
    }

    // --- the command line ---

    @Test
    void anUnknownCommandWithHelpIsAnError() {
        CliTest.Result r = CliTest.cli("frobnicate", "--help");

        assertEquals(2, r.exitCode());
        assertEquals("error: unknown command 'frobnicate'", r.errLines().get(0));
        assertEquals("", r.out());
        CliTest.Result typo = CliTest.cli("valdate", "--help");
        assertEquals(2, typo.exitCode());
        assertEquals("error: unknown command 'valdate'; did you mean 'validate'?", typo.errLines().get(0));
    }
}
