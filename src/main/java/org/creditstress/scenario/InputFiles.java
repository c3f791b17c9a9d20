package org.creditstress.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place where scenario inputs (the scenario, the files it {@code extends}, economy CSVs)
 * are read from disk. Every read is bounded: a file must be a regular file no larger than
 * {@link #limit()} bytes, checked before reading and again while reading (a file can grow, and
 * some files report a size of 0), so that {@code /dev/zero} or a multi-gigabyte file is an error
 * at once rather than an {@link OutOfMemoryError} a minute later. Text must be UTF-8; a leading
 * byte-order mark is dropped.
 */
public final class InputFiles {
    /** System property that lowers (or raises) the size limit, in bytes; tests use it to stand in for huge files. */
    static final String LIMIT_PROPERTY = "creditstress.maxInputBytes";
    /** Scenarios are a few kilobytes and economy CSVs a few hundred rows; 16 MiB leaves room for generated files. */
    static final long DEFAULT_LIMIT = 16L << 20;

    private InputFiles() {
    }

    /**
     * Why a file cannot be used. {@code line} is the 1-based line of the file to blame, or 0 when the
     * file as a whole is at fault (missing, too large, not a file): then the caller reports it at
     * the place that named the file. The reason does not repeat the file name.
     */
    public static final class Unreadable extends Exception {
        private final int line;

        Unreadable(String reason, int line) {
            super(reason, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The size limit in bytes: {@value #LIMIT_PROPERTY} if set to a positive number, else {@link #DEFAULT_LIMIT}. */
    static long limit() {
        String p = System.getProperty(LIMIT_PROPERTY);
        if (p != null) {
            try {
                long v = Long.parseLong(p.trim());
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // an unusable setting falls back to the default
            }
        }
        return DEFAULT_LIMIT;
    }

    /** {@code name} resolved against {@code dir} (the folder of the file that names it; null for the working directory). */
    static Path resolve(Path dir, String name) throws Unreadable {
        try {
            return dir == null ? Path.of(name) : dir.resolve(name);
        } catch (InvalidPathException e) {
            String what = name.indexOf('\0') >= 0 ? "it contains a NUL character" : e.getReason();
            throw new Unreadable("not a valid path: " + what, 0);
        }
    }

    /** Reads a whole file as UTF-8 text, within the size limit, without a leading byte-order mark. */
    public static String readText(Path file) throws Unreadable {
        long limit = limit();
        checkFile(file, limit);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (AccessDeniedException e) {
            throw new Unreadable("cannot read it: permission denied", 0);
        } catch (IOException e) {
            throw new Unreadable("cannot read it: " + e.getMessage(), 0);
        }
        if (bytes.length > limit) {
            throw new Unreadable("larger than the input file limit of " + size(limit), 0);
        }
        String text = decode(bytes);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void checkFile(Path file, long limit) throws Unreadable {
        if (Files.isDirectory(file)) {
            throw new Unreadable("a folder, not a file", 0);
        }
        if (!Files.exists(file)) {
            throw new Unreadable("file not found", 0);
        }
        if (!Files.isRegularFile(file)) {
            throw new Unreadable("not a regular file (a device, pipe or socket cannot be read as input)", 0);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable("file not found", 0);
        } catch (IOException e) {
            throw new Unreadable("cannot read it: " + e.getMessage(), 0);
        }
        if (size > limit) {
            throw new Unreadable(size(size) + ", larger than the input file limit of " + size(limit), 0);
        }
    }

    /** Strict UTF-8: the first malformed byte is reported with its line. */
    private static String decode(byte[] bytes) throws Unreadable {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Unreadable("not valid UTF-8 (byte 0x" + String.format(Locale.ROOT, "%02X", bytes[in.position()] & 0xFF)
                    + "); save the file as UTF-8", line);
        }
        return out.flip().toString();
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return bytes + " bytes";
    }
}
