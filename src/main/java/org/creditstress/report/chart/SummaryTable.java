package org.creditstress.report.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.creditstress.run.store.CsvFormatException;
import org.creditstress.run.store.CsvLines;

/**
 * The content of a run's {@code summary.csv}: long format with header exactly
 * {@code metric,month,mean,p5,p50,p95}, one row per metric and month. Empty cells are missing values
 * (NaN). Immutable; metrics keep the order of their first appearance in the file.
 */
public final class SummaryTable {

    /** The required header of {@code summary.csv}. */
    public static final List<String> HEADER = List.of("metric", "month", "mean", "p5", "p50", "p95");

    private final Map<String, MetricSummary> metrics;

    private SummaryTable(Map<String, MetricSummary> metrics) {
        this.metrics = Collections.unmodifiableMap(metrics);
    }

    /**
     * Reads {@code summary.csv}.
     *
     * @throws CsvFormatException naming file and line if the file is malformed
     * @throws IOException if it cannot be read
     */
    public static SummaryTable read(Path file) throws IOException {
        Map<String, TreeMap<Integer, double[]>> rows = new LinkedHashMap<>();
        try (CsvLines csv = CsvLines.open(file)) {
            List<String> header = csv.header();
            List<String> stripped = header.stream().map(String::strip).toList();
            if (!stripped.equals(HEADER)) {
                throw csv.error("expected header '" + String.join(",", HEADER) + "' but found '"
                        + String.join(",", header) + "'");
            }
            List<String> fields;
            while ((fields = csv.next()) != null) {
                csv.requireFieldCount(fields, HEADER.size());
                String metric = fields.get(0).strip();
                if (metric.isEmpty()) {
                    throw csv.error("column 'metric' is empty");
                }
                int month = csv.integer(fields.get(1), "month");
                double[] stats = new double[Statistic.values().length];
                for (Statistic s : Statistic.values()) {
                    stats[s.ordinal()] = csv.number(fields.get(2 + s.ordinal()), s.column());
                }
                double[] previous = rows.computeIfAbsent(metric, k -> new TreeMap<>()).put(month, stats);
                if (previous != null) {
                    throw csv.error("duplicate row for metric '" + metric + "' and month " + month);
                }
            }
        }
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        rows.forEach((metric, byMonth) -> metrics.put(metric, toSummary(metric, byMonth)));
        return new SummaryTable(metrics);
    }

    private static MetricSummary toSummary(String metric, TreeMap<Integer, double[]> byMonth) {
        int[] months = new int[byMonth.size()];
        Map<Statistic, double[]> values = new EnumMap<>(Statistic.class);
        for (Statistic s : Statistic.values()) {
            values.put(s, new double[months.length]);
        }
        int i = 0;
        for (Map.Entry<Integer, double[]> e : byMonth.entrySet()) {
            months[i] = e.getKey();
            for (Statistic s : Statistic.values()) {
                values.get(s)[i] = e.getValue()[s.ordinal()];
            }
            i++;
        }
        return new MetricSummary(metric, months, values);
    }

    /** The metric names in order of first appearance. */
    public List<String> metrics() {
        return List.copyOf(metrics.keySet());
    }

    /** The summary of a metric, if present in the file. */
    public Optional<MetricSummary> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** Whether the metric is present and the statistic has at least one finite value. */
    public boolean has(String name, Statistic statistic) {
        MetricSummary m = metrics.get(name);
        return m != null && m.hasData(statistic);
    }

    /**
     * The entity names {@code X} of metrics named {@code prefix + X + suffix}, in order of first
     * appearance, e.g. lenders from {@code entities("lender.", ".cash")}. Names contain no dot.
     */
    public List<String> entities(String prefix, String suffix) {
        List<String> names = new ArrayList<>();
        for (String metric : metrics.keySet()) {
            if (metric.length() > prefix.length() + suffix.length()
                    && metric.startsWith(prefix) && metric.endsWith(suffix)) {
                String name = metric.substring(prefix.length(), metric.length() - suffix.length());
                if (!name.contains(".") && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
