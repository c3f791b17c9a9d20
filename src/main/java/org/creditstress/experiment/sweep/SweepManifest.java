package org.creditstress.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditstress.run.store.AtomicFiles;

/**
 * {@code sweep-manifest.json}: what the sweep is (its definition: base scenario, overrides, varied
 * keys, design) and where it stands: every point with its values and status ({@code pending},
 * {@code done} with its time, or {@code failed} with the error message), plus each invocation's
 * command line and times. Rewritten (atomically) after every point, so after an interruption it
 * says exactly which points are finished.
 */
public final class SweepManifest {
    public static final String FILE = "sweep-manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Status of a point. */
    public enum Status {
        PENDING, DONE, FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status parse(String s) {
            return switch (s) {
                case "done" -> DONE;
                case "failed" -> FAILED;
                default -> PENDING;
            };
        }
    }

    /** A point and where it stands. {@code error} is set when failed; {@code seconds} and {@code finishedAt} when finished. */
    public record PointState(SweepPoint point, Status status, String error, double seconds, String finishedAt) {
        public static PointState pending(SweepPoint p) {
            return new PointState(p, Status.PENDING, null, Double.NaN, null);
        }
    }

    private String version;
    private ObjectNode definition;
    private List<String> metrics = List.of();
    private List<String> pointsCsvMetrics = List.of();
    private final ArrayNode invocations = JSON.createArrayNode();
    private final LinkedHashMap<String, PointState> points = new LinkedHashMap<>();

    public SweepManifest(String version, ObjectNode definition) {
        this.version = version;
        this.definition = definition;
    }

    public ObjectNode definition() {
        return definition;
    }

    public void definition(ObjectNode d) {
        this.definition = d;
    }

    /** The version of creditstress that last wrote the manifest. */
    public String version() {
        return version;
    }

    public void version(String v) {
        this.version = v;
    }

    public List<String> metrics() {
        return metrics;
    }

    public void metrics(List<String> m) {
        this.metrics = List.copyOf(m);
    }

    /** The expressions whose means points.csv carries (fixed when points.csv was created). */
    public List<String> pointsCsvMetrics() {
        return pointsCsvMetrics;
    }

    public void pointsCsvMetrics(List<String> m) {
        this.pointsCsvMetrics = List.copyOf(m);
    }

    public Map<String, PointState> points() {
        return points;
    }

    public void put(PointState s) {
        points.put(s.point().id(), s);
    }

    /** Records an invocation; returns its node so that its end can be filled in. */
    public ObjectNode addInvocation(List<String> commandLine, String start) {
        ObjectNode o = invocations.addObject();
        ArrayNode cmd = o.putArray("command_line");
        commandLine.forEach(cmd::add);
        o.put("start_time", start);
        return o;
    }

    public ArrayNode invocations() {
        return invocations;
    }

    /** Count of points with the status. */
    public long count(Status s) {
        return points.values().stream().filter(p -> p.status() == s).count();
    }

    public static SweepManifest read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.has("definition") || !root.get("definition").isObject()) {
            throw new IOException(file + ": not a sweep manifest (no 'definition')");
        }
        SweepManifest m = new SweepManifest(root.path("creditstress_version").asText(""), (ObjectNode) root.get("definition"));
        m.metrics = texts(root.path("metrics"));
        m.pointsCsvMetrics = texts(root.path("points_csv_metrics"));
        root.path("invocations").forEach(i -> m.invocations.add(i.deepCopy()));
        for (JsonNode p : root.path("points")) {
            Map<String, String> values = new LinkedHashMap<>();
            p.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            SweepPoint point = new SweepPoint(p.path("id").asText(), values);
            m.put(new PointState(point, Status.parse(p.path("status").asText("pending")),
                    p.hasNonNull("error") ? p.get("error").asText() : null,
                    p.hasNonNull("seconds") ? p.get("seconds").asDouble() : Double.NaN,
                    p.hasNonNull("finished_at") ? p.get("finished_at").asText() : null));
        }
        return m;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /** Writes the manifest atomically. */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("creditstress_version", version);
        long pending = count(Status.PENDING);
        root.put("status", pending == 0 ? "complete" : "incomplete");
        ObjectNode counts = root.putObject("counts");
        counts.put("points", points.size());
        counts.put("done", count(Status.DONE));
        counts.put("failed", count(Status.FAILED));
        counts.put("pending", pending);
        root.set("definition", definition);
        ArrayNode ms = root.putArray("metrics");
        metrics.forEach(ms::add);
        ArrayNode pm = root.putArray("points_csv_metrics");
        pointsCsvMetrics.forEach(pm::add);
        root.set("invocations", invocations);
        ArrayNode ps = root.putArray("points");
        for (PointState s : points.values()) {
            ObjectNode o = ps.addObject();
            o.put("id", s.point().id());
            ObjectNode values = o.putObject("values");
            s.point().values().forEach(values::put);
            o.put("status", s.status().label());
            if (s.status() == Status.DONE) {
                o.put("folder", Sweep.POINTS_DIR + "/" + s.point().id());
            }
            if (s.error() != null) {
                o.put("error", s.error());
            }
            if (!Double.isNaN(s.seconds())) {
                o.put("seconds", s.seconds());
            }
            if (s.finishedAt() != null) {
                o.put("finished_at", s.finishedAt());
            }
        }
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }
}
