package org.creditstress.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditstress.experiment.compare.Comparison;
import org.creditstress.experiment.compare.ComparisonPlan;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.report.experiment.CompareCharts;
import org.creditstress.report.experiment.ComparisonTable;
import org.creditstress.report.experiment.ComparisonWriter;
import org.creditstress.run.Experiment;
import org.creditstress.run.MetricExpression;
import org.creditstress.run.store.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code creditstress compare A.yaml B.yaml ...}: runs scenarios on common random numbers and
 * writes their paired differences against the first. See docs/experiments.md.
 */
@Command(name = "compare", header = "Compare scenarios on common random numbers.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run two or more scenarios on common random numbers (same seed and",
                "replications) and compare each with the first, replication by replication.",
                "Writes comparison.csv, charts/, report.html and each scenario's results."})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "SCENARIO", description = "Scenario files (YAML); the first is the reference.")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key in every scenario, e.g. --set population.size=20000. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", description = "Replications of every scenario (default: the first scenario's).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed of every scenario (default: the first scenario's).")
    Long seed;

    @picocli.CommandLine.Mixin
    ExecutionOptions exec;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: output/compare/<run id>/). Must not exist or be empty.")
    Path out;

    @Option(names = "--metric", paramLabel = "EXPR",
            description = "Headline expression, repeatable: peak(M), min(M), final(M), mean(M) or monthN(M) of a metrics.csv column M "
                    + "(default: peak(m3plus_ratio), peak(m1plus_ratio), final(loss_rate_cumulative), min(lender.<name>.capital_ratio) per lender).")
    List<String> metrics = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int t = exec.threads();
        if (replications != null && replications < 1) {
            throw new UserInputException("--replications must be at least 1, got " + replications);
        }
        List<MetricExpression> parsed = parseMetrics(metrics);
        ComparisonPlan plan;
        try {
            plan = ComparisonPlan.load(scenarios, sets, seed, replications);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("compare: " + e.getMessage(), e);
        }
        List<MetricExpression> expressions = parsed.isEmpty()
                ? Comparison.defaultExpressions(plan.entries().stream().map(e -> e.loaded().scenario()).toList())
                : checkColumns(parsed, plan);
        var err = spec.commandLine().getErr();
        // One scenario at a time, each streamed to its folder; every scenario's expressions are kept
        // to the end, the charts' paths of the reference and of the scenario running.
        int n = plan.entries().size();
        Experiment.Estimate estimate = null;
        for (ComparisonPlan.Entry e : plan.entries()) {
            Experiment.Estimate one = Experiment.checkFits(e.loaded(), t, new Experiment.Workload("compare of " + n + " scenarios",
                    n, 1, Math.min(n, 2), ComparisonWriter.keep(expressions), true));
            estimate = estimate == null || one.seconds() > estimate.seconds() ? one : estimate;
        }
        ExecutionOptions.noteIfLong(err, "this comparison", estimate, t);
        plan.notes().forEach(note -> err.println("note: " + note));
        RunDirectory dir = ExecutionOptions.open(out, "compare");
        Instant start = Instant.now();
        List<Comparison.Run> runs = new ArrayList<>();
        List<Comparison.Row> rows;
        try (dir) {
            CompareCharts charts = new CompareCharts();
            for (int i = 0; i < n; i++) {
                ComparisonPlan.Entry e = plan.entries().get(i);
                if (!exec.quiet) {
                    err.println("scenario " + (i + 1) + "/" + n + ": " + e.label() + " (" + e.file() + ")");
                    err.flush();
                }
                runs.add(ComparisonWriter.runScenario(e, t, exec.progress(), expressions, dir.temp(), charts, commandLine(),
                        VersionProvider.version()));
            }
            rows = ComparisonWriter.writeAll(plan, runs, expressions, charts, dir.temp(),
                    new ComparisonWriter.Invocation(commandLine(), VersionProvider.version(), t, start, Instant.now()));
            dir.commit();
        }
        var o = spec.commandLine().getOut();
        o.println();
        o.println("Comparison of " + plan.entries().size() + " scenarios: " + plan.replications() + " replications each, seed "
                + plan.seed() + ", " + plan.populationSize() + " borrowers, common random numbers");
        o.println("diff = scenario minus " + runs.get(0).label() + " in the same replication (pp = percentage points)");
        o.print(ComparisonTable.table(rows));
        o.println("results: " + dir.target());
        o.flush();
        return 0;
    }

    /** Parses --metric expressions; a malformed one is bad input naming the option. */
    static List<MetricExpression> parseMetrics(List<String> texts) {
        List<MetricExpression> out = new ArrayList<>();
        for (String m : texts) {
            try {
                MetricExpression e = MetricExpression.parse(m);
                if (out.stream().noneMatch(x -> x.text().equals(e.text()))) {
                    out.add(e);
                }
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--metric " + e.getMessage());
            }
        }
        return out;
    }

    /** Every expression must name a column of at least one scenario. */
    private static List<MetricExpression> checkColumns(List<MetricExpression> expressions, ComparisonPlan plan) {
        for (MetricExpression e : expressions) {
            boolean found = false;
            String last = null;
            for (ComparisonPlan.Entry entry : plan.entries()) {
                MetricRegistry registry = Experiment.registry(entry.loaded().scenario());
                try {
                    e.column(registry);
                    found = true;
                } catch (IllegalArgumentException missing) {
                    last = missing.getMessage();
                }
            }
            if (!found) {
                throw new UserInputException("--metric " + last);
            }
        }
        return expressions;
    }

    private List<String> commandLine() {
        List<String> cmd = new ArrayList<>();
        cmd.add("creditstress");
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        return cmd;
    }
}
