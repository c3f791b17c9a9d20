package org.creditstress.experiment.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.creditstress.experiment.ExperimentInputException;
import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.Quantiles;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;

/**
 * A global sensitivity analysis of the model: which inputs move an output, by Morris elementary
 * effects or Sobol' indices. The output at a design point is the mean across replications of a
 * {@link MetricExpression}; every point runs on common random numbers (same seed), so differences
 * between points come from the inputs, not from sampling noise.
 */
public final class SensitivityAnalysis {

    /** The method. */
    public enum Method { MORRIS, SOBOL }

    /**
     * @param method       Morris or Sobol
     * @param trajectories Morris: number of trajectories r
     * @param levels       Morris: grid levels p (even)
     * @param samples      Sobol: base sample size N
     * @param seed         Morris trajectories and the bootstrap depend on it
     */
    public record Settings(Method method, int trajectories, int levels, int samples, long seed) {
        /** Model runs the design needs (before removing repeated points). */
        public int designSize(int inputs) {
            return method == Method.MORRIS ? trajectories * (inputs + 1) : samples * (inputs + 2);
        }
    }

    /**
     * One point of the design.
     *
     * @param label   where it sits in the design, e.g. {@code trajectory 3 step 1} or {@code AB2 row 7}
     * @param values  the inputs in their units
     * @param outputs the outputs (mean across replications), one per output expression
     */
    public record DesignPoint(String label, double[] values, double[] outputs) {
    }

    /**
     * The indices for one output.
     *
     * @param mean     mean of the output over the design
     * @param variance variance of the output over the design (Sobol: over A and B)
     * @param morris   per input (Morris), else null
     * @param sobol    per input (Sobol), else null
     */
    public record OutputResult(MetricExpression output, double mean, double variance, Morris.Indices[] morris,
                               Sobol.Indices[] sobol) {
        /** The number that ranks the inputs: mu* (Morris) or ST (Sobol). */
        public double importance(int input) {
            return morris != null ? morris[input].muStar() : sobol[input].st();
        }

        /** 1-based rank of each input by importance (1 = most important; undefined last). */
        public int[] ranks() {
            int k = morris != null ? morris.length : sobol.length;
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(key(y), key(x)));
            int[] rank = new int[k];
            for (int r = 0; r < k; r++) {
                rank[order[r]] = r + 1;
            }
            return rank;
        }

        private double key(int i) {
            double v = importance(i);
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        }
    }

    /**
     * @param distinctRuns model runs made (repeated design points are run once)
     */
    public record Result(Settings settings, List<ParameterRange> inputs, List<MetricExpression> outputs,
                         List<DesignPoint> design, List<OutputResult> results, int distinctRuns) {
    }

    private SensitivityAnalysis() {
    }

    /**
     * Runs the design and computes the indices.
     *
     * @throws ExperimentInputException when an output is undefined at a design point
     */
    public static Result run(ModelEvaluator evaluator, List<MetricExpression> outputs, Settings settings) {
        List<ParameterRange> inputs = evaluator.parameters();
        int k = inputs.size();
        List<double[]> unit;
        List<String> labels = new ArrayList<>();
        Morris.Design morris = null;
        Sobol.Design sobol = null;
        if (settings.method() == Method.MORRIS) {
            morris = Morris.design(k, settings.trajectories(), settings.levels(), settings.seed());
            unit = morris.points();
            for (int t = 0; t < settings.trajectories(); t++) {
                for (int j = 0; j <= k; j++) {
                    labels.add("trajectory " + (t + 1) + " point " + j);
                }
            }
        } else {
            sobol = Sobol.design(k, settings.samples());
            unit = sobol.points();
            int n = settings.samples();
            for (int j = 0; j < n; j++) {
                labels.add("A row " + (j + 1));
            }
            for (int j = 0; j < n; j++) {
                labels.add("B row " + (j + 1));
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < n; j++) {
                    labels.add("AB" + (i + 1) + " row " + (j + 1));
                }
            }
        }
        List<double[]> natural = new ArrayList<>();
        for (double[] u : unit) {
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                v[i] = inputs.get(i).at(u[i]);
            }
            natural.add(v);
        }
        Map<String, Integer> distinct = new LinkedHashMap<>();
        List<double[]> toRun = new ArrayList<>();
        int[] runIndex = new int[natural.size()];
        for (int p = 0; p < natural.size(); p++) {
            String key = Arrays.toString(natural.get(p));
            Integer idx = distinct.get(key);
            if (idx == null) {
                idx = toRun.size();
                distinct.put(key, idx);
                toRun.add(natural.get(p));
            }
            runIndex[p] = idx;
        }
        List<double[]> ran = evaluator.runAll(toRun, Keep.expressions(outputs), run -> outputsOf(run, outputs));
        List<DesignPoint> design = new ArrayList<>();
        for (int p = 0; p < natural.size(); p++) {
            double[] y = ran.get(runIndex[p]);
            for (int o = 0; o < outputs.size(); o++) {
                if (!Double.isFinite(y[o])) {
                    throw new ExperimentInputException("--output " + outputs.get(o).text() + " is undefined (no replication has a defined value) at "
                            + describe(inputs, natural.get(p)) + "; choose an output defined over the whole input space");
                }
            }
            design.add(new DesignPoint(labels.get(p), natural.get(p), y));
        }
        List<OutputResult> results = new ArrayList<>();
        for (int o = 0; o < outputs.size(); o++) {
            final int oo = o;
            double[] y = design.stream().mapToDouble(d -> d.outputs()[oo]).toArray();
            if (morris != null) {
                List<double[]> perTrajectory = new ArrayList<>();
                List<double[][]> actual = new ArrayList<>();
                for (int t = 0; t < settings.trajectories(); t++) {
                    perTrajectory.add(Arrays.copyOfRange(y, t * (k + 1), (t + 1) * (k + 1)));
                    double[][] pts = new double[k + 1][k];
                    for (int j = 0; j <= k; j++) {
                        double[] v = natural.get(t * (k + 1) + j);
                        for (int i = 0; i < k; i++) {
                            pts[j][i] = inputs.get(i).unit(v[i]);
                        }
                    }
                    actual.add(pts);
                }
                Morris.Indices[] idx = Morris.analyse(morris, actual, perTrajectory, settings.seed() + 1 + o);
                double mean = Arrays.stream(y).average().orElse(Double.NaN);
                double var = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length;
                results.add(new OutputResult(outputs.get(o), mean, var, idx, null));
            } else {
                Sobol.Result r = Sobol.analyse(sobol, y, settings.seed() + 1 + o);
                results.add(new OutputResult(outputs.get(o), r.mean(), r.variance(), null, r.indices()));
            }
        }
        return new Result(settings, inputs, outputs, design, results, toRun.size());
    }

    /** Mean across replications of each output expression. */
    static double[] outputsOf(KeptRun run, List<MetricExpression> outputs) {
        double[] y = new double[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
            y[o] = Quantiles.mean(run.values(outputs.get(o)));
        }
        return y;
    }

    static String describe(List<ParameterRange> inputs, double[] values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            parts.add(inputs.get(i).key() + "=" + inputs.get(i).format(values[i]));
        }
        return parts.stream().collect(Collectors.joining(", "));
    }
}
