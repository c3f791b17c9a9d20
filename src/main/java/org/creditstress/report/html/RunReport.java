package org.creditstress.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.report.Headline;
import org.creditstress.report.chart.RunCharts;
import org.creditstress.run.store.RunFolder;

/**
 * The {@code report.html} of one run's results folder: title, scenario name and description, the
 * manifest facts (command line, seed, replications, version, time), the headline table, every chart
 * of {@code charts/}, and the resolved scenario in a collapsed section. Self-contained (see
 * {@link HtmlReport}).
 *
 * <p>Call {@link #write(Path)} after {@code ResultsWriter.writeAll} and {@code RunCharts.writeAll},
 * on the same folder (the temporary one, before {@code RunDirectory.commit()}, so that the report
 * appears with the rest of the results).
 */
public final class RunReport {
    private RunReport() {
    }

    /**
     * Writes {@code resultsDir/report.html} from the files in the folder.
     *
     * @return the report file
     * @throws java.nio.file.NoSuchFileException if {@code manifest.json} or {@code metrics.csv} is missing
     * @throws IOException if a file cannot be read or the report cannot be written
     */
    public static Path write(Path resultsDir) throws IOException {
        return build(resultsDir, null).write(resultsDir.resolve(HtmlReport.FILE));
    }

    /**
     * The report of a run folder; with {@code backLink} non-null, a link to a parent report (for
     * the scenario folders of a comparison).
     */
    public static HtmlReport build(Path resultsDir, String backLink) throws IOException {
        JsonNode manifest = RunFolder.manifest(resultsDir);
        String yaml = RunFolder.resolvedYaml(resultsDir);
        String name = RunFolder.yamlField(yaml, "name");
        if (name.isEmpty()) {
            name = manifest.path("scenario").asText("run");
        }
        HtmlReport html = new HtmlReport("Scenario " + name);
        if (backLink != null) {
            html.link(backLink, "\u2190 back to the comparison");
        }
        html.lead(RunFolder.yamlField(yaml, "description"));
        html.heading("Run");
        html.facts(facts(manifest));

        html.heading("Headline");
        // One replication at a time: a run of many replications does not fit in memory whole.
        Headline.Accumulator[] acc = new Headline.Accumulator[1];
        MetricRegistry[] registry = new MetricRegistry[1];
        int[] count = new int[1];
        List<Headline.Figure> figures;
        try {
            RunFolder.eachReplication(resultsDir, (columns, table) -> {
                RunFolder.Values one = new RunFolder.Values(columns, java.util.Collections.singletonList(table));
                if (acc[0] == null) {
                    registry[0] = one.registry();
                    acc[0] = new Headline.Accumulator(registry[0]);
                }
                acc[0].add(one.inRegistryOrder(registry[0]).get(0).values());
                count[0]++;
            });
            figures = acc[0] == null ? List.of() : acc[0].figures();
        } catch (IllegalArgumentException e) {
            figures = List.of();
        }
        if (figures.isEmpty()) {
            html.note("No headline: metrics.csv lacks the columns it needs.");
        } else {
            int n = count[0];
            html.note("Each figure is computed per replication, then summarised across the " + n
                    + (n == 1 ? " replication" : " replications") + " (mean and percentiles, type 7).");
            html.table(List.of("headline", "mean", "p5", "p50", "p95"), headlineRows(figures));
        }

        html.heading("Charts");
        Path chartsDir = resultsDir.resolve(RunCharts.CHARTS_DIR);
        int charts = html.chartsOf(chartsDir, RunCharts.reportOrder(chartNames(chartsDir)),
                file -> RunCharts.caption(file).orElse(null));
        if (charts == 0) {
            html.note("No charts in this folder (outputs.charts is false, or they were not drawn).");
        }

        html.heading("Files");
        html.links(List.of(Map.entry(RunFolder.METRICS, "metrics.csv: one row per replication and month"),
                Map.entry(RunFolder.SUMMARY, "summary.csv: mean, p5, p50, p95 per metric and month"),
                Map.entry(RunFolder.MANIFEST, "manifest.json: version, command line, seeds, timings"),
                Map.entry(RunFolder.RESOLVED, "scenario.resolved.yaml: the scenario with every default filled in")));
        if (!yaml.isBlank()) {
            html.details("Resolved scenario (scenario.resolved.yaml)", yaml);
        }
        return html;
    }

    /** The file names in the charts folder, sorted (per-lender charts thus by lender name); none if it is absent. */
    private static List<String> chartNames(Path chartsDir) throws IOException {
        if (!Files.isDirectory(chartsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(chartsDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The facts shown for a run manifest. */
    static Map<String, String> facts(JsonNode m) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("scenario file", m.path("scenario_source").asText(""));
        f.put("command line", RunFolder.commandLine(m.get("command_line")));
        f.put("master seed", m.path("master_seed").asText(""));
        f.put("replications", m.path("replications").asText(""));
        f.put("borrowers", m.path("borrowers").asText(""));
        if (m.has("months")) {
            f.put("months", m.path("months").asText() + (m.has("burn_in_months")
                    ? " (after " + m.path("burn_in_months").asText() + " burn-in months)" : ""));
        }
        f.put("creditstress version", m.path("creditstress_version").asText(""));
        f.put("started", m.path("start_time").asText(""));
        f.put("finished", m.path("end_time").asText(""));
        if (m.has("wall_seconds")) {
            f.put("wall time", String.format(Locale.ROOT, "%.1f s", m.path("wall_seconds").asDouble()));
        }
        f.put("threads", m.path("threads").asText(""));
        f.put("Java", m.path("java_vm").asText(m.path("java_version").asText("")));
        return f;
    }

    /** Rows of the headline table in the same format as the console table. */
    public static List<List<String>> headlineRows(List<Headline.Figure> figures) {
        List<List<String>> rows = new ArrayList<>();
        for (Headline.Figure fig : figures) {
            boolean pct = fig.unit().equals("%");
            rows.add(List.of(fig.name(), fmt(fig.mean(), pct), fmt(fig.p5(), pct), fmt(fig.p50(), pct), fmt(fig.p95(), pct)));
        }
        return rows;
    }

    private static String fmt(double x, boolean pct) {
        if (!Double.isFinite(x)) {
            return "n/a";
        }
        return pct ? String.format(Locale.ROOT, "%.2f %%", 100 * x) : String.format(Locale.ROOT, "%.1f", x);
    }
}
