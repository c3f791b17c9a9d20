package org.creditstress.model.channel;

import org.creditstress.model.Wiring;

/**
 * Common borrowers: lenders see each other's reported delinquencies at the bureau (and cut limits
 * or decline on them), and one lender's loan can pay another's bill (loan stacking, with its own
 * switch). Off: the same borrowers hold the same accounts, but lenders are blind to each other
 * and no loan crosses from one lender to another, so switching it off measures contagion, not a
 * different market.
 */
public final class CommonBorrowersChannel implements ContagionChannel {

    @Override
    public String key() {
        return "common_borrowers";
    }

    @Override
    public String description() {
        return "Lenders see each other's delinquencies at the bureau and act on them, and a loan at one lender may pay "
                + "another's bill. Off: borrowers keep the same accounts, but lenders are blind to each other and no loan "
                + "crosses between lenders.";
    }

    @Override
    public void wire(Wiring wiring) {
        wiring.connectLendersThroughCommonBorrowers();
    }
}
