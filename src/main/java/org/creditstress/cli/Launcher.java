package org.creditstress.cli;

import java.nio.file.Path;

/** Facts the launcher script passes in: where the project lives (for the default output folder). */
final class Launcher {
    private Launcher() {
    }

    /** {@code <project>/output} when started by the launcher, else {@code ./output}. */
    static Path outputRoot() {
        String home = System.getProperty("creditstress.home");
        return home == null ? Path.of("output") : Path.of(home, "output");
    }
}
