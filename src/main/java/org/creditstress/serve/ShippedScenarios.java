package org.creditstress.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scenarios the page offers: every {@code .yaml} file under the scenarios folder, named by its
 * path relative to it ({@code severe-downturn.yaml}, {@code over-borrowing/easy-credit.yaml}). A
 * request names one of these; any other name (a path outside the folder, a file added while the
 * server runs) is refused, so the page never reads a file it did not list.
 */
final class ShippedScenarios {
    private final Path folder;
    private final List<String> names;

    ShippedScenarios(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.folder)) {
            throw new IllegalArgumentException("no scenarios folder at " + this.folder);
        }
        try (Stream<Path> files = Files.walk(this.folder)) {
            names = files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".yaml"))
                    .map(f -> this.folder.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder() {
        return folder;
    }

    List<String> names() {
        return names;
    }

    /** The file of a listed scenario; a name not listed is a 404 naming the ones that are. */
    Path file(String name) {
        if (!names.contains(name)) {
            String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
            throw RequestException.of(404, "unknown scenario '" + shown.replaceAll("\\p{Cntrl}", "?")
                    + "'; the page runs the shipped scenarios: " + String.join(", ", names));
        }
        return folder.resolve(name);
    }
}
