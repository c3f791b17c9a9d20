package org.creditstress.run.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A results folder that appears only when complete: files are written into a hidden temporary
 * sibling ({@code .incomplete-...}) and moved to the final name at the end; a failed run deletes
 * its temporary folder, so nothing half-written is ever left where results are expected.
 */
public final class RunDirectory implements AutoCloseable {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Path target;
    private final Path temp;
    private boolean committed;

    private RunDirectory(Path target) throws IOException {
        this.target = target;
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Not Files.createTempDirectory: its folder is readable by the owner only, and results are for sharing.
        Path dir;
        do {
            dir = parent.resolve(".incomplete-" + target.getFileName() + "-" + Long.toHexString(System.nanoTime()));
        } while (Files.exists(dir));
        this.temp = Files.createDirectory(dir);
    }

    /** The default folder {@code outputRoot/<scenario>/<timestamp>[-n]}, not yet existing. */
    public static Path defaultTarget(Path outputRoot, String scenarioName) {
        String id = LocalDateTime.now().format(RUN_ID);
        Path dir = outputRoot.resolve(scenarioName).resolve(id);
        for (int n = 2; Files.exists(dir); n++) {
            dir = outputRoot.resolve(scenarioName).resolve(id + "-" + n);
        }
        return dir;
    }

    /**
     * Prepares to write into {@code target}, which must not exist or be an empty folder.
     *
     * @throws IllegalArgumentException if {@code target} exists and is not an empty folder
     */
    public static RunDirectory create(Path target) throws IOException {
        if (Files.exists(target)) {
            boolean emptyDir;
            try (Stream<Path> s = Files.isDirectory(target) ? Files.list(target) : null) {
                emptyDir = s != null && s.findAny().isEmpty();
            }
            if (!emptyDir) {
                throw new IllegalArgumentException(target + " already exists and is not an empty folder; choose another --out or delete it");
            }
        }
        return new RunDirectory(target);
    }

    /** Where to write while the run is incomplete. */
    public Path temp() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /** Moves the finished folder into place. */
    public void commit() throws IOException {
        if (Files.isDirectory(target)) {
            Files.delete(target);
        }
        AtomicFiles.rename(temp, target);
        committed = true;
    }

    /** Deletes the temporary folder unless the run was committed. */
    @Override
    public void close() {
        if (committed || !Files.exists(temp)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(temp)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
