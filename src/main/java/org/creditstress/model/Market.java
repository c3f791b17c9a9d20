package org.creditstress.model;

import java.util.List;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.borrower.PastDueAccounts;
import org.creditstress.model.economy.MacroState;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.Chunks;
import org.creditstress.model.engine.Ledger;
import org.creditstress.model.engine.ReplicationSeeds;
import org.creditstress.model.funder.FundingNetwork;
import org.creditstress.model.lender.LenderState;
import org.creditstress.model.policy.PolicyState;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.model.trace.EventWatch;

/**
 * Everything one replication's mechanisms share: the borrower and account tables,
 * the chunks with their random streams, the month's ledger, the lenders and the economy. Built by
 * {@link MarketBuilder}; each mechanism receives it through its constructor. It holds state, no
 * behaviour, and no scenario: each mechanism gets its own settings through its constructor, from
 * the wiring ({@link CreditMarket}, {@link MarketBuilder}).
 */
public final class Market implements java.io.Serializable {
    public final BorrowerTable borrowers;
    public final AccountTable accounts;
    public final Chunks chunks;
    public final ChunkExecutor executor;
    public final Ledger ledger;
    public final List<LenderState> lenders;
    public final MacroState macro;
    public final FundingNetwork funding;
    /** Per chunk, the open accounts past due this month (for the lender phases that act on them). */
    public final PastDueAccounts pastDue;
    /** Policies in force this month (set by the policy phase, read by mechanisms). */
    public final PolicyState policy = new PolicyState();
    /**
     * Share of the cases waiting for a court last month that the courts took (1 with no queue):
     * how likely a lawsuit is to be heard, as borrowers weighing a strategic default see it. Set by
     * {@link org.creditstress.model.court.Courts}.
     */
    public double courtAdmission = 1.0;

    public Market(BorrowerTable borrowers, AccountTable accounts, Chunks chunks,
                  ChunkExecutor executor, List<LenderState> lenders, MacroState macro, FundingNetwork funding,
                  ReplicationSeeds seeds) {
        this.seeds = seeds;
        this.borrowers = borrowers;
        this.accounts = accounts;
        this.chunks = chunks;
        this.executor = executor;
        this.ledger = new Ledger(chunks.count(), lenders.size());
        this.lenders = lenders;
        this.macro = macro;
        this.funding = funding;
        this.pastDue = new PastDueAccounts(chunks.count(), borrowers, accounts);
    }

    /** The replication's seeds (for counter-based random draws): the starting book's and the recorded months'. */
    public final ReplicationSeeds seeds;
    private BorrowerTrace trace;
    private EventWatch watch;

    /** Follows one borrower's story (the {@code trace} command); set before the first month. */
    public void attach(BorrowerTrace trace, EventWatch watch) {
        this.trace = trace;
        this.watch = watch;
    }

    /** The traced borrower's recorder, or null when nobody is traced. */
    public BorrowerTrace trace() {
        return trace;
    }

    /** The watch for notable events, or null. */
    public EventWatch watch() {
        return watch;
    }

    /** Recorded month (1..horizon), or 0 and below during burn-in. */
    public int month() {
        return macro.month();
    }
}
