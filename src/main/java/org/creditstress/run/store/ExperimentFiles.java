package org.creditstress.run.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.creditstress.run.store.CsvNumbers;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.Scenario;

/**
 * Files common to the experiment commands' results folders: {@code manifest.json} (the same
 * facts as a run's manifest plus {@code command}, {@code evaluations} and the list of files, so a
 * generic report can present any of them), JSON and CSV helpers, and the resolved scenario.
 */
public final class ExperimentFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExperimentFiles() {
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    /** A JSON number, or null when undefined (NaN or infinite). */
    public static void put(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }

    public static void writeJson(Path file, JsonNode node) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, node));
    }

    /**
     * Writes {@code manifest.json}: command, version, scenario, seed, replications, sizes, threads,
     * evaluations (model runs), times, Java, and the files of the folder (relative paths, sorted).
     */
    public static void writeManifest(Path dir, String command, LoadedScenario base, List<String> commandLine,
                                     String version, int threads, int evaluations, Instant start, Instant end)
            throws IOException {
        Scenario s = base.scenario();
        ObjectNode root = object();
        root.put("command", command);
        root.put("creditstress_version", version);
        root.put("scenario", s.name());
        root.put("scenario_source", base.source());
        ArrayNode cmd = root.putArray("command_line");
        commandLine.forEach(cmd::add);
        root.put("master_seed", s.seed());
        root.put("replications", s.replications());
        root.put("borrowers", s.population().size());
        root.put("months", s.horizon().months());
        root.put("burn_in_months", s.horizon().burnInMonths());
        root.put("threads", threads);
        root.put("evaluations", evaluations);
        root.put("java_version", System.getProperty("java.version"));
        root.put("available_processors", Runtime.getRuntime().availableProcessors());
        root.put("start_time", start.toString());
        root.put("end_time", end.toString());
        root.put("wall_seconds", (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
        ArrayNode files = root.putArray("files");
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> names.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        names.add("manifest.json");
        names.stream().sorted().distinct().forEach(files::add);
        writeJson(dir.resolve("manifest.json"), root);
    }

    /** Writes a resolved scenario with comment lines on top. */
    public static void writeResolved(Path file, LoadedScenario loaded, List<String> comments) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            sb.append("# ").append(c).append('\n');
        }
        AtomicFiles.writeString(file, sb + loaded.resolvedYaml());
    }

    /** A CSV field: quoted when it holds a comma, quote or line break. */
    public static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    /** A CSV number (shortest exact decimal, empty when undefined). */
    public static String csv(double x) {
        return Double.isFinite(x) ? CsvNumbers.format(x) : "";
    }

    /** A CSV line from fields (already formatted), with a line break. */
    public static String csvLine(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csv(fields.get(i)));
        }
        return sb.append('\n').toString();
    }
}
