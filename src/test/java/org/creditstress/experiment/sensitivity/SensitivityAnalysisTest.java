package org.creditstress.experiment.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.creditstress.experiment.ExperimentInputException;
import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.run.MetricExpression;
import org.junit.jupiter.api.Test;

/** The analyses on the simulation (fixed-hazards fixture: fast, with known structure). */
class SensitivityAnalysisTest {
    private static final Path FIXTURE = Path.of("src/test/resources/experiment/fixed-hazards.yaml");

    private static ModelEvaluator evaluator(int threads) {
        return new ModelEvaluator(FIXTURE, List.of(), List.of(
                ParameterRange.parse("economy.labour_market.job_loss_monthly=0.01:0.05"),
                ParameterRange.parse("population.behaviour.convenience_share=0.2:1"),
                ParameterRange.parse("lenders[0].write_off_months=3:12")), threads, ModelEvaluator.Listener.NONE);
    }

    @Test
    void morrisFindsTheOnlyInputThatMovesUnemploymentAndExactlyZeroForTheOthers() {
        List<MetricExpression> outputs = List.of(MetricExpression.parse("peak(unemployment_rate)"));
        SensitivityAnalysis.Result r = SensitivityAnalysis.run(evaluator(2), outputs,
                new SensitivityAnalysis.Settings(SensitivityAnalysis.Method.MORRIS, 4, 4, 0, 3));
        Morris.Indices[] idx = r.results().get(0).morris();
        // unemployment after 6 months: 1 - (1 - h)^6, slope about 5.3 over a range of 0.04: mu* about 0.2
        assertEquals(0.2, idx[0].muStar(), 0.03);
        // each mechanism draws from its own random stream: spending and write-off do not touch employment
        assertEquals(0.0, idx[1].muStar());
        assertEquals(0.0, idx[2].muStar());
        assertEquals(1, r.results().get(0).ranks()[0]);
        assertEquals(4 * 4, r.design().size());
        assertTrue(r.distinctRuns() <= r.design().size());
        for (SensitivityAnalysis.DesignPoint p : r.design()) {
            assertEquals(Math.rint(p.values()[2]), p.values()[2], "an integer key gets whole values");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        List<MetricExpression> outputs = List.of(MetricExpression.parse("final(m1plus_ratio)"));
        SensitivityAnalysis.Settings s = new SensitivityAnalysis.Settings(SensitivityAnalysis.Method.SOBOL, 0, 0, 4, 3);
        SensitivityAnalysis.Result one = SensitivityAnalysis.run(evaluator(1), outputs, s);
        SensitivityAnalysis.Result three = SensitivityAnalysis.run(evaluator(3), outputs, s);
        assertEquals(4 * 5, one.design().size());
        for (int p = 0; p < one.design().size(); p++) {
            assertEquals(one.design().get(p).outputs()[0], three.design().get(p).outputs()[0]);
        }
        assertEquals(one.results().get(0).sobol()[0], three.results().get(0).sobol()[0]);
    }

    @Test
    void anOutputUndefinedAtADesignPointIsReported() {
        // month 9 of a 5-month horizon is undefined in every replication
        ModelEvaluator ev = new ModelEvaluator(FIXTURE, List.of(),
                List.of(ParameterRange.parse("economy.labour_market.job_loss_monthly=0.01:0.05")), 2,
                ModelEvaluator.Listener.NONE);
        ExperimentInputException e = assertThrows(ExperimentInputException.class, () -> SensitivityAnalysis.run(ev,
                List.of(MetricExpression.parse("month9(unemployment_rate)")),
                new SensitivityAnalysis.Settings(SensitivityAnalysis.Method.MORRIS, 2, 4, 0, 1)));
        assertTrue(e.getMessage().contains("--output month9(unemployment_rate) is undefined"), e.getMessage());
    }
}
