package org.creditstress.model.funder;

import org.creditstress.model.engine.LastYear;
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
    /** Losses of the last twelve closed months, and of the month not yet closed. */
    private final LastYear year = new LastYear();
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

    /** Losses over the last twelve months, this one included once it is closed (fewer months from month 1). */
    public double lossesLastYear() {
        return year.sum();
    }

    void bear(double loss) {
        losses += loss;
        open += loss;
    }

    /** Ends month {@code month}: its losses join the year's, replacing those of twelve months ago. */
    void closeMonth(int month) {
        year.record(month, open);
        open = 0;
    }

    /** Forgets every loss (month 1, when capital is set). */
    void reset() {
        losses = 0;
        open = 0;
        year.clear();
    }
}
