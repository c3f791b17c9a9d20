package org.creditstress.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Replications stepped side by side, month by month, record what the normal runner records. */
class SteppedRunTest {

    private static LoadedScenario severe(String... more) {
        List<String> sets = new java.util.ArrayList<>(List.of("population.size=3000", "replications=3", "horizon.months=14",
                "horizon.burn_in_months=6"));
        sets.addAll(List.of(more));
        return ScenarioLoader.load(Path.of("scenarios/severe-downturn.yaml"), sets);
    }

    @Test
    void steppedMonthByMonthEveryReplicationEqualsTheNormalRunNumberForNumber() {
        LoadedScenario loaded = severe();
        RunResult normal = Experiment.run(loaded, 2, ProgressListener.NONE);
        try (ChunkExecutor executor = new ChunkExecutor(2)) {
            SteppedRun stepped = new SteppedRun(loaded, executor, new BorrowerTrace(5));
            assertEquals(0, stepped.month());
            assertEquals(normal.registry().metrics().size(), stepped.registry().metrics().size());
            for (int month = 1; month <= 14; month++) {
                assertFalse(stepped.done());
                double[][] rows = stepped.step();
                assertEquals(month, stepped.month());
                assertEquals(3, rows.length);
                for (int r = 0; r < 3; r++) {
                    assertArrayEquals(normal.replications().get(r).values()[month - 1], rows[r], 0.0,
                            "replication " + r + " month " + month);
                }
            }
            assertTrue(stepped.done());
            assertThrows(IllegalStateException.class, stepped::step);
        }
    }

    @Test
    void theTracedBorrowersStoryCoversBurnInAndEveryMonthSteppedSoFar() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            BorrowerTrace trace = new BorrowerTrace(7);
            SteppedRun stepped = new SteppedRun(severe(), executor, trace);
            int burnIn = trace.months().size();
            assertEquals(6, burnIn, "the six burn-in months are recorded before the first step");
            stepped.step();
            stepped.step();
            assertEquals(8, trace.months().size());
            assertEquals(2, trace.months().get(trace.months().size() - 1).month);
        }
    }

    @Test
    void aPickIsDeterministicAndReadsTheCommandLineNames() {
        LoadedScenario loaded = severe("horizon.months=36", "population.size=5000");
        try (ChunkExecutor executor = new ChunkExecutor(2)) {
            long seed = new org.creditstress.model.engine.SeedPlan(loaded.scenario().seed()).replicationSeed(0);
            int sued = BorrowerPick.FIRST_WRITTEN_OFF.find(loaded.scenario(), seed, executor);
            assertTrue(sued >= 0, "someone is written off in a severe downturn");
            assertEquals(sued, BorrowerPick.FIRST_WRITTEN_OFF.find(loaded.scenario(), seed, executor), "deterministic");
        }
        assertEquals(BorrowerPick.FIRST_SUED, BorrowerPick.parse("first-sued").orElseThrow());
        assertEquals(BorrowerPick.FRAUDSTER, BorrowerPick.parse("FRAUDSTER").orElseThrow());
        assertTrue(BorrowerPick.parse("richest").isEmpty());
    }
}
