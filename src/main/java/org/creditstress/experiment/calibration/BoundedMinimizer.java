package org.creditstress.experiment.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Minimises a function of a few bounded parameters without derivatives, counting and caching
 * evaluations (each is a model run). The parameters are scaled to the unit box, so that step
 * sizes and tolerances mean the same share of every range.
 * <ul>
 *   <li>One parameter: a grid of evenly spaced points over the range, then Brent's method
 *       (commons-math3 {@link BrentOptimizer}) between the neighbours of the best grid point. The
 *       grid guards against the small local minima that a simulated objective can have.</li>
 *   <li>Two or more: Powell's BOBYQA (commons-math3 {@link BOBYQAOptimizer}; a full quadratic model, (n + 1)(n + 2) / 2
 *       interpolation points, for up to four parameters, else 2n + 1; trust region from a quarter of the range down to {@code tolerance}), started from
 *       the centre of the box, which respects the bounds at every evaluation; restarted from the best
 *       point with a fresh trust region (a twentieth of the range) while a restart lowers the objective by more than 0.1 %
 *       (a simulated objective is rugged at small scales, which can stop a run early in a long,
 *       narrow valley).</li>
 * </ul>
 * When the evaluation budget runs out the best point seen is returned.
 */
public final class BoundedMinimizer {

    /**
     * One evaluation.
     *
     * @param x     the point (natural units)
     * @param value the objective
     */
    public record Evaluation(double[] x, double value) {
    }

    /**
     * @param x           the best point found (natural units)
     * @param value       the objective there
     * @param evaluations every distinct evaluation, in order
     * @param method      what was used
     * @param converged   whether the optimiser met its tolerance within the budget
     */
    public record Result(double[] x, double value, List<Evaluation> evaluations, String method, boolean converged) {
    }

    /** Penalty for an undefined objective (NaN or infinite), so the optimisers move away from it. */
    public static final double UNDEFINED_PENALTY = 1e12;

    private BoundedMinimizer() {
    }

    /**
     * @param f              the objective, of a point in natural units
     * @param lower          lower bounds
     * @param upper          upper bounds, above the lower ones
     * @param maxEvaluations the budget of distinct evaluations (at least 5, and 2n + 3 for n >= 2)
     * @param tolerance      the stopping step as a share of each range, e.g. 1e-3
     */
    public static Result minimize(ToDoubleFunction<double[]> f, double[] lower, double[] upper, int maxEvaluations,
                                  double tolerance) {
        int n = lower.length;
        if (n == 0 || upper.length != n) {
            throw new IllegalArgumentException("need as many lower as upper bounds, at least one");
        }
        for (int i = 0; i < n; i++) {
            if (!(lower[i] < upper[i])) {
                throw new IllegalArgumentException("bound " + i + ": lower " + lower[i] + " must be below upper " + upper[i]);
            }
        }
        int min = minimumEvaluations(n);
        if (maxEvaluations < min) {
            throw new IllegalArgumentException("needs at least " + min + " evaluations for " + n + " parameter(s), got " + maxEvaluations);
        }
        Cache cache = new Cache(f, lower, upper, maxEvaluations);
        return n == 1 ? scalar(cache, maxEvaluations, tolerance) : bobyqa(cache, n, maxEvaluations, tolerance);
    }

    /** The smallest budget accepted for n parameters. */
    public static int minimumEvaluations(int n) {
        return n == 1 ? 5 : interpolationPoints(n) + 2;
    }

    /** Grid size for one parameter and a budget: a quarter of it, between 3 and 9 points. */
    static int gridSize(int maxEvaluations) {
        return Math.max(3, Math.min(9, maxEvaluations / 4));
    }

    private static Result scalar(Cache cache, int maxEvaluations, double tolerance) {
        int g = gridSize(maxEvaluations);
        double bestU = 0;
        double bestV = Double.POSITIVE_INFINITY;
        int bestI = 0;
        for (int i = 0; i < g; i++) {
            double u = (double) i / (g - 1);
            double v = cache.value(new double[] {u});
            if (v < bestV) {
                bestV = v;
                bestU = u;
                bestI = i;
            }
        }
        double lo = Math.max(0, (bestI - 1.0) / (g - 1));
        double hi = Math.min(1, (bestI + 1.0) / (g - 1));
        boolean converged = true;
        BrentOptimizer brent = new BrentOptimizer(1e-10, tolerance);
        try {
            brent.optimize(new MaxEval(Math.max(1, maxEvaluations - cache.distinct() + cache.extraAllowance())),
                    new UnivariateObjectiveFunction(u -> cache.value(new double[] {u})),
                    GoalType.MINIMIZE, new SearchInterval(lo, hi, bestU));
        } catch (TooManyEvaluationsException | BudgetExhausted e) {
            converged = false;
        }
        return cache.result("grid of " + g + " points, then Brent", converged);
    }

    private static Result bobyqa(Cache cache, int n, int maxEvaluations, double tolerance) {
        double[] start = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(start, 0.5);
        Arrays.fill(hi, 1.0);
        boolean converged = true;
        int runs = 0;
        double before = Double.POSITIVE_INFINITY;
        try {
            while (true) {
                runs++;
                double radius = runs == 1 ? 0.25 : RESTART_RADIUS;
                BOBYQAOptimizer opt = new BOBYQAOptimizer(interpolationPoints(n), radius, Math.min(tolerance, radius / 10));
                opt.optimize(new MaxEval(maxEvaluations + cache.extraAllowance()), new ObjectiveFunction(cache::value),
                        GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lo, hi));
                double after = cache.bestValue();
                // Restart from the best point with a fresh trust region until a restart gains little:
                // a simulated objective is rugged at small scales, which can end a run early in a long valley.
                boolean gained = Double.isInfinite(before) || after < before - RESTART_GAIN * Math.abs(before);
                if (!gained || after == 0) {
                    break;
                }
                before = after;
                start = cache.bestUnit();
            }
        } catch (TooManyEvaluationsException | BudgetExhausted e) {
            converged = false;
        }
        return cache.result("BOBYQA (" + interpolationPoints(n) + " interpolation points, " + runs + " run"
                + (runs == 1 ? "" : "s") + ")", converged);
    }

    /**
     * Interpolation points of BOBYQA's quadratic model: a full quadratic, (n + 1)(n + 2) / 2, for up
     * to 4 parameters (it learns how parameters trade off, as in a valley along which two of them
     * compensate each other), else Powell's recommended 2n + 1.
     */
    static int interpolationPoints(int n) {
        return n <= 4 ? (n + 1) * (n + 2) / 2 : 2 * n + 1;
    }

    /** Initial trust-region radius of a restart (share of each range). */
    static final double RESTART_RADIUS = 0.05;

    /** A BOBYQA restart must lower the objective by this share to earn another. */
    static final double RESTART_GAIN = 1e-3;

    /** Stops an optimiser when the budget of distinct evaluations is spent. */
    private static final class BudgetExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExhausted() {
            super("evaluation budget spent", null, false, false);
        }
    }

    /** Unit-box evaluations with a cache (optimisers may ask for a point twice) and a budget. */
    private static final class Cache {
        private final ToDoubleFunction<double[]> f;
        private final double[] lower;
        private final double[] upper;
        private final int budget;
        private final Map<String, Double> seen = new HashMap<>();
        private final List<Evaluation> evaluations = new ArrayList<>();
        private final List<double[]> units = new ArrayList<>();

        Cache(ToDoubleFunction<double[]> f, double[] lower, double[] upper, int budget) {
            this.f = f;
            this.lower = lower;
            this.upper = upper;
            this.budget = budget;
        }

        /** Repeated points cost nothing, so optimisers get headroom in their own count. */
        int extraAllowance() {
            return 1000;
        }

        int distinct() {
            return evaluations.size();
        }

        double value(double[] u) {
            double[] x = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                double ui = Math.min(1, Math.max(0, u[i]));
                x[i] = ui == 1 ? upper[i] : lower[i] + ui * (upper[i] - lower[i]);
            }
            String key = Arrays.toString(x);
            Double v = seen.get(key);
            if (v != null) {
                return v;
            }
            if (evaluations.size() >= budget) {
                throw new BudgetExhausted();
            }
            double raw = f.applyAsDouble(x);
            double value = Double.isFinite(raw) ? raw : UNDEFINED_PENALTY;
            seen.put(key, value);
            evaluations.add(new Evaluation(x, raw));
            double[] clamped = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                clamped[i] = Math.min(1, Math.max(0, u[i]));
            }
            units.add(clamped);
            return value;
        }

        /** The best (penalised) value so far. */
        double bestValue() {
            double b = Double.POSITIVE_INFINITY;
            for (Evaluation e : evaluations) {
                b = Math.min(b, Double.isFinite(e.value()) ? e.value() : UNDEFINED_PENALTY);
            }
            return b;
        }

        /** The unit-box point of the best value so far. */
        double[] bestUnit() {
            int best = 0;
            for (int i = 1; i < evaluations.size(); i++) {
                double v = evaluations.get(i).value();
                double b = evaluations.get(best).value();
                if (Double.isFinite(v) && (!Double.isFinite(b) || v < b)) {
                    best = i;
                }
            }
            return units.get(best).clone();
        }

        Result result(String method, boolean converged) {
            Evaluation best = null;
            for (Evaluation e : evaluations) {
                if (Double.isFinite(e.value()) && (best == null || e.value() < best.value())) {
                    best = e;
                }
            }
            if (best == null) {
                best = evaluations.get(0);
            }
            return new Result(best.x(), best.value(), List.copyOf(evaluations), method, converged);
        }
    }
}
