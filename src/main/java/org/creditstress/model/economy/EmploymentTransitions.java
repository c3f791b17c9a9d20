package org.creditstress.model.economy;

import java.util.SplittableRandom;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.RandomStream;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 2a of the month: employed borrowers lose their job with their segment's hazard and
 * unemployed ones find a job, with the rates set by {@link LabourMarket}. Then the simulated
 * unemployment rate is counted.
 */
public final class EmploymentTransitions implements Steppable {
    private static final long serialVersionUID = 1L;
    private final transient Market market;
    private final transient LabourMarket labour;
    private final double[] lossBySegment;
    private final long[][] employedByChunk;
    private final long[][] unemployedByChunk;
    private double finding;

    public EmploymentTransitions(Market market) {
        this.market = market;
        this.labour = new LabourMarket(market.scenario.population().segments(), market.scenario.economy());
        int segments = market.scenario.population().segments().size();
        this.lossBySegment = new double[segments];
        this.employedByChunk = new long[market.chunks.count()][segments];
        this.unemployedByChunk = new long[market.chunks.count()][segments];
    }

    @Override
    public void step(SimState state) {
        finding = labour.hazards(market.macro, lossBySegment);
        market.executor.forEachChunk(market.chunks, this::chunk);
        int segments = lossBySegment.length;
        long[] employed = new long[segments];
        long[] unemployed = new long[segments];
        for (int c = 0; c < employedByChunk.length; c++) {
            for (int k = 0; k < segments; k++) {
                employed[k] += employedByChunk[c][k];
                unemployed[k] += unemployedByChunk[c][k];
            }
        }
        market.macro.setEmployment(employed, unemployed);
    }

    private void chunk(int c, int from, int to) {
        BorrowerTable b = market.borrowers;
        SplittableRandom rng = market.chunks.rng(c, RandomStream.EMPLOYMENT);
        long[] employed = employedByChunk[c];
        long[] unemployed = unemployedByChunk[c];
        java.util.Arrays.fill(employed, 0);
        java.util.Arrays.fill(unemployed, 0);
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
}
