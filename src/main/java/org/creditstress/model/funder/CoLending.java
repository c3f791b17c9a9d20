package org.creditstress.model.funder;

/**
 * Co-lending and receivable purchases, at portfolio level. A funder with co-lending share
 * {@code s} funds {@code s} of every new loan and purchase; a funder's claim {@code C} on the
 * lender's receivables {@code R} (co-lent and bought) entitles it to the share {@code C / R} of
 * every charge, repayment, recovery and write-off (shares taken at the start of the month):
 * <pre>  C' = C + s x new lending + (C / R) x (charges - repayments - write-offs)</pre>
 * (when repayments are so large that this would go below zero, the share is cut so that C' = 0).
 * The funders' shares and the lender's own add up to the whole portfolio, its flows and its
 * losses, by construction; {@code CoLendingTest} checks it.
 */
public final class CoLending {

    /** The lender's own part of the month's flows after the funders' shares. */
    public record OwnShare(double newLending, double charges, double repayments, double writeOffs, double recoveries) {
    }

    private CoLending() {
    }

    /**
     * Splits the month's flows between the funders and the lender, updates the funders' claims and
     * charges the funders their losses.
     *
     * @param receivablesBefore all receivables at the start of the month
     */
    public static OwnShare split(FundingBook book, double receivablesBefore, double newLending, double charges,
                                 double repayments, double writeOffs, double recoveries) {
        return split(book, receivablesBefore, newLending, charges, repayments, writeOffs, recoveries, Double.NaN);
    }

    /**
     * As above, with a minimum own-funding share in force (NaN: none): co-lending shares are scaled
     * down so that the lender funds at least that share of new lending itself.
     */
    public static OwnShare split(FundingBook book, double receivablesBefore, double newLending, double charges,
                                 double repayments, double writeOffs, double recoveries, double minOwnShare) {
        double total = book.coLendingShare();
        double scale = !Double.isNaN(minOwnShare) && total > 1.0 - minOwnShare && total > 0 ? (1.0 - minOwnShare) / total : 1.0;
        double own = 1.0;
        double ownNew = newLending;
        double ownCharges = charges;
        double ownRepayments = repayments;
        double ownWriteOffs = writeOffs;
        double ownRecoveries = recoveries;
        for (Arrangement a : book.arrangements()) {
            double q = receivablesBefore > 0 ? a.claim / receivablesBefore : 0.0;
            double fundedNew = a.coLendingShare * scale * newLending;
            double change = q * (charges - repayments - writeOffs);
            if (a.claim + fundedNew + change < 0) {
                // The month's repayments exceed what was owed at its start (a small book repaid early): the
                // funder's share shrinks so that its claim ends at zero and the shares still add up to the whole.
                q *= -(a.claim + fundedNew) / change;
                change = -(a.claim + fundedNew);
            }
            a.claim = a.claim + fundedNew + change;
            a.funder.bear(q * (writeOffs - recoveries));
            ownNew -= fundedNew;
            ownCharges -= q * charges;
            ownRepayments -= q * repayments;
            ownWriteOffs -= q * writeOffs;
            ownRecoveries -= q * recoveries;
            own -= q;
        }
        return new OwnShare(ownNew, ownCharges, ownRepayments, ownWriteOffs, ownRecoveries);
    }
}
