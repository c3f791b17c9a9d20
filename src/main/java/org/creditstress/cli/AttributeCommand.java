package org.creditstress.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.creditstress.experiment.attribution.Attribution;
import org.creditstress.model.Catalogue;
import org.creditstress.model.channel.ContagionChannel;
import org.creditstress.report.chart.AttributionChart;
import org.creditstress.report.chart.RunCharts;
import org.creditstress.run.Experiment;
import org.creditstress.run.KeptRun;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.run.store.CsvNumbers;
import org.creditstress.run.store.RunDirectory;
import org.creditstress.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code creditstress attribute}: how much of the damage each contagion channel adds. */
@Command(name = "attribute", header = "Attribute damage to contagion channels.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Attribute defaults, losses and failures to contagion channels: runs the scenario with every channel on,",
                "each channel off in turn, and all off, on common random numbers, and reports each channel's contribution",
                "with its 5-95 %% band. Channels: common_borrowers, loan_stacking, credit_supply, funding, macro_feedback."})
final class AttributeCommand implements Callable<Integer> {
    @Mixin
    ScenarioArguments args;

    @Option(names = "--channels", split = ",", paramLabel = "CHANNEL", description = "Channels to attribute (default: every channel on in the scenario).")
    List<String> channels;

    @Mixin
    ExecutionOptions exec;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: output/<scenario>-attribution/<run id>/).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int t = exec.threads();
        LoadedScenario loaded = args.load();
        List<ContagionChannel> chosen = new ArrayList<>();
        if (channels == null || channels.isEmpty()) {
            chosen.addAll(Catalogue.standard().channels().active(loaded.scenario()));
        } else {
            for (String c : channels) {
                try {
                    chosen.add(Catalogue.standard().channels().parse(c));
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("--channels: " + e.getMessage());
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new UserInputException(loaded.source() + ": no contagion channel is on in this scenario, nothing to attribute");
        }
        // Every run keeps the measures of its replications; the all-on run also streams to its folder.
        Experiment.Estimate estimate = Experiment.checkFits(loaded, t, new Experiment.Workload(
                "attribute of " + chosen.size() + " channel(s) (" + (chosen.size() + 2) + " runs)", chosen.size() + 2, 1,
                chosen.size() + 2, Attribution.keep(Attribution.DEFAULT_MEASURES), true));
        ExecutionOptions.noteIfLong(spec.commandLine().getErr(), "this attribution", estimate, t);
        RunDirectory dir = ExecutionOptions.open(out, loaded.scenario().name() + "-attribution");
        List<Attribution.Row> rows;
        try (dir) {
            Path allOn = dir.temp().resolve("all-on");
            Map<String, KeptRun> runs = new Attribution(args.scenario, args.overrides(), t, exec.progress()).runs(chosen,
                    Attribution.DEFAULT_MEASURES, allOn, List.of("creditstress", "attribute"), VersionProvider.version());
            rows = Attribution.table(runs, chosen, Attribution.DEFAULT_MEASURES);
            writeCsv(dir.temp().resolve("attribution.csv"), rows);
            new RunCharts().writeAll(allOn);
            chart(dir.temp(), rows, chosen);
            org.creditstress.report.html.FolderReport.write(dir.temp(), "Contagion attribution: " + loaded.scenario().name(),
                    "What each contagion channel adds to the damage: all channels on less that channel off, on common random numbers.",
                    List.of("attribution.csv"));
            dir.commit();
        }
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%-18s %-24s %12s %12s %12s %8s%n", "channel", "measure", "contribution", "p5", "p95", "share");
        for (Attribution.Row r : rows) {
            boolean pct = r.measure().inPoints();
            o.printf(Locale.ROOT, "%-18s %-24s %12s %12s %12s %8s%n", r.channel(), r.measure().name(), fmt(r.contributionMean(), pct),
                    fmt(r.contributionP5(), pct), fmt(r.contributionP95(), pct),
                    Double.isNaN(r.shareOfAllOn()) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * r.shareOfAllOn()));
        }
        o.println("results: " + dir.target());
        return 0;
    }

    private static String fmt(double x, boolean pct) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        return pct ? String.format(Locale.ROOT, "%+.2f pp", 100 * x) : String.format(Locale.ROOT, "%+.2f", x);
    }

    private static void writeCsv(Path file, List<Attribution.Row> rows) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("channel,measure,all_on_mean,contribution_mean,contribution_p5,contribution_p95,share_of_all_on\n");
            for (Attribution.Row r : rows) {
                w.write(r.channel() + "," + r.measure().name() + "," + CsvNumbers.format(r.allOn()) + "," + CsvNumbers.format(r.contributionMean())
                        + "," + CsvNumbers.format(r.contributionP5()) + "," + CsvNumbers.format(r.contributionP95()) + ","
                        + CsvNumbers.format(r.shareOfAllOn()) + "\n");
            }
        });
    }

    private static void chart(Path dir, List<Attribution.Row> rows, List<ContagionChannel> chosen) throws IOException {
        for (Attribution.Measure m : Attribution.DEFAULT_MEASURES) {
            List<String> labels = new ArrayList<>();
            List<Double> mean = new ArrayList<>();
            List<Double> half = new ArrayList<>();
            boolean pct = m.inPoints();
            double scale = pct ? 100.0 : 1.0;
            for (Attribution.Row r : rows) {
                if (r.measure().equals(m) && !Double.isNaN(r.contributionMean())) {
                    labels.add(r.channel());
                    mean.add(scale * r.contributionMean());
                    half.add(scale * Math.max(0.0, (r.contributionP95() - r.contributionP5()) / 2));
                }
            }
            if (!labels.isEmpty()) {
                String file = "attribution_" + m.name().replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT) + ".png";
                AttributionChart.write(dir.resolve(file), "What each channel adds to the " + m.name(),
                        "Contribution (" + (pct ? "percentage points" : m.unit()) + ")", labels, mean, half);
            }
        }
    }
}
