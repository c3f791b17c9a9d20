package org.creditstress.model.channel;

import org.creditstress.model.Wiring;

/**
 * Common borrowers: borrowers hold accounts at several lenders, and lenders see each other's
 * reported delinquencies at the bureau (and cut or decline on them). Off: every borrower holds
 * one lender, and lenders see nothing of others.
 */
public final class CommonBorrowersChannel implements ContagionChannel {

    @Override
    public String key() {
        return "common_borrowers";
    }

    @Override
    public String description() {
        return "Borrowers may hold accounts at several lenders and lenders see each other's delinquencies. Off: "
                + "every borrower holds one lender, and lenders see nothing of others.";
    }

    @Override
    public void wire(Wiring wiring) {
        wiring.holdAccountsAtSeveralLenders();
        wiring.shareBureauRecords();
    }
}
