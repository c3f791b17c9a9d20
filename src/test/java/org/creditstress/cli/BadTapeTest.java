package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loan tapes ({@code population.book}) through the command line: a small hand-written tape runs;
 * each bad tape ends with exit 2 and one line naming the tape, its line, the column and the
 * reason, no stack trace, nothing in the output folder; a problem with the reference itself names
 * the scenario line.
 */
class BadTapeTest {
    private static final String BASELINE = Path.of("scenarios", "baseline.yaml").toAbsolutePath().toString();
    private static final String HEADER = "borrower_id,segment,permanent_income,savings,lender,product,limit,statement,plan_principal,plans,"
            + "months_past_due,arrears,in_litigation";
    /** Two borrowers: one with a line carrying a 3-bill plan and a cash loan 2 months past due and sued, one without accounts. */
    private static final String GOOD = HEADER + "\n"
            + "a,salaried,6000,9000,PlatformA,baitiao_line,8000,300,300,3:100:5,0,0,0\n"
            + "a,salaried,6000,9000,PlatformA,jintiao_loan,5000,0,2000,6:400:0,2,800,1\n"
            + "b,young,3000,500,,,,,,,,,\n";

    @TempDir
    Path tmp;
    private TempHome home;

    @BeforeEach
    void home() throws IOException {
        home = new TempHome(tmp.resolve("home"));
    }

    @AfterEach
    void restore() {
        home.close();
    }

    private Path scenario(String tape) throws IOException {
        Files.writeString(tmp.resolve("tape.csv"), tape);
        return Files.writeString(tmp.resolve("s.yaml"), "extends: " + BASELINE + "\nhorizon:\n  burn_in_months: 0\n  months: 6\n"
                + "population:\n  book: tape.csv\n");
    }

    /** The one error line of {@code run} on a scenario whose tape is {@code tape}, after the common checks. */
    private String oneError(String tape) throws IOException {
        CliTest.Result r = CliTest.cli("run", scenario(tape).toString(), "--quiet", "--replications", "1");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), "one line for one mistake:\n" + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("at org."), "stack trace:\n" + r.err());
        assertEquals(List.of(), home.output(), "a failed run left files behind");
        return r.errLines().get(0);
    }

    private String at(int line, String column) {
        return "error: " + tmp.resolve("tape.csv") + ":" + line + ": column " + column + ": ";
    }

    @Test
    void aHandWrittenTapeRunsWithItsTwoBorrowers() throws IOException {
        CliTest.Result r = CliTest.cli("run", scenario(GOOD).toString(), "--quiet", "--replications", "1", "--out",
                tmp.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("1 replications x 6 months, 2 borrowers"), r.out());
        String resolved = Files.readString(tmp.resolve("out/scenario.resolved.yaml"));
        assertTrue(resolved.contains("book: " + tmp.resolve("tape.csv")), "the resolved scenario names the tape absolutely");
        assertTrue(resolved.contains("size: 2"), "the tape's borrower count is the size");
    }

    @Test
    void anUnknownLenderIsNamedWithItsLine() throws IOException {
        String e = oneError(GOOD.replace("a,salaried,6000,9000,PlatformA,jintiao_loan", "a,salaried,6000,9000,PlatformZ,jintiao_loan"));
        assertEquals(at(3, "lender") + "unknown lender 'PlatformZ'; the scenario's lenders are PlatformA, PlatformB", e);
    }

    @Test
    void anUnknownSegmentIsNamed() throws IOException {
        String e = oneError(GOOD.replace("b,young", "b,retired"));
        assertEquals(at(4, "segment") + "unknown segment 'retired'; the scenario's segments are salaried, self_employed, gig, young", e);
    }

    @Test
    void aNegativeBalanceIsRefused() throws IOException {
        String e = oneError(GOOD.replace("8000,300,300", "8000,-300,300"));
        assertEquals(at(2, "statement") + "must not be negative, got -300", e);
    }

    @Test
    void malformedPlansSayTheFormat() throws IOException {
        String e = oneError(GOOD.replace("3:100:5", "3:100"));
        assertEquals(at(2, "plans") + "entry '3:100' is not bills:principal:fee (e.g. 3:250.0:12.5; entries separated by ';')", e);
        String late = oneError(GOOD.replace("3:100:5", "40:100:5"));
        assertEquals(at(2, "plans") + "entry '40:100:5': bills must be 1..25 (the longest term of any product, plus one)", late);
    }

    @Test
    void aNonNumericCellIsNamed() throws IOException {
        String e = oneError(GOOD.replace("5000,0,2000", "5k,0,2000"));
        assertEquals(at(3, "limit") + "not a number: '5k'", e);
    }

    @Test
    void aMissingColumnIsNamedOnTheHeader() throws IOException {
        String e = oneError(GOOD.replace("savings,", "").replace(",9000,", ",").replace(",500,", ","));
        assertEquals(at(1, "savings") + "missing column (required: borrower_id, segment, permanent_income, savings, lender, product, limit)", e);
    }

    @Test
    void aBorrowerWhoseRowsDisagreeIsNamed() throws IOException {
        String e = oneError(GOOD.replace("a,salaried,6000,9000,PlatformA,jintiao_loan", "a,salaried,6500,9000,PlatformA,jintiao_loan"));
        assertEquals(at(3, "permanent_income") + "borrower a differs from its first row (line 2); a borrower's columns must repeat "
                + "unchanged on each of its rows", e);
    }

    @Test
    void burnInWithABookNamesTheScenarioLine() throws IOException {
        Path s = scenario(GOOD);
        Files.writeString(s, Files.readString(s).replace("burn_in_months: 0", "burn_in_months: 12"));
        CliTest.Result r = CliTest.cli("validate", s.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(List.of("error: " + s + ":3: horizon.burn_in_months: must be 0 with population.book (the tape is the portfolio at "
                + "the start of month 1; burn-in would age it first), got 12"), r.errLines());
    }

    @Test
    void aMissingTapeNamesTheScenarioLine() throws IOException {
        Path s = scenario(GOOD);
        Files.delete(tmp.resolve("tape.csv"));
        CliTest.Result r = CliTest.cli("validate", s.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(List.of("error: " + s + ":6: population.book: " + tmp.resolve("tape.csv") + ": file not found"), r.errLines());
    }

    @Test
    void exportBookWritesATapeThatValidates() throws IOException {
        Path out = tmp.resolve("book.csv");
        CliTest.Result r = CliTest.cli("export-book", BASELINE, "--month", "3", "--set", "population.size=200", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("borrower_id,segment,employed,"), lines.get(0));
        assertTrue(lines.size() > 200, "every borrower has a row: " + lines.size());
        Files.writeString(tmp.resolve("s2.yaml"), "extends: " + BASELINE + "\nhorizon: {burn_in_months: 0}\npopulation: {book: book.csv}\n");
        CliTest.Result v = CliTest.cli("validate", tmp.resolve("s2.yaml").toString());
        assertEquals(0, v.exitCode(), v.err());
        CliTest.Result bad = CliTest.cli("export-book", BASELINE, "--month", "37", "--out", out.toString());
        assertEquals(2, bad.exitCode());
        assertEquals(List.of("error: --month must be in [0, 36] (horizon.months), got 37"), bad.errLines());
    }
}
