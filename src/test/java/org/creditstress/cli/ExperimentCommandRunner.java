package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.creditstress.scenario.ScenarioException;
import picocli.CommandLine;

/**
 * Runs an experiment command the way Main does (ScenarioException and UserInputException: one
 * line per problem on standard error, exit 2), without needing the command registered in Main.
 */
final class ExperimentCommandRunner {
    private ExperimentCommandRunner() {
    }

    record Run(int exitCode, String out, String err) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ScenarioException se) {
                se.problems().forEach(p -> commandLine.getErr().println("error: " + p));
                return 2;
            }
            if (ex instanceof UserInputException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            return 2;
        });
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Exit 2 with exactly one line on standard error, containing every fragment. */
    static void assertOneLineError(Run run, String... fragments) {
        assertEquals(2, run.exitCode(), run.err() + run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        for (String f : fragments) {
            assertTrue(run.err().contains(f), "'" + f + "' not in: " + run.err());
        }
    }
}
