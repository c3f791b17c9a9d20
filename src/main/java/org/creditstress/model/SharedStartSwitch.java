package org.creditstress.model;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.SEEDS}, scheduled only in a replication that shares its starting book with the
 * others ({@code horizon.shared_start}): before month 1, the chunks' sequential random streams
 * restart from the replication's own seed, so from month 1 on each replication follows its own
 * path. Counter-based draws switch by themselves ({@link org.creditstress.model.engine.ReplicationSeeds}).
 */
final class SharedStartSwitch implements Steppable {
    private static final long serialVersionUID = 1L;
    private final Market market;

    SharedStartSwitch(Market market) {
        this.market = market;
    }

    @Override
    public void step(SimState state) {
        if (market.month() == 0) {
            market.chunks.reseed(market.seeds.recorded());
        }
    }
}
