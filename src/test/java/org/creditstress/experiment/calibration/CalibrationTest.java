package org.creditstress.experiment.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.experiment.ExperimentInputException;
import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.run.Experiment;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.Quantiles;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration recovers parameters from data the model itself generated. */
class CalibrationTest {
    private static final Path SEVERE = Path.of("scenarios/severe-downturn.yaml");
    private static final Path FIXTURE = Path.of("src/test/resources/experiment/fixed-hazards.yaml");
    private static final List<String> SMALL = List.of("population.size=3000", "horizon.months=12",
            "horizon.burn_in_months=6", "replications=2", "outputs.charts=false");

    @TempDir
    Path tmp;

    private static RunResult run(Path scenario, List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return Experiment.run(ScenarioLoader.load(scenario, all), 2, ProgressListener.NONE);
    }

    @Test
    void recoversPresentBiasFromTheCreditUseItProduced() {
        String key = "population.behaviour.present_bias.median";
        RunResult truth = run(SEVERE, SMALL, key + "=0.3");
        List<Target> targets = new ArrayList<>();
        for (String e : List.of("mean(credit_utilisation)", "mean(credit_spending_share)")) {
            MetricExpression expr = MetricExpression.parse(e);
            targets.add(new Target(expr, Quantiles.mean(expr.perReplication(truth))));
        }
        ModelEvaluator ev = new ModelEvaluator(SEVERE, SMALL, List.of(ParameterRange.parse(key + "=0.1:0.6")), 2,
                ModelEvaluator.Listener.NONE);
        Calibration.Result r = Calibration.run(ev, new Calibration.Settings(targets, List.of(), 30, 1e-3));
        // At 3,000 borrowers the response to present bias is rugged on a scale of about 0.03 (common
        // random numbers drift apart once borrowers' states differ), so the fit is as good as that.
        assertEquals(0.3, r.fitted()[0], 0.05);
        double worst = r.evaluations().stream().mapToDouble(e -> e.fit().objective()).max().orElseThrow();
        assertTrue(r.best().objective() < 1e-3 && r.best().objective() < 0.01 * worst,
                "objective " + r.best().objective() + " vs worst " + worst);
        assertTrue(r.evaluations().size() <= 30);
        assertEquals(r.fitted()[0], r.bestRun().loaded().scenario().population().behaviour().presentBias().median(), 0);
        assertEquals(r.best().targetModel()[0],
                Quantiles.mean(r.bestRun().values(targets.get(0).expression())), 0, "the kept run is the best one");
    }

    @Test
    void recoversTwoHazardsFromAnUnemploymentPathWithBobyqa() throws IOException {
        List<String> base = List.of("horizon.months=12");
        RunResult truth = run(FIXTURE, base, "economy.labour_market.job_loss_monthly=0.03",
                "economy.labour_market.job_finding_monthly=0.2");
        int col = truth.registry().index("unemployment_rate");
        StringBuilder csv = new StringBuilder("month,value\n");
        for (int m = 0; m < 12; m++) {
            double[] across = new double[truth.replications().size()];
            for (int r = 0; r < across.length; r++) {
                across[r] = truth.replications().get(r).values()[m][col];
            }
            csv.append(m + 1).append(',').append(Quantiles.mean(across)).append('\n');
        }
        Path file = tmp.resolve("unemployment.csv");
        Files.writeString(file, csv);
        ModelEvaluator ev = new ModelEvaluator(FIXTURE, base, List.of(
                ParameterRange.parse("economy.labour_market.job_loss_monthly=0.005:0.1"),
                ParameterRange.parse("economy.labour_market.job_finding_monthly=0:0.5")), 2, ModelEvaluator.Listener.NONE);
        Calibration.Result r = Calibration.run(ev, new Calibration.Settings(List.of(),
                List.of(TargetSeries.read("unemployment_rate", file)), 60, 1e-3));
        assertEquals(0.03, r.fitted()[0], 0.0015);
        assertEquals(0.2, r.fitted()[1], 0.01);
        assertTrue(r.method().startsWith("BOBYQA"), r.method());
        double rmse = Math.sqrt(r.best().seriesError()[0] / 12);
        assertTrue(rmse < 0.001, "rmse " + rmse);
    }

    @Test
    void aSeriesBeyondTheHorizonOrAnIntegerParameterIsRefused() throws IOException {
        Path file = tmp.resolve("long.csv");
        Files.writeString(file, "month,value\n1,0.01\n6,0.05\n");
        ModelEvaluator ev = new ModelEvaluator(FIXTURE, List.of(),
                List.of(ParameterRange.parse("economy.labour_market.job_loss_monthly=0.005:0.1")), 2, ModelEvaluator.Listener.NONE);
        ExperimentInputException e = assertThrows(ExperimentInputException.class, () -> Calibration.run(ev,
                new Calibration.Settings(List.of(), List.of(TargetSeries.read("unemployment_rate", file)), 10, 1e-3)));
        assertTrue(e.getMessage().contains("month 6 is beyond the scenario's horizon of 5 months"), e.getMessage());

        ModelEvaluator integer = new ModelEvaluator(FIXTURE, List.of(),
                List.of(ParameterRange.parse("lenders[0].write_off_months=3:12")), 2, ModelEvaluator.Listener.NONE);
        assertThrows(ExperimentInputException.class, () -> Calibration.run(integer, new Calibration.Settings(
                List.of(Target.parse("peak(m1plus_ratio)=0.1")), List.of(), 10, 1e-3)));
        assertThrows(IllegalArgumentException.class, () -> new Calibration.Settings(List.of(), List.of(), 10, 1e-3));
    }
}
