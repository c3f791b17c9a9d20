package org.creditstress.cli;

import java.nio.file.Path;

/** Facts the launcher script passes in: where the project lives (for the default output and scenarios folders). */
final class Launcher {
    private Launcher() {
    }

    /** {@code <project>/output} when started by the launcher, else {@code ./output}. */
    static Path outputRoot() {
        String home = System.getProperty("creditstress.home");
        return home == null ? Path.of("output") : Path.of(home, "output");
    }

    /** {@code <project>/scenarios} when started by the launcher, else {@code ./scenarios}. */
    static Path scenariosFolder() {
        String home = System.getProperty("creditstress.home");
        return home == null ? Path.of("scenarios") : Path.of(home, "scenarios");
    }
}
