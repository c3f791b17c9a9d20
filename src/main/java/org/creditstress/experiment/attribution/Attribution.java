package org.creditstress.experiment.attribution;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.creditstress.model.Catalogue;
import org.creditstress.model.channel.ContagionChannel;
import java.util.Map;
import org.creditstress.run.Experiment;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.Quantiles;
import org.creditstress.run.Keep;
import org.creditstress.run.KeptRun;
import org.creditstress.run.store.ResultsWriter;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;

/**
 * How much of the damage each contagion channel adds: the scenario is run with every channel on,
 * with each channel off in turn, and with all of them off, on common random numbers (the same
 * seed). A channel's contribution to a measure is, per replication, the measure with all
 * channels on less the measure with that channel off; reported as mean and 5-95 % band across
 * replications. Channels interact, so contributions need not add up to the total (all on less all
 * off), which is reported too: the share of it in the all-on value is the second-round share.
 */
public final class Attribution {

    /**
     * A measure of damage: a metric expression taken per replication. {@code unit} is how a
     * contribution is shown: {@code "pp"} (a share, shown in percentage points) or the name of what
     * is counted.
     */
    public record Measure(String name, MetricExpression expression, String unit) {
        /** Whether the measure is a share, shown in percentage points. */
        public boolean inPoints() {
            return unit.equals("pp");
        }
    }

    /** One line of the attribution table. */
    public record Row(String channel, Measure measure, double allOn, double contributionMean, double contributionP5,
                      double contributionP95, double shareOfAllOn) {
    }

    /**
     * Peak M3+ and the cumulative loss rate are ratios: a channel that shrinks the book (credit-supply
     * tightening) can lower them while it adds defaults, which the count of accounts written off
     * per 1,000 borrowers shows.
     */
    public static final List<Measure> DEFAULT_MEASURES = List.of(
            new Measure("peak M3+ ratio", MetricExpression.parse("peak(m3plus_ratio)"), "pp"),
            new Measure("cumulative loss rate", MetricExpression.parse("final(loss_rate_cumulative)"), "pp"),
            new Measure("written off per 1,000", MetricExpression.parse("final(written_off_per_1000_cumulative)"),
                    "accounts per 1,000 borrowers"),
            new Measure("lenders failed", MetricExpression.parse("final(lenders_failed)"), "lenders"));

    private final Path scenario;
    private final List<String> overrides;
    private final int threads;
    private final ProgressListener progress;

    public Attribution(Path scenario, List<String> overrides, int threads, ProgressListener progress) {
        this.scenario = scenario;
        this.overrides = overrides;
        this.threads = threads;
        this.progress = progress;
    }

    /** What attribution keeps of each replication: the value of each measure. */
    public static Keep keep(List<Measure> measures) {
        return Keep.expressions(measures.stream().map(Measure::expression).toList());
    }

    /**
     * Runs everything and returns every run by label ("all on", "all off", "no <channel>"), each
     * keeping the measures' values per replication; the "all on" run's full results are written
     * into {@code allOnFolder} as its replications finish, as {@code run} writes them (without
     * charts).
     */
    public Map<String, KeptRun> runs(List<ContagionChannel> channels, List<Measure> measures, Path allOnFolder,
                                     List<String> commandLine, String version) throws IOException {
        LoadedScenario base = ScenarioLoader.load(scenario, overrides);
        Keep keep = keep(measures);
        Map<String, KeptRun> runs = new LinkedHashMap<>();
        runs.put("all on", ResultsWriter.run(base, threads, progress, keep, allOnFolder, commandLine, version));
        for (ContagionChannel c : channels) {
            runs.put("no " + c.key(), Experiment.run(with(List.of(c.offOverride())), threads, progress, keep));
        }
        runs.put("all off", Experiment.run(with(Catalogue.standard().channels().allOff()), threads, progress, keep));
        return runs;
    }

    private LoadedScenario with(List<String> extra) {
        List<String> all = new ArrayList<>(overrides);
        all.addAll(extra);
        return ScenarioLoader.load(scenario, all);
    }

    /** The attribution table from the runs. */
    public static List<Row> table(Map<String, KeptRun> runs, List<ContagionChannel> channels, List<Measure> measures) {
        List<Row> rows = new ArrayList<>();
        KeptRun on = runs.get("all on");
        for (Measure m : measures) {
            double[] allOn = on.values(m.expression());
            double meanOn = Quantiles.mean(allOn);
            for (ContagionChannel c : channels) {
                rows.add(row(c.key(), m, allOn, meanOn, runs.get("no " + c.key()).values(m.expression())));
            }
            rows.add(row("all channels", m, allOn, meanOn, runs.get("all off").values(m.expression())));
        }
        return rows;
    }

    private static Row row(String channel, Measure m, double[] allOn, double meanOn, double[] without) {
        double[] diff = new double[allOn.length];
        for (int r = 0; r < diff.length; r++) {
            diff[r] = allOn[r] - without[r];
        }
        double mean = Quantiles.mean(diff);
        return new Row(channel, m, meanOn, mean, Quantiles.percentile(diff, 5), Quantiles.percentile(diff, 95),
                meanOn != 0 ? mean / meanOn : Double.NaN);
    }
}
