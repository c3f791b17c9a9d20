package org.creditstress.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.metric.Metric;
import org.creditstress.model.InvariantViolation;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.model.trace.BorrowerTrace.AccountRecord;
import org.creditstress.model.trace.BorrowerTrace.MonthRecord;
import org.creditstress.report.TraceStory;
import org.creditstress.run.Quantiles;
import org.creditstress.run.SteppedRun;
import org.creditstress.scenario.LoadedScenario;

/**
 * One run on the page: one or two settings of a scenario (A, and B to compare), each a {@link
 * SteppedRun} of its replications on the same seeds, and the borrower followed in replication 0 of
 * each. Each step moves every setting through the next month and publishes, per setting, the 5th,
 * 50th and 95th percentiles across replications of the charted metrics (as {@code summary.csv}
 * computes them), the followed borrower's month and the state. Steps are serialised by the session's lock; the
 * state moves READY, then RUNNING and PAUSED as the page asks, to DONE after the last month, or
 * FAILED when the model stops the run.
 */
final class Session {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] PERCENTILES = {5, 50, 95};

    /** Where the run is. */
    enum State { READY, RUNNING, PAUSED, DONE, FAILED, CLOSED }

    /**
     * One setting: its name ("A" or "B"), the {@code --set} overrides the page sent, the scenario as
     * loaded, its replications and the borrower it follows.
     */
    record Setting(String name, List<String> overrides, LoadedScenario loaded, SteppedRun run, BorrowerTrace trace) {
    }

    private final String id;
    private final String scenario;
    private final List<Setting> settings;
    private final List<String> charted;
    private final int[] columns;
    private final EventLog events = new EventLog();
    private State state = State.READY;
    private double monthsPerSecond;
    private volatile long touched = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicInteger subscribers = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A session over built settings; {@code charted} are the metric names pushed each month, all in
     * each setting's registry. Publishes the followed borrower's introduction and the READY state.
     */
    Session(String id, String scenario, List<Setting> settings, List<String> charted, List<String> followed,
            double monthsPerSecond) {
        this.id = id;
        this.scenario = scenario;
        this.settings = List.copyOf(settings);
        this.charted = List.copyOf(charted);
        this.columns = charted.stream().mapToInt(m -> settings.get(0).run().registry().index(m)).toArray();
        this.monthsPerSecond = monthsPerSecond;
        for (int s = 0; s < settings.size(); s++) {
            ObjectNode o = JSON.createObjectNode();
            o.put("setting", settings.get(s).name());
            o.putNull("month");
            o.put("line", followed.get(s));
            events.publish("story", o.toString());
            // The last burn-in months, as the trace command tells them, so a story already under way
            // in month 1 has its beginning.
            for (MonthRecord m : settings.get(s).trace().months()) {
                if (m.month > -TraceStory.LEAD_IN_MONTHS && m.month <= 0) {
                    publishStory(settings.get(s), m);
                }
            }
        }
        publishState(null);
    }

    String id() {
        return id;
    }

    String scenario() {
        return scenario;
    }

    List<Setting> settings() {
        return settings;
    }

    List<String> charted() {
        return charted;
    }

    EventLog events() {
        return events;
    }

    int months() {
        return settings.get(0).run().months();
    }

    synchronized int month() {
        return settings.get(0).run().month();
    }

    synchronized State state() {
        return state;
    }

    synchronized double monthsPerSecond() {
        return monthsPerSecond;
    }

    synchronized void monthsPerSecond(double speed) {
        monthsPerSecond = speed;
    }

    void touch() {
        touched = System.nanoTime();
    }

    long touchedNanos() {
        return touched;
    }

    /** A page is watching (its event stream is open): the session is not idle. */
    void subscribe() {
        subscribers.incrementAndGet();
        touch();
    }

    void unsubscribe() {
        subscribers.decrementAndGet();
        touch();
    }

    int subscribers() {
        return subscribers.get();
    }

    /** Run: from READY or PAUSED. Returns whether the state changed. */
    synchronized boolean run() {
        if (state == State.READY || state == State.PAUSED) {
            state = State.RUNNING;
            publishState(null);
            return true;
        }
        return false;
    }

    /** Pause a running session. */
    synchronized void pause() {
        if (state == State.RUNNING) {
            state = State.PAUSED;
            publishState(null);
        }
    }

    /** Closes the session: no more steps; connected pages see the CLOSED state and their streams end. */
    synchronized void close() {
        if (state != State.CLOSED) {
            state = State.CLOSED;
            publishState(null);
            events.close();
        }
    }

    /**
     * Steps every setting through the next month and publishes it, unless the run is finished,
     * failed or closed. {@code whileRunning}: only if the state is still RUNNING (a paused run's
     * pending tick does nothing). Returns whether the session is still running with months to go.
     */
    synchronized boolean step(boolean whileRunning) {
        if (whileRunning ? state != State.RUNNING : !(state == State.READY || state == State.PAUSED || state == State.RUNNING)) {
            return false;
        }
        try {
            for (Setting s : settings) {
                double[][] rows = s.run().step();
                publishMonth(s, rows);
            }
        } catch (InvariantViolation e) {
            fail("error: the model broke an invariant, so the run was stopped: " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            fail("internal error: " + e);
            throw e;
        }
        if (settings.get(0).run().done()) {
            state = State.DONE;
        } else if (state == State.READY) {
            state = State.PAUSED;
        }
        // After every month, so the page can say which month it is and a test can wait for one.
        publishState(null);
        return state == State.RUNNING;
    }

    private void fail(String message) {
        state = State.FAILED;
        publishState(message);
    }

    private void publishMonth(Setting s, double[][] rows) {
        int month = s.run().month();
        ObjectNode o = JSON.createObjectNode();
        o.put("setting", s.name());
        o.put("month", month);
        ObjectNode series = o.putObject("series");
        double[] across = new double[rows.length];
        for (int c = 0; c < columns.length; c++) {
            for (int r = 0; r < rows.length; r++) {
                across[r] = rows[r][columns[c]];
            }
            ArrayNode q = series.putArray(charted.get(c));
            for (double p : PERCENTILES) {
                double x = Quantiles.percentile(across, p);
                if (Double.isNaN(x)) {
                    q.addNull();
                } else {
                    q.add(x);
                }
            }
        }
        events.publish("month", o.toString());
        MonthRecord record = lastRecord(s.trace(), month);
        if (record != null) {
            publishStory(s, record);
        }
    }

    /** The followed borrower's month: the story's line and where the borrower stands. */
    private void publishStory(Setting s, MonthRecord record) {
        ObjectNode story = JSON.createObjectNode();
        story.put("setting", s.name());
        story.put("month", record.month);
        story.put("line", TraceStory.month(record));
        story.put("employed", record.employed);
        story.put("income", Math.round(record.income));
        story.put("savings", Math.round(record.savings));
        story.put("score", Math.round(record.creditScore));
        double owed = 0;
        int worst = 0;
        for (AccountRecord a : record.accounts) {
            owed += a.balance;
            worst = Math.max(worst, a.monthsPastDue);
        }
        story.put("owed", Math.round(owed));
        story.put("monthsPastDue", worst);
        events.publish("story", story.toString());
    }

    private static MonthRecord lastRecord(BorrowerTrace trace, int month) {
        List<MonthRecord> months = trace.months();
        return !months.isEmpty() && months.get(months.size() - 1).month == month ? months.get(months.size() - 1) : null;
    }

    private void publishState(String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        o.put("month", settings.get(0).run().month());
        o.put("months", months());
        o.put("monthsPerSecond", monthsPerSecond);
        if (message != null) {
            o.put("message", message);
        }
        events.publish("state", o.toString());
    }

    /** The charted metrics as the page describes them: name, unit, meaning. */
    List<Metric> chartedMetrics() {
        List<Metric> all = settings.get(0).run().registry().metrics();
        List<Metric> out = new ArrayList<>();
        for (int c : columns) {
            out.add(all.get(c));
        }
        return out;
    }
}
