package org.creditstress.model.borrower;

import java.util.SplittableRandom;
import org.creditstress.model.Applicants;
import org.creditstress.model.Market;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.model.engine.CounterRandom;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.model.engine.ReplicationSeeds;
import sim.engine.SimState;

/**
 * New stages of life: each month a borrower starts one with probability
 * {@code population.behaviour.life_stage_monthly} (q), and its behavioural traits are drawn afresh
 * from the population's distributions ({@link Applicants#newStageOfLife}): essential share,
 * discretionary propensity, present bias, literacy and savings target, and with them its true
 * risk and the credit score it recovers towards. What it owes, holds and earns stays.
 *
 * <p>Why: with traits fixed for life, lenders' declines, bureau cuts and write-offs keep culling
 * the riskiest borrowers from credit, and only turnover (borrowers with nothing owed, 0.4 % a
 * month) brings new ones: a calm market's M1+ fell by about 16 % over 25 years and was still
 * falling. Household circumstances change (a new job, a marriage, children, a move); at {@code q
 * = 0.01} (a new stage about every eight years: assumption), with five years of burn-in, a calm
 * baseline moves by under 10 % between years 2 and 10 ({@code SteadyStateTest}). Off by default
 * (q = 0): the shipped scenarios are calibrated with traits for life. Runs at
 * {@link org.creditstress.model.MonthPhase#LIFE_STAGES}, after turnover.
 *
 * <p>Draws: whether a borrower starts a new stage is a counter-based draw of (borrower, month);
 * the new traits come from a generator seeded by (replication, borrower, month). Neither depends
 * on other borrowers or on the thread count.
 */
public final class LifeStages implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final Applicants applicants;
    private final CounterRandom starts;
    private final ReplicationSeeds seeds;
    private final double monthly;

    /** @param monthly probability a month that a borrower starts a new stage of life */
    public LifeStages(Market market, Applicants applicants, double monthly) {
        this.market = market;
        this.applicants = applicants;
        this.monthly = monthly;
        this.starts = new CounterRandom(market.seeds, RandomStream.LIFE_STAGES);
        this.seeds = market.seeds;
    }

    @Override
    public void step(SimState state) {
        runAlone(market.executor, market.chunks);
    }


    @Override
    public void stepChunk(int c, int from, int to) {
        if (monthly <= 0) {
            return;
        }
        BorrowerTable b = market.borrowers;
        int month = market.month();
        for (int i = from; i < to; i++) {
            if (starts.uniform(i, month, 0) < monthly) {
                SplittableRandom rng = seeds.forBorrowerMonth(RandomStream.LIFE_STAGES, i, month);
                applicants.newStageOfLife(b, i, rng);
                if (market.trace() != null && market.trace().is(i)) {
                    market.trace().month(month).events.add("a new stage of life: spending habits, planning and savings goals change");
                }
            }
        }
    }
}
