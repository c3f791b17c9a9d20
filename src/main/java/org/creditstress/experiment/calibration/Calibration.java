package org.creditstress.experiment.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creditstress.experiment.ExperimentInputException;
import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.metric.Metric;
import org.creditstress.run.Quantiles;
import org.creditstress.run.RunResult;

/**
 * Fits scenario parameters to data: the parameters within their ranges that make the model's
 * mean across replications match target values (sum of squared relative errors) or monthly target
 * paths (sum of squared errors against the mean path). Every evaluation runs the model with the
 * scenario's seed, so all are on common random numbers and the objective is a deterministic
 * function of the parameters; {@link BoundedMinimizer} searches it.
 */
public final class Calibration {

    /**
     * @param targets        value targets (or empty)
     * @param series         path targets (or empty)
     * @param maxEvaluations budget of model runs
     * @param tolerance      stopping step as a share of each range
     */
    public record Settings(List<Target> targets, List<TargetSeries> series, int maxEvaluations, double tolerance) {
        public Settings {
            if (targets.isEmpty() == series.isEmpty()) {
                throw new IllegalArgumentException("give value targets or target series, not both or neither");
            }
        }
    }

    /**
     * The model's fit at one point.
     *
     * @param objective   the objective
     * @param targetModel per value target, the model's mean across replications
     * @param seriesError per target series, the sum of squared errors
     * @param meanPaths   per target series, the model's mean path ([month - 1])
     * @param lowPaths    per target series, the 5th percentile path across replications
     * @param highPaths   per target series, the 95th percentile path
     */
    public record Fit(double objective, double[] targetModel, double[] seriesError, double[][] meanPaths,
                      double[][] lowPaths, double[][] highPaths) {
    }

    /**
     * One evaluation.
     *
     * @param order 1-based
     * @param x     parameter values
     * @param fit   the fit there
     */
    public record Evaluation(int order, double[] x, Fit fit) {
    }

    /**
     * @param fitted      the best parameter values
     * @param best        the fit there
     * @param evaluations every model run, in order
     * @param method      the optimiser
     * @param converged   whether it met its tolerance within the budget
     * @param bestRun     the model run at the fitted values
     * @param notes       observations (values at a bound, budget spent)
     */
    public record Result(Settings settings, List<ParameterRange> parameters, double[] fitted, Fit best,
                         List<Evaluation> evaluations, String method, boolean converged, RunResult bestRun,
                         List<String> notes) {
    }

    private Calibration() {
    }

    public static Result run(ModelEvaluator evaluator, Settings settings) {
        List<ParameterRange> params = evaluator.parameters();
        for (ParameterRange p : params) {
            if (p.integer()) {
                throw new ExperimentInputException("--param " + p + ": " + p.key()
                        + " holds integers; calibrate fits continuous (number) keys only");
            }
        }
        int n = params.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = params.get(i).low();
            hi[i] = params.get(i).high();
        }
        List<Evaluation> evaluations = new ArrayList<>();
        RunResult[] bestRun = {null};
        double[] bestObjective = {Double.POSITIVE_INFINITY};
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(x -> {
            RunResult run = evaluator.run(x);
            Fit fit = fit(run, settings);
            evaluations.add(new Evaluation(evaluations.size() + 1, x.clone(), fit));
            if (Double.isFinite(fit.objective()) && fit.objective() < bestObjective[0]) {
                bestObjective[0] = fit.objective();
                bestRun[0] = run;
            }
            return fit.objective();
        }, lo, hi, settings.maxEvaluations(), settings.tolerance());
        Evaluation best = evaluations.stream()
                .filter(e -> java.util.Arrays.equals(e.x(), r.x()))
                .findFirst().orElseThrow();
        if (bestRun[0] == null) {
            bestRun[0] = evaluator.run(best.x());
        }
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ParameterRange p = params.get(i);
            double u = p.unit(r.x()[i]);
            if (u <= 0.005 || u >= 0.995) {
                notes.add(String.format(Locale.ROOT, "%s = %s is at the %s end of its range %s:%s; the best fit may lie outside it",
                        p.key(), p.format(r.x()[i]), u <= 0.005 ? "lower" : "upper", p.format(p.low()), p.format(p.high())));
            }
        }
        if (!r.converged()) {
            notes.add("the optimiser used all " + settings.maxEvaluations()
                    + " evaluations before meeting its tolerance; raise --max-evaluations for a closer fit");
        }
        if (!Double.isFinite(best.fit().objective())) {
            notes.add("the model's outputs were undefined at every evaluated point");
        }
        return new Result(settings, params, r.x(), best.fit(), List.copyOf(evaluations), r.method(), r.converged(),
                bestRun[0], notes);
    }

    /** The fit of one run. */
    public static Fit fit(RunResult run, Settings settings) {
        double objective = 0;
        double[] model = new double[settings.targets().size()];
        for (int t = 0; t < model.length; t++) {
            Target target = settings.targets().get(t);
            model[t] = Quantiles.mean(target.expression().perReplication(run));
            double e = target.error(model[t]);
            objective += e * e;
        }
        int s = settings.series().size();
        double[] sse = new double[s];
        double[][] mean = new double[s][];
        double[][] low = new double[s][];
        double[][] high = new double[s][];
        for (int k = 0; k < s; k++) {
            TargetSeries series = settings.series().get(k);
            int column = column(run, series.metric());
            int months = run.replications().get(0).values().length;
            if (series.lastMonth() > months) {
                throw new ExperimentInputException("--target-series " + series.metric() + "=" + series.file() + ": month "
                        + series.lastMonth() + " is beyond the scenario's horizon of " + months + " months");
            }
            mean[k] = new double[months];
            low[k] = new double[months];
            high[k] = new double[months];
            double[] across = new double[run.replications().size()];
            for (int m = 0; m < months; m++) {
                for (int r = 0; r < across.length; r++) {
                    across[r] = run.replications().get(r).values()[m][column];
                }
                mean[k][m] = Quantiles.mean(across);
                low[k][m] = Quantiles.percentile(across, 5);
                high[k][m] = Quantiles.percentile(across, 95);
            }
            sse[k] = series.squaredError(mean[k]);
            objective += sse[k];
        }
        return new Fit(objective, model, sse, mean, low, high);
    }

    /** Index of a metric column, or an error naming the option. */
    static int column(RunResult run, String metric) {
        List<Metric> metrics = run.registry().metrics();
        for (int j = 0; j < metrics.size(); j++) {
            if (metrics.get(j).name().equals(metric)) {
                return j;
            }
        }
        throw new ExperimentInputException("--target-series: no column '" + metric + "' in metrics.csv (see docs/outputs.md)");
    }

    /** "key=value, key=value". */
    public static String describe(List<ParameterRange> params, double[] x) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            parts.add(params.get(i).key() + "=" + params.get(i).format(x[i]));
        }
        return String.join(", ", parts);
    }
}
