package org.creditstress.cli;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.creditstress.experiment.ExperimentInputException;
import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.experiment.ParameterRange;
import org.creditstress.experiment.sensitivity.SensitivityAnalysis;
import org.creditstress.report.experiment.SensitivityReport;
import org.creditstress.run.Experiment;
import org.creditstress.run.Keep;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.store.ExperimentFiles;
import org.creditstress.run.store.RunDirectory;
import org.creditstress.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code creditstress sensitivity}: which inputs move an output, by Morris elementary effects or
 * Sobol' indices, on common random numbers. See docs/experiments-stress-sensitivity-calibrate.md.
 */
@Command(name = "sensitivity", header = "Global sensitivity of a metric to inputs (Morris, Sobol).", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Global sensitivity analysis: Morris elementary effects (mu*, sigma) or",
                "Sobol' first-order and total indices of outputs (the mean across",
                "replications of EXPR) to inputs varied over ranges, on common random",
                "numbers. Writes sensitivity.csv/.json, design.csv and charts/."})
public final class SensitivityCommand implements Callable<Integer> {
    /** Makes the model runs elsewhere (a cluster, when started by the Spark entry point); null: this JVM's threads. */
    private final ModelEvaluator.Runs elsewhere;

    public SensitivityCommand() {
        this(null);
    }

    SensitivityCommand(ModelEvaluator.Runs elsewhere) {
        this.elsewhere = elsewhere;
    }

    private static final int DEFAULT_TRAJECTORIES = 10;
    private static final int DEFAULT_LEVELS = 4;
    private static final int DEFAULT_SAMPLES = 64;

    @Mixin
    ScenarioArguments args;

    @Option(names = "--input", required = true, paramLabel = "KEY=LO:HI",
            description = "An input and its range, as for --set, e.g. economy.unemployment.shock_level=0.06:0.12. Repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--output", required = true, paramLabel = "EXPR",
            description = "Output: peak(M), min(M), final(M), mean(M) or monthN(M) of a metrics.csv column M; "
                    + "its mean across replications is analysed. Repeatable.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--method", paramLabel = "morris|sobol", defaultValue = "morris",
            description = "morris (default; r (k + 1) model runs) or sobol (N (k + 2) model runs).")
    String method;

    @Option(names = "--trajectories", paramLabel = "R",
            description = "Morris: number of trajectories (default: " + DEFAULT_TRAJECTORIES + ").")
    Integer trajectories;

    @Option(names = "--levels", paramLabel = "P",
            description = "Morris: grid levels, an even number (default: " + DEFAULT_LEVELS + ").")
    Integer levels;

    @Option(names = "--samples", paramLabel = "N",
            description = "Sobol: base sample size N, a power of 2 is best (default: " + DEFAULT_SAMPLES + ").")
    Integer samples;

    @Mixin
    ReverseStressCommand.ExperimentOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int threads = options.threads();
        SensitivityAnalysis.Method m = switch (method.strip().toLowerCase(Locale.ROOT)) {
            case "morris" -> SensitivityAnalysis.Method.MORRIS;
            case "sobol" -> SensitivityAnalysis.Method.SOBOL;
            default -> throw new UserInputException("--method '" + method + "' is not one of morris, sobol");
        };
        if (m == SensitivityAnalysis.Method.MORRIS && samples != null) {
            throw new UserInputException("--samples applies to --method sobol; Morris takes --trajectories");
        }
        if (m == SensitivityAnalysis.Method.SOBOL && (trajectories != null || levels != null)) {
            throw new UserInputException("--trajectories and --levels apply to --method morris; Sobol takes --samples");
        }
        int r = trajectories == null ? DEFAULT_TRAJECTORIES : trajectories;
        int p = levels == null ? DEFAULT_LEVELS : levels;
        int n = samples == null ? DEFAULT_SAMPLES : samples;
        if (r < 2 || r > 100_000) {
            throw new UserInputException("--trajectories must be between 2 and 100000, got " + r);
        }
        if (p < 2 || p % 2 != 0 || p > 1000) {
            throw new UserInputException("--levels must be an even number between 2 and 1000, got " + p);
        }
        if (n < 2 || n > 1_000_000) {
            throw new UserInputException("--samples must be between 2 and 1000000, got " + n);
        }
        List<ParameterRange> ranges = parseRanges("--input", inputs);
        if (m == SensitivityAnalysis.Method.SOBOL && ranges.size() > 500) {
            throw new UserInputException("--input: Sobol handles at most 500 inputs, got " + ranges.size());
        }
        List<MetricExpression> exprs = new ArrayList<>();
        for (String o : outputs) {
            try {
                exprs.add(MetricExpression.parse(o));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--output: " + e.getMessage());
            }
        }
        LoadedScenario base = args.load();
        Experiment.checkFits(base);
        for (MetricExpression e : exprs) {
            ReverseStressCommand.checkExpression("--output", e, base);
        }
        ModelEvaluator evaluator = new ModelEvaluator(args.scenario, args.overrides(), ranges, threads,
                options.listener(System.err), elsewhere);
        evaluator.checkRanges("--input");
        SensitivityAnalysis.Settings settings = new SensitivityAnalysis.Settings(m, r, p, n, base.scenario().seed());
        // Each point keeps its outputs' values per replication until reduced to their means.
        int points = settings.designSize(ranges.size());
        Experiment.Estimate estimate = Experiment.checkFits(base, threads, new Experiment.Workload(
                "sensitivity of " + points + " design points", points, evaluator.sideBySide(points),
                evaluator.sideBySide(points), Keep.expressions(exprs), false));
        ExecutionOptions.noteIfLong(System.err, "this sensitivity analysis", estimate, threads);
        String name = base.scenario().name();
        try (RunDirectory dir = options.directory(name, "sensitivity")) {
            Instant start = Instant.now();
            options.announce(System.err, String.format(Locale.ROOT, "sensitivity (%s): %d inputs, %d design points of %d replications",
                    m.name().toLowerCase(Locale.ROOT), ranges.size(), settings.designSize(ranges.size()),
                    base.scenario().replications()));
            SensitivityAnalysis.Result result;
            try {
                result = SensitivityAnalysis.run(evaluator, exprs, settings);
            } catch (ExperimentInputException e) {
                throw new UserInputException(e.getMessage());
            }
            SensitivityReport.write(result, dir.temp());
            ExperimentFiles.writeManifest(dir.temp(), "sensitivity", base, ReverseStressCommand.commandLine(spec),
                    VersionProvider.version(), threads, evaluator.evaluations(), start, Instant.now());
            org.creditstress.report.html.FolderReport.write(dir.temp(), "Sensitivity analysis: " + base.scenario().name(),
                    "How much each input moves the output expressions (" + m.name().toLowerCase(Locale.ROOT) + ").",
                    List.of("sensitivity.csv"));
            dir.commit();
            var stdout = spec.commandLine().getOut();
            stdout.println();
            stdout.print(SensitivityReport.text(result));
            stdout.println("results: " + dir.target());
            stdout.flush();
        }
        return 0;
    }

    /** Parses repeated {@code KEY=LO:HI} options; a key may appear once. */
    static List<ParameterRange> parseRanges(String option, List<String> specs) {
        List<ParameterRange> ranges = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String s : specs) {
            ParameterRange pr;
            try {
                pr = ParameterRange.parse(s);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(option + " '" + s + "': " + e.getMessage());
            }
            String canonical = pr.key().replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
            if (!keys.add(canonical)) {
                throw new UserInputException(option + " '" + s + "': " + pr.key() + " is given twice");
            }
            ranges.add(pr);
        }
        return ranges;
    }

}
