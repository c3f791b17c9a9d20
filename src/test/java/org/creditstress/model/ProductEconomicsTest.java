package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.run.RunResult;
import org.junit.jupiter.api.Test;

/** Unit economics by product: each lender's purchase line and cash loan, revenue, write-offs, yield, loss rate. */
class ProductEconomicsTest {

    private static final String A = "lender.PlatformA.";

    /** Interest is the cash loan's monthly rate on its principal: the yield is its 18 % APR, plus the thin-file premium on some loans, less loans in arrears. */
    @Test
    void theCashLoansYieldIsItsApr() {
        RunResult run = Scenarios.run(Scenarios.shipped("baseline"), 2);
        double yield = Scenarios.mean(run, A + "loan_yield");
        assertTrue(yield > 0.17 && yield < 0.20, "cash-loan yield " + yield + " against an APR of 18 % (24 % for thin files)");
        double line = Scenarios.mean(run, A + "line_yield");
        assertTrue(line > 0.10 && line < yield, "purchase-line yield " + line);
    }

    /** Without cash loans every yuan of revenue and loss is the purchase line's. */
    @Test
    void withoutCashLoansEverythingIsTheLines() {
        RunResult run = Scenarios.run(Scenarios.shipped("baseline", "population.accounts.cash_loan_share=0", "horizon.months=12"), 2);
        assertEquals(0.0, Scenarios.total(run, A + "loan_revenue"), 0.0);
        assertEquals(0.0, Scenarios.total(run, A + "loan_write_offs"), 0.0);
        assertEquals(Scenarios.total(run, A + "write_offs"), Scenarios.total(run, A + "line_write_offs"), 1e-6);
        double gross = Scenarios.total(run, A + "pnl.interest_income") + Scenarios.total(run, A + "pnl.fee_income")
                + Scenarios.total(run, A + "pnl.penalty_income") + Scenarios.total(run, A + "pnl.merchant_fees");
        // the P&L is the lender's own share; without co-lending of lines the two agree to the yuan
        assertEquals(gross, Scenarios.total(run, A + "line_revenue"), 0.02 * gross);
    }

    /** A downturn raises both products' losses and cuts what they earn after losses (same seeds). */
    @Test
    void aDownturnRaisesEachProductsLossRate() {
        RunResult calm = Scenarios.run(Scenarios.shipped("baseline"), 2);
        RunResult down = Scenarios.run(Scenarios.shipped("severe-downturn"), 2);
        for (String p : new String[] {"line", "loan"}) {
            double before = Scenarios.total(calm, A + p + "_write_offs") / Scenarios.total(calm, A + p + "_revenue");
            double after = Scenarios.total(down, A + p + "_write_offs") / Scenarios.total(down, A + p + "_revenue");
            assertTrue(after > 1.3 * before, p + ": write-offs per yuan of revenue " + before + " -> " + after);
            assertTrue(Scenarios.mean(down, A + p + "_risk_adjusted_margin") < Scenarios.mean(calm, A + p + "_risk_adjusted_margin"), p);
        }
    }
}
