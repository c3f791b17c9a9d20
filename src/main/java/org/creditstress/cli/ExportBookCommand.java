package org.creditstress.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.book.BookExport;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code creditstress export-book}: runs one replication to the end of a month and writes its book
 * as a loan tape, the format {@code population.book} reads (docs/model.md, "Starting from a book").
 */
@Command(name = "export-book", header = "Write a run's book at a month as a loan tape.", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs one replication to the end of month M and writes every borrower and account as a loan tape (CSV), "
                + "which population.book starts a run from. Month 0 is the start of month 1: the end of burn-in, or the book itself.")
final class ExportBookCommand implements Callable<Integer> {

    @Mixin
    ScenarioArguments args;

    @Option(names = "--month", paramLabel = "M", required = true, description = "Month whose end the book is taken at (0 .. horizon.months).")
    int month;

    @Option(names = "--replication", paramLabel = "R", description = "Replication to run (default 0).")
    int replication;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "The tape to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LoadedScenario loaded = args.loadForReplication(replication);
        Scenario s = loaded.scenario();
        if (month < 0 || month > s.horizon().months()) {
            throw new UserInputException("--month must be in [0, " + s.horizon().months() + "] (horizon.months), got " + month);
        }
        if (Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + ": a folder, not a file");
        }
        long seed = new SeedPlan(s.seed()).replicationSeed(replication);
        StringWriter tape = new StringWriter();
        try (ChunkExecutor executor = new ChunkExecutor(Runtime.getRuntime().availableProcessors())) {
            CreditMarket run = new CreditMarket(s, seed, executor, Experiment.registry(s).metrics());
            run.start();
            while (run.market().month() < month) {
                run.stepMonth();
            }
            BookExport.write(run.market(), names(s), tape);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.writeString(out, tape.toString());
        spec.commandLine().getOut().println("book of " + s.name() + ", replication " + replication + ", end of month " + month
                + ": " + s.population().size() + " borrowers, written to " + out);
        return 0;
    }

    static BookExport.Names names(Scenario s) {
        return new BookExport.Names(s.population().segments().stream().map(org.creditstress.scenario.SegmentSpec::name).toList(),
                s.lenders().stream().map(org.creditstress.scenario.LenderSpec::name).toList(),
                s.products().stream().map(org.creditstress.scenario.ProductSpec::id).toList());
    }
}
