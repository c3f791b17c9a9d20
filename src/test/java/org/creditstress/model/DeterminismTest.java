package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;

/** Same scenario and seed, any number of threads: the same numbers, bit for bit. */
class DeterminismTest {

    @Test
    void oneThreadAndSeveralThreadsGiveIdenticalMetrics() {
        LoadedScenario s = Scenarios.shipped("severe-downturn", "population.size=30000");
        RunResult one = Scenarios.run(s, 1);
        RunResult two = Scenarios.run(s, 2);
        RunResult four = Scenarios.run(s, 4);
        for (int r = 0; r < one.replications().size(); r++) {
            double[][] a = one.replications().get(r).values();
            for (int t = 0; t < a.length; t++) {
                assertArrayEquals(a[t], two.replications().get(r).values()[t], 0.0, "replication " + r + " month " + (t + 1));
                assertArrayEquals(a[t], four.replications().get(r).values()[t], 0.0, "replication " + r + " month " + (t + 1));
            }
        }
        // The comparison covers the behaviour score's sampled ranking (snapshots in per-chunk buffers, resolved in chunk order)
        // and its pre-emptive cuts: both are there to compare.
        long reported = java.util.Arrays.stream(Scenarios.series(one, 0, "lender.PlatformA.behaviour_auc")).filter(x -> !Double.isNaN(x)).count();
        assertTrue(reported > 12, "behaviour_auc reported in " + reported + " months");
        assertTrue(Scenarios.total(one, "limit_cuts_behaviour") > 0, "pre-emptive cuts happen");
    }

    @Test
    void theSameSeedReproducesAndAnotherSeedDiffers() {
        RunResult a = Scenarios.run(Scenarios.shipped("baseline", "seed=11", "replications=1"), 2);
        RunResult b = Scenarios.run(Scenarios.shipped("baseline", "seed=11", "replications=1"), 2);
        RunResult c = Scenarios.run(Scenarios.shipped("baseline", "seed=12", "replications=1"), 2);
        assertTrue(Arrays.deepEquals(a.replications().get(0).values(), b.replications().get(0).values()));
        assertFalse(Arrays.deepEquals(a.replications().get(0).values(), c.replications().get(0).values()));
    }

    @Test
    void replicationsDifferFromEachOther() {
        RunResult run = Scenarios.run(Scenarios.shipped("baseline"), 2);
        assertFalse(Arrays.deepEquals(run.replications().get(0).values(), run.replications().get(1).values()));
    }
}
