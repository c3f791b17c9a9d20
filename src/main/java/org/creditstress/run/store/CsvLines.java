package org.creditstress.run.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal reader of the result CSV files: comma separated, optional RFC 4180 double quotes, first
 * line is the header, blank lines are ignored, a UTF-8 byte-order mark is tolerated. Keeps track of
 * the line number so that every error names the file and line.
 */
public final class CsvLines implements AutoCloseable {

    private final Path file;
    private final BufferedReader reader;
    private int lineNumber;

    private CsvLines(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    public static CsvLines open(Path file) throws IOException {
        return new CsvLines(file, Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** The header fields; fails if the file has no header. */
    public List<String> header() throws IOException {
        List<String> header = next();
        if (header == null) {
            throw new CsvFormatException(file, 0, "file is empty, expected a header line");
        }
        return header;
    }

    /** The fields of the next non-blank line, or {@code null} at end of file. */
    public List<String> next() throws IOException {
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
        } while (line.isBlank());
        List<String> fields = split(line);
        if (fields == null) {
            throw error("unterminated quoted field");
        }
        return fields;
    }

    /** 1-based number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    public Path file() {
        return file;
    }

    /** An error about the line last returned. */
    public CsvFormatException error(String problem) {
        return new CsvFormatException(file, lineNumber, problem);
    }

    /**
     * Parses a numeric cell: empty (or {@code NaN}) means missing and gives {@link Double#NaN}.
     */
    public double number(String cell, String column) throws CsvFormatException {
        String s = cell.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        if (!looksNumeric(s)) {
            throw error("column '" + column + "': '" + cell + "' is not a number");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error("column '" + column + "': '" + cell + "' is not a number");
        }
    }

    /** Parses a mandatory integer cell. */
    public int integer(String cell, String column) throws CsvFormatException {
        String s = cell.strip();
        if (s.isEmpty()) {
            throw error("column '" + column + "' is empty, expected an integer");
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error("column '" + column + "': '" + cell + "' is not an integer");
        }
    }

    /** Fails unless the current line has exactly {@code expected} fields. */
    public void requireFieldCount(List<String> fields, int expected) throws CsvFormatException {
        if (fields.size() != expected) {
            throw error("expected " + expected + " fields but found " + fields.size());
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Rejects Java-only literals such as {@code 1d}, {@code 0x1p3} that {@link Double#parseDouble} accepts. */
    private static boolean looksNumeric(String s) {
        if (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity") || s.equals("+Infinity")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits one line into fields, honouring double quotes ({@code ""} inside quotes is a quote).
     * Returns {@code null} if a quoted field is not terminated.
     */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        current.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(current.toString());
        return fields;
    }
}
