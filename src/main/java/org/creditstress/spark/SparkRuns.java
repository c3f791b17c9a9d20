package org.creditstress.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.run.Experiment;
import org.creditstress.run.ReplicationResult;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;

/**
 * The model runs of {@code sensitivity} and {@code calibrate} on Spark: every replication of every
 * run is one Spark task (a whole replication in one executor JVM, on {@code spark.task.cpus}
 * threads), so a calibration's runs, which follow one another, still spread their replications
 * over the cluster, and a sensitivity design's runs go side by side (as many runs at once as
 * {@code spark.creditstress.concurrentPoints}, by default the cluster's task slots). The driver
 * puts each run's replications together in order; the run is then what one machine computes.
 *
 * <p>A run whose Spark job fails stops the command with {@link RunFailed}, naming the run and
 * Spark's one-line reason (the experiment needs every run, unlike a sweep, which records the
 * point as failed and goes on).
 */
public final class SparkRuns implements ModelEvaluator.Runs {
    private final Supplier<SparkSession> session;
    private final java.util.function.Function<Integer, Function<ReplicationTask.Input, ReplicationTask.Output>> tasks;

    public SparkRuns(Supplier<SparkSession> session) {
        this(session, ReplicationTask::new);
    }

    /** With another task per thread count (tests: a task that counts). */
    SparkRuns(Supplier<SparkSession> session,
              java.util.function.Function<Integer, Function<ReplicationTask.Input, ReplicationTask.Output>> tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    /** A run that could not be made on Spark. */
    public static final class RunFailed extends RuntimeException {
        RunFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Arrival(int index, RunResult run, RunFailed failure) {
    }

    @Override
    public void runAll(Path scenario, List<List<String>> overrides, int threads, BiConsumer<Integer, RunResult> done) {
        if (overrides.isEmpty()) {
            return;
        }
        SparkSession spark = session.get();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int taskCpus = spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
        int slots = spark.sparkContext().getConf().getInt(SparkPointRunner.CONCURRENT_CONF,
                Math.max(1, jsc.defaultParallelism() / taskCpus));
        Function<ReplicationTask.Input, ReplicationTask.Output> task = tasks.apply(taskCpus);
        String group = "creditstress-runs-" + System.nanoTime();
        BlockingQueue<Arrival> arrived = new LinkedBlockingQueue<>();
        ExecutorService submitters = Executors.newFixedThreadPool(Math.max(1, Math.min(slots, overrides.size())), r -> {
            Thread t = new Thread(r, "creditstress-spark-run");
            t.setDaemon(true);
            return t;
        });
        int handled = 0;
        try {
            for (int i = 0; i < overrides.size(); i++) {
                int index = i;
                submitters.execute(() -> arrived.add(runOnSpark(jsc, group, task, scenario, overrides.get(index), index, taskCpus)));
            }
            for (; handled < overrides.size(); handled++) {
                Arrival a = arrived.take();
                if (a.failure() != null) {
                    throw a.failure();
                }
                done.accept(a.index(), a.run());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailed("interrupted while waiting for the runs on Spark", e);
        } finally {
            submitters.shutdownNow();
            if (handled < overrides.size()) {
                jsc.cancelJobGroup(group);
            }
        }
    }

    /** One run: a Spark job of one task per replication, put together in order (on a submitter thread). */
    private static Arrival runOnSpark(JavaSparkContext jsc, String group, Function<ReplicationTask.Input, ReplicationTask.Output> task,
                                      Path scenario, List<String> overrides, int index, int taskCpus) {
        try {
            LoadedScenario loaded = ScenarioLoader.load(scenario, overrides);
            int reps = loaded.scenario().replications();
            List<ReplicationTask.Input> inputs = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                inputs.add(ReplicationTask.Input.of(index, scenario.toString(), overrides, r));
            }
            jsc.setJobGroup(group, "creditstress run " + (index + 1) + " (" + String.join(", ", overrides) + ")", true);
            Instant start = Instant.now();
            List<ReplicationTask.Output> out = new ArrayList<>(jsc.parallelize(inputs, reps).map(task).collect());
            Instant end = Instant.now();
            out.sort(Comparator.comparingInt(ReplicationTask.Output::replication));
            List<ReplicationResult> results = out.stream().map(ReplicationTask.Output::result).toList();
            return new Arrival(index, new RunResult(loaded, Experiment.registry(loaded.scenario()), results, taskCpus, start, end),
                    null);
        } catch (Throwable e) {
            // As in SparkPointRunner: whatever it is, the run must arrive, or the driver would wait forever.
            return new Arrival(index, null, new RunFailed("run " + (index + 1) + " (" + String.join(", ", overrides) + "): "
                    + SparkPointRunner.describe(e), e));
        }
    }
}
