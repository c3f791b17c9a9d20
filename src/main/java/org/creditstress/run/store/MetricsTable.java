package org.creditstress.run.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The content of a run's {@code metrics.csv}: wide format, one row per replication and month, header
 * {@code replication,month,<metric columns...>}. Empty cells are missing values (NaN). Immutable.
 *
 * <p>Charts only need the {@link #readShape(Path) shape} (which validates the whole file but keeps no
 * values); {@link #read(Path)} keeps all values in memory.
 */
public final class MetricsTable {

    private static final String REPLICATION = "replication";
    private static final String MONTH = "month";

    private final MetricsShape shape;
    private final Map<String, Integer> columnIndex;
    private final Map<Long, double[]> rows;

    private MetricsTable(MetricsShape shape, Map<Long, double[]> rows) {
        this.shape = shape;
        this.rows = rows;
        this.columnIndex = new HashMap<>();
        for (int i = 0; i < shape.columns().size(); i++) {
            columnIndex.put(shape.columns().get(i), i);
        }
    }

    /**
     * Reads {@code metrics.csv} with all its values.
     *
     * @throws CsvFormatException naming file and line if the file is malformed
     */
    public static MetricsTable read(Path file) throws IOException {
        Map<Long, double[]> rows = new HashMap<>();
        MetricsShape shape = parse(file, (replication, month, values) -> rows.put(key(replication, month), values));
        return new MetricsTable(shape, rows);
    }

    /**
     * Reads and validates {@code metrics.csv} but keeps only its shape (columns, replications, months).
     *
     * @throws CsvFormatException naming file and line if the file is malformed
     */
    public static MetricsShape readShape(Path file) throws IOException {
        return parse(file, (replication, month, values) -> { });
    }

    /** The shape: columns, replications, months. */
    public MetricsShape shape() {
        return shape;
    }

    /** The metric column names (without {@code replication} and {@code month}), in file order. */
    public List<String> columns() {
        return shape.columns();
    }

    /**
     * The value of a column in a replication and month; NaN if the cell was empty or there is no such
     * row.
     *
     * @throws IllegalArgumentException if there is no such column
     */
    public double value(int replication, int month, String column) {
        Integer c = columnIndex.get(column);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + column + "' in metrics");
        }
        double[] row = rows.get(key(replication, month));
        return row == null ? Double.NaN : row[c];
    }

    private static long key(int replication, int month) {
        return ((long) replication << 32) | (month & 0xFFFFFFFFL);
    }

    private interface RowSink {
        void accept(int replication, int month, double[] values);
    }

    private static MetricsShape parse(Path file, RowSink sink) throws IOException {
        try (CsvLines csv = CsvLines.open(file)) {
            List<String> header = csv.header().stream().map(String::strip).toList();
            if (header.size() < 2 || !header.get(0).equals(REPLICATION) || !header.get(1).equals(MONTH)) {
                throw csv.error("header must start with 'replication,month' but is '"
                        + String.join(",", header) + "'");
            }
            List<String> columns = header.subList(2, header.size());
            Set<String> seen = new HashSet<>();
            for (String column : columns) {
                if (column.isEmpty()) {
                    throw csv.error("header has an empty column name");
                }
                if (!seen.add(column)) {
                    throw csv.error("header has duplicate column '" + column + "'");
                }
            }
            TreeSet<Integer> replications = new TreeSet<>();
            TreeSet<Integer> months = new TreeSet<>();
            Set<Long> keys = new HashSet<>();
            int count = 0;
            List<String> fields;
            while ((fields = csv.next()) != null) {
                csv.requireFieldCount(fields, header.size());
                int replication = csv.integer(fields.get(0), REPLICATION);
                int month = csv.integer(fields.get(1), MONTH);
                if (!keys.add(key(replication, month))) {
                    throw csv.error("duplicate row for replication " + replication + " and month " + month);
                }
                double[] values = new double[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = csv.number(fields.get(i + 2), columns.get(i));
                }
                replications.add(replication);
                months.add(month);
                count++;
                sink.accept(replication, month, values);
            }
            return new MetricsShape(columns, replications, months, count);
        }
    }
}
