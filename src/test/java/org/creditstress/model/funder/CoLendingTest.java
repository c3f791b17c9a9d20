package org.creditstress.model.funder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.creditstress.scenario.FunderSpec;
import org.creditstress.scenario.LenderSpec;
import org.junit.jupiter.api.Test;

/** Co-lending shares of loans and losses add up to the whole. */
class CoLendingTest {

    private static Arrangement arrangement(String name, double share) {
        FunderState f = new FunderState(0, new FunderSpec(name, "bank", 0.1, 0.5, 0.5));
        return new Arrangement(f, new LenderSpec.Funding(name, share, 0, 0, false, new LenderSpec.Covenant(1, 1, -1, 1)));
    }

    @Test
    void fundersAndLenderShareNewLendingAndEveryFlowAndLossExactly() {
        FundingBook book = new FundingBook();
        Arrangement a = arrangement("A", 0.3);
        Arrangement b = arrangement("B", 0.2);
        book.add(a);
        book.add(b);
        // Month 1 from nothing: only new lending.
        CoLending.OwnShare own = CoLending.split(book, 0, 1000, 0, 0, 0, 0);
        assertEquals(300, a.claim, 1e-9);
        assertEquals(200, b.claim, 1e-9);
        assertEquals(500, own.newLending(), 1e-9);
        // Month 2: R = 1000 at the start; claims are 30 % and 20 % of it.
        own = CoLending.split(book, 1000, 100, 50, 400, 80, 10);
        assertEquals(300 + 30 + 0.3 * (50 - 400 - 80), a.claim, 1e-9);
        assertEquals(200 + 20 + 0.2 * (50 - 400 - 80), b.claim, 1e-9);
        assertEquals(0.3 * (80 - 10), a.funder.losses(), 1e-9, "A bears 30 % of the write-offs less recoveries");
        assertEquals(0.2 * (80 - 10), b.funder.losses(), 1e-9);
        assertEquals(0.5 * 80, own.writeOffs(), 1e-9);
        assertEquals(0.5 * 400, own.repayments(), 1e-9);
        assertEquals(50, own.newLending(), 1e-9);
        // Shares of receivables add up: R' = 1000 + 100 + 50 - 400 - 80 = 670.
        double ownReceivables = 670 - a.claim - b.claim;
        assertEquals(0.5 * 1000 + own.newLending() + own.charges() - own.repayments() - own.writeOffs(), ownReceivables, 1e-9);
        double losses = a.funder.losses() + b.funder.losses() + own.writeOffs() - own.recoveries();
        assertEquals(80 - 10, losses, 1e-9, "funders' and lender's losses add up to the losses");
    }

    @Test
    void repaymentsAboveWhatWasOwedAtTheStartEndTheClaimAtZeroAndTheSharesStillAddUp() {
        FundingBook book = new FundingBook();
        Arrangement a = arrangement("A", 0.0);
        book.add(a);
        a.claim = 50;
        // R = 100 at the start; 300 lent and 390 repaid within the month (a small book repaid early).
        CoLending.OwnShare own = CoLending.split(book, 100, 300, 0, 390, 0, 0);
        assertEquals(0.0, a.claim, 1e-12, "the claim ends at zero, not below");
        double receivablesAfter = 100 + 300 - 390;
        assertEquals(receivablesAfter - a.claim, 50 + own.newLending() + own.charges() - own.repayments() - own.writeOffs(), 1e-9,
                "the lender's own receivables follow its own flows");
    }

    @Test
    void aBreachedCovenantCutsTheLineAndStopsCoLending() {
        FundingBook book = new FundingBook();
        FunderState f = new FunderState(0, new FunderSpec("F", "bank", 0.1, 0.5, 0.5));
        Arrangement a = new Arrangement(f, new LenderSpec.Funding("F", 0.3, 1, 0, false, new LenderSpec.Covenant(0.02, 1, -1, 0.5)));
        a.lineLimit = 1000;
        a.drawn = 900;
        book.add(a);
        CovenantTests tests = new CovenantTests();
        assertEquals(0, tests.test(book, 0.019, 0, 0.1));
        assertEquals(1, tests.test(book, 0.021, 0, 0.1));
        assertEquals(500, a.lineLimit, 1e-9);
        assertEquals(0, book.coLendingShare(), 0.0);
        assertEquals(400, book.dueAboveLimits(), 1e-9, "what is drawn above the cut limit falls due");
        assertEquals(0, tests.test(book, 0.5, 0, 0.1), "a breached covenant is not breached twice");
    }

    @Test
    void aStressedFunderCutsEveryLenderItFunds() {
        FunderState f = new FunderState(0, new FunderSpec("F", "bank", 0.1, 0.2, 0.6));
        f.capital = 100;
        FundingBook one = new FundingBook();
        FundingBook two = new FundingBook();
        Arrangement a = new Arrangement(f, new LenderSpec.Funding("F", 0, 1, 0, false, new LenderSpec.Covenant(1, 1, -1, 1)));
        Arrangement b = new Arrangement(f, new LenderSpec.Funding("F", 0, 1, 0, false, new LenderSpec.Covenant(1, 1, -1, 1)));
        a.lineLimit = 1000;
        b.lineLimit = 500;
        one.add(a);
        two.add(b);
        FunderStress stress = new FunderStress();
        f.bear(20);
        f.closeMonth(1);
        assertEquals(0, stress.apply(List.of(f), List.of(one, two)), "losses at the trigger: not yet stressed");
        f.bear(1);
        f.closeMonth(2);
        assertEquals(1, stress.apply(List.of(f), List.of(one, two)));
        assertEquals(400, a.lineLimit, 1e-9);
        assertEquals(200, b.lineLimit, 1e-9, "the other lender's line is cut too");
    }
}
