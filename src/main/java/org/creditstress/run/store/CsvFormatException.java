package org.creditstress.run.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A result CSV file that does not have the expected shape. The message always names the file and,
 * where one is at fault, the 1-based line number, e.g. {@code results/summary.csv, line 7: expected
 * 6 fields but found 5}.
 */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /**
     * @param file the offending file
     * @param line 1-based line number, or 0 when the problem is not tied to one line (e.g. an empty file)
     * @param problem what is wrong, without the file name
     */
    public CsvFormatException(Path file, int line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** The 1-based line number at fault, or 0 if the problem concerns the file as a whole. */
    public int line() {
        return line;
    }
}
