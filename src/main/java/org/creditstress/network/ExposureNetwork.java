package org.creditstress.network;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A named exposure network as read from a file: nodes, the exposure matrix and optional per-node columns.
 * Immutable: arrays are copied in and out.
 *
 * @param source    where it was read from (a file name), used in error messages
 * @param nodes     node names, in matrix order
 * @param exposures {@code exposures[i][j]} = amount node i has lent to (is exposed to) node j
 * @param columns   per-node numeric columns by lower-case name, e.g. {@link #CAPITAL}, each of length n
 */
public record ExposureNetwork(String source, List<String> nodes, double[][] exposures, Map<String, double[]> columns) {

    /** Column with each node's capital (equity), required by DebtRank. */
    public static final String CAPITAL = "capital";
    /** Column with each node's external assets, required by Eisenberg-Noe. */
    public static final String EXTERNAL_ASSETS = "external_assets";
    /** Optional column with each node's economic value (DebtRank weights). */
    public static final String VALUE = "value";
    /** Reserved column names: every other header column is a node. */
    public static final List<String> RESERVED_COLUMNS = List.of(CAPITAL, EXTERNAL_ASSETS, VALUE);

    public ExposureNetwork {
        nodes = List.copyOf(nodes);
        int n = Validation.squareNonNegative(exposures, "exposures");
        if (nodes.size() != n) {
            throw new IllegalArgumentException(nodes.size() + " node names for a " + n + "x" + n + " matrix");
        }
        exposures = Validation.copy(exposures);
        TreeMap<String, double[]> copy = new TreeMap<>();
        columns.forEach((name, values) -> {
            Validation.nonNegative(values, n, name);
            copy.put(name, values.clone());
        });
        columns = java.util.Collections.unmodifiableMap(copy);
    }

    public int size() {
        return nodes.size();
    }

    /** Index of the named node, or -1 if there is none. */
    public int indexOf(String node) {
        return nodes.indexOf(node);
    }

    @Override
    public double[][] exposures() {
        return Validation.copy(exposures);
    }

    /** The liabilities matrix L = A<sup>T</sup>: {@code liabilities[i][j]} = amount i owes j. */
    public double[][] liabilities() {
        int n = size();
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l[j][i] = exposures[i][j];
            }
        }
        return l;
    }

    @Override
    public Map<String, double[]> columns() {
        TreeMap<String, double[]> copy = new TreeMap<>();
        columns.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExposureNetwork other) || !source.equals(other.source) || !nodes.equals(other.nodes)
                || !java.util.Arrays.deepEquals(exposures, other.exposures)
                || !columns.keySet().equals(other.columns.keySet())) {
            return false;
        }
        return columns.entrySet().stream()
                .allMatch(e -> java.util.Arrays.equals(e.getValue(), other.columns.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return 31 * (31 * source.hashCode() + nodes.hashCode()) + java.util.Arrays.deepHashCode(exposures);
    }

    @Override
    public String toString() {
        return "ExposureNetwork[source=" + source + ", nodes=" + nodes + ", columns=" + columns.keySet() + "]";
    }

    /** The named per-node column, if the file has it. */
    public Optional<double[]> column(String name) {
        double[] values = columns.get(name);
        return values == null ? Optional.empty() : Optional.of(values.clone());
    }

    /**
     * The named per-node column.
     *
     * @param purpose what needs it, for the error message (e.g. "--method debtrank")
     * @throws NetworkInputException if the file has no such column
     */
    public double[] requireColumn(String name, String purpose) {
        return column(name).orElseThrow(() -> new NetworkInputException(source + ": missing required column '"
                + name + "' (needed by " + purpose + ")"));
    }
}
