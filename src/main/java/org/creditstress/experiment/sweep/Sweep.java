package org.creditstress.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.creditstress.experiment.compare.Comparison;
import org.creditstress.experiment.sweep.SweepManifest.PointState;
import org.creditstress.experiment.sweep.SweepManifest.Status;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.run.Experiment;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.Quantiles;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.run.store.CsvNumbers;
import org.creditstress.run.store.ResultsWriter;
import org.creditstress.run.store.RunDirectory;
import org.creditstress.run.store.RunFolder;
import org.creditstress.scenario.KeyPath;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioException;
import org.creditstress.scenario.ScenarioLoader;

/**
 * Runs a sweep: a base scenario at many points, each point being values of the varied keys, each
 * point run with all its replications on the base scenario's seed (so points share common random
 * numbers). Every finished point is streamed to disk at once: its results folder
 * {@code points/<id>/} (written atomically, as {@code run} writes, without charts), a row of the
 * append-only {@code points.csv}, and its status in {@code sweep-manifest.json}. A point that cannot
 * be run (a value the scenario rejects, a model failure) is recorded as failed with the message
 * and the sweep goes on. Running the same sweep into the same folder again resumes it: finished
 * points are kept, not rerun. At the end of every invocation {@code sweep.csv}, {@code charts/}
 * and {@code report.html} are rewritten from the finished points' folders (by the {@link Report}
 * the caller passes).
 */
public final class Sweep {
    public static final String POINTS_DIR = "points";
    public static final String POINTS_CSV = "points.csv";
    public static final String SWEEP_CSV = "sweep.csv";
    public static final String BASE_YAML = "scenario.base.yaml";
    /** Held (as an OS file lock) while an invocation works in the folder, so two cannot run the same sweep at once. */
    static final String LOCK = ".sweep.lock";

    private Sweep() {
    }

    /**
     * What to run. With {@code scenario} null the sweep is taken from the folder's manifest
     * (resume); then {@code sets}, {@code vary}, {@code design} and {@code samples} must be empty.
     *
     * @param sets        overrides of the base scenario ({@code KEY=VALUE}, as --set; --replications and --seed become replications=N, seed=S)
     * @param vary        the {@code KEY=SPEC} texts of --vary
     * @param design      grid, lhs or sobol; null for grid (or, on resume, the stored one)
     * @param metrics     expression texts; empty for the stored ones, else the defaults
     * @param limit       run at most this many points now (null: all); the rest stay pending
     * @param retryFailed rerun points that failed before
     */
    public record Request(Path scenario, List<String> sets, List<String> vary, Design design, Integer samples,
                          List<String> metrics, int threads, Integer limit, boolean retryFailed,
                          List<String> commandLine, String version) {
    }

    /** Told about each point. */
    public interface Listener {
        void pointStarting(SweepPoint point, int number, int count);

        void pointFinished(PointState state, int number, int count);

        /** Something the user should know (adopted or missing folders, stored settings used). */
        default void note(String message) {
        }

        Listener NONE = new Listener() {
            @Override
            public void pointStarting(SweepPoint point, int number, int count) {
            }

            @Override
            public void pointFinished(PointState state, int number, int count) {
            }
        };
    }

    /**
     * Renders the sweep for people (charts, {@code report.html}) at the end of every invocation,
     * while the sweep still holds its folder; the report package provides it.
     */
    public interface Report {
        void write(Outcome outcome) throws IOException;

        Report NONE = outcome -> { };
    }

    /** Where a sweep stands after an invocation, with the base scenario and the design it ran. */
    public record Outcome(Path dir, SweepManifest manifest, int ranNow, List<MetricExpression> metrics,
                          List<SweepResults.PointResult> results, MetricRegistry registry, LoadedScenario base,
                          List<Vary> vary, Design design) {
        public boolean complete() {
            return manifest.count(Status.PENDING) == 0;
        }
    }

    /**
     * What every point of one invocation needs to run besides its own values; serializable, so that
     * the points can run in other JVMs (a cluster's executors, see {@code org.creditstress.spark}).
     * The scenario is read from {@code scenario} by whoever runs the point.
     *
     * @param scenario    the base scenario file, as the sweep reads it
     * @param sets        the base overrides ({@code KEY=VALUE}), before the point's own
     * @param threads     threads of each point's run (results do not depend on it)
     * @param commandLine the sweep's command line, recorded in each point's manifest
     * @param version     the creditstress version, recorded likewise
     * @param csvMetrics  the expressions whose means go into {@code points.csv}
     */
    public record PointJob(String scenario, List<String> sets, int threads, List<String> commandLine, String version,
                           List<String> csvMetrics) implements Serializable {
        public PointJob {
            sets = List.copyOf(sets);
            commandLine = List.copyOf(commandLine);
            csvMetrics = List.copyOf(csvMetrics);
        }

        /** The same job with each point run on {@code n} threads. */
        public PointJob withThreads(int n) {
            return new PointJob(scenario, sets, n, commandLine, version, csvMetrics);
        }
    }

    /** A point that ran: done (its folder written) or failed (with the message), and its {@code points.csv} means. */
    public record PointRun(PointState state, double[] means) {
    }

    /** Where a {@link PointRunner} hands each point: call {@link #starting} before it runs (or as its result arrives), then {@link #finished}. */
    public interface PointSink {
        void starting(SweepPoint point);

        /** Records the point in the manifest and {@code points.csv}; its folder must be in place already when done. */
        void finished(PointRun run) throws IOException;
    }

    /**
     * Runs the pending points of an invocation. {@link #LOCAL} runs them one after another in this
     * JVM, each on all threads; {@code org.creditstress.spark} runs them on a Spark cluster. A runner
     * writes each done point's folder at {@code pointsDir/<id>} exactly as {@link #runPoint} does, and
     * calls the sink on the thread that called {@link #runAll}.
     */
    public interface PointRunner {
        void runAll(PointJob job, List<SweepPoint> points, Path pointsDir, PointSink sink) throws IOException;

        /** Called at the end of every invocation, after the report, while the sweep still holds its folder. */
        default void sweepWritten(Outcome outcome) throws IOException {
        }

        PointRunner LOCAL = (job, points, pointsDir, sink) -> {
            for (SweepPoint p : points) {
                sink.starting(p);
                sink.finished(runPoint(job, p, pointsDir.resolve(p.id())));
            }
        };
    }

    /**
     * Runs one planned point into {@code folder} (written atomically; nothing is left there if it
     * fails): what the local sweep does for each point. A point that cannot be run (a value the
     * scenario rejects, a model failure) comes back failed with the message.
     */
    public static PointRun runPoint(PointJob job, SweepPoint point, Path folder) throws IOException {
        Request req = new Request(null, List.of(), List.of(), null, null, List.of(), job.threads(), null, false,
                job.commandLine(), job.version());
        List<MetricExpression> csvMetrics = job.csvMetrics().stream().map(MetricExpression::parse).toList();
        PointResultNow r = runPoint(point, Path.of(job.scenario()), job.sets(), folder, req, csvMetrics);
        return new PointRun(r.state(), r.means());
    }

    /** Test hook: runs between recording a finished point in the manifest and appending its row to the log. */
    static Runnable afterManifestWrite = () -> { };

    /**
     * Runs (or resumes) the sweep in {@code dir}.
     *
     * @throws IllegalArgumentException for bad input (options, a folder holding another sweep), naming it
     * @throws ScenarioException if the base scenario is invalid
     */
    public static Outcome run(Request req, Path dir, Listener listener, Report report) throws IOException {
        return run(req, dir, listener, report, PointRunner.LOCAL);
    }

    /** Runs (or resumes) the sweep in {@code dir}, its pending points run by {@code runner}. */
    public static Outcome run(Request req, Path dir, Listener listener, Report report, PointRunner runner) throws IOException {
        boolean created = !Files.exists(dir);
        Path firstCreated = dir.toAbsolutePath();
        while (firstCreated.getParent() != null && !Files.exists(firstCreated.getParent())) {
            firstCreated = firstCreated.getParent();
        }
        Files.createDirectories(dir);
        try {
            try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = tryLock(lockFile, dir)) {
                return runInFolder(req, dir, listener, report, runner);
            }
        } finally {
            if (!Files.exists(dir.resolve(SweepManifest.FILE))) {
                // Refused before anything was recorded: leave no trace (best effort).
                try {
                    Files.deleteIfExists(dir.resolve(LOCK));
                    if (created) {
                        Files.deleteIfExists(dir.resolve(POINTS_DIR));
                        Files.deleteIfExists(dir);
                        // and the folders made to hold it (output/sweep/<name>/), if still empty
                        for (Path p = dir.toAbsolutePath().getParent(); p != null && p.startsWith(firstCreated); p = p.getParent()) {
                            Files.deleteIfExists(p);
                        }
                    }
                } catch (IOException notEmpty) {
                    // something else is in there: leave it
                }
            }
        }
    }

    private static Outcome runInFolder(Request req, Path dir, Listener listener, Report report, PointRunner runner)
            throws IOException {
        Path manifestFile = dir.resolve(SweepManifest.FILE);
        SweepManifest existing = Files.isRegularFile(manifestFile) ? SweepManifest.read(manifestFile) : null;
        if (existing == null && !isEmpty(dir)) {
            throw new IllegalArgumentException(dir + " exists and holds no " + SweepManifest.FILE
                    + ", so it is not a sweep to resume; choose another --out or delete it");
        }
        if (existing == null && req.scenario() == null) {
            throw new IllegalArgumentException("--resume " + dir + ": no " + SweepManifest.FILE + " there");
        }

        Path scenario;
        List<String> sets;
        List<Vary> vary = new ArrayList<>();
        Design design;
        Integer samples;
        if (req.scenario() == null) {
            if (!req.sets().isEmpty() || !req.vary().isEmpty() || req.design() != null || req.samples() != null) {
                throw new IllegalArgumentException("--resume " + dir + " without SCENARIO takes the sweep from the folder; "
                        + "give SCENARIO, --set, --vary, --design and --samples all as before, or none of them");
            }
            ObjectNode d = existing.definition();
            scenario = Path.of(d.path("scenario_absolute").asText(d.path("scenario").asText()));
            sets = texts(d.path("sets"));
            for (JsonNode v : d.path("vary")) {
                vary.add(Vary.parse(v.path("key").asText() + "=" + v.path("spec").asText()));
            }
            design = Design.parse(d.path("design").asText("grid"));
            samples = d.hasNonNull("samples") ? d.get("samples").asInt() : null;
        } else {
            scenario = req.scenario();
            sets = List.copyOf(req.sets());
            for (String v : req.vary()) {
                vary.add(Vary.parse(v));
            }
            design = req.design() == null ? Design.GRID : req.design();
            samples = req.samples();
        }
        LoadedScenario base = ScenarioLoader.load(scenario, sets);
        checkNotSet(sets, vary);
        List<SweepPoint> plan = SweepPlan.points(vary, design, samples, base.scenario().seed(), base);
        ObjectNode definition = definition(scenario, sets, vary, design, samples, base);
        if (existing != null) {
            String diff = differences(existing.definition(), definition);
            if (!diff.isEmpty()) {
                throw new IllegalArgumentException(dir + " holds a different sweep (not the same: " + diff + "); "
                        + "choose another --out, or resume it with --resume " + dir + " alone");
            }
        }

        MetricRegistry registry = Experiment.registry(base.scenario());
        long pending = existing == null ? plan.size() : plan.stream().filter(p -> {
            PointState st = existing.points().get(p.id());
            return st == null || st.status() == Status.PENDING || st.status() == Status.FAILED && req.retryFailed();
        }).count();
        int toRun = (int) Math.max(1, req.limit() == null ? pending : Math.min(pending, req.limit()));
        // The base scenario stands for every point (a varied population size is checked point by point).
        Experiment.Estimate estimate = Experiment.checkFits(base, req.threads(), new Experiment.Workload(
                "sweep of " + toRun + " point(s)", toRun, 1, 1, Keep.NOTHING, true));
        if (estimate.seconds() > Experiment.LONG_RUN_SECONDS) {
            listener.note("this sweep is estimated to need " + estimate.describe() + " on " + req.threads() + " threads");
        }
        List<String> metricTexts = !req.metrics().isEmpty() ? req.metrics()
                : existing != null && !existing.metrics().isEmpty() ? existing.metrics()
                : Comparison.defaultExpressions(List.of(base.scenario())).stream().map(MetricExpression::text).toList();
        List<MetricExpression> metrics = parseMetrics(metricTexts, registry);

        Files.createDirectories(dir.resolve(POINTS_DIR));
        return runLocked(req, dir, listener, report, runner, existing, scenario, sets, vary, design, base, plan, definition,
                registry, metrics, manifestFile);
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalArgumentException(dir + " is in use by another sweep that is running now; wait for it or stop it first");
        }
        return lock;
    }

    private static Outcome runLocked(Request req, Path dir, Listener listener, Report report, PointRunner runner,
                                     SweepManifest existing,
                                     Path scenario,
                                     List<String> sets, List<Vary> vary, Design design, LoadedScenario base,
                                     List<SweepPoint> plan, ObjectNode definition, MetricRegistry registry,
                                     List<MetricExpression> metrics, Path manifestFile) throws IOException {
        removeIncomplete(dir.resolve(POINTS_DIR));
        SweepManifest m = existing != null ? existing : new SweepManifest(req.version(), definition);
        m.version(req.version());
        m.metrics(metrics.stream().map(MetricExpression::text).toList());
        AtomicFiles.writeString(dir.resolve(BASE_YAML), "# Base scenario of the sweep: every default filled in, before the varied keys.\n"
                + base.resolvedYaml());

        Path pointsCsv = dir.resolve(POINTS_CSV);
        List<String> keys = vary.stream().map(Vary::key).toList();
        if (!Files.isRegularFile(pointsCsv)) {
            m.pointsCsvMetrics(m.metrics());
            AtomicFiles.writeString(pointsCsv, pointsHeader(keys, m.pointsCsvMetrics()));
        } else if (m.pointsCsvMetrics().isEmpty()) {
            m.pointsCsvMetrics(m.metrics());
        }
        List<MetricExpression> csvMetrics = m.pointsCsvMetrics().stream().map(MetricExpression::parse).toList();
        Set<String> logged = loggedRows(pointsCsv);

        // Reconcile the plan, the stored statuses and the point folders.
        Map<String, PointState> stored = new LinkedHashMap<>(m.points());
        m.points().clear();
        for (SweepPoint p : plan) {
            PointState old = stored.get(p.id());
            PointState s = old != null && old.point().values().equals(p.values()) ? old : PointState.pending(p);
            boolean folder = isRunFolder(dir.resolve(POINTS_DIR).resolve(p.id()));
            if (s.status() == Status.DONE && !folder) {
                listener.note(p.id() + ": its folder is missing, so it runs again");
                s = PointState.pending(p);
            } else if (s.status() == Status.DONE && !logged.contains(p.id() + "," + s.status().label())) {
                // Killed between recording the point in the manifest and appending its row.
                listener.note(p.id() + ": its row in " + POINTS_CSV + " was missing; written again from its folder");
                appendPoint(pointsCsv, logged, s, fromFolder(dir, p, csvMetrics));
            } else if (s.status() != Status.DONE && folder) {
                listener.note(p.id() + ": adopting its finished folder (the manifest had not recorded it)");
                s = new PointState(p, Status.DONE, null, Double.NaN, Instant.now().toString());
                appendPoint(pointsCsv, logged, s, fromFolder(dir, p, csvMetrics));
            } else if (s.status() == Status.FAILED && req.retryFailed()) {
                s = PointState.pending(p);
            }
            m.put(s);
        }
        ObjectNode invocation = m.addInvocation(req.commandLine(), Instant.now().toString());
        m.write(manifestFile);

        List<SweepPoint> todo = m.points().values().stream().filter(s -> s.status() == Status.PENDING)
                .map(PointState::point).toList();
        int count = req.limit() == null ? todo.size() : Math.min(todo.size(), Math.max(0, req.limit()));
        PointJob job = new PointJob(scenario.toString(), sets, req.threads(), req.commandLine(), req.version(),
                m.pointsCsvMetrics());
        Map<String, Integer> numbers = new HashMap<>();
        runner.runAll(job, todo.subList(0, count), dir.resolve(POINTS_DIR), new PointSink() {
            @Override
            public void starting(SweepPoint p) {
                numbers.put(p.id(), numbers.size() + 1);
                listener.pointStarting(p, numbers.get(p.id()), count);
            }

            @Override
            public void finished(PointRun r) throws IOException {
                m.put(r.state());
                m.write(manifestFile);
                afterManifestWrite.run();
                appendPoint(pointsCsv, logged, r.state(), r.means());
                listener.pointFinished(r.state(), numbers.getOrDefault(r.state().point().id(), 0), count);
            }
        });
        invocation.put("end_time", Instant.now().toString());
        invocation.put("points_run", count);

        List<SweepResults.PointResult> results = SweepResults.read(dir, m.points().values(), metrics);
        SweepResults.writeCsv(dir.resolve(SWEEP_CSV), keys, results, metrics);
        m.write(manifestFile);
        Outcome outcome = new Outcome(dir, m, count, metrics, results, registry, base, List.copyOf(vary), design);
        report.write(outcome);
        runner.sweepWritten(outcome);
        return outcome;
    }

    private record PointResultNow(PointState state, double[] means) {
    }

    private static PointResultNow runPoint(SweepPoint p, Path scenario, List<String> sets, Path folder, Request req,
                                           List<MetricExpression> csvMetrics) throws IOException {
        long t0 = System.nanoTime();
        List<String> overrides = new ArrayList<>(sets);
        overrides.addAll(p.overrides());
        try {
            LoadedScenario loaded = ScenarioLoader.load(scenario, overrides);
            Experiment.checkFits(loaded);
            // Written to the point's folder replication by replication; only the expressions are kept.
            KeptRun run;
            try (RunDirectory rd = RunDirectory.create(folder)) {
                run = ResultsWriter.run(loaded, req.threads(), ProgressListener.NONE, Keep.expressions(csvMetrics), rd.temp(),
                        req.commandLine(), req.version());
                rd.commit();
            }
            double[] means = new double[csvMetrics.size()];
            for (int j = 0; j < means.length; j++) {
                try {
                    means[j] = Quantiles.mean(run.values(csvMetrics.get(j)));
                } catch (IllegalArgumentException missing) {
                    means[j] = Double.NaN;
                }
            }
            return new PointResultNow(new PointState(p, Status.DONE, null, seconds(t0), Instant.now().toString()), means);
        } catch (ScenarioException e) {
            String msg = e.problems().stream().map(Object::toString).collect(Collectors.joining("; "));
            return failed(p, msg, t0, csvMetrics.size());
        } catch (RuntimeException | OutOfMemoryError e) {
            String msg = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return failed(p, msg, t0, csvMetrics.size());
        }
    }

    private static PointResultNow failed(SweepPoint p, String message, long t0, int metrics) {
        double[] nan = new double[metrics];
        java.util.Arrays.fill(nan, Double.NaN);
        return new PointResultNow(new PointState(p, Status.FAILED, message.replace('\n', ' '), seconds(t0),
                Instant.now().toString()), nan);
    }

    private static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e6) / 1000.0;
    }

    /** Means of the points.csv expressions read back from a finished point's folder. */
    private static double[] fromFolder(Path dir, SweepPoint p, List<MetricExpression> metrics) throws IOException {
        double[][] v = RunFolder.perReplication(dir.resolve(POINTS_DIR).resolve(p.id()), metrics);
        double[] means = new double[metrics.size()];
        for (int j = 0; j < means.length; j++) {
            means[j] = v[j] == null ? Double.NaN : Quantiles.mean(v[j]);
        }
        return means;
    }

    static String pointsHeader(List<String> keys, List<String> metrics) {
        List<String> h = new ArrayList<>(List.of("point", "status"));
        keys.forEach(k -> h.add(csv(k)));
        h.add("seconds");
        metrics.forEach(e -> h.add(csv("mean " + e)));
        h.add("error");
        return String.join(",", h) + "\n";
    }

    /** Appends a point's row to points.csv unless an identical (point, status) row is there already. */
    private static void appendPoint(Path file, Set<String> logged, PointState s, double[] means) throws IOException {
        if (!logged.add(s.point().id() + "," + s.status().label())) {
            return;
        }
        List<String> row = new ArrayList<>(List.of(s.point().id(), s.status().label()));
        s.point().values().values().forEach(v -> row.add(csv(v)));
        row.add(Double.isNaN(s.seconds()) ? "" : CsvNumbers.format(s.seconds()));
        for (double x : means) {
            row.add(CsvNumbers.format(x));
        }
        row.add(s.error() == null ? "" : csv(s.error()));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            w.write(String.join(",", row) + "\n");
        }
    }

    /** The {@code point,status} pairs already in points.csv. */
    private static Set<String> loggedRows(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        try (Stream<String> lines = Files.lines(file)) {
            lines.skip(1).forEach(l -> {
                String[] f = l.split(",", 3);
                if (f.length >= 2) {
                    out.add(f[0] + "," + f[1]);
                }
            });
        }
        return out;
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static boolean isRunFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(RunFolder.MANIFEST)) && Files.isRegularFile(folder.resolve(RunFolder.METRICS));
    }

    /** Empty but for the lock file. */
    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().equals(LOCK));
        }
    }

    /** Deletes temporary folders a killed invocation left behind (a point interrupted mid-write). */
    private static void removeIncomplete(Path pointsDir) throws IOException {
        List<Path> stale;
        try (Stream<Path> s = Files.list(pointsDir)) {
            stale = s.filter(p -> p.getFileName().toString().startsWith(".incomplete-")).toList();
        }
        for (Path p : stale) {
            try (Stream<Path> walk = Files.walk(p)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> {
                    try {
                        Files.delete(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** A varied key must not also be --set: which one should win would be a guess. */
    private static void checkNotSet(List<String> sets, List<Vary> vary) {
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key;
            try {
                key = KeyPath.join(KeyPath.split(s.substring(0, eq).strip()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (Vary v : vary) {
                if (v.key().equals(key)) {
                    throw new IllegalArgumentException("--vary " + v.key() + " is also given as --set " + s + "; drop one");
                }
            }
        }
    }

    private static List<MetricExpression> parseMetrics(List<String> texts, MetricRegistry registry) {
        List<MetricExpression> out = new ArrayList<>();
        for (String t : texts) {
            MetricExpression e;
            try {
                e = MetricExpression.parse(t);
                e.column(registry);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("--metric " + ex.getMessage());
            }
            if (out.stream().noneMatch(x -> x.text().equals(e.text()))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The sweep's identity and how to redo it. */
    static ObjectNode definition(Path scenario, List<String> sets, List<Vary> vary, Design design, Integer samples,
                                 LoadedScenario base) {
        ObjectNode d = new ObjectMapper().createObjectNode();
        d.put("scenario", scenario.toString());
        d.put("scenario_absolute", scenario.toAbsolutePath().normalize().toString());
        d.put("scenario_name", base.scenario().name());
        ArrayNode s = d.putArray("sets");
        sets.forEach(s::add);
        d.put("base_sha256", sha256(base.resolvedYaml()));
        d.put("master_seed", base.scenario().seed());
        d.put("replications", base.scenario().replications());
        d.put("borrowers", base.scenario().population().size());
        d.put("months", base.scenario().horizon().months());
        d.put("design", design.label());
        if (samples != null) {
            d.put("samples", samples);
        } else {
            d.putNull("samples");
        }
        if (design == Design.LHS) {
            d.put("lhs_seed", LatinHypercube.seedFor(base.scenario().seed()));
        }
        ArrayNode v = d.putArray("vary");
        for (Vary x : vary) {
            ObjectNode o = v.addObject();
            o.put("key", x.key());
            o.put("spec", x.spec().replace(" ", ""));
        }
        return d;
    }

    /** Which parts of two definitions differ, or empty. */
    static String differences(ObjectNode stored, ObjectNode now) {
        List<String> diff = new ArrayList<>();
        if (!stored.path("base_sha256").equals(now.path("base_sha256"))) {
            diff.add("the base scenario (file or --set/--seed/--replications)");
        }
        for (String f : List.of("design", "samples", "vary")) {
            if (!stored.path(f).equals(now.path(f))) {
                diff.add(f.equals("vary") ? "--vary" : "--" + f);
            }
        }
        return String.join(", ", diff);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
