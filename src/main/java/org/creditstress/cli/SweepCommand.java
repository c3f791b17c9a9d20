package org.creditstress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.creditstress.experiment.sweep.Design;
import org.creditstress.experiment.sweep.Sweep;
import org.creditstress.experiment.sweep.SweepManifest;
import org.creditstress.experiment.sweep.SweepPoint;
import org.creditstress.experiment.sweep.SweepResults;
import org.creditstress.report.experiment.SweepReport;
import org.creditstress.report.html.Units;
import org.creditstress.run.store.RunDirectory;
import org.creditstress.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code creditstress sweep SCENARIO --vary KEY=LIST|RANGE ...}: runs a scenario over a grid or a
 * sample of values of some keys, point by point, resumably. See docs/experiments.md.
 */
@Command(name = "sweep", header = "Run a scenario over a design of key values; resumable.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a scenario at many values of one or more keys (grid, Latin hypercube",
                "or Sobol), writing each point as it finishes. Run it again with the same",
                "--out, or --resume DIR, to continue an interrupted sweep. Writes sweep.csv,",
                "points.csv, sweep-manifest.json, points/, charts/ and report.html."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Base scenario (YAML). Not needed with --resume.")
    Path scenario;

    @Option(names = "--vary", paramLabel = "KEY=LIST|RANGE",
            description = "A key to vary, repeatable: a list a,b,c; a grid range lo:hi:steps (steps values, both ends included); "
                    + "or lo:hi for --design lhs/sobol. E.g. --vary economy.unemployment.shock_level=0.06:0.14:5")
    List<String> vary = new ArrayList<>();

    @Option(names = "--design", paramLabel = "grid|lhs|sobol", description = "How points are chosen (default: grid).")
    String design;

    @Option(names = "--samples", paramLabel = "N", description = "Number of points for --design lhs or sobol.")
    Integer samples;

    @Option(names = "--metric", paramLabel = "EXPR",
            description = "Expression summarised per point, repeatable: peak(M), min(M), final(M), mean(M), monthN(M) "
                    + "(default: peak(m3plus_ratio), peak(m1plus_ratio), final(loss_rate_cumulative), min(lender.<name>.capital_ratio)).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a key of the base scenario. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", description = "Replications per point (same as --set replications=N).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed of every point (same as --set seed=S).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Sweep folder (default: output/sweep/<scenario name>/<run id>/). If it holds the same sweep, it is resumed.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the sweep in DIR (its definition is read from DIR).")
    Path resume;

    @picocli.CommandLine.Mixin
    ExecutionOptions exec;

    @Option(names = "--limit", paramLabel = "N", description = "Run at most N points now and stop; the rest stay pending for a later resume.")
    Integer limit;

    @Option(names = "--retry-failed", description = "Also rerun points that failed before (by default a resume keeps them as failed).")
    boolean retryFailed;

    @Spec
    CommandSpec spec;

    /** Runs the pending points: this JVM's threads, or a cluster when started by the Spark entry point. */
    private final Sweep.PointRunner runner;

    public SweepCommand() {
        this(Sweep.PointRunner.LOCAL);
    }

    SweepCommand(Sweep.PointRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() throws IOException {
        int t = exec.threads();
        if (limit != null && limit < 0) {
            throw new UserInputException("--limit must be 0 or more, got " + limit);
        }
        if (resume != null && out != null && !resume.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new UserInputException("--out " + out + " and --resume " + resume + " name different folders; give one");
        }
        if (scenario == null && resume == null) {
            throw new UserInputException("sweep: give SCENARIO and at least one --vary, or --resume DIR");
        }
        if (scenario != null && vary.isEmpty()) {
            throw new UserInputException("sweep: give at least one --vary KEY=LIST|RANGE, e.g. --vary economy.unemployment.shock_level=0.08,0.10,0.12");
        }
        if (resume != null && !Files.isDirectory(resume)) {
            throw new UserInputException("--resume " + resume + ": no such folder");
        }
        Design d;
        try {
            d = design == null ? null : Design.parse(design);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        List<String> overrides = new ArrayList<>(sets);
        if (replications != null) {
            overrides.add("replications=" + replications);
        }
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        Path dir = resume != null ? resume : out;
        if (dir == null) {
            String name = ScenarioLoader.load(scenario, overrides).scenario().name();
            dir = RunDirectory.defaultTarget(Launcher.outputRoot().resolve("sweep"), name);
        }
        if (resume == null) {
            try {
                RunDirectory.checkUsable(dir);
            } catch (RunDirectory.UnusablePath e) {
                throw new UserInputException((out != null ? "--out " : "results folder ") + e.getMessage(), e);
            }
        }
        List<String> parsedMetrics = CompareCommand.parseMetrics(metrics).stream().map(e -> e.text()).toList();
        Sweep.Request req = new Sweep.Request(scenario, overrides, vary, d, samples, parsedMetrics, t, limit, retryFailed,
                commandLine(), VersionProvider.version());
        PrintWriter err = spec.commandLine().getErr();
        Sweep.Outcome outcome;
        try {
            outcome = Sweep.run(req, dir, exec.quiet ? Sweep.Listener.NONE : listener(err), SweepReport::writeAll, runner);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        SweepManifest m = outcome.manifest();
        long done = m.count(SweepManifest.Status.DONE);
        long failed = m.count(SweepManifest.Status.FAILED);
        long pending = m.count(SweepManifest.Status.PENDING);
        o.println();
        o.println("Sweep: " + m.points().size() + " points, " + done + " done, " + failed + " failed, " + pending
                + " pending (" + outcome.ranNow() + " run now)");
        if (outcome.results().size() <= 60) {
            o.print(table(outcome));
        }
        for (SweepResults.PointResult r : outcome.results()) {
            if (r.state().status() == SweepManifest.Status.FAILED) {
                o.println("failed " + r.state().point().id() + " (" + r.state().point().describe() + "): " + r.state().error());
            }
        }
        if (pending > 0) {
            o.println("incomplete; continue with: creditstress sweep --resume " + dir);
        }
        o.println("results: " + dir);
        o.flush();
        return done == 0 && failed > 0 ? 1 : 0;
    }

    private static Sweep.Listener listener(PrintWriter err) {
        return new Sweep.Listener() {
            @Override
            public void pointStarting(SweepPoint point, int number, int count) {
                err.print("point " + number + "/" + count + " " + point.id() + " (" + point.describe() + ") ... ");
                err.flush();
            }

            @Override
            public void pointFinished(SweepManifest.PointState s, int number, int count) {
                err.println(s.status() == SweepManifest.Status.DONE
                        ? String.format(Locale.ROOT, "done in %.1f s", s.seconds())
                        : "failed: " + s.error());
                err.flush();
            }

            @Override
            public void note(String message) {
                err.println("note: " + message);
                err.flush();
            }
        };
    }

    /** Point, varied values, status and each expression's mean, aligned. */
    private static String table(Sweep.Outcome outcome) {
        List<List<String>> cells = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (!outcome.results().isEmpty()) {
            keys.addAll(outcome.results().get(0).state().point().values().keySet());
        }
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(keys);
        header.add("status");
        outcome.metrics().forEach(e -> header.add(e.text()));
        cells.add(header);
        for (SweepResults.PointResult r : outcome.results()) {
            List<String> row = new ArrayList<>(List.of(r.state().point().id()));
            keys.forEach(k -> row.add(r.state().point().values().get(k)));
            row.add(r.state().status().label());
            for (int j = 0; j < outcome.metrics().size(); j++) {
                row.add(r.done() ? Units.format(r.stats().get(j).mean(), Units.percent(outcome.registry(), outcome.metrics().get(j).metric())) : "");
            }
            cells.add(row);
        }
        int[] w = new int[header.size()];
        cells.forEach(row -> {
            for (int c = 0; c < row.size(); c++) {
                w[c] = Math.max(w[c], row.get(c).length());
            }
        });
        StringBuilder sb = new StringBuilder();
        for (List<String> row : cells) {
            StringBuilder l = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                boolean left = c <= keys.size() + 1;
                l.append(String.format(Locale.ROOT, "%" + (left ? "-" : "") + w[c] + "s", row.get(c))).append("  ");
            }
            sb.append(l.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private List<String> commandLine() {
        List<String> cmd = new ArrayList<>();
        cmd.add("creditstress");
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        return cmd;
    }
}
