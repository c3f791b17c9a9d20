package org.creditstress.model.book;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.Market;
import org.creditstress.model.PortfolioScan;
import org.creditstress.model.PortfolioStats;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Book round trip: the baseline run to the end of month 12 is exported; a run started from that
 * tape holds, before its first month, the same portfolio stock (receivables, accounts, buckets,
 * plans, over-limit, restructured and sued accounts, savings, scores) and exports the same bytes;
 * and it runs to its horizon with every invariant checked.
 */
class BookRoundTripTest {
    private static final int MONTH = 12;

    @TempDir
    static Path dir;
    static Scenario original;
    static String tape;
    static Stock before;
    static PortfolioStats originalScan;
    static Scenario fromBook;

    /** What the book holds, summed by lender from the tables. */
    record Stock(double[] receivables, long[] open, double[][] bucketBalance, long[][] bucketCount, double[] planPrincipal,
                 double[] schedule, long[] overLimit, long[] restructured, long[] sued, long[] writtenOff, long[] declined,
                 double savings, double scores) {

        static Stock of(Market m) {
            int n = m.lenders.size();
            Stock s = new Stock(new double[n], new long[n], new double[n][5], new long[n][5], new double[n], new double[n], new long[n],
                    new long[n], new long[n], new long[n], new long[n], sum(m.borrowers.savings), 0);
            double scores = 0;
            for (float x : m.borrowers.creditScore) {
                scores += x;
            }
            AccountTable acc = m.accounts;
            for (int a = 0; a < acc.size; a++) {
                int l = acc.lender[a];
                if (acc.status[a] == AccountTable.WRITTEN_OFF) {
                    s.writtenOff[l]++;
                } else if (acc.status[a] == AccountTable.NOT_OPEN) {
                    s.declined[l]++;
                }
                if (acc.status[a] != AccountTable.OPEN) {
                    continue;
                }
                double balance = acc.balance(a);
                s.open[l]++;
                s.receivables[l] += balance;
                s.bucketBalance[l][acc.bucket(a)] += balance;
                s.bucketCount[l][acc.bucket(a)]++;
                if (!acc.cashLoan[a]) {
                    s.planPrincipal[l] += acc.pool[a];
                }
                s.schedule[l] += acc.schedule[a];
                if (balance > acc.limit[a] + 0.01) {
                    s.overLimit[l]++;
                }
                if (acc.has(a, AccountTable.RESTRUCTURED)) {
                    s.restructured[l]++;
                }
                if (acc.has(a, AccountTable.SUED)) {
                    s.sued[l]++;
                }
            }
            return new Stock(s.receivables, s.open, s.bucketBalance, s.bucketCount, s.planPrincipal, s.schedule, s.overLimit,
                    s.restructured, s.sued, s.writtenOff, s.declined, s.savings, scores);
        }

        private static double sum(double[] x) {
            double t = 0;
            for (double v : x) {
                t += v;
            }
            return t;
        }

        double share(int l, int fromBucket) {
            double x = 0;
            for (int b = fromBucket; b < 5; b++) {
                x += bucketBalance[l][b];
            }
            return x / receivables[l];
        }
    }

    @BeforeAll
    static void runAndExport() throws Exception {
        original = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of("population.size=3000", "replications=1")).scenario();
        long seed = new SeedPlan(original.seed()).replicationSeed(0);
        try (ChunkExecutor executor = new ChunkExecutor(2)) {
            CreditMarket run = new CreditMarket(original, seed, executor, Experiment.registry(original).metrics());
            run.start();
            while (run.market().month() < MONTH) {
                run.stepMonth();
            }
            before = Stock.of(run.market());
            tape = export(run.market(), original);
            originalScan = scan(run.market(), original);
        }
        Path file = dir.resolve("month12.csv");
        Files.writeString(file, tape);
        fromBook = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of("population.book=" + file, "horizon.burn_in_months=0",
                "horizon.months=24", "replications=1")).scenario();
    }

    private static String export(Market m, Scenario s) {
        StringWriter w = new StringWriter();
        BookExport.write(m, new BookExport.Names(s.population().segments().stream().map(org.creditstress.scenario.SegmentSpec::name).toList(),
                s.lenders().stream().map(org.creditstress.scenario.LenderSpec::name).toList(),
                s.products().stream().map(org.creditstress.scenario.ProductSpec::id).toList()), w);
        return w.toString();
    }

    private static PortfolioStats scan(Market m, Scenario s) {
        PortfolioScan scan = new PortfolioScan(m, s.population().segments().size(), s.classification(), s.horizon().months(), s.products());
        // The loaded book stands at month 0, before the recorded months, where a run's scan leaves the
        // metrics' figures out: this comparison covers them too.
        scan.sumEverything();
        scan.step(null);
        return scan.stats();
    }

    @Test
    void theTapeHoldsTheWholeBook() {
        assertEquals(3000, fromBook.population().size(), "the tape's borrowers become the population");
        long rows = tape.lines().count() - 1;
        long accounts = 0;
        for (int l = 0; l < before.open().length; l++) {
            accounts += before.open()[l] + before.writtenOff()[l] + before.declined()[l];
        }
        assertTrue(rows >= accounts && rows <= accounts + 3000, rows + " rows for " + accounts + " accounts");
        double total = 0;
        for (double r : before.receivables()) {
            total += r;
        }
        assertTrue(total > 1e6, "a seasoned book at month 12, got receivables " + total);
        assertTrue(tape.contains(":"), "instalment plans are on the tape");
        long restructured = 0;
        long sued = 0;
        double m3 = 0;
        for (int l = 0; l < before.open().length; l++) {
            restructured += before.restructured()[l];
            sued += before.sued()[l];
            m3 += before.bucketBalance()[l][3] + before.bucketBalance()[l][4];
        }
        System.out.printf("book at month 12: receivables %s, M1+ %.5f, M3+ %.5f (lender 0), restructured %d, sued %d, M3+ balance %.0f%n",
                java.util.Arrays.toString(before.receivables()), before.share(0, 1), before.share(0, 3), restructured, sued, m3);
        assertTrue(restructured > 0 && sued > 0 && m3 > 0, "the book has restructured, sued and M3+ accounts to carry over");
    }

    @Test
    void theLoadedBookHasMonth12sStockAndExportsTheSameBytes() {
        long seed = new SeedPlan(fromBook.seed()).replicationSeed(0);
        try (ChunkExecutor executor = new ChunkExecutor(2)) {
            CreditMarket run = new CreditMarket(fromBook, seed, executor, Experiment.registry(fromBook).metrics());
            run.start();
            assertEquals(0, run.market().month());
            Stock loaded = Stock.of(run.market());
            assertEquals(tape, export(run.market(), fromBook), "a second export of the loaded book is byte-identical");
            for (int l = 0; l < before.open().length; l++) {
                assertEquals(before.receivables()[l], loaded.receivables()[l], 1e-9 * before.receivables()[l], "receivables of lender " + l);
                assertArrayEquals(before.bucketBalance()[l], loaded.bucketBalance()[l], 1e-6, "bucket balances of lender " + l);
                assertEquals(before.share(l, 1), loaded.share(l, 1), 1e-12, "M1+ share of lender " + l);
                assertEquals(before.share(l, 3), loaded.share(l, 3), 1e-12, "M3+ share of lender " + l);
                assertEquals(before.planPrincipal()[l], loaded.planPrincipal()[l], 1e-6, "instalment plan principal of lender " + l);
                assertEquals(before.schedule()[l], loaded.schedule()[l], 1e-6, "scheduled bills of lender " + l);
            }
            assertArrayEquals(before.open(), loaded.open(), "accounts open");
            assertArrayEquals(before.overLimit(), loaded.overLimit(), "over the limit");
            assertArrayEquals(before.restructured(), loaded.restructured(), "restructured");
            assertArrayEquals(before.sued(), loaded.sued(), "in litigation");
            assertArrayEquals(before.writtenOff(), loaded.writtenOff(), "written off");
            assertArrayEquals(before.declined(), loaded.declined(), "declined");
            for (int l = 0; l < before.open().length; l++) {
                assertArrayEquals(before.bucketCount()[l], loaded.bucketCount()[l], "accounts by bucket, lender " + l);
            }
            assertEquals(before.savings(), loaded.savings(), 1e-6, "savings");
            assertEquals(before.scores(), loaded.scores(), 1e-3, "credit scores");

            // The portfolio scan (the metrics' source) sees the same book.
            PortfolioStats scanned = scan(run.market(), fromBook);
            assertArrayEquals(originalScan.receivables, scanned.receivables, 1e-6);
            assertArrayEquals(originalScan.openAccounts, scanned.openAccounts);
            assertArrayEquals(originalScan.activeAccounts, scanned.activeAccounts);
            assertArrayEquals(originalScan.overLimitCount, scanned.overLimitCount);
            assertArrayEquals(originalScan.overLimitAmount, scanned.overLimitAmount, 1e-6);
            assertArrayEquals(originalScan.lineBalance, scanned.lineBalance, 1e-6);
            assertArrayEquals(originalScan.loanBalance, scanned.loanBalance, 1e-6);
            assertArrayEquals(originalScan.limits, scanned.limits, 1e-3);
            assertEquals(originalScan.restructuredActive, scanned.restructuredActive);
            assertEquals(originalScan.restructuredDelinquent, scanned.restructuredDelinquent);
            assertEquals(originalScan.borrowersWithCredit, scanned.borrowersWithCredit);
            assertArrayEquals(originalScan.segmentM3Plus, scanned.segmentM3Plus, 1e-6);
            for (int l = 0; l < before.open().length; l++) {
                assertArrayEquals(originalScan.tierBalance[l], scanned.tierBalance[l], 1e-6, "five-tier balances of lender " + l);
            }
        }
    }

    @Test
    void aRunFromTheBookRunsToItsHorizon() {
        long seed = new SeedPlan(fromBook.seed()).replicationSeed(0);
        try (ChunkExecutor executor = new ChunkExecutor(2)) {
            CreditMarket run = new CreditMarket(fromBook, seed, executor, Experiment.registry(fromBook).metrics());
            double[][] months = run.runToEnd();
            assertEquals(24, months.length);
            Market m = run.market();
            for (var lender : m.lenders) {
                assertTrue(lender.equity() > 0, lender.spec.name() + " has equity " + lender.equity());
                assertTrue(!lender.failed(), lender.spec.name() + " failed");
            }
            assertTrue(Stock.of(m).receivables()[0] > 0.5 * before.receivables()[0], "the book keeps lending");
        }
    }
}
