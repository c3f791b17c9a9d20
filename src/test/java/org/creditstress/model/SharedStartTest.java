package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * {@code horizon.shared_start}: every replication starts month 1 from the identical book (built and
 * burnt in on replication 0's seed) and follows its own path from there.
 */
class SharedStartTest {

    private static final String[] SHARED = {"horizon.shared_start=true", "replications=3", "horizon.months=12"};

    /** A fingerprint of every borrower's and account's state after the burn-in of replication {@code r}. */
    private static long bookAtMonthZero(Scenario s, int r) {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            CreditMarket cm = new CreditMarket(s, new SeedPlan(s.seed()).replicationSeed(r), executor,
                    Experiment.registry(s).metrics());
            cm.start();
            for (int m = 0; m < s.horizon().burnInMonths(); m++) {
                cm.stepMonth();
            }
            assertEquals(0, cm.market().month());
            BorrowerTable b = cm.market().borrowers;
            AccountTable a = cm.market().accounts;
            return Arrays.hashCode(new int[] {Arrays.hashCode(b.savings), Arrays.hashCode(b.income), Arrays.hashCode(b.flags),
                    Arrays.hashCode(b.creditScore), Arrays.hashCode(a.status), Arrays.hashCode(a.limit), Arrays.hashCode(a.statement),
                    Arrays.hashCode(a.revolving), Arrays.hashCode(a.pool), Arrays.hashCode(a.arrears), Arrays.hashCode(a.monthsPastDue),
                    Arrays.hashCode(a.schedule)});
        }
    }

    @Test
    void everyReplicationStartsFromTheSameBook() {
        Scenario shared = Scenarios.shipped("severe-downturn", SHARED).scenario();
        long first = bookAtMonthZero(shared, 0);
        assertEquals(first, bookAtMonthZero(shared, 1));
        assertEquals(first, bookAtMonthZero(shared, 2));
        Scenario own = Scenarios.shipped("severe-downturn", "horizon.shared_start=false", "replications=3", "horizon.months=12").scenario();
        assertEquals(first, bookAtMonthZero(own, 0), "replication 0 builds the same book either way");
        assertNotEquals(bookAtMonthZero(own, 0), bookAtMonthZero(own, 1), "without a shared start each replication has its own book");
    }

    @Test
    void fromMonthOneEachReplicationFollowsItsOwnPath() {
        RunResult shared = Scenarios.run(Scenarios.shipped("severe-downturn", SHARED), 2);
        double[] m1 = Scenarios.series(shared, 1, "m1plus_ratio");
        double[] m2 = Scenarios.series(shared, 2, "m1plus_ratio");
        assertNotEquals(m1[11], m2[11], "replications differ in the future path");
    }

    /**
     * The spread across replications of the receivables in month 1 is the starting book's
     * uncertainty plus one month's: with a shared start only the month's remains.
     */
    @Test
    void aSharedStartLeavesOnlyTheFuturePathsSpread() {
        String[] more = {"replications=6", "horizon.months=3"};
        RunResult shared = Scenarios.run(Scenarios.shipped("baseline", "horizon.shared_start=true", more[0], more[1]), 2);
        RunResult own = Scenarios.run(Scenarios.shipped("baseline", "horizon.shared_start=false", more[0], more[1]), 2);
        double sharedSpread = spreadInMonthOne(shared, "receivables");
        double ownSpread = spreadInMonthOne(own, "receivables");
        assertTrue(sharedSpread < 0.5 * ownSpread, "shared " + sharedSpread + " own " + ownSpread);
    }

    private static double spreadInMonthOne(RunResult run, String metric) {
        double[] x = new double[run.replications().size()];
        for (int r = 0; r < x.length; r++) {
            x[r] = Scenarios.series(run, r, metric)[0];
        }
        return new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(x).getStandardDeviation();
    }

    @Test
    void aSharedStartIsIdenticalForAnyThreadCount() {
        LoadedScenario s = Scenarios.shipped("severe-downturn", SHARED);
        RunResult one = Scenarios.run(s, 1);
        RunResult two = Scenarios.run(s, 2);
        for (int r = 0; r < 3; r++) {
            double[][] a = one.replications().get(r).values();
            for (int t = 0; t < a.length; t++) {
                assertArrayEquals(a[t], two.replications().get(r).values()[t], 0.0, "replication " + r + " month " + (t + 1));
            }
        }
    }

    /** A copy of the frozen book runs exactly as the replication that builds and burns in its own. */
    @Test
    void aCopyOfTheFrozenBookRunsExactlyAsAReplicationThatBuildsItsOwn() {
        Scenario s = Scenarios.shipped("funding-squeeze", SHARED).scenario();
        var metrics = Experiment.registry(s).metrics();
        try (ChunkExecutor executor = new ChunkExecutor(2)) {
            SharedStart book = SharedStart.build(s, executor, metrics);
            assertTrue(book.bytes() > 20_000L * 100, "the whole book is frozen: " + book.bytes() + " bytes");
            for (int r = 0; r < 3; r++) {
                long seed = new SeedPlan(s.seed()).replicationSeed(r);
                double[][] own = new CreditMarket(s, seed, executor, metrics).runToEnd();
                double[][] copied = book.replication(seed, executor).runRemaining();
                assertTrue(Arrays.deepEquals(own, copied), "replication " + r);
            }
            double[][] again = book.replication(new SeedPlan(s.seed()).replicationSeed(1), executor).runRemaining();
            assertTrue(Arrays.deepEquals(again, book.replication(new SeedPlan(s.seed()).replicationSeed(1), executor).runRemaining()),
                    "the frozen book is not changed by the copies run from it");
        }
    }

    /**
     * Every kind of policy event survives the freezing of the book: a shared start with all of
     * them copies the book and runs each replication as one that builds its own.
     */
    @Test
    void aSharedStartCarriesEveryKindOfPolicyEvent() {
        LoadedScenario s = Scenarios.shipped("severe-downturn", "horizon.shared_start=true", "replications=2", "horizon.months=6",
                "population.size=3000", "policy_events=[{month: 2, kind: apr_cap, value: 0.2}, {month: 2, kind: repayment_holiday, months: 2},"
                        + " {month: 2, kind: income_support, value: 0.1, months: 3}, {month: 2, kind: literacy_campaign, value: 0.1},"
                        + " {month: 2, kind: bureau_mandate, value: 1.0}, {month: 2, kind: court_capacity, value: 2.0},"
                        + " {month: 2, kind: capital_requirement, value: 0.1}, {month: 2, kind: liquidity_requirement, value: 0.1},"
                        + " {month: 2, kind: own_funding_share, value: 0.1}]");
        assertEquals(org.creditstress.model.policy.PolicyEvents.standard().meanings().size(), s.scenario().policyEvents().size(), "one event of each kind");
        RunResult run = Scenarios.run(s, 2);
        for (int r = 0; r < 2; r++) {
            assertTrue(Arrays.deepEquals(run.replications().get(r).values(), Experiment.runReplication(s, r, 1).values()),
                    "replication " + r);
        }
    }

    /** The run thaws a copy of the book for each replication; a replication run alone builds its own: the same numbers. */
    @Test
    void theRunsCopiesMatchReplicationsRunAlone() {
        LoadedScenario s = Scenarios.shipped("severe-downturn", SHARED);
        RunResult run = Scenarios.run(s, 2);
        for (int r = 0; r < 3; r++) {
            assertTrue(Arrays.deepEquals(run.replications().get(r).values(), Experiment.runReplication(s, r, 1).values()),
                    "replication " + r);
        }
    }

    /**
     * Scenarios that differ only after month 1 (the downturn's path, its policies) start from the
     * identical book, so a {@code compare} of them with a shared start compares futures, not books.
     */
    @Test
    void aDownturnAndTheBaselineStartFromTheSameBook() {
        Scenario calm = Scenarios.shipped("baseline", SHARED).scenario();
        Scenario down = Scenarios.shipped("severe-downturn", SHARED).scenario();
        assertEquals(bookAtMonthZero(calm, 1), bookAtMonthZero(down, 2));
    }
}
