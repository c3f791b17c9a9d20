package org.creditstress.model.economy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.BorrowerPhase;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.scenario.EconomySpec;
import org.creditstress.scenario.SegmentSpec;

/**
 * Job loss and job finding. Runs at {@link org.creditstress.model.MonthPhase#EMPLOYMENT}: after
 * the economy has set this month's unemployment target, before incomes are paid, so that this
 * month's income already follows this month's job status.
 *
 * <p>An employed borrower of segment {@code k} loses its job with probability {@code s_k}; an
 * unemployed one finds a job with probability {@code f} (monthly probabilities, set once a month
 * by {@link LabourMarket} from last month's counts). A borrower whose status changes restarts
 * its months-in-state count. Then the employed and unemployed are counted per segment: the
 * unemployment rate of the month, and the counts next month's hazards start from.
 *
 * <p>A {@link BorrowerPhase}: the chunk loop and the benchmark's per-borrower schedule both run
 * {@link #stepBorrowers}.
 */
public final class EmploymentTransitions extends BorrowerPhase<EmploymentTransitions.Chunk> {
    private static final long serialVersionUID = 1L;
    private final LabourMarket labour;
    private final double[] lossBySegment;
    private final Chunk[] chunks;
    /** The chunks' stream this phase draws from (looked up each month: a shared start restarts the streams). */
    private final RandomStream purpose;
    private double finding;

    /** One chunk's part of the phase: its random stream and its employment counts per segment. */
    public static final class Chunk implements java.io.Serializable {
        private final int index;
        private final long[] employed;
        private final long[] unemployed;

        private Chunk(int index, int segments) {
            this.index = index;
            this.employed = new long[segments];
            this.unemployed = new long[segments];
        }
    }

    /**
     * @param segments the population's segments
     * @param economy  the labour-market settings and the unemployment path
     * @param purpose  the random stream job changes are drawn from (one per chunk)
     */
    public EmploymentTransitions(Market market, List<SegmentSpec> segments, EconomySpec economy, RandomStream purpose) {
        super(market);
        this.purpose = purpose;
        this.labour = new LabourMarket(segments, economy);
        this.lossBySegment = new double[segments.size()];
        this.chunks = new Chunk[market.chunks.count()];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new Chunk(c, segments.size());
        }
    }

    /** This month's hazards, from last month's employment counts. */
    @Override
    public void beginMonth() {
        finding = labour.hazards(market.macro, lossBySegment);
    }

    @Override
    public Chunk chunk(int c) {
        return chunks[c];
    }

    /**
     * Transitions of borrowers {@code from} to {@code to - 1}, all of chunk {@code chunk}, drawn from
     * its stream and counted in it. The chunk loop passes its whole range; one borrower is
     * {@code stepBorrowers(i, i + 1, chunk)}.
     */
    @Override
    public void stepBorrowers(int from, int to, Chunk chunk) {
        BorrowerTable b = market.borrowers;
        SplittableRandom rng = market.chunks.rng(chunk.index, purpose);
        long[] employed = chunk.employed;
        long[] unemployed = chunk.unemployed;
        for (int i = from; i < to; i++) {
            int k = b.segment[i];
            boolean wasEmployed = b.employed(i);
            boolean nowEmployed = wasEmployed
                    ? rng.nextDouble() >= lossBySegment[k]
                    : rng.nextDouble() < finding;
            if (nowEmployed != wasEmployed) {
                if (market.trace() != null && market.trace().is(i)) {
                    market.trace().month(market.month()).jobChanged = true;
                }
                b.setEmployed(i, nowEmployed);
                b.monthsInState[i] = 0;
            } else if (b.monthsInState[i] < Short.MAX_VALUE) {
                b.monthsInState[i]++;
            }
            if (nowEmployed) {
                employed[k]++;
            } else {
                unemployed[k]++;
            }
        }
    }

    /** Sums the chunks' counts into this month's employment and clears them for next month. */
    @Override
    public void endMonth() {
        int segments = lossBySegment.length;
        long[] employed = new long[segments];
        long[] unemployed = new long[segments];
        for (Chunk chunk : chunks) {
            for (int k = 0; k < segments; k++) {
                employed[k] += chunk.employed[k];
                unemployed[k] += chunk.unemployed[k];
            }
            Arrays.fill(chunk.employed, 0);
            Arrays.fill(chunk.unemployed, 0);
        }
        market.macro.setEmployment(employed, unemployed);
    }
}
