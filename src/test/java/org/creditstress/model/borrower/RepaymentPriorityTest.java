package org.creditstress.model.borrower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Whom a short borrower pays first, on three accounts owing 100, 200 and 300. */
class RepaymentPriorityTest {
    private static final double[] DUE = {100, 200, 300};

    private static AccountTable accounts() {
        AccountTable acc = new AccountTable(3);
        acc.monthsPastDue[0] = 0;
        acc.monthsPastDue[1] = 3;
        acc.monthsPastDue[2] = 1;
        acc.product[0] = 0;
        acc.product[1] = 1;
        acc.product[2] = 0;
        return acc;
    }

    @Test
    void proRataPaysEveryBillTheSameShare() {
        double[] paid = new double[3];
        RepaymentPriority.PRO_RATA.allocate(accounts(), 0, 3, DUE, 300, paid);
        assertArrayEquals(new double[] {50, 100, 150}, paid, 1e-9);
    }

    @Test
    void collectionPressurePaysTheFurthestPastDueFirst() {
        double[] paid = new double[3];
        new CollectionPressureFirst().allocate(accounts(), 0, 3, DUE, 300, paid);
        assertArrayEquals(new double[] {0, 200, 100}, paid, 1e-9);
    }

    @Test
    void penaltyCostPaysTheDearestPenaltyFirst() {
        double[] paid = new double[3];
        var products = java.util.List.of(
                org.creditstress.scenario.ProductSpec.simple("line", org.creditstress.scenario.ProductKind.PURCHASE_LINE, 12, 0.006, 0, 12,
                        0.01, 0.0005, 1.5, 500, 50000),
                org.creditstress.scenario.ProductSpec.simple("loan", org.creditstress.scenario.ProductKind.CASH_LOAN, 12, 0, 0.18, 12,
                        0, 0.001, 2, 1000, 200000));
        new PenaltyCostFirst(products).allocate(accounts(), 0, 3, DUE, 250, paid);
        assertArrayEquals(new double[] {50, 200, 0}, paid, 1e-9, "the loan (0.1 %/day) first, then the lines in account order");
    }
}
