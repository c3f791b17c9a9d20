package org.creditstress.report.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditstress.experiment.compare.Comparison;
import org.creditstress.experiment.compare.ComparisonPlan;
import org.creditstress.report.chart.RunCharts;
import org.creditstress.report.html.HtmlReport;
import org.creditstress.report.html.RunReport;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.run.store.ResultsWriter;
import org.creditstress.run.store.RunFolder;
import org.creditstress.scenario.Scenario;

/**
 * Writes a comparison folder:
 * <ul>
 *   <li>{@code <label>/}: each scenario's results as {@code run} writes them (plus its report.html),
 *       streamed as its replications finish ({@link #runScenario});</li>
 *   <li>{@code comparison.csv}: {@link Comparison#HEADER}, one row per expression and scenario;</li>
 *   <li>{@code charts/}: {@link CompareCharts};</li>
 *   <li>{@code compare-manifest.json}: version, command line, common seed, replications, scenarios, times;</li>
 *   <li>{@code report.html}: all of it on one self-contained page.</li>
 * </ul>
 */
public final class ComparisonWriter {
    public static final String CSV = "comparison.csv";
    public static final String MANIFEST = "compare-manifest.json";
    public static final String CHARTS = "charts";

    private ComparisonWriter() {
    }

    /** Facts about the invocation, for the manifest and the report. */
    public record Invocation(List<String> commandLine, String version, int threads, Instant start, Instant end) {
    }

    /** What a comparison keeps of each replication of each scenario: the expressions and the charts' paths. */
    public static Keep keep(List<MetricExpression> expressions) {
        Keep keep = Keep.expressions(expressions);
        for (Keep.Series s : CompareCharts.SERIES) {
            keep = keep.with(s);
        }
        return keep;
    }

    /**
     * Runs one scenario of the comparison and writes its folder {@code dir/<label>/} as {@code run}
     * writes it (each replication as it finishes), with its charts and report.html; gives its run to
     * {@code charts} and returns it, keeping {@link #keep} of each replication.
     */
    public static Comparison.Run runScenario(ComparisonPlan.Entry e, int threads, ProgressListener progress,
                                             List<MetricExpression> expressions, Path dir, CompareCharts charts,
                                             List<String> commandLine, String version) throws IOException {
        Path sub = dir.resolve(e.label());
        KeptRun run = ResultsWriter.run(e.loaded(), threads, progress, keep(expressions), sub, commandLine, version);
        if (e.loaded().scenario().outputs().charts()) {
            new RunCharts().writeAll(sub);
        }
        RunReport.build(sub, "../" + HtmlReport.FILE).write(sub.resolve(HtmlReport.FILE));
        Comparison.Run r = new Comparison.Run(e.label(), run);
        charts.add(r);
        return r;
    }

    /**
     * Writes the comparison into {@code dir}, where {@link #runScenario} has written each scenario,
     * and returns the comparison rows.
     */
    public static List<Comparison.Row> writeAll(ComparisonPlan plan, List<Comparison.Run> runs,
                                                List<MetricExpression> expressions, CompareCharts charts, Path dir,
                                                Invocation inv) throws IOException {
        List<Comparison.Row> rows = Comparison.compute(runs, expressions);
        Comparison.writeCsv(rows, dir.resolve(CSV));
        charts.writeAll(dir.resolve(CHARTS));
        writeManifest(plan, runs, expressions, dir.resolve(MANIFEST), inv);
        report(plan, runs, rows, dir, inv).write(dir.resolve(HtmlReport.FILE));
        return rows;
    }

    static void writeManifest(ComparisonPlan plan, List<Comparison.Run> runs, List<MetricExpression> expressions,
                              Path file, Invocation inv) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("creditstress_version", inv.version());
        ArrayNode cmd = root.putArray("command_line");
        inv.commandLine().forEach(cmd::add);
        root.put("master_seed", plan.seed());
        root.put("replications", plan.replications());
        root.put("borrowers", plan.populationSize());
        root.put("common_random_numbers", true);
        root.put("reference", runs.get(0).label());
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(notes::add);
        ArrayNode scenarios = root.putArray("scenarios");
        for (int i = 0; i < runs.size(); i++) {
            Scenario s = plan.entries().get(i).loaded().scenario();
            ObjectNode o = scenarios.addObject();
            o.put("label", runs.get(i).label());
            o.put("name", s.name());
            o.put("source", plan.entries().get(i).loaded().source());
            o.put("folder", runs.get(i).label());
            o.put("months", s.horizon().months());
            o.put("wall_seconds", seconds(runs.get(i).result().run().start(), runs.get(i).result().run().end()));
        }
        ArrayNode ex = root.putArray("expressions");
        expressions.forEach(e -> ex.add(e.text()));
        root.put("threads", inv.threads());
        root.put("java_version", System.getProperty("java.version"));
        root.put("start_time", inv.start().toString());
        root.put("end_time", inv.end().toString());
        root.put("wall_seconds", seconds(inv.start(), inv.end()));
        AtomicFiles.write(file, out -> json.writeValue(out, root));
    }

    private static double seconds(Instant a, Instant b) {
        return (b.toEpochMilli() - a.toEpochMilli()) / 1000.0;
    }

    static HtmlReport report(ComparisonPlan plan, List<Comparison.Run> runs, List<Comparison.Row> rows, Path dir,
                             Invocation inv) throws IOException {
        List<String> labels = runs.stream().map(Comparison.Run::label).toList();
        HtmlReport html = new HtmlReport("Comparison: " + String.join(" vs ", labels));
        html.lead("Each scenario was run with the same master seed and number of replications, on common random "
                + "numbers: replication k of every scenario has the same borrowers and the same random draws, "
                + "so the differences against the reference (" + labels.get(0) + ") are paired replication by "
                + "replication.");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("command line", RunFolder.commandLine(inv.commandLine()));
        facts.put("master seed", Long.toString(plan.seed()));
        facts.put("replications", Integer.toString(plan.replications()));
        facts.put("borrowers", Integer.toString(plan.populationSize()));
        facts.put("reference", labels.get(0));
        facts.put("creditstress version", inv.version());
        facts.put("started", inv.start().toString());
        facts.put("finished", inv.end().toString());
        facts.put("wall time", String.format(Locale.ROOT, "%.1f s", seconds(inv.start(), inv.end())));
        facts.put("threads", Integer.toString(inv.threads()));
        html.heading("Comparison");
        html.facts(facts);
        for (String n : plan.notes()) {
            html.note(n);
        }

        html.heading("Scenarios");
        List<List<String>> scen = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Scenario s = plan.entries().get(i).loaded().scenario();
            scen.add(List.of(labels.get(i), s.name(), s.description(), plan.entries().get(i).loaded().source(),
                    s.horizon().months() + " months"));
        }
        html.table(List.of("label (folder)", "name", "description", "file", "horizon"), scen);

        html.heading("Headline");
        html.note("Per replication, each expression is computed from the monthly path; mean and 5th/95th percentiles "
                + "across replications. diff = the scenario minus the reference in the same replication (pp = "
                + "percentage points), summarised the same way. comparison.csv has these and the medians.");
        html.table(ComparisonTable.reportHeader(), ComparisonTable.reportRows(rows));

        html.heading("Charts");
        html.chartsOf(dir.resolve(CHARTS), CompareCharts.FILES);

        html.heading("Each scenario");
        List<Map.Entry<String, String>> links = new ArrayList<>();
        for (String l : labels) {
            links.add(Map.entry(l + "/" + HtmlReport.FILE, l + ": full results and charts"));
        }
        links.add(Map.entry(CSV, "comparison.csv"));
        links.add(Map.entry(MANIFEST, "compare-manifest.json"));
        html.links(links);
        for (int i = 0; i < runs.size(); i++) {
            html.details("Resolved scenario " + labels.get(i), plan.entries().get(i).loaded().resolvedYaml());
        }
        return html;
    }
}
