package org.creditstress.run.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditstress.metric.Metric;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.ReplicationResult;

/**
 * A finished results folder as written by {@code run} (and by compare and sweep for each scenario
 * or point): reads back its {@code manifest.json}, {@code scenario.resolved.yaml} and
 * {@code metrics.csv}.
 */
public final class RunFolder {
    public static final String MANIFEST = "manifest.json";
    public static final String RESOLVED = "scenario.resolved.yaml";
    public static final String METRICS = "metrics.csv";
    public static final String SUMMARY = "summary.csv";

    private static final Pattern LENDER = Pattern.compile("lender\\.([^.]+)\\.capital_ratio");
    private static final Pattern SEGMENT = Pattern.compile("segment\\.([^.]+)\\.m1plus_ratio");

    private RunFolder() {
    }

    /** The per-replication metric tables of a {@code metrics.csv}, columns in file order. */
    public record Values(List<String> columns, List<double[][]> replications) {

        /** Index of a column, or -1. */
        public int column(String name) {
            return columns.indexOf(name);
        }

        /**
         * The expression's value per replication.
         *
         * @throws IllegalArgumentException if the column is not in the file
         */
        public double[] perReplication(MetricExpression e) {
            int c = column(e.metric());
            if (c < 0) {
                throw new IllegalArgumentException("'" + e.text() + "': no column '" + e.metric() + "' in metrics.csv");
            }
            return replications.stream().mapToDouble(v -> e.of(v, c)).toArray();
        }

        /** The lender names of the {@code lender.<name>.capital_ratio} columns, in file order. */
        public List<String> lenders() {
            return names(LENDER);
        }

        private List<String> names(Pattern p) {
            Set<String> out = new LinkedHashSet<>();
            for (String c : columns) {
                Matcher m = p.matcher(c);
                if (m.matches()) {
                    out.add(m.group(1));
                }
            }
            return List.copyOf(out);
        }

        /**
         * The registry these columns came from (lenders and segments read off the column names) and
         * the replications in its column order, so that {@code Headline.compute} can be applied.
         */
        public List<ReplicationResult> inRegistryOrder(MetricRegistry registry) {
            List<Metric> metrics = registry.metrics();
            int[] from = new int[metrics.size()];
            for (int j = 0; j < from.length; j++) {
                from[j] = column(metrics.get(j).name());
            }
            List<ReplicationResult> out = new ArrayList<>();
            for (int r = 0; r < replications.size(); r++) {
                double[][] v = replications.get(r);
                double[][] w = new double[v.length][from.length];
                for (int t = 0; t < v.length; t++) {
                    for (int j = 0; j < from.length; j++) {
                        w[t][j] = from[j] < 0 ? Double.NaN : v[t][from[j]];
                    }
                }
                out.add(new ReplicationResult(r, 0L, w, 0L));
            }
            return out;
        }

        /** A registry with the lenders and segments named in the columns. */
        public MetricRegistry registry() {
            List<String> segments = names(SEGMENT);
            return new MetricRegistry(lenders(), segments, !segments.isEmpty());
        }
    }

    /**
     * Reads {@code metrics.csv} of a results folder, every replication's table in memory at once:
     * for small folders. Folders of many replications are read with {@link #perReplication} or
     * {@link #eachReplication}, one replication at a time.
     */
    public static Values values(Path dir) throws IOException {
        Path file = dir.resolve(METRICS);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "results file not found");
        }
        MetricsTable table = MetricsTable.read(file);
        SortedSet<Integer> reps = table.shape().replications();
        SortedSet<Integer> months = table.shape().months();
        int horizon = months.isEmpty() ? 0 : months.last();
        List<String> columns = table.columns();
        List<double[][]> out = new ArrayList<>();
        for (int r : reps) {
            double[][] v = new double[horizon][columns.size()];
            for (int t = 1; t <= horizon; t++) {
                for (int c = 0; c < columns.size(); c++) {
                    v[t - 1][c] = table.value(r, t, columns.get(c));
                }
            }
            out.add(v);
        }
        return new Values(columns, out);
    }

    /**
     * The value of each expression per replication, read from {@code metrics.csv} one replication
     * at a time (so any number of replications fits): {@code [expression][replication]}, null for
     * an expression whose column the file does not have (empty for a file without rows).
     */
    public static double[][] perReplication(Path dir, List<MetricExpression> expressions) throws IOException {
        List<List<Double>> acc = new ArrayList<>();
        expressions.forEach(e -> acc.add(new ArrayList<>()));
        int[][] columns = {null};
        eachReplication(dir, (names, table) -> {
            if (columns[0] == null) {
                columns[0] = expressions.stream().mapToInt(e -> names.indexOf(e.metric())).toArray();
            }
            for (int i = 0; i < expressions.size(); i++) {
                if (columns[0][i] >= 0) {
                    acc.get(i).add(expressions.get(i).of(table, columns[0][i]));
                }
            }
        });
        double[][] out = new double[expressions.size()][];
        for (int i = 0; i < out.length; i++) {
            boolean present = columns[0] == null || columns[0][i] >= 0;
            out[i] = present ? acc.get(i).stream().mapToDouble(Double::doubleValue).toArray() : null;
        }
        return out;
    }

    /** Receives one replication's table of a {@code metrics.csv}: [month - 1][column], columns in file order. */
    @FunctionalInterface
    public interface ReplicationReader {
        void replication(List<String> columns, double[][] values);
    }

    /**
     * Reads {@code metrics.csv} of a results folder one replication at a time, holding only one
     * replication's table: for folders of many replications, where {@link #values} would not fit.
     * Rows must be grouped by replication and in month order, as {@code run} writes them.
     */
    public static void eachReplication(Path dir, ReplicationReader reader) throws IOException {
        Path file = dir.resolve(METRICS);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "results file not found");
        }
        try (java.io.BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null) {
                return;
            }
            String[] h = header.split(",", -1);
            List<String> columns = List.of(h).subList(2, h.length);
            List<double[]> rows = new ArrayList<>();
            String current = null;
            int number = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != h.length) {
                    throw new CsvFormatException(file, number, "expected " + h.length + " fields but found " + f.length);
                }
                if (current != null && !current.equals(f[0])) {
                    reader.replication(columns, rows.toArray(double[][]::new));
                    rows.clear();
                }
                current = f[0];
                double[] row = new double[columns.size()];
                for (int c = 0; c < row.length; c++) {
                    String x = f[c + 2];
                    try {
                        row[c] = x.isEmpty() ? Double.NaN : Double.parseDouble(x);
                    } catch (NumberFormatException e) {
                        throw new CsvFormatException(file, number, "'" + x + "' in column " + columns.get(c) + " is not a number");
                    }
                }
                rows.add(row);
            }
            if (!rows.isEmpty()) {
                reader.replication(columns, rows.toArray(double[][]::new));
            }
        }
    }

    /** The parsed {@code manifest.json}. */
    public static JsonNode manifest(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "results file not found");
        }
        return new ObjectMapper().readTree(file.toFile());
    }

    /** The text of {@code scenario.resolved.yaml}, or empty if absent. */
    public static String resolvedYaml(Path dir) throws IOException {
        Path file = dir.resolve(RESOLVED);
        return Files.isRegularFile(file) ? Files.readString(file) : "";
    }

    /** A top-level text field of a YAML text (e.g. name, description), or empty. */
    public static String yamlField(String yaml, String field) {
        if (yaml.isBlank()) {
            return "";
        }
        try {
            JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return n != null && n.hasNonNull(field) ? n.get(field).asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** A command line as one string, with arguments that need it in single quotes. */
    public static String commandLine(JsonNode array) {
        List<String> parts = new ArrayList<>();
        if (array != null) {
            array.forEach(a -> parts.add(a.asText()));
        }
        return commandLine(parts);
    }

    /** A command line as one string, with arguments that need it in single quotes. */
    public static String commandLine(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (!a.isEmpty() && a.matches("[A-Za-z0-9_./:=,+@%-]+")) {
                sb.append(a);
            } else {
                sb.append('\'').append(a.replace("'", "'\\''")).append('\'');
            }
        }
        return sb.toString();
    }
}
