package org.creditstress.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.creditstress.metric.Metric;
import org.creditstress.run.Experiment;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;

/** Small versions of the shipped scenarios and helpers to read results, for model tests. */
final class Scenarios {
    private Scenarios() {
    }

    /** A shipped scenario with a small population and few replications, plus overrides. */
    static LoadedScenario shipped(String name, String... overrides) {
        List<String> all = new ArrayList<>(List.of("population.size=20000", "replications=2"));
        all.addAll(Arrays.asList(overrides));
        return ScenarioLoader.load(Path.of("scenarios", name + ".yaml"), all);
    }

    static RunResult run(LoadedScenario s, int threads) {
        return Experiment.run(s, threads, ProgressListener.NONE);
    }

    static int column(RunResult run, String metric) {
        List<Metric> metrics = run.registry().metrics();
        for (int j = 0; j < metrics.size(); j++) {
            if (metrics.get(j).name().equals(metric)) {
                return j;
            }
        }
        throw new IllegalArgumentException(metric);
    }

    /** Metric path of replication r. */
    static double[] series(RunResult run, int r, String metric) {
        int j = column(run, metric);
        double[][] v = run.replications().get(r).values();
        double[] out = new double[v.length];
        for (int t = 0; t < v.length; t++) {
            out[t] = v[t][j];
        }
        return out;
    }

    /** Mean over replications of a per-replication statistic (max over months). */
    static double meanPeak(RunResult run, String metric) {
        double sum = 0;
        for (int r = 0; r < run.replications().size(); r++) {
            sum += Arrays.stream(series(run, r, metric)).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
        }
        return sum / run.replications().size();
    }

    /** Mean over replications of the highest value from month {@code from} (1-based) to the end. */
    static double meanPeakFrom(RunResult run, String metric, int from) {
        double sum = 0;
        for (int r = 0; r < run.replications().size(); r++) {
            double[] s = series(run, r, metric);
            sum += Arrays.stream(s, from - 1, s.length).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
        }
        return sum / run.replications().size();
    }

    /** Mean over replications and months {@code from..to} (1-based, inclusive). */
    static double meanOver(RunResult run, String metric, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < run.replications().size(); r++) {
            double[] s = series(run, r, metric);
            for (int m = from; m <= to; m++) {
                sum += s[m - 1];
                n++;
            }
        }
        return sum / n;
    }

    /** Mean over replications and months. */
    static double mean(RunResult run, String metric) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < run.replications().size(); r++) {
            for (double x : series(run, r, metric)) {
                if (!Double.isNaN(x)) {
                    sum += x;
                    n++;
                }
            }
        }
        return sum / n;
    }

    /** Sum over replications and months. */
    static double total(RunResult run, String metric) {
        double sum = 0;
        for (int r = 0; r < run.replications().size(); r++) {
            for (double x : series(run, r, metric)) {
                if (!Double.isNaN(x)) {
                    sum += x;
                }
            }
        }
        return sum;
    }

    /** Mean over replications of the last month's value. */
    static double meanFinal(RunResult run, String metric) {
        double sum = 0;
        for (int r = 0; r < run.replications().size(); r++) {
            double[] s = series(run, r, metric);
            sum += s[s.length - 1];
        }
        return sum / run.replications().size();
    }
}
