package org.creditstress.bench;

import org.creditstress.model.Market;
import org.creditstress.model.MarketBuilder;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.Chunks;
import org.creditstress.scenario.Scenario;

/**
 * The machine's ceiling for the model's state: a plain loop that reads and writes, once a month,
 * as many bytes as the model's borrower and account tables hold ({@link BorrowerTable#bytesPerBorrower()}
 * per borrower plus {@link AccountTable#bytesPerAccount()} per account slot), chunk by chunk on
 * the same {@link ChunkExecutor} and the same {@link Chunks} as the model. Each chunk's share of
 * the state is one array of longs that the loop increments in place: no branch, no random number,
 * nothing but the memory traffic (the JIT vectorises it). A borrower-month of the model that
 * visited each byte of its state once, and did nothing else, would cost this much; the model's
 * time over the loop's is how far it is from that limit.
 */
final class ReferenceLoop {
    private final Chunks chunks;
    private final long[][] state;
    private final long bytes;
    private final int borrowers;

    /** The loop sized on the tables of {@code s}'s market as {@link MarketBuilder} builds it. */
    static ReferenceLoop of(Scenario s, ChunkExecutor executor) {
        Market market = MarketBuilder.build(s, ModelRuns.seed(s), executor);
        return new ReferenceLoop(market, AccountTable.bytesPerAccount());
    }

    private ReferenceLoop(Market market, int bytesPerAccount) {
        chunks = market.chunks;
        borrowers = market.borrowers.size;
        int[] firstAccount = market.borrowers.firstAccount;
        state = new long[chunks.count()][];
        long total = 0;
        for (int c = 0; c < chunks.count(); c++) {
            int from = chunks.from(c);
            int to = chunks.to(c);
            long chunkBytes = (long) (to - from) * (BorrowerTable.bytesPerBorrower() + AccountTable.BYTES_PER_HOLDER)
                    + (long) (firstAccount[to] - firstAccount[from]) * bytesPerAccount;
            state[c] = new long[(int) ((chunkBytes + 7) / 8)];
            total += 8L * state[c].length;
        }
        bytes = total;
    }

    /** Bytes of state per borrower (each read and written once a month). */
    double bytesPerBorrower() {
        return (double) bytes / borrowers;
    }

    /** Seconds for {@code months} passes over the state on {@code executor}. */
    double run(ChunkExecutor executor, int months) {
        long t0 = System.nanoTime();
        for (int m = 0; m < months; m++) {
            long step = m + 1;
            executor.forEachChunk(chunks, (c, from, to) -> {
                long[] x = state[c];
                for (int i = 0; i < x.length; i++) {
                    x[i] += step;
                }
            });
        }
        double seconds = Harness.since(t0);
        Harness.consume(state[0].length == 0 ? 0 : state[0][0]);
        return seconds;
    }
}
