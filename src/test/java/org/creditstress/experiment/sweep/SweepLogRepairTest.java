package org.creditstress.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep killed between recording a point in its manifest and appending its row to points.csv. */
class SweepLogRepairTest {
    @TempDir
    Path tmp;

    @AfterEach
    void unhook() {
        Sweep.afterManifestWrite = () -> { };
    }

    private static Sweep.Request request(Path scenario) {
        return new Sweep.Request(scenario, List.of("population.size=200", "horizon.months=3", "horizon.burn_in_months=1",
                "replications=2"), List.of("economy.unemployment.shock_level=0.06,0.10"), null, null, List.of(), 1, null, false,
                List.of("creditstress", "sweep"), "test");
    }

    @Test
    void resumeWritesTheLostRowFromThePointsFolder() throws IOException {
        Path dir = tmp.resolve("sweep");
        Path scenario = Path.of("scenarios/baseline.yaml");
        Sweep.afterManifestWrite = () -> {
            throw new IllegalStateException("killed");
        };
        assertThrows(IllegalStateException.class, () -> Sweep.run(request(scenario), dir, Sweep.Listener.NONE, Sweep.Report.NONE));
        List<String> before = Files.readAllLines(dir.resolve("points.csv"));
        assertEquals(1, before.size(), "only the header: the first point's row was lost");

        Sweep.afterManifestWrite = () -> { };
        List<String> notes = new ArrayList<>();
        Sweep.Listener listener = new Sweep.Listener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }

            @Override
            public void pointStarting(SweepPoint point, int number, int count) {
            }

            @Override
            public void pointFinished(org.creditstress.experiment.sweep.SweepManifest.PointState state, int number, int count) {
            }
        };
        Sweep.Outcome outcome = Sweep.run(request(scenario), dir, listener, Sweep.Report.NONE);
        assertTrue(outcome.complete());
        assertEquals(1, outcome.ranNow(), "the finished point is not run again");
        List<String> rows = Files.readAllLines(dir.resolve("points.csv"));
        assertEquals(3, rows.size(), String.join("\n", rows));
        assertTrue(rows.stream().skip(1).allMatch(r -> r.split(",")[1].equals("done")), String.join("\n", rows));
        assertEquals(2, rows.stream().skip(1).map(r -> r.split(",")[0]).distinct().count());
        assertTrue(notes.stream().anyMatch(n -> n.contains("row in points.csv was missing")), notes.toString());
    }
}
