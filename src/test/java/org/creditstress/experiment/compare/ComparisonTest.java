package org.creditstress.experiment.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creditstress.run.MetricExpression;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    @Test
    void pairedDifferencesAreReplicationByReplication() {
        assertArrayEquals(new double[] {1, -1, 0}, Comparison.pairedDifferences(new double[] {2, 3, 4}, new double[] {1, 4, 4}));
        double[] d = Comparison.pairedDifferences(new double[] {1, Double.NaN}, new double[] {1, 2});
        assertEquals(0, d[0]);
        assertTrue(Double.isNaN(d[1]));
    }

    @Test
    void defaultExpressionsCoverEveryLender() {
        var s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of()).scenario();
        assertEquals(List.of("peak(m3plus_ratio)", "peak(m1plus_ratio)", "final(loss_rate_cumulative)",
                        "min(lender.PlatformA.capital_ratio)", "min(lender.PlatformB.capital_ratio)"),
                Comparison.defaultExpressions(List.of(s, s)).stream().map(MetricExpression::text).toList());
    }

    @Test
    void labelsAreUniqueAndFolderSafe() {
        Set<String> taken = new HashSet<>();
        assertEquals("baseline", ComparisonPlan.uniqueLabel("baseline", taken));
        assertEquals("baseline-2", ComparisonPlan.uniqueLabel("baseline", taken));
        assertEquals("a_b", ComparisonPlan.uniqueLabel("a/b", taken));
        assertEquals("scenario.hidden", ComparisonPlan.uniqueLabel(".hidden", taken));
    }

    @Test
    void thePlanPutsEveryScenarioOnTheFirstScenariosSeedAndReplications() {
        ComparisonPlan plan = ComparisonPlan.load(List.of(Path.of("scenarios/baseline.yaml"), Path.of("scenarios/mild-downturn.yaml")),
                List.of("population.size=3000"), null, 3);
        assertEquals(3, plan.replications());
        plan.entries().forEach(e -> {
            assertEquals(plan.seed(), e.loaded().scenario().seed());
            assertEquals(3, e.loaded().scenario().replications());
        });
        ComparisonPlan seeded = ComparisonPlan.load(List.of(Path.of("scenarios/baseline.yaml"), Path.of("scenarios/baseline.yaml")),
                List.of(), 7L, null);
        assertEquals(7L, seeded.entries().get(1).loaded().scenario().seed());
        assertThrows(IllegalArgumentException.class,
                () -> ComparisonPlan.load(List.of(Path.of("scenarios/baseline.yaml")), List.of(), null, null));
    }
}
