package org.creditstress.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.creditstress.run.Experiment;
import org.creditstress.run.store.RunDirectory;
import picocli.CommandLine.Option;

/** Options of every command that runs the model: threads and progress; and opening its results folder. */
final class ExecutionOptions {
    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    @Option(names = "--quiet", description = "No progress display.")
    boolean quiet;

    /** The thread count, checked. */
    int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new UserInputException("--threads must be between 1 and 1024, got " + t);
        }
        return t;
    }

    /**
     * Prints {@code note: <what> is estimated to need ...} when the estimate is long (over
     * {@link Experiment#LONG_RUN_SECONDS}), so that a run of days does not start silently.
     */
    static void noteIfLong(java.io.PrintWriter err, String what, Experiment.Estimate estimate, int threads) {
        if (estimate.seconds() > Experiment.LONG_RUN_SECONDS) {
            err.println(longNote(what, estimate, threads));
            err.flush();
        }
    }

    /** As above, on a stream. */
    static void noteIfLong(java.io.PrintStream err, String what, Experiment.Estimate estimate, int threads) {
        if (estimate.seconds() > Experiment.LONG_RUN_SECONDS) {
            err.println(longNote(what, estimate, threads));
            err.flush();
        }
    }

    private static String longNote(String what, Experiment.Estimate estimate, int threads) {
        return "note: " + what + " is estimated to need " + estimate.describe() + " on " + threads + " threads";
    }

    /** Progress on standard error: a bar on a terminal, plain lines otherwise, nothing with --quiet. */
    Progress progress() {
        return new Progress(System.err, System.console() != null, quiet);
    }

    /**
     * The results folder to write: {@code out}, or a new {@code output/<name>/<run id>/}. Written
     * into a temporary folder and moved into place by {@link RunDirectory#commit()}.
     */
    static RunDirectory open(Path out, String defaultName) throws IOException {
        Path target;
        try {
            target = out != null ? out : RunDirectory.defaultTarget(Launcher.outputRoot(), defaultName);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UserInputException("results folder name '" + defaultName + "' is not a valid path: " + e.getReason());
        }
        try {
            return RunDirectory.create(target, out == null);
        } catch (RunDirectory.UnusablePath e) {
            throw new UserInputException((out != null ? "--out " : "results folder ") + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--out " + e.getMessage());
        }
    }
}
