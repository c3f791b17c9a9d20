package org.creditstress.model.lender;

import org.creditstress.model.InvariantViolation;
import org.creditstress.model.Market;
import org.creditstress.model.PortfolioScan;
import org.creditstress.model.PortfolioStats;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.Flow;
import org.creditstress.scenario.Lender;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 8b of the month: each lender's books. From the month's {@link Flow}s:
 * <pre>
 *   receivables += purchases + disbursed + charges - repayments - write-offs
 *   provisions   = sum over buckets of balance x loss_rate(bucket)
 *   provision charge = provisions - previous provisions + write-offs
 *   operating cost   = operating_cost_rate / 12 x receivables
 *   funding cost     = (funding rate + funding_spread) / 12 x funding
 *                      (+ a penalty of {@value #EMERGENCY_PENALTY} a year on emergency funding)
 *   collection includes legal costs; recoveries are court enforcement on written-off accounts
 *   plus {@link WriteOffRecoveries}
 *   cash   += repayments + recoveries - purchases + merchant fees - disbursed - collection - operating - funding cost
 *   equity += charges + merchant fees + recoveries - provision charge - collection - operating - funding cost
 *   dividends = equity above target_capital_ratio x net receivables (from month 1), paid out of cash
 * </pre>
 * Funding: the committed line is drawn to bring cash up to {@code cash_buffer_ratio} of net
 * receivables and repaid above it, within {@code funding_limit_ratio} x net receivables (a
 * borrowing base; unlimited in burn-in). Cash still short after the line is covered by emergency
 * funding, and a lender on emergency funding stops lending until it has repaid it.
 *
 * <p>At the end of the last burn-in month the balance sheet is opened: equity and cash are set
 * to their opening ratios of net receivables and funding is the balancing item.
 *
 * <p>Checks, every month: receivables implied by the flows equal the sum over accounts; assets
 * equal liabilities plus equity; open accounts equal accounts opened less written off.
 */
public final class LenderAccounting implements Steppable {
    private static final long serialVersionUID = 1L;
    /** Annual penalty over the funding cost on emergency funding (an assumption). */
    public static final double EMERGENCY_PENALTY = 0.10;
    /** Relative tolerance of the accounting identities: double rounding over millions of accounts. */
    static final double TOLERANCE = 1e-9;

    private final transient Market market;
    private final transient PortfolioScan scan;
    private final transient CreditSupplyTightening tightening;
    private final long[] openAccounts;
    private final double[] lastWriteOffs;
    private final double[] lastCharges;
    private final double[] lastOperatingCost;
    private final double[] lastFundingCost;
    private final double[] lastProvisionCharge;
    private final double[] lastDividends;
    private final double[] lastRecoveries;
    private final transient WriteOffRecoveries recoveriesAfterWriteOff;

    public LenderAccounting(Market market, PortfolioScan scan) {
        this.market = market;
        this.scan = scan;
        int n = market.lenders.size();
        tightening = new CreditSupplyTightening(n);
        openAccounts = new long[n];
        lastWriteOffs = new double[n];
        lastCharges = new double[n];
        lastOperatingCost = new double[n];
        lastFundingCost = new double[n];
        lastProvisionCharge = new double[n];
        lastDividends = new double[n];
        lastRecoveries = new double[n];
        recoveriesAfterWriteOff = new WriteOffRecoveries(n);
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
        for (LenderState lender : market.lenders) {
            account(lender, stats, month);
            if (month == 0) {
                open(lender);
            }
            if (lender.spec.tightening().enabled()) {
                tightening.decide(lender, month);
            }
        }
    }

    private void account(LenderState lender, PortfolioStats stats, int month) {
        int l = lender.index;
        Lender spec = lender.spec;
        var ledger = market.ledger;
        double purchases = ledger.total(Flow.PURCHASES, l);
        double merchantFees = ledger.total(Flow.MERCHANT_FEES, l);
        double disbursed = ledger.total(Flow.DISBURSED, l);
        double charges = ledger.total(Flow.CHARGES, l);
        double repayments = ledger.total(Flow.REPAYMENTS, l);
        double writeOffs = ledger.total(Flow.WRITE_OFFS, l);
        double collection = ledger.total(Flow.COLLECTION_COST, l) + ledger.total(Flow.LEGAL_COST, l);
        double recoveries = ledger.total(Flow.COURT_RECOVERIES, l) + (month >= 1 ? recoveriesAfterWriteOff.recover(lender, writeOffs) : 0.0);

        lender.ledgerReceivables += purchases + disbursed + charges - repayments - writeOffs;
        double scanned = stats.receivables[l];
        if (Math.abs(lender.ledgerReceivables - scanned) > TOLERANCE * Math.max(1.0, scanned + purchases + repayments)) {
            throw new InvariantViolation(month, "lender " + spec.name(),
                    "receivables from the month's flows (" + lender.ledgerReceivables + ") differ from the sum over accounts (" + scanned + ")");
        }
        openAccounts[l] += ledger.total(Counter.ACCOUNTS_OPENED, l) - ledger.total(Counter.ACCOUNTS_WRITTEN_OFF, l);
        if (openAccounts[l] != stats.openAccounts[l]) {
            throw new InvariantViolation(month, "lender " + spec.name(),
                    "open accounts by event count (" + openAccounts[l] + ") differ from accounts open in the table (" + stats.openAccounts[l] + ")");
        }

        double provisions = 0;
        for (int bucket = 0; bucket < 5; bucket++) {
            provisions += stats.bucketBalance[l][bucket] * spec.provisioning().lossRates().get(bucket);
        }
        double provisionCharge = provisions - lender.provisions + writeOffs;
        double operating = spec.balanceSheet().operatingCostRate() / 12.0 * scanned;
        double fundingRate = market.macro.fundingRateAnnual() + spec.balanceSheet().fundingSpread();
        double fundingCost = fundingRate / 12.0 * lender.funding
                + (fundingRate + EMERGENCY_PENALTY) / 12.0 * lender.emergencyFunding;

        lender.cash += repayments + recoveries - purchases + merchantFees - disbursed - collection - operating - fundingCost;
        lender.equity += charges + merchantFees + recoveries - provisionCharge - collection - operating - fundingCost;
        lender.provisions = provisions;
        double dividends = month >= 1 ? Math.max(0.0, lender.equity - spec.balanceSheet().targetCapitalRatio() * (scanned - provisions)) : 0.0;
        lender.cash -= dividends;
        lender.equity -= dividends;
        manageFunding(lender, scanned - provisions, month);

        double gap = lender.assets() - lender.liabilities() - lender.equity;
        if (Math.abs(gap) > TOLERANCE * Math.max(1.0, lender.assets() + purchases + repayments)) {
            throw new InvariantViolation(month, "lender " + spec.name(),
                    "assets (" + lender.assets() + ") differ from liabilities plus equity (" + (lender.liabilities() + lender.equity) + ")");
        }
        lastWriteOffs[l] = writeOffs;
        lastCharges[l] = charges;
        lastOperatingCost[l] = operating;
        lastFundingCost[l] = fundingCost;
        lastProvisionCharge[l] = provisionCharge;
        lastDividends[l] = dividends;
        lastRecoveries[l] = recoveries;
    }

    private void manageFunding(LenderState lender, double netReceivables, int month) {
        var bs = lender.spec.balanceSheet();
        double target = bs.cashBufferRatio() * Math.max(0.0, netReceivables);
        if (lender.cash > target) {
            double excess = lender.cash - target;
            double toEmergency = Math.min(excess, lender.emergencyFunding);
            lender.emergencyFunding -= toEmergency;
            excess -= toEmergency;
            double toLine = Math.min(excess, lender.funding);
            lender.funding -= toLine;
            lender.cash -= toEmergency + toLine;
        } else {
            double limit = month <= 0 ? Double.POSITIVE_INFINITY : bs.fundingLimitRatio() * Math.max(0.0, netReceivables);
            double draw = Math.min(target - lender.cash, Math.max(0.0, limit - lender.funding));
            lender.funding += draw;
            lender.cash += draw;
            if (lender.cash < 0) {
                lender.emergencyFunding -= lender.cash;
                lender.cash = 0;
            }
        }
        lender.lending = lender.emergencyFunding <= 0;
        lender.lastNetReceivables = netReceivables;
    }

    private void open(LenderState lender) {
        var bs = lender.spec.balanceSheet();
        double net = lender.ledgerReceivables - lender.provisions;
        lender.equity = bs.openingCapitalRatio() * net;
        lender.cash = bs.openingCashRatio() * net;
        lender.emergencyFunding = 0;
        lender.funding = lender.cash + net - lender.equity;
        lender.lending = true;
    }

    public double writeOffs(int lender) {
        return lastWriteOffs[lender];
    }

    public double charges(int lender) {
        return lastCharges[lender];
    }

    public double operatingCost(int lender) {
        return lastOperatingCost[lender];
    }

    public double fundingCost(int lender) {
        return lastFundingCost[lender];
    }

    /** Recoveries on written-off balances this month (courts and collection after write-off). */
    public double recoveries(int lender) {
        return lastRecoveries[lender];
    }

    public double dividends(int lender) {
        return lastDividends[lender];
    }

    public double provisionCharge(int lender) {
        return lastProvisionCharge[lender];
    }
}
