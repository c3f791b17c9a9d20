package org.creditstress.model.funder;

import org.creditstress.scenario.LenderSpec;

/**
 * Covenants: each month, for each arrangement, the lender's M3+ ratio, cumulative loss rate and
 * capital ratio are tested against the funder's triggers; the first breach cuts the line limit by
 * {@code covenant.cut} (1 closes it) and stops the funder's co-lending. Part of the funding
 * contagion channel: only built when {@code contagion.funding} is on.
 */
public final class CovenantTests implements java.io.Serializable {

    /** Whether these numbers breach covenant {@code c} (a NaN capital ratio breaches nothing). */
    public static boolean breaches(LenderSpec.Covenant c, double m3plusRatio, double lossRateCumulative, double capitalRatio) {
        return m3plusRatio > c.maxM3plus() || lossRateCumulative > c.maxLossRate()
                || (!Double.isNaN(capitalRatio) && capitalRatio < c.minCapitalRatio());
    }

    /** @return the number of arrangements newly breached */
    public int test(FundingBook book, double m3plusRatio, double lossRateCumulative, double capitalRatio) {
        int breaches = 0;
        for (Arrangement a : book.arrangements()) {
            if (a.breached) {
                continue;
            }
            if (breaches(a.spec.covenant(), m3plusRatio, lossRateCumulative, capitalRatio)) {
                a.breached = true;
                a.lineLimit *= 1.0 - a.spec.covenant().cut();
                a.coLendingShare = 0.0;
                breaches++;
            }
        }
        return breaches;
    }
}
