package org.creditstress.experiment.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creditstress.experiment.ExperimentInputException;
import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.metric.Metric;
import org.creditstress.run.Quantiles;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;

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
    public record Settings(List<Target> targets, List<TargetSeries> series, int maxEvaluations, double tolerance,
                           boolean intervals) {
        public Settings {
            if (targets.isEmpty() && series.isEmpty()) {
                throw new IllegalArgumentException("give value targets or target series (or both)");
            }
        }

        /** Without confidence intervals. */
        public Settings(List<Target> targets, List<TargetSeries> series, int maxEvaluations, double tolerance) {
            this(targets, series, maxEvaluations, tolerance, false);
        }

        /** Whether series errors are made relative (both kinds of target are fitted together). */
        boolean mixed() {
            return !targets.isEmpty() && !series.isEmpty();
        }
    }

    /**
     * An approximate 95 % confidence interval of one fitted parameter, from the curvature of the
     * objective at the fitted point (central second difference, the other parameters held at their
     * fitted values): half-width 1.96 sqrt(2 s2 / H), where H is the second derivative and s2 the
     * variance of one residual, the larger of the residual variance at the fit (objective over
     * residuals minus parameters, when there are more residuals than parameters) and the sampling
     * variance of the model's means across replications. NaN bounds when the curvature is not
     * positive or a step would leave the range.
     *
     * @param low       lower bound
     * @param high      upper bound
     * @param curvature H
     * @param variance  s2
     */
    public record Interval(double low, double high, double curvature, double variance) {
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
     * @param bestRun     what was kept of the model run at the fitted values ({@link #keep}); to write
     *                    its full results, run its scenario again (same seed, same results)
     * @param notes       observations (values at a bound, budget spent)
     */
    public record Result(Settings settings, List<ParameterRange> parameters, double[] fitted, Fit best,
                         List<Evaluation> evaluations, String method, boolean converged, KeptRun bestRun,
                         List<String> notes, List<Interval> intervals) {
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
        Keep keep = keep(settings);
        KeptRun[] bestRun = {null};
        double[] bestObjective = {Double.POSITIVE_INFINITY};
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(x -> {
            KeptRun run = evaluator.run(x, keep);
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
            bestRun[0] = evaluator.run(best.x(), keep);
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
        List<Interval> intervals = List.of();
        if (settings.intervals()) {
            intervals = intervals(evaluator, settings, keep, params, r.x(), best.fit().objective(), bestRun[0]);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(intervals.get(i).low())) {
                    notes.add(params.get(i).key() + ": no confidence interval (the objective is not curved upwards there, or a step leaves the range)");
                }
            }
        }
        return new Result(settings, params, r.x(), best.fit(), List.copyOf(evaluations), r.method(), r.converged(),
                bestRun[0], notes, intervals);
    }

    /** Relative step of the second differences, as a share of each range. */
    static final double CURVATURE_STEP = 0.05;

    private static List<Interval> intervals(ModelEvaluator evaluator, Settings settings, Keep keep, List<ParameterRange> params,
                                            double[] x, double objective, KeptRun run) {
        int n = x.length;
        int residuals = settings.targets().size();
        for (TargetSeries s : settings.series()) {
            residuals += s.months().length;
        }
        double noise = samplingVariance(run, settings);
        double s2 = residuals > n ? Math.max(objective / (residuals - n), noise) : noise;
        List<Interval> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ParameterRange p = params.get(i);
            double h = CURVATURE_STEP * p.width();
            if (x[i] - h < p.low() || x[i] + h > p.high()) {
                out.add(new Interval(Double.NaN, Double.NaN, Double.NaN, s2));
                continue;
            }
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double fu = fit(evaluator.run(up, keep), settings).objective();
            double fd = fit(evaluator.run(down, keep), settings).objective();
            double curvature = (fu - 2 * objective + fd) / (h * h);
            if (!(curvature > 0) || !Double.isFinite(curvature)) {
                out.add(new Interval(Double.NaN, Double.NaN, curvature, s2));
                continue;
            }
            double half = 1.96 * Math.sqrt(2 * s2 / curvature);
            out.add(new Interval(x[i] - half, x[i] + half, curvature, s2));
        }
        return out;
    }

    /**
     * The mean, over the residuals of the objective, of the sampling variance of the model's mean
     * across replications (in the objective's units: relative for value targets and mixed series).
     */
    static double samplingVariance(KeptRun run, Settings settings) {
        int reps = run.replications();
        if (reps < 2) {
            return 0;
        }
        double sum = 0;
        int count = 0;
        for (Target t : settings.targets()) {
            double[] v = run.values(t.expression());
            double var = variance(v) / reps;
            double scale = t.value() == 0 ? 1 : t.value();
            sum += var / (scale * scale);
            count++;
        }
        for (TargetSeries s : settings.series()) {
            column(run, s.metric());
            double scale = settings.mixed() ? s.sumOfSquares() : 1;
            for (int m : s.months()) {
                double[] across = run.acrossReplications(s.metric(), m - 1);
                sum += variance(across) / reps / scale;
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static double variance(double[] v) {
        double mean = Quantiles.mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - mean) * (d - mean);
        }
        return v.length < 2 || !Double.isFinite(s) ? 0 : s / (v.length - 1);
    }

    /** What a calibration keeps of each replication: its target expressions and the paths of its target series' metrics. */
    public static Keep keep(Settings settings) {
        return Keep.expressions(settings.targets().stream().map(Target::expression).toList())
                .withMetricPaths(settings.series().stream().map(TargetSeries::metric).toList());
    }

    /** The fit of one run, which kept at least {@link #keep}. */
    public static Fit fit(KeptRun run, Settings settings) {
        double objective = 0;
        double[] model = new double[settings.targets().size()];
        for (int t = 0; t < model.length; t++) {
            Target target = settings.targets().get(t);
            model[t] = Quantiles.mean(run.values(target.expression()));
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
            column(run, series.metric());
            int months = run.months();
            if (series.lastMonth() > months) {
                throw new ExperimentInputException("--target-series " + series.metric() + "=" + series.file() + ": month "
                        + series.lastMonth() + " is beyond the scenario's horizon of " + months + " months");
            }
            mean[k] = new double[months];
            low[k] = new double[months];
            high[k] = new double[months];
            for (int m = 0; m < months; m++) {
                double[] across = run.acrossReplications(series.metric(), m);
                mean[k][m] = Quantiles.mean(across);
                low[k][m] = Quantiles.percentile(across, 5);
                high[k][m] = Quantiles.percentile(across, 95);
            }
            sse[k] = series.squaredError(mean[k]);
            objective += settings.mixed() ? sse[k] / series.sumOfSquares() : sse[k];
        }
        return new Fit(objective, model, sse, mean, low, high);
    }

    /** Index of a metric column, or an error naming the option. */
    static int column(KeptRun run, String metric) {
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
