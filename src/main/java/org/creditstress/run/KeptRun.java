package org.creditstress.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.scenario.LoadedScenario;

/**
 * A finished run of which only what an experiment asked to {@link Keep} is in memory: each kept
 * expression's value per replication and each kept series' monthly path per replication. Filled
 * by {@link Experiment#run(LoadedScenario, int, ProgressListener, Keep, Experiment.ReplicationSink)}
 * replication by replication, as they finish; the full tables are not kept.
 */
public final class KeptRun {
    private final Keep keep;
    private final int[] columns;
    private final List<ToDoubleFunction<double[]>> seriesOf = new ArrayList<>();
    private double[][] values;
    private final List<List<double[]>> paths = new ArrayList<>();
    private int replications;
    private int months = -1;
    private RunResult run;

    KeptRun(RunResult header, Keep keep) {
        this.run = header;
        this.keep = keep;
        MetricRegistry registry = header.registry();
        columns = new int[keep.expressions().size()];
        for (int e = 0; e < columns.length; e++) {
            int c;
            try {
                c = keep.expressions().get(e).column(registry);
            } catch (IllegalArgumentException missing) {
                c = -1;
            }
            columns[e] = c;
        }
        for (Keep.Series s : keep.series()) {
            seriesOf.add(s.bind().apply(registry));
            paths.add(new ArrayList<>());
        }
        values = new double[columns.length][16];
    }

    /**
     * What {@code keep} asks for of a run held whole (one made elsewhere, such as on a cluster,
     * that arrives with its tables): the same numbers as keeping them replication by replication.
     */
    public static KeptRun of(RunResult full, Keep keep) {
        KeptRun kept = new KeptRun(full, keep);
        for (ReplicationResult r : full.replications()) {
            kept.add(r);
        }
        kept.finish(full);
        return kept;
    }

    /** Takes what is kept of one finished replication; replications come in order 0, 1, 2, ... */
    void add(ReplicationResult r) {
        if (r.replication() != replications) {
            throw new IllegalArgumentException("replication " + r.replication() + " arrived, expected " + replications);
        }
        double[][] v = r.values();
        if (months < 0) {
            months = v.length;
        }
        if (columns.length > 0 && replications == values[0].length) {
            for (int e = 0; e < columns.length; e++) {
                values[e] = Arrays.copyOf(values[e], 2 * replications);
            }
        }
        for (int e = 0; e < columns.length; e++) {
            values[e][replications] = columns[e] < 0 ? Double.NaN : keep.expressions().get(e).of(v, columns[e]);
        }
        for (int s = 0; s < seriesOf.size(); s++) {
            if (paths.get(s) == null) {
                continue;  // released
            }
            ToDoubleFunction<double[]> f = seriesOf.get(s);
            double[] path = new double[v.length];
            for (int t = 0; t < v.length; t++) {
                path[t] = f.applyAsDouble(v[t]);
            }
            paths.get(s).add(path);
        }
        replications++;
    }

    void finish(RunResult header) {
        this.run = header;
    }

    /** The run without its tables: scenario, registry, threads, start and end. */
    public RunResult run() {
        return run;
    }

    public LoadedScenario loaded() {
        return run.loaded();
    }

    public MetricRegistry registry() {
        return run.registry();
    }

    /** What was kept. */
    public Keep keep() {
        return keep;
    }

    /** Number of replications taken. */
    public int replications() {
        return replications;
    }

    /** Months per replication (0 before the first). */
    public int months() {
        return Math.max(0, months);
    }

    /**
     * The value of a kept expression in each replication, in order.
     *
     * @throws IllegalArgumentException if the run has no column for it (as {@link MetricExpression#column})
     * @throws IllegalStateException    if the expression was not kept
     */
    public double[] values(MetricExpression e) {
        int i = keep.expressions().indexOf(e);
        if (i < 0) {
            throw new IllegalStateException("'" + e.text() + "' was not kept of this run");
        }
        if (columns[i] < 0) {
            e.column(registry());
        }
        return Arrays.copyOf(values[i], replications);
    }

    /** The kept series {@code name} of replication {@code replication}: one value per month. */
    public double[] path(String name, int replication) {
        return paths.get(seriesIndex(name)).get(replication).clone();
    }

    /** The kept series {@code name} in month index {@code month} (0-based), across replications in order. */
    public double[] acrossReplications(String name, int month) {
        List<double[]> p = paths.get(seriesIndex(name));
        double[] out = new double[p.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = p.get(r)[month];
        }
        return out;
    }

    /** Frees a series that is no longer needed (its paths can no longer be read). */
    public void release(String name) {
        paths.set(seriesIndex(name), null);
    }

    private int seriesIndex(String name) {
        for (int s = 0; s < keep.series().size(); s++) {
            if (keep.series().get(s).name().equals(name)) {
                if (paths.get(s) == null) {
                    throw new IllegalStateException("series '" + name + "' was released");
                }
                return s;
            }
        }
        throw new IllegalStateException("series '" + name + "' was not kept of this run");
    }
}
