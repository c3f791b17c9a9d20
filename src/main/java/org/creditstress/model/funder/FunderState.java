package org.creditstress.model.funder;

import org.creditstress.scenario.FunderSpec;

/**
 * A funder's position, in yuan: its capital (set at the start of month 1 from its exposure),
 * the losses it has borne since (in all, and over the last twelve months), and whether it is
 * stressed (a year's losses beyond its trigger, after which it cuts every line it gives).
 */
public final class FunderState implements java.io.Serializable {
    public final int index;
    public final FunderSpec spec;
    double capital;
    double losses;
    boolean stressed;
    /** Losses of the last twelve closed months (a ring) and of the month not yet closed. */
    private final double[] monthly = new double[12];
    private int slot;
    private double open;

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

    /** Losses over the last twelve months: the eleven last closed and the one being closed (fewer from month 1). */
    public double lossesLastYear() {
        double sum = open;
        for (int k = 0; k < monthly.length; k++) {
            if (k != slot) {
                sum += monthly[k];
            }
        }
        return sum;
    }

    void bear(double loss) {
        losses += loss;
        open += loss;
    }

    /** Ends the month: its losses join the ring, replacing those of twelve months ago. */
    void closeMonth() {
        monthly[slot] = open;
        slot = (slot + 1) % monthly.length;
        open = 0;
    }

    /** Forgets every loss (month 1, when capital is set). */
    void reset() {
        losses = 0;
        open = 0;
        java.util.Arrays.fill(monthly, 0.0);
    }
}
