package org.creditstress.model.funder;

import org.creditstress.scenario.FunderSpec;

/**
 * A funder's position, in yuan: its capital (set at the start of month 1 from its exposure),
 * the losses it has borne since, and whether it is stressed (losses beyond its trigger, after
 * which it cuts every line it gives).
 */
public final class FunderState implements java.io.Serializable {
    public final int index;
    public final FunderSpec spec;
    double capital;
    double losses;
    boolean stressed;

    public FunderState(int index, FunderSpec spec) {
        this.index = index;
        this.spec = spec;
    }

    /** Capital at the start of month 1. */
    public double capital() {
        return capital;
    }

    /** Losses from month 1: its share of co-lent write-offs, and haircuts on lines to failed lenders. */
    public double losses() {
        return losses;
    }

    public boolean stressed() {
        return stressed;
    }

    /** Capital left after losses. */
    public double remainingCapital() {
        return capital - losses;
    }

    void bear(double loss) {
        losses += loss;
    }
}
