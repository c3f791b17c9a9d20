package org.creditstress.model.channel;

import org.creditstress.model.Wiring;

/**
 * Loan stacking (以贷养贷): a borrower whose savings do not cover its bills, and whom no lender it
 * owes will lend to, draws a cash loan at another lender that will, so one lender's arrears
 * become the next lender's loan ({@code model.borrower.LoanStacking}).
 */
public final class LoanStackingChannel implements ContagionChannel {

    @Override
    public String key() {
        return "loan_stacking";
    }

    @Override
    public String description() {
        return "Loan stacking (以贷养贷): if no lender it owes will lend, the borrower draws a cash loan at another lender "
                + "that will (needs common_borrowers). Off: borrowers only borrow to pay at a lender they owe.";
    }

    @Override
    public void wire(Wiring wiring) {
        wiring.allowLoanStacking();
    }
}
