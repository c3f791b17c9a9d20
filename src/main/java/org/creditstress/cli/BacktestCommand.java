package org.creditstress.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.creditstress.experiment.backtest.Backtest;
import org.creditstress.experiment.backtest.Mapping;
import org.creditstress.experiment.backtest.ObservedSeries;
import org.creditstress.experiment.backtest.Period;
import org.creditstress.metric.Metric;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.report.experiment.BacktestReport;
import org.creditstress.run.Experiment;
import org.creditstress.run.KeptRun;
import org.creditstress.run.store.ExperimentFiles;
import org.creditstress.run.store.RunDirectory;
import org.creditstress.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code creditstress backtest}: runs a scenario and measures its monthly series, aggregated to the
 * observed frequency, against an observed history over a fit and a test window. It measures and
 * does not judge: exit 0 whatever the fit. See docs/experiments.md.
 */
@Command(name = "backtest", header = "Measure a scenario's series against an observed history.", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Runs the scenario, aggregates its monthly metrics to the observed file's periods",
                "(quarters like 1990Q3 or months like 2020-05, detected from the first column) and",
                "reports per window: RMSE, peak height and timing, correlation of changes and the",
                "elasticity to unemployment (model: the scenario's path; observed: --unemployment).",
                "Writes backtest.csv, backtest-summary.csv, charts/, run/ and report.html. Exit 0",
                "whatever the fit."})
public final class BacktestCommand implements Callable<Integer> {

    @Mixin
    ScenarioArguments args;

    @Option(names = "--observed", required = true, paramLabel = "FILE.csv",
            description = "Observed history: a date column first (1990Q3 or 2020-05), then value columns; # comments skipped.")
    Path observedFile;

    @Option(names = "--map", required = true, paramLabel = "METRIC=COLUMN[:percent][:mean|last|sum]",
            description = "A metrics.csv column against an observed column; percent: the column is in %%; "
                    + "months to periods by mean (default), last or sum. Repeatable.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--start", paramLabel = "PERIOD",
            description = "The period whose first month is model month 1, e.g. 1988Q1 or 1988-01 (default: the observed file's first row).")
    String start;

    @Option(names = "--fit-window", paramLabel = "FROM:TO", description = "The window the scenario was fitted on, e.g. 1985Q1:1989Q4.")
    String fitWindow;

    @Option(names = "--test-window", paramLabel = "FROM:TO",
            description = "The out-of-sample window, e.g. 1990Q1:1993Q4 (default: every observed period the model covers).")
    String testWindow;

    @Option(names = "--unemployment", paramLabel = "COLUMN[:percent|:share]",
            description = "The observed unemployment column, for the elasticity (default: the first column whose name contains "
                    + "'unemployment'; percent if its name contains 'pct' or 'percent').")
    String unemployment;

    @Mixin
    ReverseStressCommand.ExperimentOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int threads = options.threads();
        ObservedSeries observed;
        try {
            observed = ObservedSeries.read(observedFile);
        } catch (ObservedSeries.FormatException e) {
            throw new UserInputException("--observed " + e.getMessage());
        }
        List<Mapping> mappings = new ArrayList<>();
        for (String m : maps) {
            Mapping mapping;
            try {
                mapping = Mapping.parse(m);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--map '" + m + "': " + e.getMessage());
            }
            if (observed.column(mapping.column()) < 0) {
                throw new UserInputException("--map '" + m + "': no column '" + mapping.column() + "' in " + observedFile
                        + " (value columns: " + observed.valueColumns() + ")");
            }
            mappings.add(mapping);
        }
        int uColumn = -1;
        double uScale = 1;
        if (unemployment != null) {
            String[] parts = unemployment.split(":", -1);
            uColumn = observed.column(parts[0].strip());
            if (uColumn < 0 || parts.length > 2 || (parts.length == 2 && !List.of("percent", "share").contains(parts[1].strip()))) {
                throw new UserInputException("--unemployment '" + unemployment + "': expected COLUMN[:percent|:share] with a column of "
                        + observedFile + " (value columns: " + observed.valueColumns() + ")");
            }
            uScale = parts.length == 2 && parts[1].strip().equals("percent") ? 0.01 : percentByName(parts[0]) ? 0.01 : 1;
            if (parts.length == 2 && parts[1].strip().equals("share")) {
                uScale = 1;
            }
        } else {
            for (int c = 1; c < observed.columns().size(); c++) {
                if (observed.columns().get(c).toLowerCase(Locale.ROOT).contains("unemployment")) {
                    uColumn = c - 1;
                    uScale = percentByName(observed.columns().get(c)) ? 0.01 : 1;
                    break;
                }
            }
        }
        int periodMonths = observed.periodMonths();
        Period first;
        try {
            first = start == null ? observed.periods().get(0) : Period.parse(start);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--start: " + e.getMessage());
        }
        List<Backtest.Window> windows = new ArrayList<>();
        if (fitWindow != null) {
            windows.add(window("--fit-window", "fit", fitWindow, periodMonths));
        }
        LoadedScenario base = args.load();
        Experiment.Estimate estimate = Experiment.checkFits(base, threads, new Experiment.Workload("backtest", 1, 1, 1,
                Backtest.keep(mappings), true));
        ExecutionOptions.noteIfLong(System.err, "this backtest", estimate, threads);
        int months = base.scenario().horizon().months();
        if (testWindow != null) {
            windows.add(window("--test-window", "test", testWindow, periodMonths));
        } else {
            Period lo = null;
            Period hi = null;
            for (Period p : observed.periods()) {
                int m = p.firstMonth() - first.firstMonth() + 1;
                if (m >= 1 && m + p.months() - 1 <= months) {
                    lo = lo == null ? p : lo;
                    hi = p;
                }
            }
            if (lo == null) {
                throw new UserInputException("--observed " + observedFile + ": no observed period falls within model months 1-" + months
                        + " when model month 1 = " + first + " (set --start)");
            }
            windows.add(new Backtest.Window("test", lo, hi));
        }
        MetricRegistry registry = Experiment.registry(base.scenario());
        for (Mapping m : mappings) {
            if (registry.metrics().stream().map(Metric::name).noneMatch(m.metric()::equals)) {
                throw new UserInputException("--map '" + m + "': no column '" + m.metric() + "' in metrics.csv (see docs/outputs.md)");
            }
        }
        String name = base.scenario().name();
        try (RunDirectory dir = options.directory(name, "backtest")) {
            Instant t0 = Instant.now();
            options.announce(System.err, String.format(Locale.ROOT, "backtest: %s, %d replications of %d months against %s",
                    name, base.scenario().replications(), months, observedFile));
            Path out = dir.temp();
            List<String> cmd = ReverseStressCommand.commandLine(spec);
            // Written to run/ as the replications finish; only the mapped paths are kept.
            KeptRun run = ReverseStressCommand.writeRun(base, threads, Backtest.keep(mappings), out.resolve("run"), cmd);
            Backtest.Result result = Backtest.run(run, observed, mappings, first, windows, uColumn, uScale);
            BacktestReport.write(result, out);
            ExperimentFiles.writeManifest(out, "backtest", base, cmd, VersionProvider.version(), threads, 1, t0, Instant.now());
            org.creditstress.report.html.FolderReport.write(out, "Backtest: " + name,
                    "The scenario's series aggregated to the observed periods (model month 1 = " + first
                            + "), against the observed values; windows shaded. Values are shares (0.01 = 1 %).",
                    List.of("backtest-summary.csv", "backtest.csv"));
            dir.commit();
            var stdout = spec.commandLine().getOut();
            stdout.println();
            stdout.print(BacktestReport.text(result));
            stdout.println("results: " + dir.target());
            stdout.flush();
        }
        return 0;
    }

    private static boolean percentByName(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return c.contains("pct") || c.contains("percent");
    }

    private static Backtest.Window window(String option, String label, String text, int periodMonths) {
        try {
            return Backtest.Window.parse(label, text, periodMonths);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(option + " '" + text + "': " + e.getMessage());
        }
    }
}
