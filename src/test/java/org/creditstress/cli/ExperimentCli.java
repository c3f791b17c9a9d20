package org.creditstress.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.creditstress.scenario.ScenarioException;
import picocli.CommandLine;

/**
 * Runs the compare and sweep commands for tests with stdout and stderr captured: through
 * {@link Main#execute} once Main registers them, else on a command line with Main's error handling
 * (exit 2 for bad input, 1 for internal failures).
 */
final class ExperimentCli {
    private ExperimentCli() {
    }

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Result run(String... args) {
        boolean registered = new CommandLine(new Main()).getSubcommands().containsKey(args[0]);
        Captured c = Captured.run(() -> registered ? Main.execute(args) : local(args));
        return new Result(c.exitCode(), c.out(), c.err());
    }

    private static int local(String... args) {
        Object command = switch (args[0]) {
            case "compare" -> new CompareCommand();
            case "sweep" -> new SweepCommand();
            default -> throw new IllegalArgumentException(args[0]);
        };
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            if (ex instanceof ScenarioException se) {
                se.problems().forEach(pr -> c.getErr().println("error: " + pr));
                return 2;
            }
            if (ex instanceof UserInputException) {
                c.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            c.getErr().println("internal error: " + sw);
            return 1;
        });
        cl.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            return 2;
        });
        return cl.execute(Arrays.copyOfRange(args, 1, args.length));
    }
}
