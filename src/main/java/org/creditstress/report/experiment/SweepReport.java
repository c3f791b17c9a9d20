package org.creditstress.report.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditstress.experiment.sweep.Sweep;
import org.creditstress.experiment.sweep.SweepManifest.Status;
import org.creditstress.experiment.sweep.SweepManifest;
import org.creditstress.experiment.sweep.SweepResults.PointResult;
import org.creditstress.experiment.sweep.Vary;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.report.html.HtmlReport;
import org.creditstress.report.html.Units;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.store.RunFolder;
import org.creditstress.scenario.LoadedScenario;

/** The {@code report.html} of a sweep folder. */
public final class SweepReport {
    /** The results table shows at most this many points; sweep.csv has all. */
    static final int MAX_ROWS = 500;

    private SweepReport() {
    }

    /** Writes the charts ({@code charts/}) and {@code report.html} of a sweep's folder. */
    public static void writeAll(Sweep.Outcome o) throws IOException {
        List<Path> charts = new SweepCharts().writeAll(o.dir().resolve(SweepCharts.DIR), o.vary(), o.design(), o.results(),
                o.metrics(), o.registry());
        write(o.dir(), o.manifest(), o.base(), o.vary(), o.results(), o.metrics(), o.registry(),
                charts.stream().map(c -> c.getFileName().toString()).toList());
    }

    /** Writes {@code dir/report.html}; {@code chartFiles} gives the order of the charts. */
    public static Path write(Path dir, SweepManifest m, LoadedScenario base, List<Vary> vary, List<PointResult> results,
                             List<MetricExpression> metrics, MetricRegistry registry, List<String> chartFiles)
            throws IOException {
        List<String> keys = vary.stream().map(Vary::key).toList();
        HtmlReport html = new HtmlReport("Sweep of " + base.scenario().name() + ": " + String.join(" \u00d7 ", keys));
        html.lead(base.scenario().description());
        ObjectNode d = m.definition();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("base scenario", d.path("scenario").asText());
        List<String> sets = new ArrayList<>();
        d.path("sets").forEach(s -> sets.add(s.asText()));
        facts.put("overrides (--set)", String.join("  ", sets));
        List<String> varied = new ArrayList<>();
        vary.forEach(v -> varied.add(v.key() + "=" + v.spec()));
        facts.put("varied (--vary)", String.join("  ", varied));
        String design = d.path("design").asText();
        if (d.hasNonNull("samples")) {
            design += ", " + d.get("samples").asText() + " samples";
        }
        if (d.has("lhs_seed")) {
            design += " (generator seed " + d.get("lhs_seed").asText() + ", from the master seed)";
        }
        facts.put("design", design);
        facts.put("points", m.points().size() + ": " + m.count(Status.DONE) + " done, " + m.count(Status.FAILED)
                + " failed, " + m.count(Status.PENDING) + " pending");
        facts.put("master seed", d.path("master_seed").asText() + " (every point: common random numbers)");
        facts.put("replications per point", d.path("replications").asText());
        facts.put("borrowers", d.path("borrowers").asText());
        facts.put("months", d.path("months").asText());
        facts.put("creditstress version", m.version());
        JsonNode inv = m.invocations();
        if (inv.size() > 0) {
            facts.put("command line", RunFolder.commandLine(inv.get(0).get("command_line")));
            if (inv.size() > 1) {
                facts.put("resumed with", RunFolder.commandLine(inv.get(inv.size() - 1).get("command_line"))
                        + " (" + inv.size() + " invocations)");
            }
            facts.put("started", inv.get(0).path("start_time").asText());
            facts.put("last finished", inv.get(inv.size() - 1).path("end_time").asText());
        }
        html.heading("Sweep");
        html.facts(facts);
        long pending = m.count(Status.PENDING);
        if (pending > 0) {
            html.note("Incomplete: " + pending + " points are pending. Resume with: creditstress sweep --resume " + dir);
        }

        List<PointResult> failed = results.stream().filter(r -> r.state().status() == Status.FAILED).toList();
        if (!failed.isEmpty()) {
            html.heading("Failed points");
            List<List<String>> rows = new ArrayList<>();
            for (PointResult r : failed) {
                rows.add(List.of(r.state().point().id(), r.state().point().describe(), r.state().error()));
            }
            html.table(List.of("point", "values", "error"), rows, java.util.stream.IntStream.range(0, rows.size()).boxed().toList());
        }

        html.heading("Headline");
        html.note("Mean across replications of each expression at each point; sweep.csv also has p5, p50 and p95.");
        List<String> header = new ArrayList<>(List.of("point", "status"));
        header.addAll(keys);
        metrics.forEach(e -> header.add(e.text()));
        List<List<String>> rows = new ArrayList<>();
        List<Integer> red = new ArrayList<>();
        for (PointResult r : results) {
            if (rows.size() == MAX_ROWS) {
                break;
            }
            List<String> row = new ArrayList<>(List.of(r.state().point().id(), r.state().status().label()));
            keys.forEach(k -> row.add(r.state().point().values().get(k)));
            for (int j = 0; j < metrics.size(); j++) {
                row.add(r.done() ? Units.format(r.stats().get(j).mean(), Units.percent(registry, metrics.get(j).metric())) : "");
            }
            if (!r.done()) {
                red.add(rows.size());
            }
            rows.add(row);
        }
        html.table(header, rows, red);
        if (results.size() > MAX_ROWS) {
            html.note("First " + MAX_ROWS + " of " + results.size() + " points; all are in sweep.csv.");
        }

        html.heading("Charts");
        if (html.chartsOf(dir.resolve(SweepCharts.DIR), chartFiles) == 0) {
            html.note("No charts: no point has finished.");
        }
        html.heading("Files");
        html.links(List.of(Map.entry(Sweep.SWEEP_CSV, "sweep.csv: one row per point and expression (mean, p5, p50, p95)"),
                Map.entry(Sweep.POINTS_CSV, "points.csv: each point as it finished (append-only log)"),
                Map.entry(SweepManifest.FILE, "sweep-manifest.json: definition and status of every point"),
                Map.entry(Sweep.BASE_YAML, "scenario.base.yaml: the base scenario, every default filled in"),
                Map.entry(Sweep.POINTS_DIR + "/", "points/: each point's results folder")));
        html.details("Base scenario (scenario.base.yaml)", base.resolvedYaml());
        return html.write(dir.resolve(HtmlReport.FILE));
    }
}
