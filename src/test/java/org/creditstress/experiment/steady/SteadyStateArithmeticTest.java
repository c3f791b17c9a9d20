package org.creditstress.experiment.steady;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.run.Experiment;
import org.creditstress.run.ReplicationResult;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The steady-state check's arithmetic, on metric tables written by hand. */
class SteadyStateArithmeticTest {

    /**
     * Two replications of three years. M1+: 4 % in year 2 and 5 % in year 3 in replication 0, 4 % and 4.4 %
     * in replication 1 (pooled: 4 % -> 4.7 %, +17.5 %); receivables 100 then 95 in both (-5 %); the rest flat.
     */
    @Test
    void comparesYearTwoWithTheLastYearPooledOverReplicationsWithTheirStandardError() {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of("horizon.months=36"));
        MetricRegistry registry = Experiment.registry(loaded.scenario());
        int m1 = column(registry, "m1plus_ratio");
        int m3 = column(registry, "m3plus_ratio");
        int co = column(registry, "chargeoff_rate_annualised");
        int rec = column(registry, "receivables");
        List<ReplicationResult> reps = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            double[][] v = new double[36][registry.metrics().size()];
            for (int t = 0; t < 36; t++) {
                v[t][m1] = t < 24 ? 0.04 : (r == 0 ? 0.05 : 0.044);
                v[t][m3] = 0.015;
                v[t][co] = t == 30 ? Double.NaN : 0.02;   // an undefined month is left out
                v[t][rec] = t < 24 ? 100.0 : 95.0;
            }
            reps.add(new ReplicationResult(r, r, v, 0L));
        }
        List<SteadyState.Row> rows = SteadyState.drift(new RunResult(loaded, registry, reps, 1, Instant.EPOCH, Instant.EPOCH), 0.10);
        assertEquals(SteadyState.MEASURES, rows.stream().map(SteadyState.Row::measure).toList());
        SteadyState.Row m1plus = rows.get(0);
        assertEquals(0.04, m1plus.yearTwo(), 1e-15);
        assertEquals(0.047, m1plus.lastYear(), 1e-15);
        assertEquals(0.175, m1plus.change(), 1e-12);
        assertFalse(m1plus.steady());
        // Replications' changes +25 % and +10 %: sd 0.106, se 0.075.
        assertEquals(0.075, m1plus.changeSe(), 1e-12);
        assertEquals(0.0, rows.get(1).change(), 1e-12);
        assertTrue(rows.get(1).steady());
        assertEquals(0.0, rows.get(2).change(), 1e-12);
        assertEquals(-0.05, rows.get(3).change(), 1e-12);
        assertTrue(rows.get(3).steady());
        assertTrue(SteadyState.table(rows, 3, 0.10).contains("not steady"));
    }

    @Test
    void theFlatEconomyHoldsEveryPathAtItsMonthOneLevel() {
        LoadedScenario downturn = ScenarioLoader.load(Path.of("scenarios/severe-downturn.yaml"), List.of());
        List<String> overrides = SteadyState.flatEconomy(downturn.scenario(), 10);
        assertTrue(overrides.contains("horizon.months=120"));
        assertTrue(overrides.contains("policy_events=[]"));
        var flat = ScenarioLoader.load(Path.of("scenarios/severe-downturn.yaml"), overrides).scenario();
        for (int month : new int[] {1, 13, 20, 60, 120}) {
            assertEquals(downturn.scenario().economy().unemployment().at(1), flat.economy().unemployment().at(month), 1e-15);
            assertEquals(downturn.scenario().economy().fundingRate().at(1), flat.economy().fundingRate().at(month), 1e-15);
            assertEquals(0.0, flat.economy().incomeGrowth().at(month));
        }
        assertThrows(IllegalArgumentException.class, () -> SteadyState.flatEconomy(downturn.scenario(), 2));
    }

    private static int column(MetricRegistry registry, String name) {
        for (int j = 0; j < registry.metrics().size(); j++) {
            if (registry.metrics().get(j).name().equals(name)) {
                return j;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
