package org.creditstress.model.engine;

import sim.engine.Steppable;

/**
 * A phase of the month whose work is split by chunk of borrowers: {@link #beginMonth()}, then
 * {@link #stepChunk} for every chunk (in any order, or in parallel: a chunk's work reads and
 * writes only that chunk's borrowers and accounts, its own part of the phase and the chunk's
 * ledger entries), then {@link #endMonth()}. Its {@code step} runs the three on its own
 * ({@link #runAlone}); {@code model.borrower.BorrowerMonth} runs several such phases chunk by chunk.
 */
public interface ChunkPhase extends Steppable {

    /** Before any chunk: what the phase reads once a month (nothing by default). */
    default void beginMonth() {
    }

    /** Chunk {@code chunk}'s work, borrowers {@code from} (inclusive) to {@code to} (exclusive). */
    void stepChunk(int chunk, int from, int to);

    /** After every chunk. */
    default void endMonth() {
    }

    /** The phase on its own: {@link #beginMonth()}, every chunk on the executor, {@link #endMonth()}. */
    default void runAlone(ChunkExecutor executor, Chunks chunks) {
        beginMonth();
        executor.forEachChunk(chunks, this::stepChunk);
        endMonth();
    }
}
