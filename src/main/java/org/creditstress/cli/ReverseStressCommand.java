package org.creditstress.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.creditstress.experiment.ExperimentInputException;
import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.experiment.TextTable;
import org.creditstress.experiment.stress.Condition;
import org.creditstress.experiment.stress.MonotoneBisection;
import org.creditstress.experiment.stress.ReverseStress;
import org.creditstress.report.chart.RunCharts;
import org.creditstress.report.experiment.ReverseStressReport;
import org.creditstress.run.Experiment;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.store.ExperimentFiles;
import org.creditstress.run.store.ResultsWriter;
import org.creditstress.run.store.RunDirectory;
import org.creditstress.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code creditstress reverse-stress}: the smallest value of a scenario key at which a breaking
 * condition holds in a share of the replications, by bisection on common random numbers. See
 * docs/experiments-stress-sensitivity-calibrate.md.
 */
@Command(name = "reverse-stress", header = "Find the smallest shock that breaks a condition.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Find the smallest value of KEY in [LO, HI] at which CONDITION holds in",
                "at least a share P of replications, by bisection on common random numbers",
                "(assumes the share rises with KEY). Writes reverse-stress.csv/.json,",
                "points.csv, charts/, scenario.resolved.yaml at the threshold and",
                "threshold-run/ (the full results of the run there)."})
public final class ReverseStressCommand implements Callable<Integer> {
    @Mixin
    ScenarioArguments args;

    @Option(names = "--vary", required = true, paramLabel = "KEY",
            description = "Scenario key to vary, as for --set, e.g. economy.unemployment.shock_level.")
    String vary;

    @Option(names = "--range", required = true, paramLabel = "LO:HI", description = "Search range of KEY, LO below HI.")
    String range;

    @Option(names = "--until", required = true, paramLabel = "CONDITION",
            description = "EXPR OP VALUE, OP one of < <= > >=, EXPR as peak(M), min(M), final(M), mean(M), monthN(M) "
                    + "of a metrics.csv column M, e.g. 'min(lender.PlatformB.capital_ratio)<0.08'.")
    String until;

    @Option(names = "--probability", paramLabel = "P", defaultValue = "0.5",
            description = "Share of replications in which CONDITION must hold, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double probability;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "Stop when the bracket is at most T wide (default: (HI - LO) / 100; 1 for integer keys).")
    Double tolerance;

    @Mixin
    ExperimentOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int threads = options.threads();
        ParameterRange vr;
        try {
            vr = ParameterRange.forKey(vary.strip(), range);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--vary " + vary + " --range " + range + ": " + e.getMessage());
        }
        Condition condition;
        try {
            condition = Condition.parse(until);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--until: " + e.getMessage());
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new UserInputException("--probability must be in (0, 1], got " + probability);
        }
        double tol = tolerance != null ? tolerance : vr.integer() ? 1 : vr.width() / 100;
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new UserInputException("--tolerance must be a positive number, got " + tolerance);
        }
        LoadedScenario base = args.load();
        Experiment.checkFits(base);
        checkExpression("--until", condition.expression(), base);
        ModelEvaluator evaluator = new ModelEvaluator(args.scenario, args.overrides(), List.of(vr), threads,
                options.listener(System.err));
        evaluator.checkRanges("--vary " + vr.key() + " --range");
        // The two ends side by side, then one run per step, each keeping the condition's values;
        // then the threshold's run once more, written to disk.
        int runs = 2 + MonotoneBisection.steps(vr.low(), vr.high(), tol, vr.integer());
        Experiment.Estimate estimate = Experiment.checkFits(base, threads, new Experiment.Workload(
                "reverse-stress of about " + runs + " model runs", runs + 1, evaluator.sideBySide(2), runs,
                Keep.expressions(List.of(condition.expression())), true));
        ExecutionOptions.noteIfLong(System.err, "this reverse stress test", estimate, threads);
        String name = base.scenario().name();
        try (RunDirectory dir = options.directory(name, "reverse-stress")) {
            Instant start = Instant.now();
            options.announce(System.err, String.format(Locale.ROOT,
                    "reverse stress: %s in [%s, %s], about %d model runs of %d replications", vr.key(), vr.format(vr.low()),
                    vr.format(vr.high()), 2 + MonotoneBisection.steps(vr.low(), vr.high(), tol, vr.integer()),
                    base.scenario().replications()));
            ReverseStress.Result result;
            try {
                result = ReverseStress.run(evaluator, new ReverseStress.Settings(vr, condition, probability, tol));
            } catch (ExperimentInputException e) {
                throw new UserInputException(e.getMessage());
            }
            Path out = dir.temp();
            ReverseStressReport.write(result, name, out);
            List<String> cmd = commandLine(spec);
            if (result.thresholdScenario() != null) {
                LoadedScenario at = result.thresholdScenario();
                ExperimentFiles.writeResolved(out.resolve("scenario.resolved.yaml"), at, List.of(
                        "Resolved scenario at the reverse-stress threshold " + vr.key() + " = " + vr.format(result.threshold()) + ",",
                        "where " + condition.text() + " holds in at least " + TextTable.num(100 * probability)
                                + " % of replications. Written by creditstress " + VersionProvider.version() + "."));
                // Only the condition was kept of each run: the threshold's full results come from running
                // it once more (same scenario and seed, so the same results).
                options.announce(System.err, "writing the threshold run's results (one more model run)");
                writeRun(at, threads, Keep.NOTHING, out.resolve("threshold-run"), cmd);
            }
            ExperimentFiles.writeManifest(out, "reverse-stress", base, cmd, VersionProvider.version(), threads,
                    evaluator.evaluations(), start, Instant.now());
            org.creditstress.report.html.FolderReport.write(out, "Reverse stress test: " + name,
                    "The smallest value of the varied key at which the condition holds in the required share of replications.",
                    java.util.List.of("reverse-stress.csv", "points.csv"));
            dir.commit();
            var stdout = spec.commandLine().getOut();
            stdout.println();
            stdout.print(ReverseStressReport.text(result, name));
            stdout.println("results: " + dir.target());
            stdout.flush();
        }
        return 0;
    }

    /**
     * Runs {@code loaded} and writes its full results (as {@code creditstress run} writes them, with
     * charts) into {@code folder}, each replication as it finishes, keeping in memory only what
     * {@code keep} asks for.
     */
    static KeptRun writeRun(LoadedScenario loaded, int threads, Keep keep, Path folder, List<String> commandLine) throws IOException {
        KeptRun run = ResultsWriter.run(loaded, threads, ProgressListener.NONE, keep, folder, commandLine, VersionProvider.version());
        if (loaded.scenario().outputs().charts()) {
            new RunCharts().writeAll(folder);
        }
        return run;
    }

    /**
     * Checks that an expression names a column of this scenario's metrics and, for monthN, a month
     * within its horizon.
     */
    static void checkExpression(String option, MetricExpression e, LoadedScenario base) {
        try {
            e.column(Experiment.registry(base.scenario()));
        } catch (IllegalArgumentException ex) {
            throw new UserInputException(option + ": " + ex.getMessage());
        }
        int months = base.scenario().horizon().months();
        if (e.statistic() == MetricExpression.Statistic.MONTH && e.month() > months) {
            throw new UserInputException(option + ": '" + e.text() + "': month " + e.month()
                    + " is beyond the scenario's horizon of " + months + " months");
        }
    }

    static List<String> commandLine(CommandSpec spec) {
        List<String> cmd = new ArrayList<>();
        cmd.add("creditstress");
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        return cmd;
    }

    /** Options every experiment command shares: threads, results folder, progress. */
    static final class ExperimentOptions {
        @Option(names = "--threads", paramLabel = "T",
                description = "Worker threads (default: all processors). Results do not depend on it.")
        Integer threads;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Results folder (default: output/<scenario name>/<command>/<run id>/). Must not exist or be empty.")
        Path out;

        @Option(names = "--quiet", description = "No progress lines on standard error.")
        boolean quiet;

        int threads() {
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (t < 1 || t > 1024) {
                throw new UserInputException("--threads must be between 1 and 1024, got " + t);
            }
            return t;
        }

        RunDirectory directory(String scenarioName, String command) throws IOException {
            Path target = out != null ? out
                    : RunDirectory.defaultTarget(Launcher.outputRoot().resolve(scenarioName), command);
            try {
                return RunDirectory.create(target);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--out " + e.getMessage());
            }
        }

        void announce(PrintStream err, String line) {
            if (!quiet) {
                err.println(line);
                err.flush();
            }
        }

        ModelEvaluator.Listener listener(PrintStream err) {
            if (quiet) {
                return ModelEvaluator.Listener.NONE;
            }
            return (n, overrides, seconds) -> {
                err.println(String.format(Locale.ROOT, "model run %d: %s (%.1f s)", n, String.join(" ", overrides), seconds));
                err.flush();
            };
        }
    }
}
