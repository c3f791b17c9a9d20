package org.creditstress.run.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.creditstress.metric.Metric;
import org.creditstress.run.Quantiles;
import org.creditstress.run.ReplicationResult;
import org.creditstress.run.RunResult;

/**
 * Writes a finished run's files into a folder: {@code scenario.resolved.yaml},
 * {@code metrics.csv}, {@code summary.csv} and {@code manifest.json}. Charts are drawn from the
 * CSVs afterwards (see {@code report.chart.RunCharts}).
 */
public final class ResultsWriter {
    private static final double[] PERCENTILES = {5, 50, 95};

    private ResultsWriter() {
    }

    public static void writeAll(RunResult run, Path dir, List<String> commandLine, String version) throws IOException {
        AtomicFiles.writeString(dir.resolve("scenario.resolved.yaml"), resolvedHeader(run, version) + run.loaded().resolvedYaml());
        writeMetrics(run, dir.resolve("metrics.csv"));
        writeSummary(run, dir.resolve("summary.csv"));
        writeManifest(run, dir.resolve("manifest.json"), commandLine, version);
        if (run.loaded().scenario().outputs().rollRates()) {
            writeRollRates(run, dir.resolve("roll_rates.csv"));
        }
        if (run.loaded().scenario().outputs().vintages()) {
            writeVintages(run, dir.resolve("vintages.csv"));
        }
    }

    private static final String[] BUCKETS = {"m0", "m1", "m2", "m3", "m4plus"};
    private static final String[] DESTINATIONS = {"m0", "m1", "m2", "m3", "m4plus", "writeoff", "paidoff"};

    /** The roll-rate matrix per replication and month, long format, from the {@code roll_count.*} columns. */
    static void writeRollRates(RunResult run, Path file) throws IOException {
        int[][] column = new int[BUCKETS.length][DESTINATIONS.length];
        for (int f = 0; f < BUCKETS.length; f++) {
            for (int t = 0; t < DESTINATIONS.length; t++) {
                column[f][t] = run.registry().index("roll_count." + BUCKETS[f] + "." + DESTINATIONS[t]);
            }
        }
        AtomicFiles.writeText(file, w -> {
            w.write("replication,month,from,to,accounts,rate\n");
            for (ReplicationResult r : run.replications()) {
                double[][] v = r.values();
                for (int m = 0; m < v.length; m++) {
                    for (int f = 0; f < BUCKETS.length; f++) {
                        double total = 0;
                        for (int t = 0; t < DESTINATIONS.length; t++) {
                            total += v[m][column[f][t]];
                        }
                        for (int t = 0; t < DESTINATIONS.length; t++) {
                            double n = v[m][column[f][t]];
                            w.write(r.replication() + "," + (m + 1) + "," + BUCKETS[f] + "," + DESTINATIONS[t] + ","
                                    + CsvNumbers.format(n) + "," + CsvNumbers.format(total > 0 ? n / total : Double.NaN) + "\n");
                        }
                    }
                }
            }
        });
    }

    /** Vintage curves per replication: cohort, months on book, share ever 3+ months past due. */
    static void writeVintages(RunResult run, Path file) throws IOException {
        List<Metric> metrics = run.registry().metrics();
        AtomicFiles.writeText(file, w -> {
            w.write("replication,cohort,first_month,month_on_book,ever_m3plus_share\n");
            for (int q = 1; ; q++) {
                String name = "vintage.q" + q + ".ever_m3plus";
                if (metrics.stream().noneMatch(m -> m.name().equals(name))) {
                    break;
                }
                int j = run.registry().index(name);
                int first = 3 * q - 2;
                for (ReplicationResult r : run.replications()) {
                    double[][] v = r.values();
                    for (int m = first; m <= v.length; m++) {
                        w.write(r.replication() + ",q" + q + "," + first + "," + (m - first) + "," + CsvNumbers.format(v[m - 1][j]) + "\n");
                    }
                }
            }
        });
    }

    private static String resolvedHeader(RunResult run, String version) {
        return "# Resolved scenario: every default filled in. Running it again reproduces this run.\n"
                + "# Written by creditstress " + version + " from " + run.loaded().source() + ".\n";
    }

    static void writeMetrics(RunResult run, Path file) throws IOException {
        List<Metric> metrics = run.registry().metrics();
        AtomicFiles.writeText(file, w -> {
            w.write("replication,month");
            for (Metric m : metrics) {
                w.write(',');
                w.write(m.name());
            }
            w.write('\n');
            StringBuilder line = new StringBuilder();
            for (ReplicationResult r : run.replications()) {
                double[][] v = r.values();
                for (int t = 0; t < v.length; t++) {
                    line.setLength(0);
                    line.append(r.replication()).append(',').append(t + 1);
                    for (double x : v[t]) {
                        line.append(',').append(CsvNumbers.format(x));
                    }
                    w.write(line.append('\n').toString());
                }
            }
        });
    }

    static void writeSummary(RunResult run, Path file) throws IOException {
        List<Metric> metrics = run.registry().metrics();
        List<ReplicationResult> reps = run.replications();
        int months = run.loaded().scenario().horizon().months();
        AtomicFiles.writeText(file, w -> {
            w.write("metric,month,mean,p5,p50,p95\n");
            double[] across = new double[reps.size()];
            for (int j = 0; j < metrics.size(); j++) {
                for (int t = 0; t < months; t++) {
                    for (int r = 0; r < reps.size(); r++) {
                        across[r] = reps.get(r).values()[t][j];
                    }
                    StringBuilder line = new StringBuilder(metrics.get(j).name()).append(',').append(t + 1)
                            .append(',').append(CsvNumbers.format(Quantiles.mean(across)));
                    for (double p : PERCENTILES) {
                        line.append(',').append(CsvNumbers.format(Quantiles.percentile(across, p)));
                    }
                    w.write(line.append('\n').toString());
                }
            }
        });
    }

    static void writeManifest(RunResult run, Path file, List<String> commandLine, String version) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("creditstress_version", version);
        root.put("scenario", run.loaded().scenario().name());
        root.put("scenario_source", run.loaded().source());
        ArrayNode cmd = root.putArray("command_line");
        commandLine.forEach(cmd::add);
        root.put("master_seed", run.loaded().scenario().seed());
        root.put("replications", run.replications().size());
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
        for (ReplicationResult r : run.replications()) {
            ObjectNode o = reps.addObject();
            o.put("replication", r.replication());
            o.put("seed", r.seed());
            o.put("wall_seconds", r.wallNanos() / 1e9);
        }
        AtomicFiles.write(file, out -> json.writeValue(out, root));
    }
}
