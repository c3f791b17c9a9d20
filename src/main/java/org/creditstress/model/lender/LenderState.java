package org.creditstress.model.lender;

import org.creditstress.scenario.LenderSpec;

/**
 * One lender's balance sheet and policy state, in yuan. Assets are cash and receivables less
 * provisions; liabilities are funding; equity is the rest. Updated once a month by
 * {@link LenderBooks} and {@link LenderFunding}; read (never written) by borrower mechanisms during the month.
 */
public final class LenderState implements java.io.Serializable {
    public final int index;
    public final LenderSpec spec;
    /** The lender's score cut-off: applicants with an observed score above it are declined. */
    public final double scoreCutoff;

    double cash;
    double funding;
    double emergencyFunding;
    /** Obligations a failed lender could not pay (a liability). */
    double unpaid;
    /** Lines drawn from funders (mirrors the lender's funding book, for the balance sheet). */
    double linesDrawn;
    /** Funders' claims on the receivables (co-lent and sold). */
    double funderClaims;
    boolean stopOriginating;
    boolean failed;
    int failureMonth = Integer.MIN_VALUE;
    /** Why the lender failed: none yet, out of cash, or resolved for lack of capital. */
    FailureCause failureCause = FailureCause.NONE;
    /** This month's cash flows of the lender's own share, yuan. */
    double outflows;
    double inflows;
    double receivablesSold;
    double saleLosses;
    int covenantBreaches;
    double openingEquity;
    double equity;
    double provisions;
    /** Penalty interest charged on accounts over 90 DPD and not yet recognised (a contra-asset, own share). */
    double suspense;
    /** Risk-weighted assets at the end of the month (own share). */
    double riskWeightedAssets;
    /** This month's profit and loss. */
    public final ProfitAndLoss pnl = new ProfitAndLoss();
    /** Receivables implied by the ledger (opening plus flows), checked against the account scan. */
    double ledgerReceivables;
    /** Own net receivables when the books opened, yuan (emergency funding capacity is a share of it). */
    double openingNet;
    double lastNetReceivables;
    /** Product of all limit cuts so far; new limits are scaled by it. */
    double limitFactor = 1.0;
    /** Share of limits to cut at this month's underwriting (set by the tightening policy). */
    double pendingLimitCut;
    boolean lending = true;
    /** Rise of the ABS discount over its base this month (set by the funding channel; 0 without it). */
    double absDiscountRise;
    /**
     * The lowest bucket in IFRS 9 stage 2 on the lender's behaviour model as last fitted (2: the 30
     * DPD backstop alone); read by the portfolio scan, set by {@link LenderBooks}.
     */
    int stage2FromBucket = 2;
    /** The numbers this month's covenant test used (set by the funding channel). */
    private double covenantM3plus;
    private double covenantLossRate;
    private boolean covenantTested;

    public LenderState(int index, LenderSpec spec, double scoreCutoff) {
        this.index = index;
        this.spec = spec;
        this.scoreCutoff = scoreCutoff;
    }

    /** The lowest bucket in IFRS 9 stage 2 (1 when the lender's behaviour model finds M1 a significant increase in credit risk). */
    public int stage2FromBucket() {
        return stage2FromBucket;
    }

    public double cash() {
        return cash;
    }

    public double funding() {
        return funding;
    }

    public double emergencyFunding() {
        return emergencyFunding;
    }

    public double equity() {
        return equity;
    }

    public double provisions() {
        return provisions;
    }

    public double ledgerReceivables() {
        return ledgerReceivables;
    }

    public double limitFactor() {
        return limitFactor;
    }

    public double pendingLimitCut() {
        return pendingLimitCut;
    }

    /** Whether the lender opens accounts and funds purchases and loans this month. */
    public boolean lending() {
        return lending;
    }

    /** The lender's own receivables: all receivables less funders' claims. */
    public double ownReceivables() {
        return ledgerReceivables - funderClaims;
    }

    /** Equity over own net receivables; NaN when there are none, or once the lender has failed. */
    public double capitalRatio() {
        double net = ownReceivables() - provisions;
        return net > 0 && !failed ? equity / net : Double.NaN;
    }

    /** Cash and own receivables less provisions and penalty interest in suspense. */
    public double assets() {
        return cash + ownReceivables() - provisions - suspense;
    }

    public double suspense() {
        return suspense;
    }

    public double riskWeightedAssets() {
        return riskWeightedAssets;
    }

    /** Capital adequacy ratio: equity over risk-weighted assets; NaN with none, or once the lender has failed. */
    public double capitalAdequacyRatio() {
        return failed ? Double.NaN : CapitalAdequacy.ratio(equity, riskWeightedAssets);
    }

    public double liabilities() {
        return funding + emergencyFunding + linesDrawn + unpaid;
    }

    public double linesDrawn() {
        return linesDrawn;
    }

    public double funderClaims() {
        return funderClaims;
    }

    public boolean failed() {
        return failed;
    }

    public int failureMonth() {
        return failureMonth;
    }

    public FailureCause failureCause() {
        return failureCause;
    }

    /** Why a lender failed; the code is what {@code failure_cause} reports. */
    public enum FailureCause {
        NONE(0), LIQUIDITY(1), CAPITAL(2);

        public final int code;

        FailureCause(int code) {
            this.code = code;
        }
    }

    public double unpaid() {
        return unpaid;
    }

    /** Own-share cash outflows this month (settlements, disbursements, costs, interest, forced repayments). */
    public double outflows() {
        return outflows;
    }

    /** Own-share cash inflows this month (repayments, recoveries, merchant fees). */
    public double inflows() {
        return inflows;
    }

    public double receivablesSold() {
        return receivablesSold;
    }

    /** Equity at the start of month 1. */
    public double openingEquity() {
        return openingEquity;
    }

    public int covenantBreaches() {
        return covenantBreaches;
    }

    /** Arrangements whose covenants this month's test newly breached (the funding channel). */
    public void recordCovenantBreaches(int breaches) {
        covenantBreaches = breaches;
    }

    /** The M3+ balance ratio and cumulative loss rate this month's covenant test used (the funding channel). */
    public void recordCovenantMetrics(double m3plus, double lossRate) {
        covenantM3plus = m3plus;
        covenantLossRate = lossRate;
        covenantTested = true;
    }

    public double covenantM3plus() {
        return covenantM3plus;
    }

    public double covenantLossRate() {
        return covenantLossRate;
    }

    /** Whether funders test covenants on this lender (the funding channel is on and month 1 has passed). */
    public boolean covenantTested() {
        return covenantTested;
    }

    /** The ABS discount's rise over its base this month, as buyers price in arrears (the funding channel). */
    public void setAbsDiscountRise(double rise) {
        absDiscountRise = rise;
    }

}
