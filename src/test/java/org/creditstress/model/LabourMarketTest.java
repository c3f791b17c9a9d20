package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.run.RunResult;
import org.junit.jupiter.api.Test;

/** Employment transitions make the simulated unemployment rate track the scenario's path. */
class LabourMarketTest {

    @Test
    void simulatedUnemploymentTracksTheDownturnPath() {
        RunResult run = Scenarios.run(Scenarios.shipped("severe-downturn", "population.size=40000"), 2);
        for (int r = 0; r < 2; r++) {
            double[] simulated = Scenarios.series(run, r, "unemployment_rate");
            double[] target = Scenarios.series(run, r, "unemployment_target");
            for (int t = 0; t < simulated.length; t++) {
                double se = Math.sqrt(target[t] * (1 - target[t]) / 40000);
                assertEquals(target[t], simulated[t], 5 * se + 0.002, "month " + (t + 1));
            }
        }
    }

    @Test
    void cyclicalSegmentsTakeMoreOfTheDownturn() {
        RunResult run = Scenarios.run(Scenarios.shipped("severe-downturn"), 2);
        double gigRise = Scenarios.meanPeak(run, "segment.gig.m3plus_ratio") - Scenarios.series(run, 0, "segment.gig.m3plus_ratio")[0];
        double salariedRise = Scenarios.meanPeak(run, "segment.salaried.m3plus_ratio")
                - Scenarios.series(run, 0, "segment.salaried.m3plus_ratio")[0];
        assertTrue(gigRise > 2 * salariedRise, "gig +" + gigRise + " vs salaried +" + salariedRise);
    }
}
