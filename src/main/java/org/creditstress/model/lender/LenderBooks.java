package org.creditstress.model.lender;

import java.util.List;
import org.creditstress.model.InvariantViolation;
import org.creditstress.model.Market;
import org.creditstress.model.PortfolioScan;
import org.creditstress.model.PortfolioStats;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.funder.CoLending;
import org.creditstress.model.funder.FundingBook;
import org.creditstress.model.funder.FundingNetwork;
import org.creditstress.model.policy.PolicyState;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.PathSpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.LENDER_BOOKS}: each lender's books for the month, from the ledger's flows and
 * the portfolio scan.
 * <ol>
 *   <li>Receivables: {@code R += purchases + disbursed + charges - repayments - write-offs}, checked
 *       against the sum over accounts.</li>
 *   <li>Co-lending ({@link CoLending}): funders take their shares of new lending, charges,
 *       repayments, write-offs and recoveries; the lender keeps the rest ("own").</li>
 *   <li>Own books: provisions = own share of the IFRS 9 ECL ({@link ExpectedCreditLoss}) or of
 *       (balance x loss rate of the bucket), as {@code provisioning.method} says; provision charge =
 *       provisions - last month's + own write-offs; operating cost {@code operating_cost_rate / 12 x R}
 *       (the lender services all receivables); funding cost of the lines, other funding and
 *       emergency funding (plus {@value LenderFunding#EMERGENCY_PENALTY} a year);
 *       {@code cash += own repayments + own recoveries + merchant fees - own new lending - costs};
 *       {@code equity += own charges - penalty put in suspense + suspense released + merchant fees
 *       + own recoveries - provision charge - costs}; dividends above {@code target_capital_ratio}
 *       of the year's peak own net receivables (from month 1, {@link DividendPolicy}). The lines are kept in the lender's {@link ProfitAndLoss}. Penalty interest
 *       on accounts over 90 DPD is held in suspense (a contra-asset capped at the own M4+ balance)
 *       instead of income; what leaves the cap (paid, cured, written off) is released.</li>
 *   <li>Risk-weighted assets ({@link CapitalAdequacy}) from the same exposures.</li>
 *   <li>Open accounts by event count equal accounts open in the table.</li>
 * </ol>
 * During burn-in the funding is managed right after the books ({@link LenderFunding}); the month's
 * new credit is handed to the macro state (for the macro-feedback channel).
 */
public final class LenderBooks implements Steppable {
    private static final long serialVersionUID = 1L;
    /** Relative tolerance of the accounting identities: double rounding over millions of accounts. */
    static final double TOLERANCE = 1e-9;

    /** Per lender, the sum of the absolute flows added to its ledger receivables so far. */
    private double[] flowVolume = new double[0];
    private final Market market;
    private final PortfolioScan scan;
    private final LenderFunding funding;
    private final FundingNetwork network;
    private final PolicyState policy;
    private final WriteOffRecoveries recoveriesAfterWriteOff;
    private final long[] openAccounts;
    private final double[] lastRecoveries;
    private final ExpectedCreditLoss[] ecl;
    private final CapitalAdequacy[] capital;
    private final DividendPolicy dividendPolicy;

    /**
     * @param unemployment the scenario's unemployment path: the lenders' macro forecast for forward-looking ECL
     */
    public LenderBooks(Market market, PortfolioScan scan, LenderFunding funding, PathSpec unemployment) {
        this.market = market;
        this.scan = scan;
        this.funding = funding;
        this.network = market.funding;
        this.policy = market.policy;
        int n = market.lenders.size();
        openAccounts = new long[n];
        lastRecoveries = new double[n];
        recoveriesAfterWriteOff = new WriteOffRecoveries(n);
        ecl = new ExpectedCreditLoss[n];
        capital = new CapitalAdequacy[n];
        dividendPolicy = new DividendPolicy(n);
        for (LenderState lender : market.lenders) {
            ecl[lender.index] = new ExpectedCreditLoss(lender.spec.provisioning(), unemployment);
            capital[lender.index] = new CapitalAdequacy(lender.spec.capital());
        }
    }

    /** The lender's IFRS 9 ECL model, as fitted this month. */
    public ExpectedCreditLoss ecl(int lender) {
        return ecl[lender];
    }

    /** The lender's capital adequacy settings. */
    public CapitalAdequacy capital(int lender) {
        return capital[lender];
    }

    /** Takes the accounts opened when the population was built (called once, before the first month). */
    public void countOpenAccounts() {
        for (LenderState lender : market.lenders) {
            openAccounts[lender.index] = market.ledger.total(Counter.ACCOUNTS_OPENED, lender.index);
        }
    }

    @Override
    public void step(SimState state) {
        PortfolioStats stats = scan.stats();
        int month = market.month();
        List<LenderState> lenders = market.lenders;
        double newCredit = 0;
        for (LenderState lender : lenders) {
            account(lender, stats, month);
            newCredit += market.ledger.total(Flow.PURCHASES, lender.index) + market.ledger.total(Flow.DISBURSED, lender.index);
        }
        market.macro.recordNewCredit(newCredit);
    }

    private void account(LenderState lender, PortfolioStats stats, int month) {
        int l = lender.index;
        LenderSpec spec = lender.spec;
        var ledger = market.ledger;
        double purchases = ledger.total(Flow.PURCHASES, l);
        double merchantFees = ledger.total(Flow.MERCHANT_FEES, l);
        double disbursed = ledger.total(Flow.DISBURSED, l);
        double charges = ledger.total(Flow.CHARGES, l);
        double repayments = ledger.total(Flow.REPAYMENTS, l);
        double writeOffs = ledger.total(Flow.WRITE_OFFS, l);
        double collection = ledger.total(Flow.COLLECTION_COST, l) + ledger.total(Flow.LEGAL_COST, l);
        double recoveries = ledger.total(Flow.COURT_RECOVERIES, l)
                + (month >= 1 ? recoveriesAfterWriteOff.recover(lender, writeOffs) : 0.0);

        double before = lender.ledgerReceivables;
        lender.ledgerReceivables += purchases + disbursed + charges - repayments - writeOffs;
        // The running sum accumulates rounding error from every flow since the start, so the
        // tolerance is relative to all the flows it has summed, not to this month's.
        if (flowVolume.length <= l) {
            flowVolume = java.util.Arrays.copyOf(flowVolume, l + 1);
        }
        flowVolume[l] += Math.abs(purchases) + Math.abs(disbursed) + Math.abs(charges) + Math.abs(repayments) + Math.abs(writeOffs);
        double scanned = stats.receivables[l];
        if (Math.abs(lender.ledgerReceivables - scanned) > TOLERANCE * Math.max(1.0, scanned + flowVolume[l])) {
            throw new InvariantViolation(month, "lender " + spec.name(),
                    "receivables from the month's flows (" + lender.ledgerReceivables + ") differ from the sum over accounts (" + scanned + ")");
        }
        FundingBook book = network.book(l);
        CoLending.OwnShare own = CoLending.split(book, before, purchases + disbursed, charges, repayments, writeOffs, recoveries,
                policy.minOwnFundingShare());
        lender.funderClaims = book.claims();

        double ownFraction = scanned > 0 ? lender.ownReceivables() / scanned : 1.0;
        ExpectedCreditLoss expected = ecl[l];
        double legal = ledger.total(Flow.LEGAL_COST, l);
        expected.observe(stats.lenderRoll[l], writeOffs, recoveries, legal);
        expected.fit(month);
        lender.stage2FromBucket = expected.stage2FromBucket(spec.provisioning().sicrPdMultiple());
        expected.measure(stats.stageBucketBalance[l], stats.stageBucketUndrawn[l], 1.0);
        double provisions = 0;
        if (spec.provisioning().ecl()) {
            provisions = ownFraction * expected.total();
        } else {
            for (int bucket = 0; bucket < 5; bucket++) {
                provisions += stats.bucketBalance[l][bucket] * spec.provisioning().lossRates().get(bucket);
            }
            provisions *= ownFraction;
        }
        double provisionCharge = provisions - lender.provisions + own.writeOffs();
        double operating = spec.balanceSheet().operatingCostRate() / 12.0 * scanned;
        double base = market.macro.fundingRateAnnual();
        double fundingRate = base + spec.balanceSheet().fundingSpread();
        double fundingCost = fundingRate / 12.0 * lender.funding + (fundingRate + LenderFunding.EMERGENCY_PENALTY) / 12.0 * lender.emergencyFunding
                + book.monthlyLineCost(base);

        // Charges by kind, own share; the penalty is the remainder so that the three add up to the own charges exactly.
        double chargeShare = charges > 0 ? own.charges() / charges : 0.0;
        double interest = chargeShare * ledger.total(Flow.INTEREST, l);
        double fees = chargeShare * ledger.total(Flow.FEES, l);
        double penalty = own.charges() - interest - fees;
        // Penalty on accounts over 90 DPD goes to suspense. It leaves suspense (released) at the rate M4+ accounts
        // leave M4+ (paid off, cured or written off: collected, or netted against the write-off), and never exceeds
        // the own M4+ balance it sits in.
        double suspended = chargeShare * ledger.total(Flow.PENALTY_SUSPENDED, l);
        long[] fromM4 = stats.lenderRoll[l][4];
        long inM4 = fromM4[0] + fromM4[1] + fromM4[2] + fromM4[3] + fromM4[4] + fromM4[5] + fromM4[6];
        double leaving = inM4 > 0 ? (double) (inM4 - fromM4[4]) / inM4 : 1.0;
        double suspense = Math.min(lender.suspense * (1.0 - leaving) + suspended, ownFraction * stats.bucketBalance[l][4]);
        double released = lender.suspense + suspended - suspense;
        lender.suspense = suspense;

        ProfitAndLoss pnl = lender.pnl;
        pnl.open(lender.equity);
        pnl.interest = interest;
        pnl.fees = fees;
        pnl.penalty = penalty - suspended;
        pnl.suspenseReleased = released;
        pnl.merchantFees = merchantFees;
        pnl.recoveries = own.recoveries();
        pnl.fundingCost = fundingCost;
        pnl.operatingCost = operating;
        pnl.collectionCost = collection - legal;
        pnl.legalCost = legal;
        pnl.provisionCharge = provisionCharge;

        lender.outflows = own.newLending() + collection + operating + fundingCost;
        lender.inflows = own.repayments() + own.recoveries() + merchantFees;
        lender.cash += lender.inflows - lender.outflows;
        lender.equity += own.charges() - suspended + released + merchantFees + own.recoveries() - provisionCharge - collection - operating - fundingCost;
        lender.provisions = provisions;
        double dividends = dividendPolicy.due(lender, lender.ownReceivables() - provisions, month);
        dividends = Math.min(dividends, Math.max(0.0, lender.cash));
        lender.cash -= dividends;
        lender.equity -= dividends;
        pnl.dividends = dividends;
        lender.riskWeightedAssets = capital[l].riskWeightedAssets(stats.stageBucketBalance[l], stats.stageBucketUndrawn[l],
                ownFraction, expected);
        lastRecoveries[l] = recoveries;
        openAccounts[l] += ledger.total(Counter.ACCOUNTS_OPENED, l) - ledger.total(Counter.ACCOUNTS_WRITTEN_OFF, l)
                - ledger.total(Counter.ACCOUNTS_CLOSED, l);
        if (openAccounts[l] != stats.openAccounts[l]) {
            throw new InvariantViolation(month, "lender " + spec.name(),
                    "open accounts by event count (opened less written off and closed: " + openAccounts[l] + ") differ from accounts open in the table (" + stats.openAccounts[l] + ")");
        }
        if (month <= 0) {
            funding.manage(lender, stats, month);
        }
    }

    /** Recoveries on written-off balances this month (courts and collection after write-off). */
    public double recoveries(int lender) {
        return lastRecoveries[lender];
    }
}
