package org.creditstress.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.report.TraceStory;
import org.creditstress.run.BorrowerPick;
import org.creditstress.run.Experiment;
import org.creditstress.run.store.AtomicFiles;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.Scenario;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code creditstress trace}: one borrower's story, month by month, in plain words and a table.
 * With {@code --pick}, the replication runs once to find a borrower worth following (the first
 * to be sued, written off, to stack loans, to be restructured, or a fraudster), then again,
 * identically, following that borrower.
 */
@Command(name = "trace", header = "Tell one borrower's story month by month.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Tell one borrower's story month by month: income, shocks, spending, each account's bill, payment and "
                + "days past due, loans stacked, collection, restructuring, court.")
final class TraceCommand implements Callable<Integer> {

    static final class Who {
        @Option(names = "--borrower", paramLabel = "ID", description = "Borrower index (0-based).")
        Integer borrower;

        @Option(names = "--pick", paramLabel = "WHICH",
                description = "Pick a borrower: first-sued, first-written-off, first-stacked, first-restructured, fraudster.",
                converter = PickConverter.class)
        BorrowerPick pick;
    }

    static final class PickConverter implements picocli.CommandLine.ITypeConverter<BorrowerPick> {
        @Override
        public BorrowerPick convert(String value) {
            return BorrowerPick.parse(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not one of " + BorrowerPick.labels()));
        }
    }

    @Mixin
    ScenarioArguments args;

    @ArgGroup(multiplicity = "1")
    Who who;

    @Option(names = "--replication", paramLabel = "K", description = "Replication to follow (default 0).")
    int replication;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write story.txt and trace.csv into DIR.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LoadedScenario loaded = args.loadForReplication(replication);
        Scenario s = loaded.scenario();
        long seed = new SeedPlan(s.seed()).replicationSeed(replication);
        int borrower;
        String why;
        try (ChunkExecutor executor = new ChunkExecutor(Runtime.getRuntime().availableProcessors())) {
            if (who.borrower != null) {
                borrower = who.borrower;
                if (borrower < 0 || borrower >= s.population().size()) {
                    throw new UserInputException("--borrower must be in [0, " + (s.population().size() - 1) + "], got " + borrower);
                }
                why = "borrower " + borrower;
            } else {
                borrower = pick(s, seed, executor);
                why = "borrower " + borrower + ", " + who.pick.label().replace('-', ' ');
            }
            BorrowerTrace trace = new BorrowerTrace(borrower);
            CreditMarket market = new CreditMarket(s, seed, executor, Experiment.registry(s).metrics()).observe(trace, null);
            market.runToEnd();
            String story = TraceStory.narrative(trace, TraceStory.header(market.market(), s, borrower, why, "at the end"));
            String table = TraceStory.table(trace);
            var o = spec.commandLine().getOut();
            o.print(story);
            o.println();
            o.print(table);
            if (out != null) {
                Files.createDirectories(out);
                AtomicFiles.writeString(out.resolve("story.txt"), story + "\n" + table);
                AtomicFiles.writeString(out.resolve("trace.csv"), TraceStory.csv(trace));
                o.println("written: " + out.resolve("story.txt") + ", " + out.resolve("trace.csv"));
            }
        }
        return 0;
    }

    private int pick(Scenario s, long seed, ChunkExecutor executor) {
        int found = who.pick.find(s, seed, executor);
        if (found < 0) {
            throw new UserInputException("--pick " + who.pick.label() + ": nobody in replication " + replication + " of " + s.name()
                    + " fits; try another pick or replication");
        }
        return found;
    }
}
