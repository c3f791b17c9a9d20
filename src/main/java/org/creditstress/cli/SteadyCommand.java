package org.creditstress.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditstress.experiment.steady.SteadyState;
import org.creditstress.run.Experiment;
import org.creditstress.run.RunResult;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.run.store.CsvNumbers;
import org.creditstress.run.store.RunDirectory;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code creditstress steady}: does the scenario's market stay where it starts when the economy is flat? */
@Command(name = "steady", header = "Check that a scenario's market is steady in a flat economy.", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Run the scenario with its economy held at its month-1 levels (unemployment and funding rate flat,",
                "no income growth, prices with incomes) and no policy events, and report how far M1+, M3+, the",
                "charge-off rate and receivables move between year 2 and the last year. Writes the flat run's results",
                "folder with steady-state.csv. Exit code 0 whatever the verdict (it is a measurement)."})
final class SteadyCommand implements Callable<Integer> {
    @Mixin
    ScenarioArguments args;

    @Option(names = "--years", paramLabel = "N", description = "Years of flat economy (default: ${DEFAULT-VALUE}; at least 3).")
    int years = SteadyState.YEARS;

    @Option(names = "--tolerance", paramLabel = "X", description = "Largest relative change counted as steady (default: ${DEFAULT-VALUE}).")
    double tolerance = SteadyState.TOLERANCE;

    @Mixin
    ExecutionOptions exec;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: output/<scenario>-steady/<run id>/). Must not exist or be empty.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (years < 3 || years > 50) {
            throw new UserInputException("--years must be in [3, 50], got " + years);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new UserInputException("--tolerance must be in (0, 1), got " + tolerance);
        }
        int t = exec.threads();
        LoadedScenario given = args.load();
        List<String> overrides = new ArrayList<>(args.overrides());
        overrides.addAll(SteadyState.flatEconomy(given.scenario(), years));
        LoadedScenario loaded = ScenarioLoader.load(args.scenario, overrides);
        Experiment.Estimate estimate = Experiment.checkFits(loaded, t, true);
        var err = spec.commandLine().getErr();
        ExecutionOptions.noteIfLong(err, "this steady-state check", estimate, t);
        RunDirectory dir = ExecutionOptions.open(out, given.scenario().name() + "-steady");
        List<SteadyState.Row> rows;
        try (dir) {
            List<org.creditstress.run.ReplicationResult> replications = new ArrayList<>();
            RunResult run = RunCommand.runInto(loaded, t, exec.progress(), dir.temp(), commandLine(), replications::add);
            rows = SteadyState.drift(new RunResult(loaded, run.registry(), replications, t, run.start(), run.end()), tolerance);
            AtomicFiles.writeText(dir.temp().resolve("steady-state.csv"), w -> {
                w.write("measure,year_2,last_year,change,change_se,steady\n");
                for (SteadyState.Row r : rows) {
                    w.write(r.measure() + "," + CsvNumbers.format(r.yearTwo()) + "," + CsvNumbers.format(r.lastYear()) + ","
                            + CsvNumbers.format(r.change()) + "," + CsvNumbers.format(r.changeSe()) + "," + r.steady() + "\n");
                }
            });
            dir.commit();
            err.flush();
        }
        var o = spec.commandLine().getOut();
        o.println();
        o.println("Steady-state check of " + given.scenario().name() + ": " + years + " flat years, " + loaded.scenario().replications()
                + " replications, " + loaded.scenario().population().size() + " borrowers");
        o.print(SteadyState.table(rows, years, tolerance));
        o.println("results: " + dir.target());
        return 0;
    }

    private List<String> commandLine() {
        List<String> cmd = new ArrayList<>();
        cmd.add("creditstress");
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        return cmd;
    }
}
