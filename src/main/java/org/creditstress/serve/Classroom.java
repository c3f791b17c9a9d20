package org.creditstress.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.creditstress.model.Catalogue;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.report.TraceStory;
import org.creditstress.run.BorrowerPick;
import org.creditstress.run.Experiment;
import org.creditstress.run.SteppedRun;
import org.creditstress.scenario.KeyPath;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioException;
import org.creditstress.scenario.ScenarioFormat;
import org.creditstress.scenario.ScenarioLoader;
import org.creditstress.scenario.ScenarioProblem;

/**
 * What the classroom page can ask, apart from HTTP: the shipped scenarios and their controls, and
 * runs (sessions) that are set up, run, paused, stepped and reset. A setting is a list of {@code
 * --set KEY=VALUE} overrides, loaded with the command line's {@link ScenarioLoader} and checked with
 * its {@link Experiment#checkFits}, so the page's errors are the command line's lines; then against
 * the {@link ClassroomLimits}. Two settings run on the same seed, replications and population
 * (common random numbers): the difference between them is what was set.
 *
 * <p>The model runs on a few worker threads ({@link ClassroomLimits#maxRunning()}), never on the
 * threads that answer requests: a running session steps one month per task and schedules its next
 * month after the delay its speed asks for, so sessions share the workers month by month.
 */
public final class Classroom implements AutoCloseable {
    /** The metrics pushed to the page every month, before each lender's capital ratio and cash. */
    static final List<String> MARKET_CHARTS = List.of("unemployment_rate", "m1plus_ratio", "m3plus_ratio", "loss_rate_cumulative");
    /** Per lender: {@code lender.<name>.} and these. */
    static final List<String> LENDER_CHARTS = List.of("capital_ratio", "cash");
    /** Months per second a run starts at. */
    static final double DEFAULT_SPEED = 6;
    static final double MAX_SPEED = 100;
    static final int MAX_OVERRIDES = 200;
    static final int MAX_OVERRIDE_CHARS = 4000;

    private final ShippedScenarios scenarios;
    private final ClassroomLimits limits;
    private final ChunkExecutor chunks;
    private final ScheduledExecutorService workers;
    private final Consumer<String> log;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final SecureRandom ids = new SecureRandom();

    /**
     * @param scenariosFolder the shipped scenarios ({@code scenarios/})
     * @param threads         threads each month's borrower chunks run on
     * @param log             where internal failures are reported (the command's standard error)
     */
    public Classroom(Path scenariosFolder, ClassroomLimits limits, int threads, Consumer<String> log) {
        this.scenarios = new ShippedScenarios(scenariosFolder);
        this.limits = limits;
        this.chunks = new ChunkExecutor(threads);
        this.workers = Executors.newScheduledThreadPool(limits.maxRunning(), r -> {
            Thread t = new Thread(r, "classroom-worker");
            t.setDaemon(true);
            return t;
        });
        this.log = log;
        workers.scheduleWithFixedDelay(this::closeIdle, 1, 1, TimeUnit.MINUTES);
    }

    ClassroomLimits limits() {
        return limits;
    }

    List<String> scenarioNames() {
        return scenarios.names();
    }

    /**
     * A scenario as the page shows it before a run: its name, description, months and lenders, the
     * controls generated from the schema with the scenario's values, and the metrics charted.
     */
    ObjectNode describe(String name) {
        LoadedScenario loaded = load(name, List.of(), "", false);
        Scenario s = loaded.scenario();
        ObjectNode out = LessonControls.describe(ScenarioFormat.standard().root(), loaded, Catalogue.standard().policies().meanings(),
                limits);
        out.put("scenario", name);
        out.put("name", s.name());
        out.put("description", s.description());
        out.put("months", s.horizon().months());
        ArrayNode lenders = out.putArray("lenders");
        s.lenders().forEach(l -> lenders.add(l.name()));
        ArrayNode picks = out.putArray("picks");
        for (BorrowerPick p : BorrowerPick.values()) {
            picks.add(p.label());
        }
        out.put("follow", SetupRequest.DEFAULT_FOLLOW);
        return out;
    }

    /**
     * Sets up a run from a request {@code {"scenario": NAME, "settings": [[KEY=VALUE...], [...]],
     * "follow": PICK or BORROWER, "monthsPerSecond": X}}: loads and checks each setting, builds its
     * replications and runs their burn-in, on a worker. Closes the least recently used idle run when
     * as many are open as allowed.
     *
     * @throws RequestException with the loader's lines (400), an unknown scenario (404), or no room (503)
     */
    Session setup(JsonNode body) {
        SetupRequest request = SetupRequest.parse(body);
        List<LoadedScenario> loaded = new ArrayList<>();
        for (int i = 0; i < request.settings().size(); i++) {
            loaded.add(load(request.scenario(), request.settings().get(i), settingName(i, request.settings().size()), true));
        }
        if (loaded.size() == 2) {
            checkCommonRandomNumbers(loaded.get(0).scenario(), loaded.get(1).scenario());
        }
        Object follow = follow(request.follow(), loaded.get(0).scenario());
        double speed = request.monthsPerSecond() == null ? DEFAULT_SPEED : checkSpeed(request.monthsPerSecond());
        makeRoom();
        Future<Session> built = workers.submit(() -> build(request, loaded, follow, speed));
        Session session;
        try {
            session = built.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RequestException.of(503, "the server is shutting down");
        } catch (ExecutionException e) {
            throw ChunkExecutor.rethrow(e);
        }
        synchronized (this) {
            // Another setup may have taken the room while this one was built.
            try {
                makeRoom();
            } catch (RequestException e) {
                session.close();
                throw e;
            }
            sessions.put(session.id(), session);
        }
        return session;
    }

    private static String settingName(int i, int of) {
        return of == 1 ? "" : i == 0 ? "A" : "B";
    }

    /**
     * A scenario with overrides, as {@code ./creditstress validate} checks it, then ({@code toRun})
     * against the classroom limits.
     */
    private LoadedScenario load(String name, List<String> overrides, String setting, boolean toRun) {
        Path file = scenarios.file(name);
        LoadedScenario loaded;
        try {
            loaded = ScenarioLoader.load(file, overrides);
            if (toRun) {
                Experiment.checkFits(loaded);
                checkLimits(loaded, overrides);
            }
        } catch (ScenarioException e) {
            List<String> lines = new ArrayList<>();
            for (ScenarioProblem p : e.problems()) {
                lines.add("error: " + p);
            }
            throw new SettingException(setting, lines);
        }
        return loaded;
    }

    /** A setting the loader or the limits refused: its lines, and which setting ("A", "B", or "" alone). */
    static final class SettingException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String setting;
        private final transient List<String> lines;

        SettingException(String setting, List<String> lines) {
            super(String.join("\n", lines));
            this.setting = setting;
            this.lines = List.copyOf(lines);
        }

        String setting() {
            return setting;
        }

        List<String> lines() {
            return lines;
        }
    }

    private void checkLimits(LoadedScenario loaded, List<String> overrides) {
        Scenario s = loaded.scenario();
        List<ScenarioProblem> problems = new ArrayList<>();
        limit(problems, loaded, overrides, "population.size", s.population().size(), limits.maxBorrowers(), "borrowers");
        limit(problems, loaded, overrides, "replications", s.replications(), limits.maxReplications(), "replications");
        limit(problems, loaded, overrides, "horizon.months", s.horizon().months(), limits.maxMonths(), "months");
        limit(problems, loaded, overrides, "horizon.burn_in_months", s.horizon().burnInMonths(), limits.maxBurnInMonths(),
                "burn-in months");
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    /** A value above its classroom limit, located like a loader problem: the last --set of the key, else the file. */
    private static void limit(List<ScenarioProblem> problems, LoadedScenario loaded, List<String> overrides, String key, long value,
                              long max, String what) {
        if (value <= max) {
            return;
        }
        String reason = "the classroom page runs at most " + max + " " + what + ", got " + value
                + " (./creditstress run has no such limit)";
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (key.equals(overrideKey(overrides.get(i)))) {
                problems.add(new ScenarioProblem("--set " + overrides.get(i), 0, key, reason));
                return;
            }
        }
        problems.add(loaded.problemAt(key, reason));
    }

    /** The normalised key path of a {@code KEY=VALUE} override, or null when it has none. */
    private static String overrideKey(String override) {
        int eq = override.indexOf('=');
        try {
            return eq <= 0 ? null : KeyPath.join(KeyPath.split(override.substring(0, eq).trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void checkCommonRandomNumbers(Scenario a, Scenario b) {
        List<String> lines = new ArrayList<>();
        same(lines, "seed", a.seed(), b.seed());
        same(lines, "replications", a.replications(), b.replications());
        same(lines, "population.size", a.population().size(), b.population().size());
        same(lines, "horizon.months", a.horizon().months(), b.horizon().months());
        same(lines, "horizon.burn_in_months", a.horizon().burnInMonths(), b.horizon().burnInMonths());
        if (!lines.isEmpty()) {
            throw new SettingException("B", lines);
        }
    }

    private static void same(List<String> lines, String key, long a, long b) {
        if (a != b) {
            lines.add("error: " + key + ": setting B must run with setting A's " + key + " (common random numbers: the two "
                    + "settings differ only in what they set), got " + b + " and " + a);
        }
    }

    /** The borrower to follow: a {@link BorrowerPick} or a borrower index in the population. */
    private static Object follow(String follow, Scenario s) {
        if (follow.matches("\\d{1,9}")) {
            int borrower = Integer.parseInt(follow);
            if (borrower >= s.population().size()) {
                throw RequestException.of(400, "--borrower must be in [0, " + (s.population().size() - 1) + "], got " + borrower);
            }
            return borrower;
        }
        Optional<BorrowerPick> pick = BorrowerPick.parse(follow);
        if (pick.isEmpty()) {
            throw RequestException.of(400, "follow: '" + clip(follow) + "' is not one of " + BorrowerPick.labels()
                    + ", or a borrower number");
        }
        return pick.get();
    }

    static double checkSpeed(double speed) {
        if (!(speed >= 0 && speed <= MAX_SPEED)) {
            throw RequestException.of(400, "monthsPerSecond must be in [0, " + (int) MAX_SPEED
                    + "] (0: as fast as the machine goes), got " + speed);
        }
        return speed;
    }

    private Session build(SetupRequest request, List<LoadedScenario> loaded, Object follow, double speed) {
        Scenario first = loaded.get(0).scenario();
        int borrower;
        String why;
        if (follow instanceof BorrowerPick pick) {
            long seed0 = new SeedPlan(first.seed()).replicationSeed(0);
            borrower = pick.find(first, seed0, chunks);
            String said = pick.label().replace('-', ' ');
            why = borrower >= 0 ? "borrower " + borrower + ", " + said + (loaded.size() == 2 ? " in setting A" : "")
                    : "borrower 0 (nobody in replication 0 fits '" + pick.label() + "')";
            borrower = Math.max(borrower, 0);
        } else {
            borrower = (Integer) follow;
            why = "borrower " + borrower;
        }
        List<Session.Setting> settings = new ArrayList<>();
        List<String> introductions = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            BorrowerTrace trace = new BorrowerTrace(borrower);
            SteppedRun run = new SteppedRun(loaded.get(i), chunks, trace);
            String name = i == 0 ? "A" : "B";
            settings.add(new Session.Setting(name, request.settings().get(i), loaded.get(i), run, trace));
            introductions.add(TraceStory.header(run.replication(0).market(), loaded.get(i).scenario(), borrower, why, "at the start"));
        }
        List<String> charted = new ArrayList<>(MARKET_CHARTS);
        for (LenderSpec l : first.lenders()) {
            LENDER_CHARTS.forEach(m -> charted.add("lender." + l.name() + "." + m));
        }
        byte[] raw = new byte[16];
        ids.nextBytes(raw);
        return new Session(HexFormat.of().formatHex(raw), request.scenario(), settings, charted, introductions, speed);
    }

    /** Closes runs left alone too long, then, if still full, the least recently used one that is not running. */
    private void makeRoom() {
        closeIdle();
        synchronized (this) {
            if (sessions.size() < limits.maxSessions()) {
                return;
            }
            Session oldest = null;
            for (Session s : sessions.values()) {
                if (s.state() != Session.State.RUNNING && (oldest == null || s.touchedNanos() < oldest.touchedNanos())) {
                    oldest = s;
                }
            }
            if (oldest == null) {
                throw RequestException.of(503, "the page has " + sessions.size() + " runs open and all are running; "
                        + "pause or reset one, or wait for one to finish");
            }
            sessions.remove(oldest.id()).close();
        }
    }

    private synchronized void closeIdle() {
        long now = System.nanoTime();
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (now - s.touchedNanos() > TimeUnit.MINUTES.toNanos(limits.idleMinutes()) && s.subscribers() == 0) {
                s.close();
                it.remove();
            }
        }
    }

    /** An open run; 404 if there is none of that id (reset, closed as idle, or never set up). */
    synchronized Session session(String id) {
        Session s = id == null ? null : sessions.get(id);
        if (s == null) {
            throw RequestException.of(404, "no run '" + clip(String.valueOf(id)) + "' is open (it was reset or closed "
                    + "after " + limits.idleMinutes() + " idle minutes); press Setup");
        }
        s.touch();
        return s;
    }

    /** Runs a session month after month at its speed until it is paused, finished or reset. */
    void run(String id, Double speed) {
        Session s = session(id);
        if (speed != null) {
            s.monthsPerSecond(checkSpeed(speed));
        }
        if (s.run()) {
            workers.execute(() -> tick(s));
        }
    }

    private void tick(Session s) {
        boolean more;
        try {
            more = s.step(true);
        } catch (RuntimeException e) {
            log.accept("classroom: run " + s.id() + " failed: " + e);
            return;
        }
        if (more) {
            double speed = s.monthsPerSecond();
            long delayMicros = speed <= 0 ? 0 : (long) (1e6 / speed);
            workers.schedule(() -> tick(s), delayMicros, TimeUnit.MICROSECONDS);
        }
    }

    void pause(String id) {
        session(id).pause();
    }

    /** One month, when the run is set up or paused (a running run goes on by itself). */
    void step(String id) {
        Session s = session(id);
        Session.State state = s.state();
        if (state == Session.State.RUNNING) {
            throw RequestException.of(409, "the run is running; pause it to step month by month");
        }
        if (state == Session.State.DONE || state == Session.State.FAILED) {
            throw RequestException.of(409, "the run is " + state.name().toLowerCase(Locale.ROOT) + "; press Reset, then Setup");
        }
        workers.execute(() -> {
            try {
                s.step(false);
            } catch (RuntimeException e) {
                log.accept("classroom: run " + s.id() + " failed: " + e);
            }
        });
    }

    void speed(String id, double speed) {
        session(id).monthsPerSecond(checkSpeed(speed));
    }

    void reset(String id) {
        Session s = session(id);
        synchronized (this) {
            sessions.remove(id);
        }
        s.close();
    }

    /**
     * A setting as a scenario file: the resolved scenario (every default filled in, the overrides
     * applied), headed by comments saying where it came from and how to run it, so that {@code
     * ./creditstress run FILE} gives the page's numbers.
     */
    String yaml(String id, String setting) {
        Session s = session(id);
        Session.Setting chosen = s.settings().stream().filter(x -> x.name().equals(setting)).findFirst()
                .orElseThrow(() -> RequestException.of(404, "setting must be " + String.join(" or ",
                        s.settings().stream().map(Session.Setting::name).toList())));
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(oneLine(chosen.loaded().scenario().name())).append(", setting ").append(chosen.name())
                .append(" of the classroom page: scenarios/").append(s.scenario()).append(" with\n");
        for (String o : chosen.overrides()) {
            sb.append("#   --set ").append(oneLine(o)).append('\n');
        }
        sb.append("# Every default is filled in. The same numbers on the command line:\n")
                .append("#   ./creditstress run ").append(fileName(s, chosen)).append('\n')
                .append(chosen.loaded().resolvedYaml());
        return sb.toString();
    }

    /** The download's file name: the scenario's name and the setting, safe on any file system. */
    static String fileName(Session s, Session.Setting setting) {
        String base = setting.loaded().scenario().name().replaceAll("[^A-Za-z0-9_-]", "_");
        if (base.length() > 60) {
            base = base.substring(0, 60);
        }
        return (base.isEmpty() ? "scenario" : base) + "-" + setting.name() + ".yaml";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }

    static String clip(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    /** The page's view of a session just set up: its id, settings, months and the charted metrics. */
    static ObjectNode describe(Session s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("session", s.id());
        o.put("scenario", s.scenario());
        o.put("months", s.months());
        ArrayNode settings = o.putArray("settings");
        for (Session.Setting x : s.settings()) {
            ObjectNode so = settings.addObject();
            so.put("name", x.name());
            ArrayNode sets = so.putArray("overrides");
            x.overrides().forEach(sets::add);
            so.put("file", fileName(s, x));
        }
        ArrayNode charts = o.putArray("charts");
        for (var m : s.chartedMetrics()) {
            ObjectNode c = charts.addObject();
            c.put("metric", m.name());
            c.put("unit", m.unit().label());
            c.put("description", m.description());
        }
        return o;
    }

    @Override
    public void close() {
        synchronized (this) {
            sessions.values().forEach(Session::close);
            sessions.clear();
        }
        workers.shutdownNow();
        chunks.close();
    }
}
