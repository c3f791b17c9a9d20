package org.creditstress.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditstress.scenario.InputFiles;

/**
 * Reads an exposure network from CSV (UTF-8).
 *
 * <pre>
 * node,      FunderA, LenderB, capital, external_assets
 * FunderA,   0,       120,     50,      300
 * LenderB,   0,       0,       30,      200
 * </pre>
 * <ul>
 *   <li>The header's first cell is a free label; every other header cell is a node name, except the reserved
 *       per-node columns {@code capital}, {@code external_assets} and {@code value} (case-insensitive).</li>
 *   <li>Each row starts with a node name; the cell in row i, column j is the amount node i has lent to
 *       (is exposed to) node j, i.e. what j owes i. Rows may come in any order but there must be exactly one
 *       per node (a square matrix). Empty matrix cells mean 0; the diagonal must be 0 or empty.</li>
 *   <li>Per-node columns must hold a non-negative number in every row.</li>
 *   <li>Blank lines and lines starting with {@code #} are ignored; cells are trimmed; a cell may be quoted with
 *       {@code "} (a doubled {@code ""} inside quotes is a literal quote).</li>
 * </ul>
 * Every problem is reported as a {@link NetworkInputException} naming the file, the row/column and the reason.
 */
public final class ExposureCsv {

    private ExposureCsv() {
    }

    /**
     * Reads the file.
     *
     * @throws NetworkInputException if the file is missing, unreadable or malformed
     */
    public static ExposureNetwork read(Path file) {
        String name = file.toString();
        String text;
        try {
            // Bounded like every input file: /dev/zero or a file of gigabytes is an error at once.
            text = InputFiles.readText(file);
        } catch (InputFiles.Unreadable e) {
            throw new NetworkInputException(name + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
        }
        return parse(name, text.lines().toList());
    }

    /**
     * Parses CSV lines.
     *
     * @param source file name for error messages
     * @throws NetworkInputException if the content is malformed
     */
    public static ExposureNetwork parse(String source, List<String> lines) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            String line = k == 0 ? stripBom(lines.get(k)) : lines.get(k);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            rows.add(splitLine(source, k + 1, line));
            lineNumbers.add(k + 1);
        }
        if (rows.isEmpty()) {
            throw new NetworkInputException(source + ": file is empty (expected a header row of node names)");
        }
        return new Parser(source, rows, lineNumbers).parse();
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Splits one CSV line into trimmed cells, honouring double quotes. */
    static List<String> splitLine(String source, int lineNumber, String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new NetworkInputException(source + ": line " + lineNumber + ": unterminated quoted cell");
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** One parse of one file; holds the header layout while reading rows. */
    private static final class Parser {
        private final String source;
        private final List<List<String>> rows;
        private final List<Integer> lineNumbers;
        private final List<String> header;
        private final List<String> nodes = new ArrayList<>();
        private final List<Integer> nodeColumns = new ArrayList<>();
        private final Map<String, Integer> reservedColumns = new LinkedHashMap<>();

        Parser(String source, List<List<String>> rows, List<Integer> lineNumbers) {
            this.source = source;
            this.rows = rows;
            this.lineNumbers = lineNumbers;
            this.header = rows.get(0);
        }

        ExposureNetwork parse() {
            readHeader();
            int n = nodes.size();
            if (rows.size() - 1 != n) {
                throw new NetworkInputException(source + ": matrix is not square: the header names " + n
                        + " node" + (n == 1 ? "" : "s") + " " + nodes + " but there " + (rows.size() - 1 == 1 ? "is " : "are ")
                        + (rows.size() - 1) + " data row" + (rows.size() - 1 == 1 ? "" : "s"));
            }
            double[][] exposures = new double[n][];
            Map<String, double[]> columns = new HashMap<>();
            reservedColumns.keySet().forEach(c -> columns.put(c, new double[n]));
            for (int r = 1; r < rows.size(); r++) {
                readRow(r, exposures, columns);
            }
            return new ExposureNetwork(source, nodes, exposures, columns);
        }

        private void readHeader() {
            for (int c = 1; c < header.size(); c++) {
                String name = header.get(c);
                String lower = name.toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    throw new NetworkInputException(source + ": header column " + (c + 1) + " has no name");
                }
                if (ExposureNetwork.RESERVED_COLUMNS.contains(lower)) {
                    if (reservedColumns.put(lower, c) != null) {
                        throw new NetworkInputException(source + ": header: column '" + lower + "' appears twice");
                    }
                } else if (nodes.contains(name)) {
                    throw new NetworkInputException(source + ": header: node '" + name + "' appears twice");
                } else {
                    nodes.add(name);
                    nodeColumns.add(c);
                }
            }
            if (nodes.isEmpty()) {
                throw new NetworkInputException(source + ": header names no nodes (expected: label, node names..., "
                        + "then optional " + String.join("/", ExposureNetwork.RESERVED_COLUMNS) + " columns)");
            }
        }

        private void readRow(int r, double[][] exposures, Map<String, double[]> columns) {
            List<String> cells = rows.get(r);
            String node = cells.get(0);
            if (cells.size() != header.size()) {
                throw new NetworkInputException(source + ": line " + lineNumbers.get(r) + " (row '" + node + "'): "
                        + cells.size() + " cells, expected " + header.size() + " as in the header");
            }
            int i = nodes.indexOf(node);
            if (i < 0) {
                throw new NetworkInputException(source + ": row '" + node + "' (line " + lineNumbers.get(r)
                        + ") is not a node named in the header " + nodes);
            }
            if (exposures[i] != null) {
                throw new NetworkInputException(source + ": row '" + node + "' appears twice (line "
                        + lineNumbers.get(r) + ")");
            }
            exposures[i] = new double[nodes.size()];
            for (int j = 0; j < nodes.size(); j++) {
                String cell = cells.get(nodeColumns.get(j));
                double x = cell.isEmpty() ? 0.0 : number(node, nodes.get(j), cell);
                if (x < 0) {
                    throw new NetworkInputException(where(node, nodes.get(j)) + "exposure " + cell + " is negative");
                }
                if (i == j && x != 0) {
                    throw new NetworkInputException(where(node, node) + "a node cannot be exposed to itself "
                            + "(the diagonal must be 0 or empty), got " + cell);
                }
                exposures[i][j] = x;
            }
            for (Map.Entry<String, Integer> column : reservedColumns.entrySet()) {
                String cell = cells.get(column.getValue());
                if (cell.isEmpty()) {
                    throw new NetworkInputException(where(node, column.getKey()) + "value is missing");
                }
                double x = number(node, column.getKey(), cell);
                if (x < 0) {
                    throw new NetworkInputException(where(node, column.getKey()) + cell + " is negative");
                }
                columns.get(column.getKey())[i] = x;
            }
        }

        private double number(String row, String column, String cell) {
            double x;
            try {
                x = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new NetworkInputException(where(row, column) + "'" + cell + "' is not a number");
            }
            if (!Double.isFinite(x)) {
                throw new NetworkInputException(where(row, column) + "'" + cell + "' is not a finite number");
            }
            return x;
        }

        private String where(String row, String column) {
            return source + ": row '" + row + "', column '" + column + "': ";
        }
    }
}
