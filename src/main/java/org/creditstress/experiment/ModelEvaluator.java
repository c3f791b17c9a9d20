package org.creditstress.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.creditstress.run.Experiment;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioException;
import org.creditstress.scenario.ScenarioLoader;
import org.creditstress.scenario.ScenarioProblem;

/**
 * Runs a scenario at points of a parameter space: the scenario file, the user's {@code --set}
 * overrides, and one value per {@link ParameterRange} (added as further overrides). Every run uses
 * the scenario's master seed and replication count, so all points are on common random numbers:
 * replication k of every point draws the same random numbers, and the output is a deterministic
 * function of the point.
 *
 * <p>{@link #runAll} runs independent points side by side (up to {@code threads} at a time, each
 * on its share of the threads); results do not depend on the thread count.
 */
public final class ModelEvaluator {

    /** Told after each model run. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param evaluation 1-based count of runs so far
         * @param overrides  the point's overrides, e.g. {@code economy.unemployment.shock_level=0.08}
         * @param seconds    wall time of the run
         */
        void evaluated(int evaluation, List<String> overrides, double seconds);

        Listener NONE = (evaluation, overrides, seconds) -> { };
    }

    /**
     * Runs the model somewhere other than this JVM's threads: on a cluster, replications spread over
     * its executors, a whole replication in one JVM ({@code org.creditstress.spark}). A run must be
     * what {@link Experiment#run} gives here, replication by replication.
     */
    public interface Runs {
        /**
         * Runs the scenario file with each list of overrides, each run with all its replications,
         * and hands each run to {@code done} with its index in {@code overrides}, in any order, on
         * the calling thread.
         *
         * @param threads threads of this evaluator; where the runs go may use its own
         */
        void runAll(Path scenario, List<List<String>> overrides, int threads, BiConsumer<Integer, RunResult> done);
    }

    private final Runs elsewhere;

    private final Path scenario;
    private final List<String> baseOverrides;
    private final List<ParameterRange> parameters;
    private final int threads;
    private final Listener listener;
    private final AtomicInteger evaluations = new AtomicInteger();

    /**
     * @param scenario      the scenario file
     * @param baseOverrides the user's overrides, applied before the parameters'
     * @param parameters    the varied keys; a point gives one value per parameter, in this order
     * @param threads       worker threads, at least 1
     * @param listener      progress
     */
    public ModelEvaluator(Path scenario, List<String> baseOverrides, List<ParameterRange> parameters, int threads,
                          Listener listener) {
        this(scenario, baseOverrides, parameters, threads, listener, null);
    }

    /** As the other constructor, the runs made by {@code elsewhere} (null: this JVM's threads). */
    public ModelEvaluator(Path scenario, List<String> baseOverrides, List<ParameterRange> parameters, int threads,
                          Listener listener, Runs elsewhere) {
        this.elsewhere = elsewhere;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.scenario = scenario;
        this.baseOverrides = List.copyOf(baseOverrides);
        this.parameters = List.copyOf(parameters);
        this.threads = threads;
        this.listener = listener;
    }

    public List<ParameterRange> parameters() {
        return parameters;
    }

    public int threads() {
        return threads;
    }

    /** The scenario file. */
    public Path scenario() {
        return scenario;
    }

    /** How many model runs have been made. */
    public int evaluations() {
        return evaluations.get();
    }

    /** The scenario with the base overrides only (no parameter set). */
    public LoadedScenario base() {
        return ScenarioLoader.load(scenario, baseOverrides);
    }

    /** The overrides that put {@code point} into the scenario. */
    public List<String> pointOverrides(double[] point) {
        if (point.length != parameters.size()) {
            throw new IllegalArgumentException("point has " + point.length + " values for " + parameters.size() + " parameters");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < point.length; i++) {
            out.addAll(overrides(i, point[i]));
        }
        return out;
    }

    /** The overrides of parameter {@code i} at {@code value}: one key, or every key it ties ({@link TiedKeys}). */
    private List<String> overrides(int i, double value) {
        TiedKeys tie = ties().get(i);
        return tie == null ? List.of(parameters.get(i).override(value)) : tie.overrides(value);
    }

    /**
     * The tied keys of each parameter (null for a plain key), expanded against the scenario with the
     * base overrides on first use.
     *
     * @throws ScenarioException naming the parameter when a tied key does not exist or holds no number
     */
    public synchronized List<TiedKeys> ties() {
        if (ties == null) {
            List<TiedKeys> t = new ArrayList<>();
            com.fasterxml.jackson.databind.JsonNode resolved = null;
            for (ParameterRange p : parameters) {
                if (!TiedKeys.isTied(p.key())) {
                    t.add(null);
                    continue;
                }
                if (resolved == null) {
                    resolved = base().resolved();
                }
                try {
                    t.add(TiedKeys.resolve(p.key(), resolved));
                } catch (IllegalArgumentException e) {
                    throw new ScenarioException(List.of(new ScenarioProblem("--param " + p, 0, p.key(), e.getMessage())));
                }
            }
            ties = java.util.Collections.unmodifiableList(t);
        }
        return ties;
    }

    private List<TiedKeys> ties;

    /** The scenario at {@code point} (natural units), validated. */
    public LoadedScenario load(double[] point) {
        return ScenarioLoader.load(scenario, allOverrides(point));
    }

    /** The base overrides, then the point's. */
    private List<String> allOverrides(double[] point) {
        List<String> all = new ArrayList<>(baseOverrides);
        all.addAll(pointOverrides(point));
        return all;
    }

    /** Counts a run made elsewhere and tells the listener, as a local run does. */
    private void evaluated(double[] point, RunResult r) {
        int n = evaluations.incrementAndGet();
        synchronized (listener) {
            listener.evaluated(n, pointOverrides(point), (r.end().toEpochMilli() - r.start().toEpochMilli()) / 1e3);
        }
    }

    /**
     * Checks that every parameter can be set to both ends of its range (the key exists, the values
     * are allowed), with the others at the scenario's values. A problem is reported as coming from
     * {@code option} (for example {@code --input}) rather than from {@code --set}.
     *
     * @throws ScenarioException naming the option, the key and the reason (for example an unknown key
     *                           with the nearest valid one suggested)
     */
    public void checkRanges(String option) {
        List<TiedKeys> tied = ties();
        for (int i = 0; i < parameters.size(); i++) {
            ParameterRange p = parameters.get(i);
            if (tied.get(i) != null) {
                for (double end : new double[] {p.low(), p.high()}) {
                    List<String> all = new ArrayList<>(baseOverrides);
                    all.addAll(overrides(i, end));
                    try {
                        ScenarioLoader.load(scenario, all);
                    } catch (ScenarioException e) {
                        ScenarioProblem q = e.problems().get(0);
                        throw new ScenarioException(List.of(new ScenarioProblem(option + " " + p, 0, q.keyPath(),
                                q.reason() + " (at " + p.format(end) + ")")));
                    }
                }
                continue;
            }
            for (double end : new double[] {p.low(), p.high()}) {
                List<String> all = new ArrayList<>(baseOverrides);
                all.add(p.override(end));
                try {
                    ScenarioLoader.load(scenario, all);
                } catch (ScenarioException e) {
                    String set = "--set " + p.override(end);
                    List<ScenarioProblem> renamed = e.problems().stream()
                            .map(q -> q.source().equals(set)
                                    ? new ScenarioProblem(option + " " + p, 0, q.keyPath(), q.reason()
                                            + (q.reason().startsWith("unknown key") ? "" : " (at " + p.format(end) + ")"))
                                    : q)
                            .toList();
                    throw new ScenarioException(renamed);
                }
            }
        }
    }

    /** Runs the model at one point on all threads, keeping of each replication what {@code keep} asks for. */
    public KeptRun run(double[] point, Keep keep) {
        return run(point, threads, keep);
    }

    private KeptRun run(double[] point, int runThreads, Keep keep) {
        LoadedScenario loaded = load(point);
        long t0 = System.nanoTime();
        if (elsewhere != null) {
            RunResult[] box = new RunResult[1];
            elsewhere.runAll(scenario, List.of(allOverrides(point)), threads, (i, r) -> box[0] = r);
            evaluated(point, box[0]);
            return KeptRun.of(box[0], keep);
        }
        KeptRun result = Experiment.run(loaded, runThreads, ProgressListener.NONE, keep);
        int n = evaluations.incrementAndGet();
        synchronized (listener) {
            listener.evaluated(n, pointOverrides(point), (System.nanoTime() - t0) / 1e9);
        }
        return result;
    }

    /** How many runs {@link #runAll} runs side by side for {@code points} points. */
    public int sideBySide(int points) {
        return Math.max(1, Math.min(threads, points));
    }

    /** Test hook: runs in a point's own thread before its model run, with the point. */
    static volatile Consumer<double[]> beforePoint = point -> { };

    /**
     * Runs the model at every point and reduces each run right away (so that only the reduced
     * values are kept). Points run side by side; the result list is in the order of {@code points}.
     * The first point that fails, in whatever order they finish, fails them all at once: the
     * others are interrupted and its exception or error is thrown here.
     */
    public <T> List<T> runAll(List<double[]> points, Keep keep, Function<KeptRun, T> reduce) {
        if (points.isEmpty()) {
            return List.of();
        }
        if (elsewhere != null) {
            List<List<String>> overrides = new ArrayList<>();
            for (double[] p : points) {
                load(p); // refuses a bad point here, as the local runs do, before any runs elsewhere
                overrides.add(allOverrides(p));
            }
            List<T> out = new ArrayList<>(java.util.Collections.nCopies(points.size(), null));
            elsewhere.runAll(scenario, overrides, threads, (i, r) -> {
                evaluated(points.get(i), r);
                out.set(i, reduce.apply(KeptRun.of(r, keep)));
            });
            return out;
        }
        int workers = sideBySide(points.size());
        if (workers == 1) {
            List<T> out = new ArrayList<>();
            for (double[] p : points) {
                beforePoint.accept(p);
                out.add(reduce.apply(run(p, threads, keep)));
            }
            return out;
        }
        int perRun = Math.max(1, threads / workers);
        // Told when a point ends, and when a worker thread dies outside its task (which would leave
        // that point's future unfinished for ever): the wait below must not outlive either.
        Semaphore ended = new Semaphore(0);
        AtomicReference<Throwable> died = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "creditstress-point");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> {
                died.compareAndSet(null, e);
                ended.release();
            });
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (double[] p : points) {
                double[] copy = Arrays.copyOf(p, p.length);
                futures.add(pool.submit(() -> {
                    try {
                        beforePoint.accept(copy);
                        return reduce.apply(run(copy, perRun, keep));
                    } finally {
                        ended.release();
                    }
                }));
            }
            boolean[] seen = new boolean[futures.size()];
            int finished = 0;
            while (finished < futures.size()) {
                for (int i = 0; i < futures.size(); i++) {
                    if (!seen[i] && futures.get(i).isDone()) {
                        seen[i] = true;
                        finished++;
                        futures.get(i).get();  // throws at once if this point failed
                    }
                }
                Throwable dead = died.get();
                if (dead != null) {
                    if (dead instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("a worker thread died: " + dead, dead);
                }
                if (finished < futures.size()) {
                    ended.tryAcquire(200, TimeUnit.MILLISECONDS);
                }
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw org.creditstress.model.engine.ChunkExecutor.rethrow(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
