package org.creditstress.experiment.stress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.experiment.TextTable;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;
import org.creditstress.scenario.LoadedScenario;

/**
 * A reverse stress test: the smallest value of one scenario key at which a breaking condition
 * holds in at least a share P of the replications.
 *
 * <p>Every value is run with the scenario's seed and replication count, so the runs are on common
 * random numbers: replication k sees the same random draws at every value, and the share of
 * replications meeting the condition moves only because the key moved. Assuming that share rises
 * with the key, {@link MonotoneBisection} brackets the switch: after checking that the condition
 * fails at LO and holds at HI, it halves [LO, HI] until the bracket is narrower than the tolerance.
 * The threshold is the upper end of the final bracket (the smallest value evaluated at which the
 * condition held in a share P); the share there comes with a Wilson 95 % interval, which says how
 * sure the replications make us that the share is at least P.
 */
public final class ReverseStress {

    /**
     * @param vary        the key and its search range
     * @param condition   the breaking condition
     * @param probability the share P of replications in which it must hold, in (0, 1]
     * @param tolerance   the bracket width at which to stop
     */
    public record Settings(ParameterRange vary, Condition condition, double probability, double tolerance) {
    }

    /**
     * One evaluated value.
     *
     * @param order     1-based evaluation order
     * @param value     the key's value
     * @param values    the expression per replication (NaN where undefined)
     * @param holding   replications meeting the condition
     * @param holds     whether holding / replications >= P
     */
    public record Point(int order, double value, double[] values, int holding, boolean holds) {
        public int replications() {
            return values.length;
        }

        public double share() {
            return (double) holding / values.length;
        }

        /** Replications with a defined value. */
        public int defined() {
            int n = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    n++;
                }
            }
            return n;
        }

        public BinomialInterval interval() {
            return BinomialInterval.wilson(holding, values.length);
        }
    }

    /**
     * @param status         how the search ended
     * @param threshold      the smallest evaluated value where the condition held in a share P
     *                       (FOUND only; NaN otherwise)
     * @param bracketLow     the largest evaluated value where it did not (NaN when it held at LO)
     * @param bracketHigh    the smallest evaluated value where it did (NaN when it failed at HI)
     * @param points         every evaluation, in order
     * @param thresholdRun   what was kept of the run at the threshold (FOUND only, else null): the
     *                       condition's expression per replication; its full results are not kept,
     *                       run {@code thresholdScenario} again to write them (same seed, same results)
     * @param thresholdScenario the scenario at the threshold (FOUND only, else null)
     * @param notes          observations: non-monotone responses, a key without effect
     */
    public record Result(Settings settings, MonotoneBisection.Status status, double threshold, double bracketLow,
                         double bracketHigh, List<Point> points, KeptRun thresholdRun,
                         LoadedScenario thresholdScenario, List<String> notes) {

        /** The point at a value, if evaluated. */
        public Point at(double value) {
            return points.stream().filter(p -> p.value() == value).findFirst().orElse(null);
        }
    }

    private ReverseStress() {
    }

    public static Result run(ModelEvaluator evaluator, Settings settings) {
        ParameterRange vary = settings.vary();
        List<Point> points = new ArrayList<>();

        // The two ends run side by side.
        List<double[]> ends = List.of(new double[] {vary.low()}, new double[] {vary.high()});
        Keep keep = Keep.expressions(List.of(settings.condition().expression()));
        List<KeptRun> endRuns = evaluator.runAll(ends, keep, r -> r);
        for (int i = 0; i < 2; i++) {
            double x = ends.get(i)[0];
            Point p = point(points.size() + 1, x, endRuns.get(i), settings);
            points.add(p);
        }
        Point lo = points.get(0);
        Point hi = points.get(1);
        MonotoneBisection.Status status;
        double below;
        double above;
        KeptRun[] atAbove = {null};
        if (lo.holds()) {
            status = MonotoneBisection.Status.HOLDS_AT_LOW;
            below = Double.NaN;
            above = lo.value();
        } else if (!hi.holds()) {
            status = MonotoneBisection.Status.FAILS_AT_HIGH;
            below = hi.value();
            above = Double.NaN;
        } else {
            atAbove[0] = endRuns.get(1);
            MonotoneBisection.Outcome out = MonotoneBisection.refine(x -> {
                KeptRun run = evaluator.run(new double[] {x}, keep);
                Point p = point(points.size() + 1, x, run, settings);
                points.add(p);
                if (p.holds()) {
                    atAbove[0] = run;  // the bisection moves its upper end here
                }
                return p.holds();
            }, vary.low(), vary.high(), settings.tolerance(), vary.integer(), new ArrayList<>());
            status = out.status();
            below = out.below();
            above = out.above();
        }
        KeptRun thresholdRun = status == MonotoneBisection.Status.FOUND ? atAbove[0] : null;
        LoadedScenario thresholdScenario = thresholdRun == null ? null : thresholdRun.loaded();
        List<String> notes = notes(points, settings);
        return new Result(settings, status, status == MonotoneBisection.Status.FOUND ? above : Double.NaN,
                below, above, List.copyOf(points), thresholdRun, thresholdScenario, notes);
    }

    static Point point(int order, double value, KeptRun run, Settings settings) {
        double[] values = run.values(settings.condition().expression());
        int holding = 0;
        for (double v : values) {
            if (settings.condition().test(v)) {
                holding++;
            }
        }
        boolean holds = holding >= settings.probability() * values.length - 1e-9;
        return new Point(order, value, values, holding, holds);
    }

    /** Checks the evaluated points for what bisection assumes: a response monotone in the key. */
    static List<String> notes(List<Point> points, Settings settings) {
        List<String> notes = new ArrayList<>();
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::value));
        ParameterRange vary = settings.vary();
        int n = sorted.get(0).replications();
        boolean shareDrops = false;
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).holding() < sorted.get(i - 1).holding()) {
                shareDrops = true;
                notes.add(String.format(Locale.ROOT,
                        "non-monotone: the share holding falls from %d/%d at %s to %d/%d at %s; the bisection assumes it "
                                + "rises with %s, so the threshold may not be the smallest value that breaks",
                        sorted.get(i - 1).holding(), n, vary.format(sorted.get(i - 1).value()), sorted.get(i).holding(), n,
                        vary.format(sorted.get(i).value()), vary.key()));
                break;
            }
        }
        int flips = 0;
        int against = 0;
        double worst = 0;
        for (int r = 0; r < n; r++) {
            boolean held = false;
            boolean flipped = false;
            boolean moved = false;
            for (int i = 0; i < sorted.size(); i++) {
                boolean h = settings.condition().test(sorted.get(i).values()[r]);
                if (held && !h) {
                    flipped = true;
                }
                held |= h;
                if (i > 0) {
                    double d = sorted.get(i).values()[r] - sorted.get(i - 1).values()[r];
                    double wrong = settings.condition().op().upward() ? -d : d;
                    if (wrong > 0) {
                        moved = true;
                        worst = Math.max(worst, wrong);
                    }
                }
            }
            flips += flipped ? 1 : 0;
            against += moved ? 1 : 0;
        }
        if (flips > 0 && !shareDrops) {
            notes.add(String.format(Locale.ROOT,
                    "non-monotone: in %d of %d replications the condition holds at some value of %s and fails at a larger one",
                    flips, n, vary.key()));
        }
        if (against > 0) {
            notes.add(String.format(Locale.ROOT,
                    "%s moves against the direction of the condition between neighbouring evaluated values of %s in %d of %d "
                            + "replications (largest move %s); see points.csv",
                    settings.condition().expression().text(), vary.key(), against, n,
                    TextTable.num(worst)));
        }
        Point first = sorted.get(0);
        Point last = sorted.get(sorted.size() - 1);
        if (java.util.Arrays.equals(first.values(), last.values())) {
            notes.add("no effect: " + settings.condition().expression().text() + " is the same in every replication at "
                    + vary.key() + " = " + vary.format(first.value()) + " and " + vary.format(last.value())
                    + "; does the scenario use this key (for example a path with shape: flat ignores shock_level)?");
        }
        return notes;
    }
}
