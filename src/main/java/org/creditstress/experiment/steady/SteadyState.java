package org.creditstress.experiment.steady;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creditstress.metric.Metric;
import org.creditstress.run.ReplicationResult;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.EconomySpec;
import org.creditstress.scenario.PathSpec;
import org.creditstress.scenario.Scenario;

/**
 * Is a market in steady state when nothing happens? The scenario is run with its economy held at
 * its month-1 levels (unemployment and the funding rate flat at their month-1 values, no income
 * growth, prices moving with incomes, so flat too) and no policy events, for {@code years} years;
 * the check compares, for each measure, the mean of year 2 with the mean of the last year (over
 * months and replications). Year 1 is left out: it is where a start that is not steady shows
 * first, and the question is whether the market then stays put.
 *
 * <p>Change {@code c = mean(last year) / mean(year 2) - 1}; a measure is steady when
 * {@code |c| < tolerance} (issue 10's test: 10 % between year 2 and year 10). Receivables are a
 * total, and the population's size is fixed, so their change is the change per borrower.
 */
public final class SteadyState {
    /** What the check follows: M1+ and M3+ (count-weighted), the annualised charge-off rate and receivables. */
    public static final List<String> MEASURES = List.of("m1plus_ratio", "m3plus_ratio", "chargeoff_rate_annualised", "receivables");
    /** Default tolerance on the relative change between year 2 and the last year. */
    public static final double TOLERANCE = 0.10;
    /** Default length of the flat run, years. */
    public static final int YEARS = 10;

    private SteadyState() {
    }

    /**
     * One measure's change between year 2 and the last year.
     *
     * @param changeSe the Monte Carlo standard error of the change: the spread of the replications' own
     *                 changes over the square root of their number (NaN with one replication)
     */
    public record Row(String measure, double yearTwo, double lastYear, double change, double changeSe, boolean steady) {
    }

    /**
     * The overrides that hold the economy of {@code scenario} flat at its month-1 levels for
     * {@code years} years, with no policy events (to be added after the user's own overrides).
     */
    public static List<String> flatEconomy(Scenario scenario, int years) {
        if (years < 3) {
            throw new IllegalArgumentException("years must be at least 3 (year 2 against the last year), got " + years);
        }
        EconomySpec e = scenario.economy();
        List<String> out = new ArrayList<>();
        out.add("horizon.months=" + 12 * years);
        out.add("economy.unemployment={shape: flat, level: " + e.unemployment().at(1) + "}");
        out.add("economy.income_growth={shape: flat, level: 0.0}");
        out.add("economy.inflation={shape: with_incomes}");
        out.add("economy.funding_rate={shape: flat, level: " + e.fundingRate().at(1) + "}");
        out.add("policy_events=[]");
        return out;
    }

    /** Each measure's change between year 2 and the run's last year; the run must cover at least three years. */
    public static List<Row> drift(RunResult run, double tolerance) {
        int months = run.loaded().scenario().horizon().months();
        int lastYear = months / 12;
        if (lastYear < 3) {
            throw new IllegalArgumentException("a steady-state check needs at least three recorded years, got " + months + " months");
        }
        List<Row> rows = new ArrayList<>();
        for (String measure : MEASURES) {
            int j = column(run, measure);
            double two = yearMean(run.replications(), j, 2);
            double last = yearMean(run.replications(), j, lastYear);
            double change = last / two - 1.0;
            rows.add(new Row(measure, two, last, change, standardError(run, j, lastYear), Math.abs(change) < tolerance));
        }
        return rows;
    }

    /** Mean over replications and the twelve months of year {@code year} (1 = months 1-12), NaN months left out. */
    static double yearMean(List<ReplicationResult> replications, int column, int year) {
        double sum = 0;
        int n = 0;
        for (ReplicationResult r : replications) {
            double[][] v = r.values();
            for (int t = 12 * (year - 1); t < 12 * year; t++) {
                double x = v[t][column];
                if (!Double.isNaN(x)) {
                    sum += x;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Standard error of the change from the replications' own changes (NaN with fewer than two). */
    private static double standardError(RunResult run, int column, int lastYear) {
        var stats = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        for (ReplicationResult r : run.replications()) {
            stats.addValue(yearMean(List.of(r), column, lastYear) / yearMean(List.of(r), column, 2) - 1.0);
        }
        return stats.getN() < 2 ? Double.NaN : stats.getStandardDeviation() / Math.sqrt(stats.getN());
    }

    private static int column(RunResult run, String metric) {
        List<Metric> metrics = run.registry().metrics();
        for (int j = 0; j < metrics.size(); j++) {
            if (metrics.get(j).name().equals(metric)) {
                return j;
            }
        }
        throw new IllegalStateException("no metric " + metric);
    }

    /** The rows as a console table, with a verdict line. */
    public static String table(List<Row> rows, int lastYear, double tolerance) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %14s %14s %9s %8s  %s%n", "measure", "year 2", "year " + lastYear, "change", "+/- se", ""));
        boolean all = true;
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-28s %14.6g %14.6g %+8.1f%% %7.1f%%  %s%n", r.measure(), r.yearTwo(), r.lastYear(),
                    100 * r.change(), 100 * r.changeSe(), r.steady() ? "steady" : "DRIFTS"));
            all &= r.steady();
        }
        sb.append(all
                ? String.format(Locale.ROOT, "steady: every measure within %.0f %% between year 2 and year %d%n", 100 * tolerance, lastYear)
                : String.format(Locale.ROOT, "not steady: a measure moves by %.0f %% or more between year 2 and year %d%n", 100 * tolerance, lastYear));
        return sb.toString();
    }
}
