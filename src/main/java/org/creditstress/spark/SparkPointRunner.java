package org.creditstress.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.creditstress.experiment.sweep.Sweep;
import org.creditstress.experiment.sweep.SweepManifest.PointState;
import org.creditstress.experiment.sweep.SweepManifest.Status;
import org.creditstress.experiment.sweep.SweepPoint;
import org.creditstress.run.store.RunDirectory;

/**
 * Runs a sweep's pending points on Spark: each point is one Spark job of one task, so a point (all
 * its replications, on {@code spark.task.cpus} threads) runs whole in one executor JVM. As many
 * points run at once as the cluster has task slots ({@code spark.default.parallelism} divided by
 * {@code spark.task.cpus}, or {@code spark.creditstress.concurrentPoints}). Each point's result is
 * handled on the driver as soon as it arrives: its files are written into {@code points/<id>/}
 * (atomically, as the local runner writes them) and the point is recorded in the manifest, so an
 * interrupted sweep resumes where it stopped. A point whose Spark task fails (after Spark's own
 * retries) is recorded as failed with the task's error, and the others go on.
 *
 * <p>At the end of every invocation the sweep is also written as Parquet ({@link SweepParquet}) to
 * {@code spark.creditstress.parquet}, by default {@code parquet/} in the sweep folder.
 */
public final class SparkPointRunner implements Sweep.PointRunner {
    /** Where the Parquet tables go (a Hadoop path or URI); default {@code <sweep folder>/parquet}. */
    public static final String PARQUET_CONF = "spark.creditstress.parquet";
    /** How many points run at once; default: the cluster's task slots. */
    public static final String CONCURRENT_CONF = "spark.creditstress.concurrentPoints";

    private final Supplier<SparkSession> session;
    private final java.util.function.Function<Sweep.PointJob, Function<PointInput, PointOutput>> tasks;

    /**
     * @param session the Spark session, asked for only when there are points to run or tables to
     *                write (so that bad input is refused before Spark starts)
     */
    public SparkPointRunner(Supplier<SparkSession> session) {
        this(session, PointTask::new);
    }

    /** With another task per job (tests: a task that fails). */
    SparkPointRunner(Supplier<SparkSession> session,
                     java.util.function.Function<Sweep.PointJob, Function<PointInput, PointOutput>> tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    /** A point's result as it reached the driver: the executor's output, or the reason its Spark job failed. */
    private record Arrival(PointInput input, PointOutput output, String failure) {
    }

    @Override
    public void runAll(Sweep.PointJob job, List<SweepPoint> points, Path pointsDir, Sweep.PointSink sink) throws IOException {
        if (points.isEmpty()) {
            return;
        }
        SparkSession spark = session.get();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int taskCpus = spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
        int slots = spark.sparkContext().getConf().getInt(CONCURRENT_CONF, Math.max(1, jsc.defaultParallelism() / taskCpus));
        if (slots < 1) {
            throw new IllegalArgumentException(CONCURRENT_CONF + " must be at least 1, got " + slots);
        }
        Function<PointInput, PointOutput> task = tasks.apply(job.withThreads(taskCpus));
        String group = "creditstress-sweep-" + Instant.now().toEpochMilli();
        BlockingQueue<Arrival> arrived = new LinkedBlockingQueue<>();
        ExecutorService submitters = Executors.newFixedThreadPool(Math.min(slots, points.size()), r -> {
            Thread t = new Thread(r, "creditstress-spark-point");
            t.setDaemon(true);
            return t;
        });
        int handled = 0;
        try {
            for (SweepPoint p : points) {
                PointInput in = PointInput.of(p);
                submitters.execute(() -> arrived.add(runOnSpark(jsc, group, task, in)));
            }
            for (; handled < points.size(); handled++) {
                Arrival a = arrived.take();
                sink.starting(a.input().point());
                sink.finished(record(a, pointsDir, job.csvMetrics().size()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the sweep's points", e);
        } finally {
            submitters.shutdownNow();
            if (handled < points.size()) {
                // Stopped early (the driver could not record a point): the points still running are not wanted.
                jsc.cancelJobGroup(group);
            }
        }
    }

    /** Runs one point as a Spark job of one task and waits for it (on a submitter thread). */
    private static Arrival runOnSpark(JavaSparkContext jsc, String group, Function<PointInput, PointOutput> task, PointInput in) {
        try {
            jsc.setJobGroup(group, "creditstress sweep point " + in.id() + " (" + in.point().describe() + ")", true);
            List<PointOutput> out = jsc.parallelize(List.of(in), 1).map(task).collect();
            return new Arrival(in, out.get(0), null);
        } catch (Throwable e) {
            // Spark's exceptions are checked in Java's eyes (SparkException) though nothing declares
            // them; whatever it is, the point must arrive, or the driver would wait for it forever.
            return new Arrival(in, null, describe(e));
        }
    }

    /** Writes a done point's folder from the files the executor sent and says how the point went. */
    private static Sweep.PointRun record(Arrival a, Path pointsDir, int csvMetrics) throws IOException {
        if (a.failure() != null) {
            return new Sweep.PointRun(new PointState(a.input().point(), Status.FAILED, a.failure(), Double.NaN,
                    Instant.now().toString()), nans(csvMetrics));
        }
        PointOutput o = a.output();
        if (o.done()) {
            try (RunDirectory rd = RunDirectory.create(pointsDir.resolve(a.input().id()))) {
                for (Map.Entry<String, byte[]> f : o.files().entrySet()) {
                    Path target = rd.temp().resolve(f.getKey()).normalize();
                    if (!target.startsWith(rd.temp())) {
                        throw new IOException("point " + a.input().id() + ": the executor sent a file outside its folder: " + f.getKey());
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, f.getValue());
                }
                rd.commit();
            }
        }
        return o.run();
    }

    /**
     * One line for a failed Spark job: Spark's first line (which names the task, the executor and
     * the exception), or the cause's class and message.
     */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        String first = message.lines().findFirst().orElse("");
        String text = first.isEmpty() ? e.getClass().getName() : first;
        return "the Spark task failed: " + text;
    }

    @Override
    public void sweepWritten(Sweep.Outcome outcome) throws IOException {
        if (outcome.results().isEmpty()) {
            return;
        }
        SparkSession spark = session.get();
        String target = spark.sparkContext().getConf().get(PARQUET_CONF,
                outcome.dir().toAbsolutePath().resolve(SweepParquet.FOLDER).toUri().toString());
        SweepParquet.write(spark, outcome, target);
    }

    /** Means for a failed point: as many NaNs as the expressions of points.csv. */
    static double[] nans(int n) {
        double[] x = new double[n];
        Arrays.fill(x, Double.NaN);
        return x;
    }
}
