package org.creditstress.model.bureau;

import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.scenario.BureauSpec;
import org.creditstress.scenario.LenderSpec;

/**
 * The credit bureau: what a lender can see of a borrower's accounts at other lenders.
 *
 * <p>A lender that reports ({@code bureau_reporting.enabled}) reports an account once it is
 * {@code threshold_months} past due; others see it {@code lag_months} later, that is while the
 * account is at least {@code threshold + lag} months past due (a cure clears the record), and
 * once it is written off, for {@code record_months} after the write-off. Coverage: lender {@code l} can see borrower {@code i}'s record at
 * all only for a fixed share {@code bureau.coverage} of borrower-lender pairs, chosen by a hash of
 * (replication seed, borrower, lender). Without bureau sharing (the common-borrowers channel
 * off), lenders see nothing, mandate or not.
 */
public final class CreditBureau implements java.io.Serializable {
    private final Market market;
    private final long seed;
    private final double coverage;
    private final boolean sharing;
    private final boolean[] reports;
    private final int[] visibleFrom;
    private final int recordMonths;

    /** @param sharing whether lenders see each other's records at all (the common-borrowers channel) */
    public CreditBureau(Market market, BureauSpec spec, boolean sharing, long replicationSeed) {
        this.market = market;
        this.seed = SeedPlan.purposeSeed(replicationSeed, org.creditstress.model.engine.RandomStream.BUREAU_COVERAGE);
        this.sharing = sharing;
        this.coverage = sharing ? spec.coverage() : 0.0;
        this.recordMonths = spec.recordMonths();
        int n = market.lenders.size();
        reports = new boolean[n];
        visibleFrom = new int[n];
        for (int l = 0; l < n; l++) {
            LenderSpec.BureauReporting r = market.lenders.get(l).spec.bureauReporting();
            reports[l] = r.enabled();
            visibleFrom[l] = r.thresholdMonths() + r.lagMonths();
        }
    }

    /** Whether lender {@code lender} can see borrower {@code borrower}'s bureau record. */
    public boolean sees(int borrower, int lender) {
        double coverage = coverage();
        if (coverage >= 1.0) {
            return true;
        }
        if (coverage <= 0.0) {
            return false;
        }
        if (coverage == seenByCoverage) {
            return (seenBy[borrower] & (1 << lender)) != 0;
        }
        return covered(borrower, lender, coverage);
    }

    /** The coverage hash: whether pair (borrower, lender) is among the share {@code coverage} that the bureau covers. */
    private boolean covered(int borrower, int lender, double coverage) {
        long h = SeedPlan.mix64(seed + 0x9E3779B97F4A7C15L * borrower + 0xC2B2AE3D27D4EB4FL * (lender + 1L));
        return (h >>> 11) * 0x1.0p-53 < coverage;
    }

    /**
     * {@link #sees} of every borrower, as a bit per lender, for coverage {@link #seenByCoverage}
     * (NaN: none): the hash of each pair once per coverage, not once a look-up. Kept by
     * {@link #prepareMonth} on one thread before the chunks read it; rebuilt after a copy.
     */
    private transient byte[] seenBy;
    private transient double seenByCoverage = Double.NaN;

    /**
     * Before a month's chunks look lenders up (on one thread): the table of {@link #sees} for this
     * month's coverage, rebuilt when it changed (a bureau-sharing mandate). Lenders beyond eight
     * and full or no coverage keep to the hash.
     */
    public void prepareMonth() {
        double coverage = coverage();
        if (coverage == seenByCoverage || coverage >= 1.0 || coverage <= 0.0 || reports.length > Byte.SIZE) {
            return;
        }
        int n = market.borrowers.size;
        if (seenBy == null) {
            seenBy = new byte[n];
        }
        for (int i = 0; i < n; i++) {
            int mask = 0;
            for (int l = 0; l < reports.length; l++) {
                if (covered(i, l, coverage)) {
                    mask |= 1 << l;
                }
            }
            seenBy[i] = (byte) mask;
        }
        seenByCoverage = coverage;
    }

    /** Coverage now: a bureau-sharing mandate overrides the scenario's (but not a channel switched off). */
    private double coverage() {
        double mandate = market.policy.bureauCoverage();
        return Double.isNaN(mandate) || !sharing ? coverage : mandate;
    }

    /** Whether the lender reports now (everyone does under a bureau-sharing mandate). */
    private boolean reportsNow(int lender) {
        return reports[lender] || !Double.isNaN(market.policy.bureauCoverage());
    }

    /**
     * Lenders at which the borrower has a delinquency visible at the bureau now, as a bit mask over
     * lenders (one pass over its accounts; lenders test their own bit away).
     */
    public long visibleDelinquencies(int borrower) {
        AccountTable acc = market.accounts;
        BorrowerTable b = market.borrowers;
        long mask = 0;
        boolean mandate = !Double.isNaN(market.policy.bureauCoverage());
        int a0 = b.firstAccount[borrower];
        for (int m = acc.usedSlots(borrower); m != 0; m &= m - 1) {
            int a = a0 + Integer.numberOfTrailingZeros(m);
            int l = acc.lender[a];
            if (!(reports[l] || mandate)) {
                continue;
            }
            if (onRecord(acc, a) || (acc.status[a] == AccountTable.OPEN && acc.monthsPastDue[a] >= visibleFrom[l])) {
                mask |= 1L << l;
            }
        }
        return mask;
    }

    /** Whether a reported delinquency of the borrower at a lender other than {@code lender} is visible now. */
    public boolean delinquentElsewhere(int borrower, int lender) {
        AccountTable acc = market.accounts;
        BorrowerTable b = market.borrowers;
        int a0 = b.firstAccount[borrower];
        for (int m = acc.usedSlots(borrower); m != 0; m &= m - 1) {
            int a = a0 + Integer.numberOfTrailingZeros(m);
            int other = acc.lender[a];
            if (other == lender || !reportsNow(other)) {
                continue;
            }
            if (onRecord(acc, a) || (acc.status[a] == AccountTable.OPEN && acc.monthsPastDue[a] >= visibleFrom[other])) {
                return true;
            }
        }
        return false;
    }

    /** Whether account {@code a} is written off and still within the record window. */
    public boolean onRecord(AccountTable acc, int a) {
        return acc.status[a] == AccountTable.WRITTEN_OFF && acc.goodMonths[a] < recordMonths;
    }

    /** Whether lender {@code lender} sees a delinquency of the borrower at another lender. */
    public boolean seesDelinquencyElsewhere(int borrower, int lender) {
        return sees(borrower, lender) && delinquentElsewhere(borrower, lender);
    }

    /** Whether the account is reported as delinquent (its lender reports and it is past the threshold). */
    public boolean reported(int a) {
        AccountTable acc = market.accounts;
        int l = acc.lender[a];
        return reportsNow(l) && acc.status[a] == AccountTable.OPEN
                && acc.monthsPastDue[a] >= market.lenders.get(l).spec.bureauReporting().thresholdMonths();
    }

    /** Whether the lender reports to the bureau. */
    public boolean reports(int lender) {
        return reportsNow(lender);
    }
}
