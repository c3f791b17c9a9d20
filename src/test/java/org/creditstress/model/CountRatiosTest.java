package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.creditstress.metric.Metric;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Count-weighted overdue ratios per lender and per segment, beside the balance-weighted ones. The
 * market's count ratio is an average of its parts' weighted by their active accounts, so every
 * month it lies between the smallest and the largest of them; a mistake in either count breaks
 * that in some month.
 */
class CountRatiosTest {

    private static void between(RunResult run, String market, List<String> parts) {
        for (int r = 0; r < run.replications().size(); r++) {
            double[] m = Scenarios.series(run, r, market);
            for (int t = 0; t < m.length; t++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (String part : parts) {
                    double x = Scenarios.series(run, r, part)[t];
                    if (!Double.isNaN(x)) {
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                    }
                }
                assertTrue(lo - 1e-12 <= m[t] && m[t] <= hi + 1e-12, market + " month " + (t + 1) + ": " + m[t]
                        + " outside [" + lo + ", " + hi + "] of " + parts);
            }
        }
    }

    @Test
    void theMarketsCountRatiosLieBetweenThoseOfItsLendersAndOfItsSegmentsEveryMonth() {
        RunResult run = Scenarios.run(Scenarios.shipped("severe-downturn", "horizon.months=24"), 2);
        for (String ratio : List.of("m1plus_ratio_count", "m3plus_ratio_count")) {
            between(run, ratio, List.of("lender.PlatformA." + ratio, "lender.PlatformB." + ratio));
            between(run, ratio, List.of("segment.salaried." + ratio, "segment.self_employed." + ratio, "segment.gig." + ratio,
                    "segment.young." + ratio));
        }
        assertTrue(Scenarios.mean(run, "lender.PlatformB.m3plus_ratio_count") > 0, "the downturn puts accounts 3+ months past due");
    }

    @Test
    void aSegmentsCountRatioIsItsDelinquentActiveAccountsOverItsActiveAccounts() {
        LoadedScenario s = ScenarioLoader.load(Path.of("scenarios/severe-downturn.yaml"),
                List.of("population.size=5000", "horizon.months=18"));
        List<Metric> metrics = Experiment.registry(s.scenario()).metrics();
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            CreditMarket cm = new CreditMarket(s.scenario(), new SeedPlan(s.scenario().seed()).replicationSeed(0), executor, metrics);
            double[][] values = cm.runToEnd();
            Market m = cm.market();
            AccountTable acc = m.accounts;
            for (int k = 0; k < s.scenario().population().segments().size(); k++) {
                long active = 0;
                long m3 = 0;
                for (int i = 0; i < m.borrowers.size; i++) {
                    if (m.borrowers.segment[i] != k) {
                        continue;
                    }
                    for (int a = m.borrowers.firstAccount[i]; a < m.borrowers.firstAccount[i + 1]; a++) {
                        if (acc.status[a] == AccountTable.OPEN && acc.balance(a) > 0) {
                            active++;
                            if (acc.monthsPastDue[a] >= 3) {
                                m3++;
                            }
                        }
                    }
                }
                String name = "segment." + s.scenario().population().segments().get(k).name() + ".m3plus_ratio_count";
                int j = -1;
                for (int c = 0; c < metrics.size(); c++) {
                    if (metrics.get(c).name().equals(name)) {
                        j = c;
                    }
                }
                assertEquals((double) m3 / active, values[values.length - 1][j], 1e-12, name);
            }
        }
    }
}
