package org.creditstress.cli;

import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.creditstress.model.InvariantViolation;
import org.creditstress.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code creditstress} command line. */
@Command(name = "creditstress", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Agent-based simulation and stress testing of consumer credit.",
        subcommands = {RunCommand.class, ValidateCommand.class, TraceCommand.class, CompareCommand.class, SweepCommand.class,
                AttributeCommand.class, SteadyCommand.class, ReverseStressCommand.class, SensitivityCommand.class, CalibrateCommand.class, BacktestCommand.class, BenchCommand.class,
                NetworkCommand.class, ServeCommand.class, DocsCommand.class, ExportBookCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    private static final boolean DEBUG = System.getenv("CREDITSTRESS_DEBUG") != null;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Picocli lets {@code --help} win over an unmatched word ({@code creditstress backtset --help}
     * printed the top-level help and exited 0); a word that is not a command is an error whatever
     * follows it.
     */
    private static int rejectUnknownCommand(CommandLine.ParseResult parseResult) {
        if (!parseResult.hasSubcommand() && !parseResult.unmatched().isEmpty()) {
            CommandLine cl = parseResult.commandSpec().commandLine();
            throw new CommandLine.ParameterException(cl, unknownWord(cl, parseResult.unmatched().get(0)));
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** "unknown command 'x'", with the nearest command name when it is close enough to be a typo. */
    private static String unknownWord(CommandLine cl, String word) {
        if (word.startsWith("-")) {
            return "unknown option '" + word + "'";
        }
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        Optional<String> near = cl.getSubcommands().keySet().stream()
                .min(Comparator.comparingInt(c -> distance.apply(word, c)))
                .filter(c -> distance.apply(word, c) <= Math.max(2, word.length() / 3));
        return "unknown command '" + word + "'" + near.map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    /** Runs the command line and returns the exit code (0 ok, 1 internal failure, 2 bad input). */
    public static int execute(String... args) {
        return execute(Backends.LOCAL, args);
    }

    /**
     * Runs the command line with the model runs of {@code sweep}, {@code sensitivity} and
     * {@code calibrate} made by {@code backends} instead of this JVM's threads (the Spark entry
     * point, {@code org.creditstress.spark.SparkMain}, passes its cluster runners); everything else,
     * options, errors and exit codes included, is as {@link #execute(String...)}.
     */
    public static int execute(Backends backends, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == SweepCommand.class) {
                    return cls.cast(new SweepCommand(backends.sweepPoints()));
                }
                if (cls == SensitivityCommand.class) {
                    return cls.cast(new SensitivityCommand(backends.evaluations()));
                }
                if (cls == CalibrateCommand.class) {
                    return cls.cast(new CalibrateCommand(backends.evaluations()));
                }
                return defaults.create(cls);
            }
        };
        CommandLine cl = new CommandLine(new Main(), factory);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            var err = commandLine.getErr();
            if (ex instanceof ScenarioException se) {
                se.problems().forEach(p -> err.println("error: " + p));
                return 2;
            }
            if (ex instanceof UserInputException) {
                err.println("error: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof org.creditstress.run.Experiment.RunOutOfMemory || ex instanceof org.creditstress.run.Experiment.WorkerFailed) {
                err.println("error: " + ex.getMessage());
                return 1;
            }
            if (ex instanceof InvariantViolation) {
                err.println("error: the model broke an invariant, so the run was stopped and no results were written: " + ex.getMessage());
                return 1;
            }
            err.println("internal error: " + ex + (DEBUG ? "" : " (set CREDITSTRESS_DEBUG=1 for the stack trace)"));
            if (DEBUG) {
                ex.printStackTrace(err);
            }
            return 1;
        });
        cl.setParameterExceptionHandler((ex, argv) -> {
            boolean topLevelWord = ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine() == cl
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-");
            ex.getCommandLine().getErr().println("error: "
                    + (topLevelWord ? unknownWord(cl, ((CommandLine.UnmatchedArgumentException) ex).getUnmatched().get(0)) : ex.getMessage()));
            ex.getCommandLine().getErr().println("(see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cl.setExecutionStrategy(Main::rejectUnknownCommand);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli lets errors through; one line, not a trace (the heap is free again by now)
            cl.getErr().println(String.format(java.util.Locale.ROOT, "error: out of memory (%s; this JVM has %.2f GB of heap): "
                    + "use fewer borrowers or replications, or raise -Xmx via CREDITSTRESS_JAVA_OPTS", e.getMessage(),
                    Runtime.getRuntime().maxMemory() / 1e9));
            code = 1;
        } catch (Error e) {
            // any other error that reached here (a thread's stack overflow, a class that cannot be
            // loaded): one line too, the trace only on request
            cl.getErr().println("internal error: " + e + (DEBUG ? "" : " (set CREDITSTRESS_DEBUG=1 for the stack trace)"));
            if (DEBUG) {
                e.printStackTrace(cl.getErr());
            }
            code = 1;
        }
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }
}
