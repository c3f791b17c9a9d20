package org.creditstress.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditstress.scenario.schema.Key;
import org.creditstress.scenario.schema.ScenarioSchema;

/**
 * Economy paths read from CSV files: a header row naming the columns, a date column, then one row
 * per month or per quarter. The date column is {@code month} (1, 2, ... or {@code YYYY-MM}),
 * {@code quarter} (1, 2, ... or {@code YYYYQn}) or {@code date} (either form, by the path's
 * frequency); its rows must run consecutively from the first (numbered rows from 1), so a missing,
 * repeated or misplaced row is an error rather than a value shifted to the wrong month. Quarterly
 * values sit at mid-quarter months (2, 5, 8, ...) and are interpolated linearly between them, held
 * flat before the first and after the last. The values read replace the {@code file} key in the
 * resolved scenario.
 *
 * <p>Problems inside a CSV name the CSV file, its line and the data row; problems with the
 * reference (file missing, too large, column absent) name the scenario line of {@code file}. Each
 * mistake is reported once: a CSV read by several paths is checked once, and a column of values
 * all out of range is one problem, not one per month.
 */
final class EconomyCsv {
    private static final String[] PATHS = {"unemployment", "income_growth", "inflation", "funding_rate"};
    private static final List<String> DATE_COLUMNS = List.of("month", "quarter", "date");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR_QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");

    private EconomyCsv() {
    }

    /** One data row: its 1-based line in the file and its cells. */
    private record Row(int line, String[] cells) {
        /** The cell in column {@code j}, empty when the row is short. */
        String cell(int j) {
            return j < cells.length ? cells[j] : "";
        }
    }

    /** A CSV file whose date column has been checked: rows are consecutive periods. */
    private record Table(Path file, List<String> header, List<Row> rows) {
    }

    /**
     * Reads every economy path with a {@code file} into its {@code values}, in place. {@code locate}
     * places a problem with a scenario key (its file or --set, and line).
     */
    static List<ScenarioProblem> load(ObjectNode tree, List<YamlDocument> chain, BiFunction<String, String, ScenarioProblem> locate) {
        List<ScenarioProblem> problems = new ArrayList<>();
        Map<Path, Optional<Table>> tables = new HashMap<>();
        ObjectNode economy = (ObjectNode) tree.get("economy");
        for (String name : PATHS) {
            ObjectNode path = (ObjectNode) economy.get(name);
            String file = path.path("file").asText("");
            if (file.isEmpty()) {
                continue;
            }
            String key = "economy." + name;
            if (!path.path("values").isEmpty()) {
                ScenarioProblem values = locate.apply(key + ".values", "");
                problems.add(locate.apply(key + ".file", "give either file or values, not both (values are set in "
                        + values.source() + (values.line() > 0 ? ":" + values.line() : "") + ")"));
                continue;
            }
            boolean quarterly = "quarterly".equals(path.path("frequency").asText());
            String column = path.path("column").asText("").isEmpty() ? name : path.get("column").asText();
            Path csv = null;
            try {
                Path dir = Path.of(ScenarioLoader.owner(chain, key + ".file").source()).toAbsolutePath().getParent();
                csv = InputFiles.resolve(dir, file);
                Path cacheKey = Path.of(csv.toAbsolutePath().normalize() + (quarterly ? "#quarterly" : "#monthly"));
                if (!tables.containsKey(cacheKey)) {
                    tables.put(cacheKey, Optional.empty()); // a file that fails is reported once, for the first path
                    tables.put(cacheKey, table(csv, quarterly, key, problems));
                }
                Optional<Table> table = tables.get(cacheKey);
                if (table.isEmpty()) {
                    continue;
                }
                List<String> header = table.get().header();
                int j = header.indexOf(column);
                if (j < 0) {
                    throw new InputFiles.Unreadable("no column '" + column + "'" + SchemaValidator.nearest(column, header)
                            .map(n -> "; did you mean '" + n + "'?").orElse("; columns: " + String.join(", ", header)), 0);
                }
                Optional<double[]> rows = column(table.get(), j, key, problems);
                if (rows.isEmpty()) {
                    continue;
                }
                double[] monthly = quarterly ? monthly(rows.get()) : rows.get();
                ArrayNode values = path.putArray("values");
                Arrays.stream(monthly).forEach(values::add);
                path.put("shape", "values");
                path.put("file", "");
                path.put("column", column);
                path.put("frequency", "monthly");
            } catch (InputFiles.Unreadable e) {
                problems.add(locate.apply(key + ".file", (csv == null ? "" : csv + ": ") + e.getMessage()));
            }
        }
        return problems;
    }

    /**
     * Reads a CSV and checks its header and date column. A problem inside the file is added (once
     * per file) and the result is empty; a file that cannot be read at all is thrown, to be reported
     * at the scenario line that names it.
     */
    private static Optional<Table> table(Path csv, boolean quarterly, String key, List<ScenarioProblem> problems)
            throws InputFiles.Unreadable {
        String text;
        try {
            text = InputFiles.readText(csv);
        } catch (InputFiles.Unreadable e) {
            if (e.line() == 0) {
                throw e;
            }
            problems.add(new ScenarioProblem(csv.toString(), e.line(), key, e.getMessage()));
            return Optional.empty();
        }
        List<String> header = null;
        int headerLine = 0;
        List<Row> rows = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] cells = Arrays.stream(l.split(",", -1)).map(String::trim).toArray(String[]::new);
            if (header == null) {
                header = List.of(cells);
                headerLine = i + 1;
            } else {
                rows.add(new Row(i + 1, cells));
            }
        }
        if (header == null || rows.isEmpty()) {
            throw new InputFiles.Unreadable("needs a header row and at least one row of values", 0);
        }
        Optional<String> problem = checkHeader(header, quarterly, key);
        int line = headerLine;
        if (problem.isEmpty()) {
            int[] at = new int[1];
            problem = checkDates(header, rows, quarterly, at);
            line = at[0];
        }
        if (problem.isPresent()) {
            problems.add(new ScenarioProblem(csv.toString(), line, key, problem.get()));
            return Optional.empty();
        }
        return Optional.of(new Table(csv, header, rows));
    }

    private static Optional<String> checkHeader(List<String> header, boolean quarterly, String key) {
        for (int c = 0; c < header.size(); c++) {
            if (header.indexOf(header.get(c)) != c) {
                return Optional.of("column '" + header.get(c) + "' appears twice in the header");
            }
        }
        int d = dateColumn(header);
        if (d < 0) {
            return Optional.of("no date column: the header needs a column 'month' (1, 2, ... or YYYY-MM), "
                    + "'quarter' (1, 2, ... or YYYYQn) or 'date', got " + String.join(", ", header));
        }
        String name = header.get(d).toLowerCase(Locale.ROOT);
        if (name.equals(quarterly ? "month" : "quarter")) {
            return Optional.of("the date column '" + header.get(d) + "' holds " + name + "s, but " + key + ".frequency is "
                    + (quarterly ? "quarterly" : "monthly") + "; set frequency: " + (quarterly ? "monthly" : "quarterly"));
        }
        return Optional.empty();
    }

    private static int dateColumn(List<String> header) {
        for (int c = 0; c < header.size(); c++) {
            if (DATE_COLUMNS.contains(header.get(c).toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Checks that the date column runs consecutively: numbered rows from 1, dated rows from the first
     * date. Reports the first mistake by kind (a repeated period, then disorder, then a gap), with its
     * line in {@code at[0]}, so that one misplaced row is one problem.
     */
    private static Optional<String> checkDates(List<String> header, List<Row> rows, boolean quarterly, int[] at) {
        int d = dateColumn(header);
        String unit = quarterly ? "quarter" : "month";
        String column = "column '" + header.get(d) + "'";
        long[] period = new long[rows.size()];
        boolean numbered = rows.get(0).cell(d).matches("\\d{1,9}");
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r).cell(d);
            period[r] = parsePeriod(cell, quarterly, numbered);
            if (period[r] < 0) {
                at[0] = rows.get(r).line();
                return Optional.of("row " + (r + 1) + ", " + column + ": '" + cell + "' is not a " + unit + "; expected "
                        + (numbered ? "a row number (1, 2, ...)" : quarterly ? "YYYYQn, e.g. 2025Q1" : "YYYY-MM, e.g. 2025-01")
                        + " like row 1");
            }
        }
        Map<Long, Integer> firstRow = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            Integer earlier = firstRow.putIfAbsent(period[r], r);
            if (earlier != null) {
                at[0] = rows.get(r).line();
                return Optional.of("row " + (r + 1) + ", " + column + ": " + unit + " " + label(period[r], quarterly, numbered)
                        + " is repeated (also on row " + (earlier + 1) + ", line " + rows.get(earlier).line() + ")");
            }
        }
        for (int r = 1; r < rows.size(); r++) {
            if (period[r] < period[r - 1]) {
                at[0] = rows.get(r).line();
                return Optional.of("row " + (r + 1) + ", " + column + ": " + unit + " " + label(period[r], quarterly, numbered)
                        + " comes after " + label(period[r - 1], quarterly, numbered) + "; rows must be in date order");
            }
        }
        if (numbered && period[0] != 1) {
            at[0] = rows.get(0).line();
            return Optional.of("row 1, " + column + ": numbered " + unit + "s start at 1 (" + unit + " 1 is the first of the scenario), got "
                    + period[0]);
        }
        for (int r = 1; r < rows.size(); r++) {
            if (period[r] != period[r - 1] + 1) {
                at[0] = rows.get(r).line();
                String missing = period[r] == period[r - 1] + 2 ? unit + " " + label(period[r] - 1, quarterly, numbered) + " is"
                        : unit + "s " + label(period[r - 1] + 1, quarterly, numbered) + " to " + label(period[r] - 1, quarterly, numbered) + " are";
                return Optional.of("row " + (r + 1) + ", " + column + ": " + missing + " missing before "
                        + label(period[r], quarterly, numbered) + "; every " + unit + " needs a row");
            }
        }
        return Optional.empty();
    }

    /** A period as a count (the row number, or months or quarters since year 0); -1 when unreadable. */
    private static long parsePeriod(String cell, boolean quarterly, boolean numbered) {
        if (numbered) {
            return cell.matches("\\d{1,9}") ? Long.parseLong(cell) : -1;
        }
        Matcher m = (quarterly ? YEAR_QUARTER : YEAR_MONTH).matcher(cell);
        if (!m.matches()) {
            return -1;
        }
        int year = Integer.parseInt(m.group(1));
        int sub = Integer.parseInt(m.group(2));
        return sub < 1 || sub > 12 ? -1 : (quarterly ? year * 4L : year * 12L) + sub - 1;
    }

    private static String label(long period, boolean quarterly, boolean numbered) {
        if (numbered) {
            return Long.toString(period);
        }
        return quarterly ? String.format(Locale.ROOT, "%04dQ%d", period / 4, period % 4 + 1)
                : String.format(Locale.ROOT, "%04d-%02d", period / 12, period % 12 + 1);
    }

    /**
     * The numbers of column {@code j}, each checked like a value written in the scenario. The first
     * wrong cell is reported with a count of the others, so that a column in the wrong unit is one
     * problem; empty when any cell is wrong.
     */
    private static Optional<double[]> column(Table table, int j, String key, List<ScenarioProblem> problems) {
        Key valuesKey = ScenarioSchema.root().section("economy").flatMap(e -> e.section(key.substring(key.indexOf('.') + 1)))
                .flatMap(s -> s.key("values")).orElseThrow();
        String column = table.header().get(j);
        double[] out = new double[table.rows().size()];
        ScenarioProblem first = null;
        int wrong = 0;
        for (int r = 0; r < out.length; r++) {
            Row row = table.rows().get(r);
            String cell = row.cell(j);
            Optional<String> reason;
            try {
                out[r] = Double.parseDouble(cell);
                reason = !Double.isFinite(out[r]) ? Optional.of("must be a finite number, got '" + cell + "'")
                        : SchemaValidator.checkValue(valuesKey, JsonNodeFactory.instance.arrayNode().add(out[r]));
            } catch (NumberFormatException e) {
                reason = Optional.of(cell.isEmpty() ? "has no value" : "'" + cell + "' is not a number");
            }
            if (reason.isPresent()) {
                wrong++;
                if (first == null) {
                    first = new ScenarioProblem(table.file().toString(), row.line(), key,
                            "row " + (r + 1) + ", column '" + column + "': " + reason.get());
                }
            }
        }
        if (first == null) {
            return Optional.of(out);
        }
        problems.add(wrong == 1 ? first : new ScenarioProblem(first.source(), first.line(), key,
                first.reason() + " (and " + (wrong - 1) + " more row(s) of this column)"));
        return Optional.empty();
    }

    /** Quarterly values to monthly: quarter q (0-based) sits at month 3q + 2; linear between. */
    static double[] monthly(double[] quarterly) {
        int months = 3 * quarterly.length;
        double[] out = new double[months];
        for (int m = 1; m <= months; m++) {
            double q = (m - 2) / 3.0;
            if (q <= 0) {
                out[m - 1] = quarterly[0];
            } else if (q >= quarterly.length - 1) {
                out[m - 1] = quarterly[quarterly.length - 1];
            } else {
                int lo = (int) Math.floor(q);
                double w = q - lo;
                out[m - 1] = quarterly[lo] * (1 - w) + quarterly[lo + 1] * w;
            }
        }
        return out;
    }
}
