package org.creditstress.model.funder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.creditstress.model.engine.LastYear;
import org.creditstress.scenario.FunderSpec;
import org.creditstress.scenario.LenderSpec;
import org.junit.jupiter.api.Test;

/**
 * The funding channel's loss tests look at the last twelve months: a calm economy's yearly losses,
 * however long the run, never add up to a breach or a retrenchment, while a year of heavy losses
 * still does.
 */
class FundingStressTest {

    @Test
    void theCovenantLossRateIsAYearsWriteOffsOverAverageReceivablesAnnualisedWhileTheYearIsShort() {
        LastYear writeOffs = new LastYear();
        LastYear receivables = new LastYear();
        for (int k = 0; k < 3; k++) {
            writeOffs.record(k - 23, 2.0 + k);      // burn-in months count
            receivables.record(k - 23, 900.0 + 20 * k);
        }
        // Three months: (2 + 3 + 4) / mean(900, 920, 940) x 4.
        assertEquals(9.0 / 920.0 * 4.0, FundingStress.annualLossRate(writeOffs, receivables), 1e-12);
        for (int k = 3; k < LastYear.MONTHS; k++) {
            writeOffs.record(k - 23, 2.0 + k);      // 2 .. 13: 90 in all
            receivables.record(k - 23, 900.0 + 20 * k);   // mean 1,010
        }
        assertEquals(90.0 / 1010.0, FundingStress.annualLossRate(writeOffs, receivables), 1e-12);
        // A thirteenth month replaces the first: (90 - 2 + 50) over mean receivables (12,120 - 900 + 1,000) / 12.
        writeOffs.record(-11, 50.0);
        receivables.record(-11, 1000.0);
        assertEquals(138.0 / (12220.0 / 12), FundingStress.annualLossRate(writeOffs, receivables), 1e-12);
        assertEquals(0.0, FundingStress.annualLossRate(writeOffs, new LastYear()));
    }

    @Test
    void aFundersTriggerComparesTheLastTwelveMonthsLossesWithItsCapitalNotAllLossesSinceMonthOne() {
        FunderState funder = new FunderState(0, new FunderSpec("BankX", "bank", 0.1, 0.15, 0.6));
        funder.capital = 1000.0;
        Arrangement line = new Arrangement(funder, new LenderSpec.Funding("BankX", 0, 1.0, 0.02, false,
                new LenderSpec.Covenant(1, 1, -1, 1)));
        line.lineLimit = 500.0;
        FundingBook book = new FundingBook();
        book.add(line);
        FunderStress stress = new FunderStress();
        // Fifty years of calm: 12 a month, 144 a year, under the trigger of 150. All since month 1 passes it in month 13.
        for (int month = 1; month <= 600; month++) {
            funder.bear(12.0);
            funder.closeMonth(month);
            assertEquals(0, stress.apply(List.of(funder), List.of(book)), "month " + month);
            assertEquals(12.0 * Math.min(month, 12), funder.lossesLastYear(), 1e-9, "month " + month);
        }
        assertEquals(7200.0, funder.losses(), 1e-6, "losses() still adds up every month");
        assertFalse(funder.stressed());
        assertEquals(500.0, line.lineLimit);
        // A bad month on top of eleven calm ones: 11 x 12 + 20 = 152 > 150.
        funder.bear(20.0);
        funder.closeMonth(601);
        assertEquals(1, stress.apply(List.of(funder), List.of(book)));
        assertTrue(funder.stressed());
        assertEquals(500.0 * 0.4, line.lineLimit, 1e-9, "every line cut by stress_cut");
    }
}
