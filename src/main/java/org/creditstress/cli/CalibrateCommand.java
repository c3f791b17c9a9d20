package org.creditstress.cli;

import java.io.IOException;
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
import org.creditstress.experiment.calibration.BoundedMinimizer;
import org.creditstress.experiment.calibration.Calibration;
import org.creditstress.experiment.calibration.Target;
import org.creditstress.experiment.calibration.TargetSeries;
import org.creditstress.metric.Metric;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.report.experiment.CalibrationReport;
import org.creditstress.run.Experiment;
import org.creditstress.run.Keep;
import org.creditstress.run.store.ExperimentFiles;
import org.creditstress.run.store.RunDirectory;
import org.creditstress.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code creditstress calibrate}: fits scenario parameters so that the model matches target values
 * or monthly target paths, with a derivative-free bounded optimiser on common random numbers. See
 * docs/experiments-stress-sensitivity-calibrate.md.
 */
@Command(name = "calibrate", header = "Fit parameters to target values or series.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Fit parameters within their ranges so that the model's mean across",
                "replications matches target values (sum of squared relative errors) or",
                "monthly target paths (sum of squared errors). One parameter: a grid, then",
                "Brent; two or more: BOBYQA; all on common random numbers. Writes",
                "calibrated.yaml, calibration.csv/.json, charts/ and fitted-run/ (the full",
                "results of the run at the fitted values)."})
public final class CalibrateCommand implements Callable<Integer> {
    /** Makes the model runs elsewhere (a cluster, when started by the Spark entry point); null: this JVM's threads. */
    private final ModelEvaluator.Runs elsewhere;

    public CalibrateCommand() {
        this(null);
    }

    CalibrateCommand(ModelEvaluator.Runs elsewhere) {
        this.elsewhere = elsewhere;
    }

    /** Stopping step of the optimisers, as a share of each parameter's range. */
    private static final double TOLERANCE = 1e-3;

    @Mixin
    ScenarioArguments args;

    @Option(names = "--param", required = true, paramLabel = "KEY=LO:HI",
            description = "A parameter to fit and its range, as for --set, e.g. lenders[1].model_quality=0.4:0.8; or one parameter "
                    + "tying several keys: mult:KEYS=LO:HI (each key = its value x the parameter) or shift:KEYS=LO:HI (+ the parameter), "
                    + "KEYS a comma list, [*] for every element, e.g. mult:population.segments[*].emergency_probability=0.5:2. Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--target", paramLabel = "EXPR=VALUE",
            description = "A target value of the mean across replications of EXPR, e.g. peak(m3plus_ratio)=0.012. Repeatable.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--target-series", paramLabel = "METRIC=FILE.csv",
            description = "A monthly target path of a metrics.csv column, from a CSV with header month,value; @FROM:TO counts only "
                    + "those months, e.g. m1plus_ratio=path.csv@13:36. Repeatable; with --target too, each path's error is made relative.")
    List<String> series = new ArrayList<>();

    @Option(names = "--interval",
            description = "Also give each fitted value an approximate 95 %% confidence interval from the objective's curvature (2 more model runs per parameter).")
    boolean interval;

    @Option(names = "--max-evaluations", paramLabel = "K",
            description = "Budget of model runs (default: 40 for one parameter, 25 per parameter for more).")
    Integer maxEvaluations;

    @Mixin
    ReverseStressCommand.ExperimentOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int threads = options.threads();
        List<ParameterRange> ranges = SensitivityCommand.parseRanges("--param", params);
        if (targets.isEmpty() && series.isEmpty()) {
            throw new UserInputException("give what to fit: --target EXPR=VALUE or --target-series METRIC=FILE.csv");
        }
        List<Target> valueTargets = new ArrayList<>();
        for (String t : targets) {
            try {
                valueTargets.add(Target.parse(t));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--target '" + t + "': " + e.getMessage());
            }
        }
        List<TargetSeries> seriesTargets = new ArrayList<>();
        for (String s : series) {
            try {
                seriesTargets.add(TargetSeries.parse(s));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--target-series '" + s + "': " + e.getMessage());
            } catch (TargetSeries.FormatException e) {
                throw new UserInputException("--target-series " + e.getMessage());
            }
        }
        int n = ranges.size();
        int budget = maxEvaluations != null ? maxEvaluations : n == 1 ? 40 : 25 * n;
        int minimum = BoundedMinimizer.minimumEvaluations(n);
        if (budget < minimum || budget > 100_000) {
            throw new UserInputException("--max-evaluations must be between " + minimum + " and 100000 for " + n
                    + " parameter(s), got " + budget);
        }
        for (ParameterRange p : ranges) {
            if (p.integer() && !org.creditstress.experiment.TiedKeys.isTied(p.key())) {
                throw new UserInputException("--param '" + p + "': " + p.key()
                        + " holds integers; calibrate fits number keys only (use reverse-stress or sensitivity for integer keys)");
            }
        }
        LoadedScenario base = args.load();
        Experiment.checkFits(base);
        Calibration.Settings settings = new Calibration.Settings(valueTargets, seriesTargets, budget, TOLERANCE, interval);
        MetricRegistry registry = Experiment.registry(base.scenario());
        for (Target t : valueTargets) {
            ReverseStressCommand.checkExpression("--target", t.expression(), base);
        }
        int months = base.scenario().horizon().months();
        for (TargetSeries s : seriesTargets) {
            if (registry.metrics().stream().map(Metric::name).noneMatch(s.metric()::equals)) {
                throw new UserInputException("--target-series " + s.metric() + "=" + s.file() + ": no column '" + s.metric()
                        + "' in metrics.csv (see docs/outputs.md)");
            }
            if (s.lastMonth() > months) {
                throw new UserInputException("--target-series " + s.metric() + "=" + s.file() + ": month " + s.lastMonth()
                        + " is beyond the scenario's horizon of " + months + " months");
            }
        }
        ModelEvaluator evaluator = new ModelEvaluator(args.scenario, args.overrides(), ranges, threads,
                options.listener(System.err), elsewhere);
        evaluator.checkRanges("--param");
        // Each model run keeps the targets' values and paths; the best run's are held beside the
        // current one's; at the end the fitted run once more, written to disk.
        int runs = budget + (interval ? 2 * n : 0) + 1;
        Experiment.Estimate estimate = Experiment.checkFits(base, threads, new Experiment.Workload(
                "calibrate of up to " + runs + " model runs", runs, 1, 2, Calibration.keep(settings), true));
        ExecutionOptions.noteIfLong(System.err, "this calibration", estimate, threads);
        String name = base.scenario().name();
        try (RunDirectory dir = options.directory(name, "calibrate")) {
            Instant start = Instant.now();
            options.announce(System.err, String.format(Locale.ROOT, "calibrate: %d parameter(s), up to %d model runs of %d replications",
                    n, budget, base.scenario().replications()));
            Calibration.Result result;
            try {
                result = Calibration.run(evaluator, settings);
            } catch (ExperimentInputException e) {
                throw new UserInputException(e.getMessage());
            }
            Path out = dir.temp();
            CalibrationReport.write(result, out);
            List<String> cmd = ReverseStressCommand.commandLine(spec);
            ExperimentFiles.writeResolved(out.resolve("calibrated.yaml"), result.bestRun().loaded(), List.of(
                    "Calibrated scenario: " + Calibration.describe(ranges, result.fitted()) + ",",
                    "objective " + TextTable.num(result.best().objective()) + " after " + result.evaluations().size()
                            + " model runs (" + result.method() + ").",
                    "Every default filled in; written by creditstress " + VersionProvider.version() + " from " + base.source() + "."));
            // Only the targets were kept of each run: the fitted run's full results come from running
            // it once more (same scenario and seed, so the same results).
            options.announce(System.err, "writing the fitted run's results (one more model run)");
            ReverseStressCommand.writeRun(result.bestRun().loaded(), threads, Keep.NOTHING, out.resolve("fitted-run"), cmd);
            ExperimentFiles.writeManifest(out, "calibrate", base, cmd, VersionProvider.version(), threads,
                    evaluator.evaluations(), start, Instant.now());
            org.creditstress.report.html.FolderReport.write(out, "Calibration: " + base.scenario().name(),
                    "Parameters fitted so that the model matches the targets; the fitted scenario is calibrated.yaml.",
                    List.of("calibration.csv"));
            dir.commit();
            var stdout = spec.commandLine().getOut();
            stdout.println();
            stdout.print(CalibrationReport.text(result));
            stdout.println("calibrated scenario: " + dir.target().resolve("calibrated.yaml"));
            stdout.println("results: " + dir.target());
            stdout.flush();
        }
        return 0;
    }
}
