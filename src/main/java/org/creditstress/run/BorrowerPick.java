package org.creditstress.run;

import java.util.Locale;
import java.util.Optional;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.trace.EventWatch;
import org.creditstress.scenario.Scenario;

/**
 * A borrower worth following in a replication: the first to be sued, written off, to stack loans or
 * to be restructured (earliest recorded month, then lowest index), or the first fraudster a lender
 * approved. Found by running the replication once; a second run of the same replication, following
 * that borrower, tells its story (replications are deterministic in their seed). Used by the
 * {@code trace} command and the classroom page.
 */
public enum BorrowerPick {
    FIRST_SUED, FIRST_WRITTEN_OFF, FIRST_STACKED, FIRST_RESTRUCTURED, FRAUDSTER;

    /** The name on the command line, e.g. {@code first-sued}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The pick named {@code label} ({@code first-sued}, ...), if there is one. */
    public static Optional<BorrowerPick> parse(String label) {
        for (BorrowerPick p : values()) {
            if (p.label().equals(label.toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every label, for messages: "first-sued, first-written-off, ...". */
    public static String labels() {
        return String.join(", ", java.util.Arrays.stream(values()).map(BorrowerPick::label).toList());
    }

    /** Runs the replication of {@code replicationSeed} to its end and returns the borrower picked, or -1 if none fits. */
    public int find(Scenario s, long replicationSeed, ChunkExecutor executor) {
        EventWatch watch = new EventWatch();
        CreditMarket market = new CreditMarket(s, replicationSeed, executor, Experiment.registry(s).metrics()).observe(null, watch);
        market.runToEnd();
        return switch (this) {
            case FIRST_SUED -> watch.first(EventWatch.Kind.SUED);
            case FIRST_WRITTEN_OFF -> watch.first(EventWatch.Kind.WRITTEN_OFF);
            case FIRST_STACKED -> watch.first(EventWatch.Kind.STACKED);
            case FIRST_RESTRUCTURED -> watch.first(EventWatch.Kind.RESTRUCTURED);
            case FRAUDSTER -> firstApprovedFraudster(market.market());
        };
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
}
