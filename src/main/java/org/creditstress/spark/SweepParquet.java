package org.creditstress.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.creditstress.experiment.sweep.Sweep;
import org.creditstress.experiment.sweep.SweepResults;
import org.creditstress.experiment.sweep.Vary;
import org.creditstress.run.store.CsvLines;
import org.creditstress.run.store.RunFolder;

/**
 * The sweep as two Parquet tables, rewritten from the sweep folder at the end of every invocation
 * (so a resumed sweep gives the tables an uninterrupted one gives):
 * <ul>
 *   <li>{@code sweep}: {@code sweep.csv} typed, one row per finished point and expression:
 *       {@code point, status, <varied keys>, metric, mean, p5, p50, p95};</li>
 *   <li>{@code metrics}: every done point's {@code metrics.csv}, one row per point, replication and
 *       month: {@code point, <varied keys>, replication, month, <every metric>}.</li>
 * </ul>
 * A varied key is a double column when all its values are numbers, else a string column. Undefined
 * values (empty in the CSVs) are null. Column names are the CSVs' (a name with dots needs back
 * quotes in Spark SQL: {@code `economy.unemployment.shock_level`}).
 */
final class SweepParquet {
    /** The default folder of the tables, inside the sweep folder. */
    static final String FOLDER = "parquet";
    /** Rows of the metrics table are written in batches of about this many cells (bounded driver memory). */
    static final long BATCH_CELLS = 2_000_000;
    private static final List<String> INTEGER_COLUMNS = List.of("replication", "month");

    private SweepParquet() {
    }

    static void write(SparkSession spark, Sweep.Outcome outcome, String target) throws IOException {
        List<String> keys = outcome.vary().stream().map(Vary::key).toList();
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (String k : keys) {
            numeric.put(k, outcome.results().stream().map(r -> r.state().point().values().get(k)).allMatch(SweepParquet::isNumber));
        }
        writeSweep(spark, outcome, keys, numeric, target + "/sweep");
        writeMetrics(spark, outcome, keys, numeric, target + "/metrics");
    }

    private static void writeSweep(SparkSession spark, Sweep.Outcome outcome, List<String> keys, Map<String, Boolean> numeric,
                                   String path) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("point", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        keys.forEach(k -> fields.add(keyField(k, numeric)));
        fields.add(DataTypes.createStructField("metric", DataTypes.StringType, false));
        for (String s : List.of("mean", "p5", "p50", "p95")) {
            fields.add(DataTypes.createStructField(s, DataTypes.DoubleType, true));
        }
        List<Row> rows = new ArrayList<>();
        for (SweepResults.PointResult r : outcome.results()) {
            for (int j = 0; j < outcome.metrics().size(); j++) {
                List<Object> row = new ArrayList<>();
                row.add(r.state().point().id());
                row.add(r.state().status().label());
                keys.forEach(k -> row.add(keyValue(r.state().point().values().get(k), numeric.get(k))));
                row.add(outcome.metrics().get(j).text());
                SweepResults.Stat s = r.stats().get(j);
                row.add(orNull(s.mean()));
                row.add(orNull(s.p5()));
                row.add(orNull(s.p50()));
                row.add(orNull(s.p95()));
                rows.add(RowFactory.create(row.toArray()));
            }
        }
        spark.createDataFrame(rows, DataTypes.createStructType(fields)).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }

    private static void writeMetrics(SparkSession spark, Sweep.Outcome outcome, List<String> keys, Map<String, Boolean> numeric,
                                     String path) throws IOException {
        StructType schema = null;
        List<String> columns = null;
        List<Row> batch = new ArrayList<>();
        boolean first = true;
        for (SweepResults.PointResult r : outcome.results()) {
            if (!r.done()) {
                continue;
            }
            Path file = outcome.dir().resolve(Sweep.POINTS_DIR).resolve(r.state().point().id()).resolve(RunFolder.METRICS);
            try (CsvLines csv = CsvLines.open(file)) {
                List<String> header = csv.header();
                if (schema == null) {
                    columns = header;
                    schema = metricsSchema(keys, numeric, header);
                } else if (!header.equals(columns)) {
                    throw csv.error("its columns differ from the first point's (" + columns.size() + " columns), "
                            + "so the points cannot share one Parquet table");
                }
                for (List<String> f = csv.next(); f != null; f = csv.next()) {
                    csv.requireFieldCount(f, header.size());
                    Object[] row = new Object[1 + keys.size() + header.size()];
                    row[0] = r.state().point().id();
                    for (int k = 0; k < keys.size(); k++) {
                        row[1 + k] = keyValue(r.state().point().values().get(keys.get(k)), numeric.get(keys.get(k)));
                    }
                    for (int c = 0; c < header.size(); c++) {
                        row[1 + keys.size() + c] = INTEGER_COLUMNS.contains(header.get(c))
                                ? (Object) csv.integer(f.get(c), header.get(c))
                                : orNull(csv.number(f.get(c), header.get(c)));
                    }
                    batch.add(RowFactory.create(row));
                }
            }
            if ((long) batch.size() * schema.size() >= BATCH_CELLS) {
                append(spark, batch, schema, path, first);
                first = false;
                batch.clear();
            }
        }
        if (schema != null && (first || !batch.isEmpty())) {
            append(spark, batch, schema, path, first);
        }
    }

    private static void append(SparkSession spark, List<Row> rows, StructType schema, String path, boolean first) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(first ? SaveMode.Overwrite : SaveMode.Append).parquet(path);
    }

    private static StructType metricsSchema(List<String> keys, Map<String, Boolean> numeric, List<String> header) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("point", DataTypes.StringType, false));
        keys.forEach(k -> fields.add(keyField(k, numeric)));
        for (String c : header) {
            DataType type = INTEGER_COLUMNS.contains(c) ? DataTypes.IntegerType : DataTypes.DoubleType;
            fields.add(DataTypes.createStructField(c, type, !INTEGER_COLUMNS.contains(c)));
        }
        return DataTypes.createStructType(fields);
    }

    private static StructField keyField(String key, Map<String, Boolean> numeric) {
        return DataTypes.createStructField(key, numeric.get(key) ? DataTypes.DoubleType : DataTypes.StringType, false);
    }

    private static Object keyValue(String value, boolean numeric) {
        return numeric ? (Object) Double.parseDouble(value) : value;
    }

    private static Double orNull(double x) {
        return Double.isNaN(x) ? null : x;
    }

    static boolean isNumber(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return !s.strip().endsWith("d") && !s.strip().endsWith("f") && !s.strip().endsWith("D") && !s.strip().endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
