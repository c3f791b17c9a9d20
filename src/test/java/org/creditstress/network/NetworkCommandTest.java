package org.creditstress.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.creditstress.cli.NetworkCommand;
import org.creditstress.cli.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NetworkCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs the command the way Main does: UserInputException -> one-line message, exit 2. */
    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new NetworkCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserInputException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            return 2;
        });
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String path(String resource) {
        return ExposureCsvTest.resource(resource).toString();
    }

    private static void assertOneLineError(Run run, String... fragments) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        for (String f : fragments) {
            assertTrue(run.err().contains(f), "'" + f + "' not in: " + run.err());
        }
    }

    @Test
    void debtRankWithoutShockRanksTheHubOfAStarFirst() {
        Run run = run(path("star.csv"), "--method", "debtrank");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().skip(2).toList();
        assertTrue(run.out().startsWith("DebtRank (original) on "), run.out());
        assertTrue(lines.get(0).matches("node\\s+capital\\s+weight\\s+h_initial\\s+h_final\\s+systemic_debtrank\\s+systemic_rank"),
                lines.get(0));
        // Hand-worked in DebtRankTest.hubOfAStarNetworkIsTheMostSystemicNode: R_hub = 0.45, R_leaf = 0.06325.
        assertTrue(lines.get(1).matches("Hub\\s+20\\.00\\s+0\\.2500\\s+0\\.0000\\s+0\\.0000\\s+0\\.4500\\s+1"), lines.get(1));
        assertTrue(lines.get(2).matches("L1\\s+10\\.00\\s+0\\.1875\\s+0\\.0000\\s+0\\.0000\\s+0\\.0633\\s+2"), lines.get(2));
        assertTrue(run.out().contains("No --shock given"), run.out());
    }

    @Test
    void debtRankWithShockReportsScenarioAndWritesCsv() throws IOException {
        Path out = tmp.resolve("sub/dr.csv");

        Run run = run(path("star.csv"), "--method", "debtrank", "--shock", "Hub=1", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        // Hub fully distressed: each leaf h = 0.6; R = 4 * 0.6 * 6/32 = 0.45; shock itself = 8/32 = 0.25.
        assertTrue(run.out().contains("Scenario DebtRank R = 0.4500 (shock itself: 0.2500, total: 0.7000)"), run.out());
        List<String> csv = Files.readAllLines(out);
        assertEquals("node,capital,weight,h_initial,h_final,systemic_debtrank,systemic_rank", csv.get(0));
        assertEquals("Hub,20,0.25,1,1,0.45,1", csv.get(1));
        assertEquals("L1,10,0.1875,0,0.6,0.06325,2", csv.get(2));
        assertEquals(6, csv.size());
    }

    @Test
    void eisenbergNoeReportsPaymentsDefaultsAndRounds() {
        Run run = run(path("chain.csv"), "--method", "eisenberg-noe");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().skip(2).toList();
        // Hand-worked in EisenbergNoeTest.chainWhereTheFirstNodeDefaultsCascadesToItsCreditor.
        assertTrue(lines.get(1).matches("A\\s+4\\.00\\s+10\\.00\\s+4\\.00\\s+0\\.4000\\s+0\\.00\\s+yes\\s+1"), lines.get(1));
        assertTrue(lines.get(2).matches("B\\s+3\\.00\\s+10\\.00\\s+7\\.00\\s+0\\.7000\\s+0\\.00\\s+yes\\s+2"), lines.get(2));
        assertTrue(lines.get(3).matches("C\\s+0\\.00\\s+0\\.00\\s+0\\.00\\s+1\\.0000\\s+7\\.00\\s+no\\s+0"), lines.get(3));
        assertTrue(run.out().contains("Defaults: 2 of 3 (1 fundamental in round 1, 1 by contagion); total shortfall: 9.00"),
                run.out());
    }

    @Test
    void eisenbergNoeShockCutsExternalAssets() {
        // B loses half of its external assets: e_B = 1.5; A still pays 4, so B has 5.5 and pays 5.5.
        Run run = run(path("chain.csv"), "--method", "EISENBERG-NOE", "--shock", "B=0.5");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("B\\s+1\\.50\\s+10\\.00\\s+5\\.50\\s+0\\.5500.*")), run.out());
    }

    @Test
    void badInputExitsWithCodeTwoAndAOneLineMessage() throws IOException {
        assertOneLineError(run(path("star.csv"), "--method", "debtrank", "--shock", "Nobody=0.5"),
                "unknown node 'Nobody'", "Hub, L1");
        assertOneLineError(run(path("star.csv"), "--method", "debtrank", "--shock", "Hub=1.5"), "must be in [0, 1]");
        assertOneLineError(run(path("star.csv"), "--method", "debtrank", "--shock", "Hub"), "expected NODE=FRACTION");
        assertOneLineError(run(path("star.csv"), "--method", "debtrank", "--shock", "Hub=x"), "'x' is not a number");
        assertOneLineError(run(path("star.csv"), "--method", "eisenberg-noe"),
                "star.csv: missing required column 'external_assets' (needed by --method eisenberg-noe)");
        assertOneLineError(run(path("missing-capital.csv"), "--method", "debtrank"), "missing required column 'capital'");
        assertOneLineError(run(path("star.csv"), "--method", "debtrank", "--weights", "value"),
                "missing required column 'value' (needed by --weights value)");
        assertOneLineError(run(path("non-numeric.csv"), "--method", "debtrank"),
                "non-numeric.csv: row 'B', column 'C': 'abc' is not a number");
        assertOneLineError(run(path("non-square.csv"), "--method", "debtrank"), "not square");
        assertOneLineError(run(path("negative-exposure.csv"), "--method", "debtrank"), "exposure -5 is negative");
        assertOneLineError(run(tmp.resolve("nope.csv").toString(), "--method", "debtrank"), "nope.csv: file not found");
        assertOneLineError(run(path("star.csv"), "--method", "pagerank"), "'pagerank' is not one of debtrank, eisenberg-noe");
        assertOneLineError(run(path("star.csv"), "--method", "debtrank", "--variant", "fancy"), "'fancy' is not one of");
        Path dir = Files.createDirectory(tmp.resolve("a-directory"));
        Run unwritable = run(path("star.csv"), "--method", "debtrank", "--out", dir.toString());
        assertOneLineError(unwritable, "a-directory: cannot write output");
        assertEquals("", unwritable.out(), "nothing is printed when the output cannot be written");
    }

    @Test
    void shippedExampleShowsAContagionDefault() {
        // scenarios/networks/example-exposures.csv, ShopCredit loses 90% of its external assets: e_SC = 15.
        // Round 1: ShopCredit has 15 + 10 (from BankB) < 150 -> defaults.
        // Round 2: BankB has 10 + 20 (BankA) + 50 (PayLater) + 90/150 * 25 = 95 < 110 -> defaults.
        //   p_B = 80 + 0.6 p_SC and p_SC = 15 + (10/110) p_B  =>  p_SC = 245/10.4 = 23.5577, p_B = 94.1346.
        Run run = run("scenarios/networks/example-exposures.csv", "--method", "eisenberg-noe", "--shock", "ShopCredit=0.9");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("BankB\\s+10\\.00\\s+110\\.00\\s+94\\.13\\s+0\\.8558\\s+0\\.00\\s+yes\\s+2")),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("ShopCredit\\s+15\\.00\\s+150\\.00\\s+23\\.56\\s+0\\.1571.*yes\\s+1")),
                run.out());
    }

    @Test
    void helpListsTheMethods() {
        Run run = run("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("eisenberg-noe") && run.out().contains("--shock=NODE=FRACTION"), run.out());
        assertFalse(run.out().isBlank());
    }
}
