package org.creditstress.model.funder;

import org.creditstress.scenario.LenderSpec;

/**
 * Covenants: each month, for each arrangement, the lender's M3+ ratio, cumulative loss rate and
 * capital ratio are tested against the funder's triggers; the first breach cuts the line limit by
 * {@code covenant.cut} (1 closes it) and stops the funder's co-lending. Part of the funding
 * contagion channel: only built when {@code contagion.funding} is on.
 */
public final class CovenantTests {

    /** @return the number of arrangements newly breached */
    public int test(FundingBook book, double m3plusRatio, double lossRateCumulative, double capitalRatio) {
        int breaches = 0;
        for (Arrangement a : book.arrangements()) {
            if (a.breached) {
                continue;
            }
            LenderSpec.Covenant c = a.spec.covenant();
            boolean breach = m3plusRatio > c.maxM3plus() || lossRateCumulative > c.maxLossRate()
                    || (!Double.isNaN(capitalRatio) && capitalRatio < c.minCapitalRatio());
            if (breach) {
                a.breached = true;
                a.lineLimit *= 1.0 - c.cut();
                a.coLendingShare = 0.0;
                breaches++;
            }
        }
        return breaches;
    }
}
