package org.creditstress.model.borrower;

import org.creditstress.model.Market;
import org.creditstress.model.engine.ChunkPhase;
import sim.engine.SimState;

/**
 * A phase of the month that works borrower by borrower on the borrower table (employment,
 * income, consumption, repayment). Its month is always the same sequence: {@link #beginMonth()};
 * then, for every chunk {@code c} of borrowers {@code from .. to - 1},
 * {@link #stepBorrowers stepBorrowers(from, to, chunk(c))} and {@link #endChunk endChunk(chunk(c))};
 * then {@link #endMonth()}. {@link BorrowerMonth} runs the model's borrower phases chunk by
 * chunk (each chunk through every phase in turn); {@link #step} runs one phase's chunks; the benchmark's
 * one-agent-per-borrower schedule runs the same methods with {@code stepBorrowers(i, i + 1, ...)}
 * for one borrower at a time, so there is one copy of each phase's behaviour.
 *
 * <p>A chunk's part ({@code C}) holds what the chunk's borrowers share besides the tables: their
 * random stream of the phase, scratch, and the running totals that {@link #endChunk} books in the
 * ledger once the chunk is done. Borrowers of one chunk are stepped in index order, so they draw
 * their chunk's stream in order and totals are added up in the same order, for any thread count
 * and for either schedule.
 *
 * <p>Why {@code stepBorrowers} takes a range and not one borrower: the loop over the chunk's
 * borrowers then sits inside the phase's own method, where the JIT keeps the tables' arrays and the
 * running totals in registers across borrowers. A loop calling a per-borrower method instead
 * reloads them for every borrower (consumption and repayment bodies are too large to inline):
 * measured 3 to 5 ns per borrower-month slower for income, consumption and repayment each.
 *
 * @param <C> the phase's part of one chunk
 */
public abstract class BorrowerPhase<C> implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    /** The shared state: tables, chunks, executor, ledger, lenders, economy, policy, trace. */
    protected final Market market;

    protected BorrowerPhase(Market market) {
        this.market = market;
    }

    /**
     * The phase on its own: {@link #beginMonth()}, every chunk ({@link #stepChunk}) on the
     * executor, {@link #endMonth()}. The model runs its borrower phases together, chunk by chunk
     * ({@link BorrowerMonth}); this runs one phase over all chunks (tests, benchmark).
     */
    @Override
    public final void step(SimState state) {
        runAlone(market.executor, market.chunks);
    }

    /**
     * Chunk {@code c}'s part of the month, borrowers {@code from} to {@code to - 1}:
     * {@link #stepBorrowers} then {@link #endChunk} on the chunk's part.
     */
    @Override
    public final void stepChunk(int c, int from, int to) {
        C part = chunk(c);
        stepBorrowers(from, to, part);
        endChunk(part);
    }

    /** Before any borrower: what the phase reads once a month (hazards, rates, who lends). */
    @Override
    public abstract void beginMonth();

    /** Chunk {@code c}'s part (borrower {@code i} is in chunk {@code i / Chunks.CHUNK_SIZE}). */
    public abstract C chunk(int c);

    /**
     * Borrowers {@code from} to {@code to - 1}, all in the chunk whose part is {@code chunk}, in
     * index order, drawing from and adding up in that part.
     */
    public abstract void stepBorrowers(int from, int to, C chunk);

    /** After the chunk's last borrower: books the chunk's totals in the ledger and clears them. */
    public void endChunk(C chunk) {
    }

    /** After every chunk's last borrower. */
    @Override
    public void endMonth() {
    }
}
