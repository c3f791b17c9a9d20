package org.creditstress.model.borrower;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.engine.ChunkPhase;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The month's phases that work borrower by borrower, run chunk by chunk (the borrower pass):
 * every phase's {@link ChunkPhase#beginMonth()} in order; then each chunk of borrowers goes through
 * every phase in turn ({@link ChunkPhase#stepChunk}: turnover, new stages of life, employment,
 * income, consumption, repayment,
 * the lenders' underwriting, collection, restructuring, litigation and write-off, the credit
 * score, the courts' cases of the month and the portfolio scan, for chunk 0, then for chunk 1, ...),
 * on the executor; then every phase's {@link ChunkPhase#endMonth()} in order. A chunk's borrower and account rows are still in cache
 * when the next phase reaches them, instead of each phase streaming the whole tables from memory
 * in turn. Scheduled at the first phase's ordering ({@link org.creditstress.model.MonthPhase#TURNOVER});
 * the behaviour stays in each phase's class, this only orders the calls.
 *
 * <p>Why the results are those of the phases run one after another over all chunks:
 * <ul>
 *   <li>a phase's chunk work reads and writes only its chunk's borrowers and accounts and its own
 *       part of the chunk, and books its totals in the ledger under the chunk, so chunk
 *       {@code c} sees the same state whether chunk {@code c - 1} has finished the later phases
 *       or not; within a chunk the phases run in month order, so every per-chunk total (the
 *       ledger's included) gets the same additions in the same order, and totals over chunks are
 *       reduced in chunk order as before;</li>
 *   <li>no phase's {@code beginMonth} reads what an earlier phase writes this month (they read
 *       the economy, policies, lenders and last month's portfolio, set before these phases), and
 *       no phase's chunk work or {@code beginMonth} reads what an earlier phase's {@code endMonth}
 *       writes (employment's counts go to the economy for next month's hazards; underwriting's
 *       behaviour-ranking counts to the metrics; the scan's month totals to the lenders' books,
 *       which run after the pass).</li>
 * </ul>
 * A new phase that reads another chunk's state, or a month-level figure an earlier phase here
 * sets, cannot run here: schedule it at its own phase instead.
 */
public final class BorrowerMonth implements Steppable {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final ChunkPhase[] phases;

    /** The phases in the month's order. */
    public BorrowerMonth(Market market, List<? extends ChunkPhase> phases) {
        this.market = market;
        this.phases = phases.toArray(new ChunkPhase[0]);
    }

    @Override
    public void step(SimState state) {
        for (ChunkPhase phase : phases) {
            phase.beginMonth();
        }
        market.executor.forEachChunk(market.chunks, (c, from, to) -> {
            for (ChunkPhase phase : phases) {
                phase.stepChunk(c, from, to);
            }
        });
        for (ChunkPhase phase : phases) {
            phase.endMonth();
        }
    }
}
