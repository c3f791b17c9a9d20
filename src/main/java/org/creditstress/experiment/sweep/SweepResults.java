package org.creditstress.experiment.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.creditstress.experiment.sweep.SweepManifest.PointState;
import org.creditstress.experiment.sweep.SweepManifest.Status;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.Quantiles;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.run.store.CsvNumbers;
import org.creditstress.run.store.RunFolder;

/**
 * The statistics of every finished point, read back from the points' {@code metrics.csv} (so a
 * resumed sweep gives exactly what an uninterrupted one gives), and {@code sweep.csv}.
 */
public final class SweepResults {
    private SweepResults() {
    }

    /** Mean, p5, p50, p95 across replications of one expression at one point (NaN if undefined). */
    public record Stat(double mean, double p5, double p50, double p95) {
        static final Stat NONE = new Stat(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        static Stat of(double[] x) {
            return new Stat(Quantiles.mean(x), Quantiles.percentile(x, 5), Quantiles.percentile(x, 50),
                    Quantiles.percentile(x, 95));
        }
    }

    /** A finished (done or failed) point with one statistic per expression, in expression order. */
    public record PointResult(PointState state, List<Stat> stats) {
        public boolean done() {
            return state.status() == Status.DONE;
        }
    }

    /** The finished points in plan order (pending ones left out). */
    public static List<PointResult> read(Path dir, Collection<PointState> states, List<MetricExpression> metrics)
            throws IOException {
        List<PointResult> out = new ArrayList<>();
        for (PointState s : states) {
            if (s.status() == Status.PENDING) {
                continue;
            }
            List<Stat> stats = new ArrayList<>();
            if (s.status() == Status.DONE) {
                // One replication at a time: a point of many replications need not fit in memory.
                double[][] v = RunFolder.perReplication(dir.resolve(Sweep.POINTS_DIR).resolve(s.point().id()), metrics);
                for (double[] x : v) {
                    stats.add(x == null ? Stat.NONE : Stat.of(x));
                }
            } else {
                metrics.forEach(e -> stats.add(Stat.NONE));
            }
            out.add(new PointResult(s, List.copyOf(stats)));
        }
        return out;
    }

    /** Header of sweep.csv for these varied keys. */
    public static String header(List<String> keys) {
        List<String> h = new ArrayList<>(List.of("point", "status"));
        keys.forEach(k -> h.add(Sweep.csv(k)));
        h.addAll(List.of("metric", "mean", "p5", "p50", "p95"));
        return String.join(",", h);
    }

    /**
     * Writes the tidy {@code sweep.csv}: one row per finished point and expression (failed points
     * with empty statistics), columns {@code point,status,<varied keys...>,metric,mean,p5,p50,p95}.
     */
    public static void writeCsv(Path file, List<String> keys, List<PointResult> results, List<MetricExpression> metrics)
            throws IOException {
        AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
            w.write(header(keys));
            w.write('\n');
            for (PointResult r : results) {
                for (int j = 0; j < metrics.size(); j++) {
                    List<String> row = new ArrayList<>(List.of(r.state().point().id(), r.state().status().label()));
                    for (String k : keys) {
                        row.add(Sweep.csv(r.state().point().values().getOrDefault(k, "")));
                    }
                    Stat s = r.stats().get(j);
                    row.add(Sweep.csv(metrics.get(j).text()));
                    row.add(CsvNumbers.format(s.mean()));
                    row.add(CsvNumbers.format(s.p5()));
                    row.add(CsvNumbers.format(s.p50()));
                    row.add(CsvNumbers.format(s.p95()));
                    w.write(String.join(",", row));
                    w.write('\n');
                }
            }
            w.flush();
        });
    }
}
