package org.creditstress.experiment.backtest;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;
import org.creditstress.run.Quantiles;

/**
 * A backtest: the model's monthly metrics aggregated to the observed periods and measured against
 * the observed values over a window. Model month 1 is the first month of the period {@code start};
 * a period counts if all its months lie within the horizon and it has an observed value. The model's
 * unemployment is the scenario's path ({@code unemployment_target}), aggregated by the mean.
 *
 * <p>Statistics per window, on the mean across replications of the aggregated model series:
 * RMSE; the peak's height and period, model and observed (the first maximum), and the timing error in
 * periods; the correlation of period-to-period changes; the elasticity to unemployment, the OLS slope
 * of the change in the natural log of the series on the change in unemployment in percentage
 * points (with an intercept), for the model and for the observed data.
 */
public final class Backtest {
    /** The metric that carries the scenario's unemployment path. */
    public static final String UNEMPLOYMENT_METRIC = "unemployment_target";

    /**
     * @param label the window's name ("fit", "test")
     * @param from  first period, inclusive
     * @param to    last period, inclusive
     */
    public record Window(String label, Period from, Period to) {
        /**
         * Parses {@code A:B} in the observed file's frequency.
         *
         * @throws IllegalArgumentException saying what is wrong
         */
        public static Window parse(String label, String text, int periodMonths) {
            String[] parts = text.split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected FROM:TO, e.g. 1990Q1:1993Q4");
            }
            Period a = Period.parse(parts[0]);
            Period b = Period.parse(parts[1]);
            if (a.months() != periodMonths || b.months() != periodMonths) {
                throw new IllegalArgumentException("the observed file is " + (periodMonths == 3 ? "quarterly" : "monthly")
                        + "; give the window in the same form");
            }
            if (b.compareTo(a) < 0) {
                throw new IllegalArgumentException(b + " comes before " + a);
            }
            return new Window(label, a, b);
        }

        public boolean contains(Period p) {
            return p.firstMonth() >= from.firstMonth() && p.firstMonth() <= to.firstMonth();
        }

        @Override
        public String toString() {
            return from + ":" + to;
        }
    }

    /**
     * One observed period with the model beside it.
     *
     * @param period           the period
     * @param firstModelMonth  its first model month (1-based)
     * @param observed         the observed value, scaled to the model's units (NaN if blank)
     * @param mean             the model's mean across replications of the aggregated value
     * @param p5               its 5th percentile across replications
     * @param p95              its 95th percentile
     * @param observedUnemployment the observed unemployment (share), NaN if none
     * @param modelUnemployment    the scenario's unemployment (share), mean over the period
     */
    public record Row(Period period, int firstModelMonth, double observed, double mean, double p5, double p95,
                      double observedUnemployment, double modelUnemployment) {
    }

    /**
     * Measures over one window.
     *
     * @param periods            periods with an observed and a model value
     * @param rmse               root mean squared error
     * @param observedPeak       highest observed value
     * @param observedPeakPeriod its period
     * @param modelPeak          highest model mean
     * @param modelPeakPeriod    its period
     * @param peakTiming         model peak minus observed peak, in periods (positive: the model peaks later)
     * @param changeCorrelation  correlation of period-to-period changes (NaN with fewer than 3 changes)
     * @param observedElasticity d ln(observed) per point of observed unemployment
     * @param modelElasticity    d ln(model) per point of the scenario's unemployment
     */
    public record Stats(Window window, int periods, double rmse, double observedPeak, Period observedPeakPeriod,
                        double modelPeak, Period modelPeakPeriod, int peakTiming, double changeCorrelation,
                        double observedElasticity, double modelElasticity) {
    }

    /** One mapping's rows and its statistics per window. */
    public record Comparison(Mapping mapping, List<Row> rows, List<Stats> stats) {
    }

    /**
     * @param start       the period whose first month is model month 1
     * @param comparisons one per mapping
     * @param notes       observations (periods outside the horizon)
     */
    public record Result(Period start, List<Window> windows, List<Comparison> comparisons, List<String> notes) {
    }

    private Backtest() {
    }

    /**
     * @param unemploymentColumn observed unemployment column index (or -1), values scaled by {@code unemploymentScale}
     */
    public static Result run(KeptRun run, ObservedSeries observed, List<Mapping> mappings, Period start,
                             List<Window> windows, int unemploymentColumn, double unemploymentScale) {
        int months = run.months();
        List<String> notes = new ArrayList<>();
        int outside = 0;
        List<Integer> rowsIn = new ArrayList<>();
        for (int i = 0; i < observed.periods().size(); i++) {
            Period p = observed.periods().get(i);
            int first = p.firstMonth() - start.firstMonth() + 1;
            if (first < 1 || first + p.months() - 1 > months) {
                outside++;
            } else {
                rowsIn.add(i);
            }
        }
        if (outside > 0) {
            notes.add(outside + " of " + observed.periods().size() + " observed periods fall outside model months 1-" + months
                    + " (model month 1 = " + start + "); they are left out");
        }
        List<Comparison> out = new ArrayList<>();
        for (Mapping m : mappings) {
            run.registry().index(m.metric());
            int obsCol = observed.column(m.column());
            List<Row> rows = new ArrayList<>();
            for (int i : rowsIn) {
                Period p = observed.periods().get(i);
                int first = p.firstMonth() - start.firstMonth() + 1;
                double[] across = new double[run.replications()];
                for (int r = 0; r < across.length; r++) {
                    across[r] = aggregate(run.path(m.metric(), r), first, p.months(), m.aggregation());
                }
                double[] finite = java.util.Arrays.stream(across).filter(Double::isFinite).toArray();
                double mean = finite.length == 0 ? Double.NaN : Quantiles.mean(finite);
                double p5 = finite.length == 0 ? Double.NaN : Quantiles.percentile(finite, 5);
                double p95 = finite.length == 0 ? Double.NaN : Quantiles.percentile(finite, 95);
                double u = aggregate(run.path(UNEMPLOYMENT_METRIC, 0), first, p.months(), Mapping.Aggregation.MEAN);
                double obsU = unemploymentColumn < 0 ? Double.NaN : observed.values()[i][unemploymentColumn] * unemploymentScale;
                rows.add(new Row(p, first, observed.values()[i][obsCol] * m.scale(), mean, p5, p95, obsU, u));
            }
            List<Stats> stats = new ArrayList<>();
            for (Window w : windows) {
                stats.add(stats(w, rows.stream().filter(r -> w.contains(r.period())).toList()));
            }
            out.add(new Comparison(m, List.copyOf(rows), List.copyOf(stats)));
        }
        return new Result(start, List.copyOf(windows), List.copyOf(out), List.copyOf(notes));
    }

    /** What a backtest keeps of each replication: the monthly paths of the mapped metrics and of unemployment. */
    public static Keep keep(List<Mapping> mappings) {
        List<String> metrics = new ArrayList<>();
        mappings.forEach(m -> metrics.add(m.metric()));
        metrics.add(UNEMPLOYMENT_METRIC);
        return Keep.NOTHING.withMetricPaths(metrics);
    }

    /** The aggregate of one metric's path over model months {@code first .. first + n - 1} of one replication. */
    static double aggregate(double[] path, int first, int n, Mapping.Aggregation agg) {
        return agg.apply(java.util.Arrays.copyOfRange(path, first - 1, first - 1 + n));
    }

    /** The statistics of rows in one window (rows without both values are skipped). */
    public static Stats stats(Window w, List<Row> windowRows) {
        List<Row> rows = windowRows.stream().filter(r -> Double.isFinite(r.observed()) && Double.isFinite(r.mean())).toList();
        int n = rows.size();
        if (n == 0) {
            return new Stats(w, 0, Double.NaN, Double.NaN, null, Double.NaN, null, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double sse = 0;
        int obsPeak = 0;
        int simPeak = 0;
        for (int i = 0; i < n; i++) {
            double d = rows.get(i).mean() - rows.get(i).observed();
            sse += d * d;
            if (rows.get(i).observed() > rows.get(obsPeak).observed()) {
                obsPeak = i;
            }
            if (rows.get(i).mean() > rows.get(simPeak).mean()) {
                simPeak = i;
            }
        }
        int periodMonths = rows.get(0).period().months();
        int timing = (rows.get(simPeak).period().firstMonth() - rows.get(obsPeak).period().firstMonth()) / periodMonths;
        List<double[]> changes = new ArrayList<>();
        List<double[]> obsElastic = new ArrayList<>();
        List<double[]> simElastic = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            Row a = rows.get(i - 1);
            Row b = rows.get(i);
            if (b.period().firstMonth() - a.period().firstMonth() != periodMonths) {
                continue;  // a gap: no change between these two
            }
            changes.add(new double[] {b.mean() - a.mean(), b.observed() - a.observed()});
            if (a.observed() > 0 && b.observed() > 0 && Double.isFinite(a.observedUnemployment()) && Double.isFinite(b.observedUnemployment())) {
                obsElastic.add(new double[] {100 * (b.observedUnemployment() - a.observedUnemployment()), Math.log(b.observed() / a.observed())});
            }
            if (a.mean() > 0 && b.mean() > 0 && Double.isFinite(a.modelUnemployment()) && Double.isFinite(b.modelUnemployment())) {
                simElastic.add(new double[] {100 * (b.modelUnemployment() - a.modelUnemployment()), Math.log(b.mean() / a.mean())});
            }
        }
        return new Stats(w, n, Math.sqrt(sse / n), rows.get(obsPeak).observed(), rows.get(obsPeak).period(),
                rows.get(simPeak).mean(), rows.get(simPeak).period(), timing,
                changes.size() < 3 ? Double.NaN : correlation(changes), slope(obsElastic), slope(simElastic));
    }

    /** Pearson correlation of the pairs' two coordinates (commons-math3); NaN if either is constant. */
    static double correlation(List<double[]> xy) {
        double[] x = xy.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = xy.stream().mapToDouble(p -> p[1]).toArray();
        double r = new PearsonsCorrelation().correlation(x, y);
        return Double.isFinite(r) ? r : Double.NaN;
    }

    /** OLS slope of y on x with an intercept (commons-math3); NaN with fewer than 3 pairs or no variation in x. */
    static double slope(List<double[]> xy) {
        if (xy.size() < 3) {
            return Double.NaN;
        }
        SimpleRegression ols = new SimpleRegression(true);
        xy.forEach(p -> ols.addData(p[0], p[1]));
        return ols.getXSumSquares() > 1e-12 ? ols.getSlope() : Double.NaN;
    }

}
