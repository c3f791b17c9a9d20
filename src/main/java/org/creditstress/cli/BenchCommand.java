package org.creditstress.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.creditstress.bench.BenchReport;
import org.creditstress.bench.BenchScenarios;
import org.creditstress.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code creditstress bench}: measures the model's speed and memory (see docs/BENCHMARKS.md). */
@Command(name = "bench", header = "Measure the model's speed and memory against the targets.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measure the full model (severe-downturn scenario): borrower-months per second by population and threads,",
                "heap per borrower, the wall time of a 1M x 36 months x 20 replications run, chunked phases vs one MASON",
                "Steppable per borrower, time per phase, and scaling. Prints tables and the issue's targets (met / not met).",
                "The full benchmark takes 25-35 minutes on 2 cores and needs about 4 GB of heap; --quick takes about a minute."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Smaller populations, and no whole 20-replication run (about a minute).")
    boolean quick;

    @Option(names = "--tiny", hidden = true, description = "Seconds-long smoke run at a few thousand borrowers (tests).")
    boolean tiny;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the results: CSV if FILE ends in .csv, else Markdown.")
    Path out;

    @Option(names = "--only", paramLabel = "SECTION", split = ",",
            description = "Run only these sections (comma-separated): throughput, heap, naive, phases, reference, scaling, run.")
    List<String> only = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per measurement (default 3, --quick 2).")
    Integer runs;

    @Option(names = "--warmups", paramLabel = "N", description = "Warm-up runs before each measurement (default 1).")
    Integer warmups;

    @Option(names = "--borrowers", paramLabel = "N", split = ",",
            description = "Throughput section: these populations only (comma-separated), each over the full horizon.")
    List<Integer> borrowers = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N",
            description = "Whole-run section: this many replications instead of 20 (the target is judged at 20 only).")
    Integer replications;

    @Option(names = "--naive-borrowers", paramLabel = "N",
            description = "Naive-scheduling section: this population instead of 1M, where the target is judged (--quick 20k).")
    Integer naiveBorrowers;

    @Option(names = "--wait-quiet",
            description = "Before each timed run wait until other processes leave the CPUs idle, and repeat a run they disturbed "
                    + "(at most 3 times). For shared machines; the report counts repeated and disturbed runs either way.")
    boolean waitQuiet;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario to measure (default: scenarios/severe-downturn.yaml of the project).")
    Path scenario;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (quick && tiny) {
            throw new UserInputException("--quick and --tiny exclude each other");
        }
        Benchmark.Plan plan = tiny ? Benchmark.Plan.tiny() : quick ? Benchmark.Plan.quick() : Benchmark.Plan.full();
        if (!only.isEmpty()) {
            Set<Benchmark.Section> sections = EnumSet.noneOf(Benchmark.Section.class);
            for (String name : only) {
                try {
                    sections.add(Benchmark.Section.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("--only: unknown section '" + name
                            + "'; sections are throughput, heap, naive, phases, reference, scaling, run");
                }
            }
            plan = plan.withSections(sections);
        }
        if (runs != null || warmups != null) {
            int r = runs == null ? plan.runs() : runs;
            int w = warmups == null ? plan.warmups() : warmups;
            if (r < 1 || r > 100) {
                throw new UserInputException("--runs must be between 1 and 100, got " + r);
            }
            if (w < 0 || w > 100) {
                throw new UserInputException("--warmups must be between 0 and 100, got " + w);
            }
            plan = plan.withRuns(w, r);
        }
        if (!borrowers.isEmpty()) {
            for (int n : borrowers) {
                if (n < 1 || n > 50_000_000) {
                    throw new UserInputException("--borrowers must be between 1 and 50000000, got " + n);
                }
            }
            plan = plan.withBorrowers(borrowers);
        }
        if (replications != null) {
            if (replications < 1 || replications > 1000) {
                throw new UserInputException("--replications must be between 1 and 1000, got " + replications);
            }
            plan = plan.withRunReplications(replications);
        }
        if (naiveBorrowers != null) {
            if (naiveBorrowers < 1 || naiveBorrowers > 50_000_000) {
                throw new UserInputException("--naive-borrowers must be between 1 and 50000000, got " + naiveBorrowers);
            }
            plan = plan.withNaiveBorrowers(naiveBorrowers);
        }
        Path file = scenario != null ? scenario : defaultScenario();
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("--scenario: file not found: " + file);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("creditstress");
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        org.creditstress.bench.Harness.waitForQuiet(waitQuiet);
        var err = spec.commandLine().getErr();
        BenchReport report = new Benchmark(new BenchScenarios(file), plan, line -> {
            err.println(line);
            err.flush();
        }).run(cmd);
        var o = spec.commandLine().getOut();
        var buffer = new java.io.ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8)) {
            report.print(ps);
        }
        o.print(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
        o.flush();
        if (out != null) {
            report.write(out);
            o.println("results written to " + out);
        }
        return 0;
    }

    private static Path defaultScenario() {
        String home = System.getProperty("creditstress.home");
        Path rel = Path.of("scenarios", "severe-downturn.yaml");
        return home == null ? rel : Path.of(home).resolve(rel);
    }
}
