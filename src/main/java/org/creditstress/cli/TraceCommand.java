package org.creditstress.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.model.trace.EventWatch;
import org.creditstress.report.TraceStory;
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

    enum Pick { FIRST_SUED, FIRST_WRITTEN_OFF, FIRST_STACKED, FIRST_RESTRUCTURED, FRAUDSTER }

    static final class Who {
        @Option(names = "--borrower", paramLabel = "ID", description = "Borrower index (0-based).")
        Integer borrower;

        @Option(names = "--pick", paramLabel = "WHICH",
                description = "Pick a borrower: first-sued, first-written-off, first-stacked, first-restructured, fraudster.",
                converter = PickConverter.class)
        Pick pick;
    }

    static final class PickConverter implements picocli.CommandLine.ITypeConverter<Pick> {
        @Override
        public Pick convert(String value) {
            try {
                return Pick.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not one of first-sued, first-written-off, first-stacked, first-restructured, fraudster");
            }
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
        LoadedScenario loaded = args.load();
        Experiment.checkFits(loaded);
        Scenario s = loaded.scenario();
        if (replication < 0 || replication >= s.replications()) {
            throw new UserInputException("--replication must be in [0, " + (s.replications() - 1) + "], got " + replication);
        }
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
                why = "borrower " + borrower + ", " + who.pick.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
            }
            BorrowerTrace trace = new BorrowerTrace(borrower);
            CreditMarket market = new CreditMarket(s, seed, executor, Experiment.registry(s).metrics()).observe(trace, null);
            market.runToEnd();
            String story = TraceStory.narrative(trace, header(market.market(), s, borrower, why));
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
        EventWatch watch = new EventWatch();
        CreditMarket market = new CreditMarket(s, seed, executor, Experiment.registry(s).metrics()).observe(null, watch);
        market.runToEnd();
        int found = switch (who.pick) {
            case FIRST_SUED -> watch.first(EventWatch.Kind.SUED);
            case FIRST_WRITTEN_OFF -> watch.first(EventWatch.Kind.WRITTEN_OFF);
            case FIRST_STACKED -> watch.first(EventWatch.Kind.STACKED);
            case FIRST_RESTRUCTURED -> watch.first(EventWatch.Kind.RESTRUCTURED);
            case FRAUDSTER -> firstApprovedFraudster(market.market());
        };
        if (found < 0) {
            throw new UserInputException("--pick " + who.pick.toString().toLowerCase(Locale.ROOT).replace('_', '-')
                    + ": nobody in replication " + replication + " of " + s.name() + " fits; try another pick or replication");
        }
        return found;
    }

    private static int firstApprovedFraudster(Market m) {
        BorrowerTable b = m.borrowers;
        for (int i = 0; i < b.size; i++) {
            if (b.fraud(i)) {
                for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
                    // Approved once: open or written off (an empty slot or a declined application is not).
                    if (m.accounts.status[a] == AccountTable.OPEN || m.accounts.status[a] == AccountTable.WRITTEN_OFF) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private static String header(Market m, org.creditstress.scenario.Scenario scenario, int i, String why) {
        BorrowerTable b = m.borrowers;
        String integrity = b.fraud(i) ? "a fraudster" : b.strategic(i) ? "a strategic defaulter" : "honest";
        return String.format(Locale.ROOT,
                "The story of %s in %s: segment %s%s, %s; permanent income %.0f yuan/month at the end; present bias %.2f, "
                        + "literacy %.2f; accounts or applications at %d lender(s) at the end.",
                why, scenario.name(), scenario.population().segments().get(b.segment[i]).name(),
                b.thinFile(i) ? " (thin file)" : "", integrity, b.permanentIncome[i], b.presentBias[i], b.literacy[i],
                b.lendersHeld[i]);
    }
}
