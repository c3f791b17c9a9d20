package org.creditstress.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** What an experiment keeps of a run: the same numbers as the full tables, and nothing more. */
class KeptRunTest {
    private static final Path BASELINE = Path.of("scenarios/baseline.yaml");
    private static final MetricExpression PEAK = MetricExpression.parse("peak(m3plus_ratio)");
    private static final MetricExpression FINAL = MetricExpression.parse("final(loss_rate_cumulative)");

    private static LoadedScenario small(int replications, int months) {
        return ScenarioLoader.load(BASELINE, List.of("population.size=60", "replications=" + replications,
                "horizon.months=" + months, "horizon.burn_in_months=1"));
    }

    private static double[] column(double[][] table, int j) {
        double[] out = new double[table.length];
        for (int t = 0; t < table.length; t++) {
            out[t] = table[t][j];
        }
        return out;
    }

    @Test
    void keptValuesAndPathsAreThoseOfTheFullTables() {
        LoadedScenario s = small(5, 6);
        RunResult full = Experiment.run(s, 1, ProgressListener.NONE);
        Keep keep = Keep.expressions(List.of(PEAK, FINAL)).withMetricPaths(List.of("m1plus_ratio"))
                .with(new Keep.Series("twice_m1", registry -> {
                    int j = registry.index("m1plus_ratio");
                    return row -> 2 * row[j];
                }));
        KeptRun kept = Experiment.run(s, 2, ProgressListener.NONE, keep);

        assertEquals(5, kept.replications());
        assertEquals(6, kept.months());
        assertArrayEquals(PEAK.perReplication(full), kept.values(PEAK));
        assertArrayEquals(FINAL.perReplication(full), kept.values(FINAL));
        int m1 = full.registry().index("m1plus_ratio");
        for (int r = 0; r < 5; r++) {
            double[] path = column(full.replications().get(r).values(), m1);
            assertArrayEquals(path, kept.path("m1plus_ratio", r));
            for (int t = 0; t < path.length; t++) {
                path[t] *= 2;
            }
            assertArrayEquals(path, kept.path("twice_m1", r));
        }
        for (int t = 0; t < 6; t++) {
            final int month = t;
            double[] across = full.replications().stream().mapToDouble(r -> r.values()[month][m1]).toArray();
            assertArrayEquals(across, kept.acrossReplications("m1plus_ratio", t));
        }
        assertEquals(s, kept.loaded());
        assertTrue(!kept.run().end().isBefore(kept.run().start()));
    }

    @Test
    void aMissingColumnAnExpressionNotKeptAndAReleasedSeriesAreErrors() {
        MetricExpression missing = MetricExpression.parse("peak(no_such_metric)");
        KeptRun kept = Experiment.run(small(2, 3), 1, ProgressListener.NONE,
                Keep.expressions(List.of(PEAK, missing)).withMetricPaths(List.of("no_such_metric", "m3plus_ratio")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kept.values(missing));
        assertTrue(e.getMessage().contains("no column 'no_such_metric'"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> kept.values(FINAL), "not kept");
        assertTrue(Double.isNaN(kept.path("no_such_metric", 1)[2]), "a path of a column the run lacks is undefined");
        kept.release("m3plus_ratio");
        assertThrows(IllegalStateException.class, () -> kept.path("m3plus_ratio", 0));
        assertThrows(IllegalStateException.class, () -> kept.path("m1plus_ratio", 0), "not kept");
    }

    @Test
    void noReplicationsTableStaysReachableWhileTheRunGoesOn() {
        LoadedScenario s = small(12, 4);
        int[] handedOn = {0};
        try (ReplicationWatch watch = ReplicationWatch.watch()) {
            KeptRun kept = Experiment.run(s, 1, ProgressListener.NONE, Keep.expressions(List.of(PEAK)), r -> handedOn[0]++);
            assertEquals(12, watch.replications());
            assertEquals(12, handedOn[0]);
            assertEquals(0, watch.mostReachable(), "tables of finished replications kept");
            assertEquals(12, kept.values(PEAK).length);
        }
        // The control: the in-memory run holds every table, and the watch sees it.
        try (ReplicationWatch watch = ReplicationWatch.watch()) {
            RunResult all = Experiment.run(s, 1, ProgressListener.NONE);
            assertEquals(11, watch.mostReachable());
            assertEquals(12, all.replications().size());
        }
    }

    @Test
    void keptBytesPerReplicationAreTheValuesNotTheTable() {
        Keep keep = Keep.expressions(List.of(PEAK, FINAL)).withMetricPaths(List.of("m3plus_ratio"));
        assertEquals(8 * 2 + (8 * 36 + 16) + 16, keep.bytesPerReplication(36));
        int metrics = Experiment.registry(small(1, 36).scenario()).metrics().size();
        assertTrue(keep.bytesPerReplication(36) * 100 < 8L * 36 * metrics,
                keep.bytesPerReplication(36) + " bytes kept against a table of " + 8L * 36 * metrics);
        assertEquals(16, Keep.NOTHING.bytesPerReplication(600));
        assertEquals(List.of(PEAK), Keep.expressions(List.of(PEAK, PEAK)).expressions(), "an expression is kept once");
        assertThrows(IllegalArgumentException.class, () -> Keep.NOTHING.with(Keep.Series.metric("m3plus_ratio"))
                .with(Keep.Series.metric("m3plus_ratio")));
    }
}
