package org.creditstress.model.lender;

import org.creditstress.scenario.Lender;

/**
 * One lender's balance sheet and policy state, in yuan. Assets are cash and receivables less
 * provisions; liabilities are funding; equity is the rest. Updated once a month by
 * {@link LenderAccounting}; read (never written) by borrower mechanisms during the month.
 */
public final class LenderState {
    public final int index;
    public final Lender spec;
    /** The lender's score cut-off: applicants with an observed score above it are declined. */
    public final double scoreCutoff;

    double cash;
    double funding;
    double emergencyFunding;
    double equity;
    double provisions;
    /** Receivables implied by the ledger (opening plus flows), checked against the account scan. */
    double ledgerReceivables;
    double lastNetReceivables;
    /** Product of all limit cuts so far; new limits are scaled by it. */
    double limitFactor = 1.0;
    /** Share of limits to cut at this month's underwriting (set by the tightening policy). */
    double pendingLimitCut;
    boolean lending = true;

    public LenderState(int index, Lender spec, double scoreCutoff) {
        this.index = index;
        this.spec = spec;
        this.scoreCutoff = scoreCutoff;
    }

    public double cash() {
        return cash;
    }

    public double funding() {
        return funding;
    }

    public double emergencyFunding() {
        return emergencyFunding;
    }

    public double equity() {
        return equity;
    }

    public double provisions() {
        return provisions;
    }

    public double ledgerReceivables() {
        return ledgerReceivables;
    }

    public double limitFactor() {
        return limitFactor;
    }

    public double pendingLimitCut() {
        return pendingLimitCut;
    }

    /** Whether the lender opens accounts and funds purchases and loans this month. */
    public boolean lending() {
        return lending;
    }

    /** Equity over net receivables, or NaN when there are no net receivables. */
    public double capitalRatio() {
        double net = ledgerReceivables - provisions;
        return net > 0 ? equity / net : Double.NaN;
    }

    public double assets() {
        return cash + ledgerReceivables - provisions;
    }

    public double liabilities() {
        return funding + emergencyFunding;
    }
}
