package org.creditstress.model.funder;

import org.creditstress.scenario.LenderSpec;

/**
 * One lender's arrangement with one funder: the co-lending share of new lending, the funder's
 * claim on the lender's receivables (co-lent and bought), and the committed line (limit, drawn).
 */
public final class Arrangement implements java.io.Serializable {
    public final FunderState funder;
    public final LenderSpec.Funding spec;
    /** Share of new lending the funder funds now. */
    double coLendingShare;
    /** The funder's claim on the lender's receivables (co-lending and receivables bought), yuan. */
    double claim;
    double lineLimit;
    double drawn;
    boolean breached;

    Arrangement(FunderState funder, LenderSpec.Funding spec) {
        this.funder = funder;
        this.spec = spec;
        this.coLendingShare = spec.coLendingShare();
    }

    public double claim() {
        return claim;
    }

    public double lineLimit() {
        return lineLimit;
    }

    public double drawn() {
        return drawn;
    }

    public double coLendingShare() {
        return coLendingShare;
    }

    /** Whether a covenant has been breached (the line was cut). */
    public boolean breached() {
        return breached;
    }
}
