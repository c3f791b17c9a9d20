package org.creditstress.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditstress.report.Headline;
import org.creditstress.report.chart.RunCharts;
import org.creditstress.run.Experiment;
import org.creditstress.run.RunResult;
import org.creditstress.run.store.ResultsStream;
import org.creditstress.run.store.ResultsWriter;
import org.creditstress.run.store.RunDirectory;
import org.creditstress.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code creditstress run}: runs a scenario's replications and writes its results folder. */
@Command(name = "run", header = "Run a scenario and write its results folder.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a scenario and write its results folder:",
                "scenario.resolved.yaml, metrics.csv, summary.csv, manifest.json, charts/."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ScenarioArguments args;

    @Mixin
    ExecutionOptions exec;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: output/<scenario name>/<run id>/). Must not exist or be empty.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int t = exec.threads();
        LoadedScenario loaded = args.load();
        Experiment.Estimate estimate = Experiment.checkFits(loaded, t, true);
        var err = spec.commandLine().getErr();
        ExecutionOptions.noteIfLong(err, "this run", estimate, t);
        RunDirectory dir = ExecutionOptions.open(out, loaded.scenario().name());
        RunResult run;
        Headline.Accumulator headline = new Headline.Accumulator(Experiment.registry(loaded.scenario()));
        try (dir) {
            run = runInto(loaded, t, exec.progress(), dir.temp(), commandLine(), r -> headline.add(r.values()));
            dir.commit();
            err.flush();
        }
        var outStream = spec.commandLine().getOut();
        outStream.println();
        outStream.println("Scenario " + loaded.scenario().name() + ": " + loaded.scenario().replications() + " replications x "
                + loaded.scenario().horizon().months() + " months, " + loaded.scenario().population().size() + " borrowers, "
                + String.format(java.util.Locale.ROOT, "%.1f s", (run.end().toEpochMilli() - run.start().toEpochMilli()) / 1000.0));
        outStream.print(Headline.table(headline.figures()));
        outStream.println("results: " + dir.target());
        return 0;
    }

    /**
     * Runs {@code loaded} and writes its results folder into {@code folder}: the replications as they
     * finish (each handed to {@code also} too), the manifest, the charts if the scenario asks for them,
     * and the report.
     */
    static RunResult runInto(LoadedScenario loaded, int threads, org.creditstress.run.ProgressListener progress, Path folder,
                             List<String> commandLine, java.util.function.Consumer<org.creditstress.run.ReplicationResult> also)
            throws IOException {
        RunResult shape = new RunResult(loaded, Experiment.registry(loaded.scenario()), List.of(), threads, java.time.Instant.now(),
                java.time.Instant.now());
        RunResult run;
        try (ResultsStream stream = ResultsWriter.open(shape, folder)) {
            run = Experiment.run(loaded, threads, progress, r -> {
                stream.accept(r);
                also.accept(r);
            });
            ResultsWriter.finish(stream, run, folder, commandLine, VersionProvider.version());
        }
        if (loaded.scenario().outputs().charts()) {
            new RunCharts().writeAll(folder);
        }
        org.creditstress.report.html.RunReport.write(folder);
        return run;
    }

    private List<String> commandLine() {
        List<String> cmd = new ArrayList<>();
        cmd.add("creditstress");
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        return cmd;
    }
}
