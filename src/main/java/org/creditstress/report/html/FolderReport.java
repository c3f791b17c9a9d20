package org.creditstress.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A self-contained {@code report.html} for an experiment folder (reverse stress, sensitivity,
 * calibration, attribution): the facts of its {@code manifest.json}, its result tables, every
 * chart in the folder and its {@code charts/}, and the resolved scenario when there is one.
 */
public final class FolderReport {
    private static final int MAX_ROWS = 60;

    private FolderReport() {
    }

    /**
     * @param tables CSV files of the folder to show as tables, in order (missing ones are skipped)
     */
    public static Path write(Path dir, String title, String lead, List<String> tables) throws IOException {
        HtmlReport html = new HtmlReport(title).heading(title).lead(lead);
        Path manifest = dir.resolve("manifest.json");
        if (Files.isRegularFile(manifest)) {
            html.facts(facts(new ObjectMapper().readTree(manifest.toFile())));
        }
        for (String name : tables) {
            Path csv = dir.resolve(name);
            if (Files.isRegularFile(csv)) {
                table(html, csv);
            }
        }
        List<Path> charts = new ArrayList<>(pngs(dir));
        charts.addAll(pngs(dir.resolve("charts")));
        for (Path png : charts) {
            html.image(png, png.getFileName().toString());
        }
        for (String resolved : List.of("scenario.resolved.yaml", "calibrated.yaml")) {
            Path yaml = dir.resolve(resolved);
            if (Files.isRegularFile(yaml)) {
                html.details(resolved, Files.readString(yaml));
            }
        }
        return html.write(dir.resolve(HtmlReport.FILE));
    }

    private static List<Path> pngs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    private static Map<String, String> facts(JsonNode root) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode()) {
                facts.put(e.getKey(), e.getValue().asText());
            } else if (e.getValue().isArray() && e.getValue().size() <= 12 && allValues(e.getValue())) {
                List<String> parts = new ArrayList<>();
                e.getValue().forEach(v -> parts.add(v.asText()));
                facts.put(e.getKey(), String.join(" ", parts));
            }
        }
        return facts;
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode v : array) {
            if (!v.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static void table(HtmlReport html, Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            return;
        }
        html.heading(csv.getFileName().toString());
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size() && rows.size() < MAX_ROWS; i++) {
            rows.add(List.of(lines.get(i).split(",", -1)));
        }
        html.table(header, rows);
        if (lines.size() - 1 > MAX_ROWS) {
            html.note("First " + MAX_ROWS + " of " + (lines.size() - 1) + " rows; the whole table is in " + csv.getFileName() + ".");
        }
    }
}
