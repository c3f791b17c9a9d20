package org.creditstress.model.funder;

/**
 * Selling receivables for cash (ABS or a whole-loan sale) to a funder that buys them. The
 * discount is {@code abs_base_discount + abs_discount_per_m1plus x M1+ ratio} (the base only when
 * the funding channel is off): investors pay less for a pool that is going bad. The buyer's claim
 * grows by the face value sold; the lender gets face x (1 - discount) and books the discount as
 * a loss. At most half the lender's own net receivables can be sold in a month.
 */
public final class ReceivableSales implements java.io.Serializable {

    /** What a sale raised and cost. */
    public record Sale(double face, double cash, double loss) {
    }

    /**
     * Sells enough to raise {@code need} in cash if possible.
     *
     * @param sellable own net receivables that may be sold
     */
    public Sale sell(FundingBook book, double need, double sellable, double discount) {
        Arrangement buyer = null;
        for (Arrangement a : book.arrangements()) {
            if (a.spec.buysReceivables() && !a.funder.stressed) {
                buyer = a;
                break;
            }
        }
        if (buyer == null || need <= 0 || discount >= 1) {
            return new Sale(0, 0, 0);
        }
        double face = Math.min(need / (1.0 - discount), 0.5 * Math.max(0.0, sellable));
        buyer.claim += face;
        return new Sale(face, face * (1.0 - discount), face * discount);
    }
}
