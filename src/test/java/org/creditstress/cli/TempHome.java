package org.creditstress.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Points {@code creditstress.home} (whose {@code output} folder is the default results root) at a
 * temporary folder for the length of a test, and puts the previous value back on {@link #close()}.
 */
final class TempHome implements AutoCloseable {
    private final Path home;
    private final String previous;

    TempHome(Path folder) throws IOException {
        home = Files.createDirectories(folder);
        previous = System.getProperty("creditstress.home");
        System.setProperty("creditstress.home", home.toString());
    }

    /** What the commands left in the output folder (empty when nothing was written). */
    List<Path> output() throws IOException {
        Path out = home.resolve("output");
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.toList();
        }
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty("creditstress.home");
        } else {
            System.setProperty("creditstress.home", previous);
        }
    }
}
