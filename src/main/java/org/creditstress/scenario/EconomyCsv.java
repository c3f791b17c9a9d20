package org.creditstress.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Economy paths read from CSV files: a header row naming the columns, then one row per month or
 * per quarter. Quarterly values sit at mid-quarter months (2, 5, 8, ...) and are interpolated
 * linearly between them, held flat before the first and after the last. The values read replace
 * the {@code file} key in the resolved scenario.
 */
final class EconomyCsv {
    private static final String[] PATHS = {"unemployment", "income_growth", "funding_rate"};

    private EconomyCsv() {
    }

    /** Reads every economy path with a {@code file} into its {@code values}, in place. */
    static List<ScenarioProblem> load(ObjectNode tree, List<YamlDocument> chain) {
        List<ScenarioProblem> problems = new ArrayList<>();
        ObjectNode economy = (ObjectNode) tree.get("economy");
        for (String name : PATHS) {
            ObjectNode path = (ObjectNode) economy.get(name);
            String file = path.path("file").asText("");
            if (file.isEmpty()) {
                continue;
            }
            String key = "economy." + name + ".file";
            YamlDocument owner = ScenarioLoader.owner(chain, key);
            Path dir = Path.of(owner.source()).toAbsolutePath().getParent();
            Path csv = dir == null ? Path.of(file) : dir.resolve(file);
            String column = path.path("column").asText("").isEmpty() ? name : path.get("column").asText();
            try {
                double[] rows = read(csv, column);
                double[] monthly = "quarterly".equals(path.path("frequency").asText()) ? monthly(rows) : rows;
                ArrayNode values = path.putArray("values");
                Arrays.stream(monthly).forEach(values::add);
                path.put("shape", "values");
                path.put("file", "");
                path.put("column", column);
                path.put("frequency", "monthly");
            } catch (IllegalArgumentException e) {
                problems.add(new ScenarioProblem(owner.source(), owner.lineOf(key), key, e.getMessage()));
            }
        }
        return problems;
    }

    static double[] read(Path csv, String column) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found: " + csv);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + csv + ": " + e.getMessage());
        }
        if (lines.size() < 2) {
            throw new IllegalArgumentException(csv + " needs a header row and at least one row of values");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::trim).toList();
        int j = header.indexOf(column);
        if (j < 0) {
            throw new IllegalArgumentException(csv + " has no column '" + column + "'"
                    + SchemaValidator.nearest(column, header).map(n -> "; did you mean '" + n + "'?").orElse("; columns: " + String.join(", ", header)));
        }
        double[] out = new double[lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",", -1);
            String cell = j < cells.length ? cells[j].trim() : "";
            try {
                out[r - 1] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(csv + " line " + (r + 1) + ", column '" + column + "': '" + cell + "' is not a number");
            }
            if (!Double.isFinite(out[r - 1])) {
                throw new IllegalArgumentException(csv + " line " + (r + 1) + ", column '" + column + "': must be a finite number");
            }
        }
        return out;
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
