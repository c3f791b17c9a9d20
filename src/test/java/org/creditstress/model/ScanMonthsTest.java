package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portfolio scan leaves out the figures only the metrics read (segments, groups, classes,
 * roll balances, counts by bucket) in burn-in months, which are not recorded: the recorded results
 * are those of a scan that sums everything every month, bit for bit, and the burn-in really is
 * summed leaner (the model's own figures, receivables and balances by bucket, are there either way).
 */
class ScanMonthsTest {

    /** The China market (instalment plans, cash loans) and a US card market (minimum payments on revolving balances). */
    @ParameterizedTest
    @ValueSource(strings = {"scenarios/severe-downturn.yaml", "scenarios/us-card/downturn.yaml"})
    void burnInMonthsSumOnlyWhatTheModelReadsAndResultsAreTheSame(String scenario) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of(scenario), List.of("population.size=10000", "replications=1",
                "horizon.burn_in_months=12", "horizon.months=24")).scenario();
        long seed = new SeedPlan(s.seed()).replicationSeed(0);
        try (ChunkExecutor executor = new ChunkExecutor(2)) {
            CreditMarket lean = new CreditMarket(s, seed, executor, Experiment.registry(s).metrics());
            CreditMarket full = new CreditMarket(s, seed, executor, Experiment.registry(s).metrics()).scanEverything();
            lean.start();
            full.start();
            // the last burn-in month (month 0)
            while (lean.stepMonth() < 0) {
                full.stepMonth();
            }
            full.stepMonth();
            PortfolioStats l = lean.portfolio();
            PortfolioStats f = full.portfolio();
            assertTrue(Arrays.stream(f.segmentBalance).sum() > 0, "the full scan sums balances by segment in burn-in");
            assertEquals(0.0, Arrays.stream(l.segmentBalance).sum(), "the lean scan leaves segments out in burn-in");
            assertEquals(0L, l.borrowersWithCredit);
            assertArrayEquals(f.receivables, l.receivables);
            for (int k = 0; k < f.bucketBalance.length; k++) {
                assertArrayEquals(f.bucketBalance[k], l.bucketBalance[k]);
            }
            // The liquidity ladder: the first bill (the model reads it; a burn-in scan adds it up
            // without the look-ahead, PortfolioScan.firstBill) to the last bit, the later ones (metrics) left out.
            for (int k = 0; k < f.ladderDue.length; k++) {
                assertTrue(f.ladderDue[k][0] > 0 && f.ladderDue[k][1] > 0, "lender " + k + " has bills due");
                assertEquals(f.ladderDue[k][0], l.ladderDue[k][0], "lender " + k + "'s first bill");
                assertEquals(0.0, l.ladderDue[k][1] + l.ladderDue[k][2], "the lean scan leaves lender " + k + "'s later bills out");
            }
            double[][] leanRows = lean.runRemaining();
            double[][] fullRows = full.runRemaining();
            for (int m = 0; m < leanRows.length; m++) {
                assertArrayEquals(fullRows[m], leanRows[m], "month " + (m + 1));
            }
            // recorded months sum everything
            assertTrue(Arrays.stream(lean.portfolio().segmentBalance).sum() > 0, "the lean scan sums segments in recorded months");
        }
    }
}
