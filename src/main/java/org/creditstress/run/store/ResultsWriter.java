package org.creditstress.run.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import org.creditstress.metric.Metric;
import org.creditstress.run.Experiment;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.Quantiles;
import org.creditstress.run.ReplicationResult;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;

/**
 * Writes a run's files into a folder: {@code scenario.resolved.yaml},
 * {@code metrics.csv}, {@code summary.csv} and {@code manifest.json}, either from a run held in
 * memory ({@link #writeAll}) or streamed as its replications finish ({@link #open}, then
 * {@link #finish}); both give the same bytes. Charts are drawn from the
 * CSVs afterwards (see {@code report.chart.RunCharts}).
 */
public final class ResultsWriter {
    private static final double[] PERCENTILES = {5, 50, 95};

    private ResultsWriter() {
    }

    /** Writes a run whose replications are all in memory ({@link RunResult#replications()}). */
    public static void writeAll(RunResult run, Path dir, List<String> commandLine, String version) throws IOException {
        try (ResultsStream stream = open(run, dir)) {
            for (ReplicationResult r : run.replications()) {
                stream.accept(r);
            }
            finish(stream, run, dir, commandLine, version);
        }
    }

    /**
     * Runs {@code loaded} and writes its results into {@code dir} as {@code run} does, each
     * replication as it finishes ({@code metrics.csv}, {@code summary.csv}, {@code manifest.json},
     * ...; no charts), keeping in memory only what {@code keep} asks for: memory does not grow with
     * the replications beyond {@link Keep#bytesPerReplication}.
     */
    public static KeptRun run(LoadedScenario loaded, int threads, ProgressListener progress, Keep keep, Path dir,
                              List<String> commandLine, String version) throws IOException {
        Instant now = Instant.now();
        RunResult shape = new RunResult(loaded, Experiment.registry(loaded.scenario()), List.of(), threads, now, now);
        try (ResultsStream stream = open(shape, dir)) {
            KeptRun kept = Experiment.run(loaded, threads, progress, keep, stream::accept);
            finish(stream, kept.run(), dir, commandLine, version);
            return kept;
        }
    }

    /** A stream for {@code run}'s results into {@code dir}: give it the replications as they finish, then {@link #finish}. */
    public static ResultsStream open(RunResult run, Path dir) throws IOException {
        var s = run.loaded().scenario();
        return new ResultsStream(dir, run.registry(), s.horizon().months(), s.replications(), s.outputs().rollRates());
    }

    /**
     * Writes the rest of a streamed run's files once its last replication is in {@code stream}:
     * {@code run} gives the scenario, registry, threads and times (its replication list is not used).
     */
    public static void finish(ResultsStream stream, RunResult run, Path dir, List<String> commandLine, String version) throws IOException {
        AtomicFiles.writeString(dir.resolve("scenario.resolved.yaml"), resolvedHeader(run, version) + run.loaded().resolvedYaml());
        stream.finishCsvs();
        writeSummary(stream, dir.resolve("summary.csv"));
        writeManifest(run, stream, dir.resolve("manifest.json"), commandLine, version);
        if (run.loaded().scenario().outputs().vintages()) {
            writeVintages(stream, dir.resolve("vintages.csv"));
        }
    }

    /** Vintage curves per replication: cohort, months on book, share ever 3+ months past due. */
    static void writeVintages(ResultsStream stream, Path file) throws IOException {
        List<Metric> metrics = stream.registry().metrics();
        int reps = stream.replications();
        AtomicFiles.writeText(file, w -> {
            w.write("replication,cohort,first_month,month_on_book,ever_m3plus_share\n");
            ResultsStream.Block block = null;
            for (int q = 1; ; q++) {
                String name = "vintage.q" + q + ".ever_m3plus";
                if (metrics.stream().noneMatch(m -> m.name().equals(name))) {
                    break;
                }
                int j = stream.registry().index(name);
                if (block == null || j < block.from || j >= block.to) {
                    block = stream.block(j);
                }
                int first = 3 * q - 2;
                for (int r = 0; r < reps; r++) {
                    for (int m = first; m <= stream.months(); m++) {
                        w.write(r + ",q" + q + "," + first + "," + (m - first) + "," + CsvNumbers.format(block.value(r, m - 1, j)) + "\n");
                    }
                }
            }
        });
    }

    static void writeSummary(ResultsStream stream, Path file) throws IOException {
        List<Metric> metrics = stream.registry().metrics();
        int reps = stream.replications();
        int months = stream.months();
        AtomicFiles.writeText(file, w -> {
            w.write("metric,month,mean,p5,p50,p95\n");
            double[] across = new double[reps];
            for (int b = 0; b < stream.blockCount(); b++) {
                ResultsStream.Block block = stream.readBlock(b);
                for (int j = block.from; j < block.to; j++) {
                    for (int t = 0; t < months; t++) {
                        for (int r = 0; r < reps; r++) {
                            across[r] = block.value(r, t, j);
                        }
                        StringBuilder line = new StringBuilder(metrics.get(j).name()).append(',').append(t + 1)
                                .append(',').append(CsvNumbers.format(Quantiles.mean(across)));
                        for (double p : PERCENTILES) {
                            line.append(',').append(CsvNumbers.format(Quantiles.percentile(across, p)));
                        }
                        w.write(line.append('\n').toString());
                    }
                }
            }
        });
    }

    private static String resolvedHeader(RunResult run, String version) {
        return "# Resolved scenario: every default filled in. Running it again reproduces this run.\n"
                + "# Written by creditstress " + version + " from " + run.loaded().source() + ".\n";
    }

    static void writeManifest(RunResult run, ResultsStream stream, Path file, List<String> commandLine, String version) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("creditstress_version", version);
        root.put("scenario", run.loaded().scenario().name());
        root.put("scenario_source", run.loaded().source());
        ArrayNode cmd = root.putArray("command_line");
        commandLine.forEach(cmd::add);
        root.put("master_seed", run.loaded().scenario().seed());
        root.put("replications", stream.replications());
        root.put("borrowers", run.loaded().scenario().population().size());
        root.put("months", run.loaded().scenario().horizon().months());
        root.put("burn_in_months", run.loaded().scenario().horizon().burnInMonths());
        root.put("threads", run.threads());
        root.put("java_version", System.getProperty("java.version"));
        root.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        root.put("available_processors", Runtime.getRuntime().availableProcessors());
        root.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        root.put("start_time", run.start().toString());
        root.put("end_time", run.end().toString());
        root.put("wall_seconds", (run.end().toEpochMilli() - run.start().toEpochMilli()) / 1000.0);
        ArrayNode reps = root.putArray("replication_runs");
        List<long[]> runs = stream.seedsAndNanos();
        for (int r = 0; r < runs.size(); r++) {
            ObjectNode o = reps.addObject();
            o.put("replication", r);
            o.put("seed", runs.get(r)[0]);
            o.put("wall_seconds", runs.get(r)[1] / 1e9);
        }
        AtomicFiles.write(file, out -> json.writeValue(out, root));
    }
}
