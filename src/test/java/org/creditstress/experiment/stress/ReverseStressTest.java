package org.creditstress.experiment.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.report.experiment.ReverseStressReport;
import org.junit.jupiter.api.Test;

/**
 * Reverse stress on a scenario with a known threshold (src/test/resources/experiment/fixed-hazards.yaml):
 * a constant job-loss hazard h and no job finding make the unemployment rate after the burn-in month
 * and 5 recorded months 1 - (1 - h)^6, so peak(unemployment_rate) > X from h* = 1 - (1 - X)^(1/6).
 */
class ReverseStressTest {
    static final Path FIXTURE = Path.of("src/test/resources/experiment/fixed-hazards.yaml");
    private static final String KEY = "economy.labour_market.job_loss_monthly";

    private static ReverseStress.Result run(String range, String condition, double probability, double tolerance,
                                            String... overrides) {
        ParameterRange vary = ParameterRange.forKey(KEY, range);
        ModelEvaluator evaluator = new ModelEvaluator(FIXTURE, List.of(overrides), List.of(vary), 2, ModelEvaluator.Listener.NONE);
        return ReverseStress.run(evaluator, new ReverseStress.Settings(vary, Condition.parse(condition), probability, tolerance));
    }

    @Test
    void findsTheAnalyticThresholdOfAConstantJobLossHazard() {
        double x = 0.3;
        double analytic = 1 - Math.pow(1 - x, 1.0 / 6);  // 0.05771
        ReverseStress.Result r = run("0:0.2", "peak(unemployment_rate)>" + x, 0.5, 2e-4);
        assertEquals(MonotoneBisection.Status.FOUND, r.status());
        assertTrue(r.bracketHigh() - r.bracketLow() <= 2e-4);
        assertEquals(r.bracketHigh(), r.threshold());
        // 20,000 borrowers: the rate's sampling sd is about 0.0032, i.e. 0.0007 in h (slope 6 (1 - h)^5 = 4.46).
        assertEquals(analytic, r.threshold(), 0.002);
        ReverseStress.Point at = r.at(r.threshold());
        assertTrue(at.holds() && at.share() >= 0.5);
        assertTrue(!r.at(r.bracketLow()).holds() && r.at(r.bracketLow()).share() < 0.5);
        // the run at the threshold is kept, with the key set to the threshold
        assertNotNull(r.thresholdRun());
        assertEquals(r.threshold(), r.thresholdScenario().scenario().economy().labourMarket().jobLossMonthly(), 0);
        // the unemployment rate rises with the hazard in every replication: no notes
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        // 2 ends + bisection steps, every point listed with the statistic per replication
        int steps = MonotoneBisection.steps(0, 0.2, 2e-4, false);
        assertTrue(r.points().size() == 2 + steps || r.points().size() == 3 + steps, r.points().size() + " points");
        for (ReverseStress.Point p : r.points()) {
            assertEquals(2, p.values().length);
            double analyticRate = 1 - Math.pow(1 - p.value(), 6);
            for (double v : p.values()) {
                assertEquals(analyticRate, v, 0.02);
            }
        }
    }

    @Test
    void aHigherRequiredShareNeverGivesALowerThreshold() {
        ReverseStress.Result any = run("0:0.2", "peak(unemployment_rate)>0.3", 0.5, 1e-3, "replications=4");
        ReverseStress.Result all = run("0:0.2", "peak(unemployment_rate)>0.3", 1.0, 1e-3, "replications=4");
        assertTrue(all.threshold() >= any.threshold(), any.threshold() + " vs " + all.threshold());
        assertEquals(1.0, all.at(all.threshold()).share());
    }

    @Test
    void saysWhenTheConditionAlreadyHoldsAtLowOrNeverAtHigh() {
        ReverseStress.Result low = run("0.1:0.2", "peak(unemployment_rate)>0.3", 0.5, 1e-3);
        assertEquals(MonotoneBisection.Status.HOLDS_AT_LOW, low.status());
        assertTrue(Double.isNaN(low.threshold()));
        assertEquals(0.1, low.bracketHigh());
        assertNull(low.thresholdRun());
        assertTrue(ReverseStressReport.statusText(low).contains("already holds"), ReverseStressReport.statusText(low));

        ReverseStress.Result high = run("0:0.03", "peak(unemployment_rate)>0.3", 0.5, 1e-3);
        assertEquals(MonotoneBisection.Status.FAILS_AT_HIGH, high.status());
        assertEquals(0.03, high.bracketLow());
        assertEquals(2, high.points().size());
        assertTrue(ReverseStressReport.statusText(high).contains("raise the range"), ReverseStressReport.statusText(high));
    }

    @Test
    void notesAKeyThatDoesNotMoveTheCondition() {
        ParameterRange vary = ParameterRange.forKey("population.behaviour.convenience_share", "0.2:1");
        ModelEvaluator evaluator = new ModelEvaluator(FIXTURE, List.of(), List.of(vary), 2, ModelEvaluator.Listener.NONE);
        ReverseStress.Result r = ReverseStress.run(evaluator,
                new ReverseStress.Settings(vary, Condition.parse("peak(unemployment_rate)>0.3"), 0.5, 0.01));
        assertEquals(MonotoneBisection.Status.FAILS_AT_HIGH, r.status());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("no effect")), r.notes().toString());
    }
}
