package org.creditstress.cli;

import org.creditstress.model.InvariantViolation;
import org.creditstress.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code creditstress} command line. */
@Command(name = "creditstress", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Agent-based simulation and stress testing of consumer credit.",
        subcommands = {RunCommand.class, ValidateCommand.class, TraceCommand.class, CompareCommand.class, SweepCommand.class,
                AttributeCommand.class, ReverseStressCommand.class, SensitivityCommand.class, CalibrateCommand.class, BenchCommand.class,
                NetworkCommand.class, DocsCommand.class,
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

    /** Runs the command line and returns the exit code (0 ok, 1 internal failure, 2 bad input). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
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
            if (ex instanceof org.creditstress.run.Experiment.RunOutOfMemory) {
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
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("(see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli lets errors through; one line, not a trace (the heap is free again by now)
            cl.getErr().println(String.format(java.util.Locale.ROOT, "error: out of memory (%s; this JVM has %.2f GB of heap): "
                    + "use fewer borrowers or replications, or raise -Xmx via CREDITSTRESS_JAVA_OPTS", e.getMessage(),
                    Runtime.getRuntime().maxMemory() / 1e9));
            code = 1;
        }
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }
}
