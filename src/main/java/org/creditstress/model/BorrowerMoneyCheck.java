package org.creditstress.model;

import org.creditstress.model.engine.BorrowerFlow;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.engine.Ledger;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 9a of the month: borrowers' money is conserved. Total savings now must equal total
 * savings a month ago plus income, cash loans received, outside help and newcomers' savings, less
 * cash spending, repayments, court recoveries on written-off accounts and the savings of borrowers
 * who left. (Lenders' identities are checked in {@link org.creditstress.model.lender.LenderBooks}.)
 */
public final class BorrowerMoneyCheck implements Steppable {
    private static final long serialVersionUID = 1L;
    private static final double TOLERANCE = 1e-9;
    private final Market market;
    private final PortfolioScan scan;
    private double previousSavings;

    public BorrowerMoneyCheck(Market market, PortfolioScan scan) {
        this.market = market;
        this.scan = scan;
        double total = 0;
        for (double s : market.borrowers.savings) {
            total += s;
        }
        this.previousSavings = total;
    }

    @Override
    public void step(SimState state) {
        Ledger ledger = market.ledger;
        double inflow = ledger.total(BorrowerFlow.INCOME) + ledger.total(Flow.DISBURSED) + ledger.total(Flow.OUTSIDE_HELP)
                + ledger.total(BorrowerFlow.SAVINGS_ARRIVED);
        double outflow = ledger.total(BorrowerFlow.CASH_SPENDING) + ledger.total(Flow.REPAYMENTS) + ledger.total(Flow.COURT_RECOVERIES)
                + ledger.total(BorrowerFlow.SAVINGS_LEFT);
        double expected = previousSavings + inflow - outflow;
        double actual = scan.stats().savings;
        if (Math.abs(expected - actual) > TOLERANCE * Math.max(1.0, previousSavings + inflow + outflow)) {
            throw new InvariantViolation(market.month(), "all borrowers",
                    "savings (" + actual + ") differ from last month's savings plus income, loans and help, less spending and repayments ("
                            + expected + ")");
        }
        previousSavings = actual;
    }
}
