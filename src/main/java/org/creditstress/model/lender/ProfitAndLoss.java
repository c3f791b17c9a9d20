package org.creditstress.model.lender;

import org.creditstress.model.InvariantViolation;

/**
 * One lender's profit and loss for the month, own share, yuan. Filled by {@link LenderBooks}
 * (income, costs, provision charge, dividends) and {@link LenderFunding} (losses on receivables
 * sold); checked at the end of {@code MonthPhase.LENDER_FUNDING}:
 * <pre>
 * pre-tax profit = interest + fees + penalty income + penalty released from suspense + merchant fees
 *                  + recoveries - funding cost - operating cost - collection cost - legal cost
 *                  - provision charge - losses on receivables sold
 * equity now - equity a month ago + dividends = pre-tax profit   (no tax is modelled)
 * </pre>
 * Penalty income excludes the penalty charged on accounts over 90 DPD, which is held in suspense
 * (a contra-asset) and released when the account is paid, cured or written off.
 */
public final class ProfitAndLoss implements java.io.Serializable {
    /** Relative tolerance of the identity, scaled by the month's gross flows and equity. */
    static final double TOLERANCE = 1e-9;

    double openingEquity;
    double interest;
    double fees;
    double penalty;
    double suspenseReleased;
    double merchantFees;
    double recoveries;
    double fundingCost;
    double operatingCost;
    double collectionCost;
    double legalCost;
    double provisionCharge;
    double saleLosses;
    double dividends;

    /** Starts the month from the equity it opens with. */
    void open(double equity) {
        openingEquity = equity;
        interest = 0;
        fees = 0;
        penalty = 0;
        suspenseReleased = 0;
        merchantFees = 0;
        recoveries = 0;
        fundingCost = 0;
        operatingCost = 0;
        collectionCost = 0;
        legalCost = 0;
        provisionCharge = 0;
        saleLosses = 0;
        dividends = 0;
    }

    /** Equity at the start of the month. */
    public double openingEquity() {
        return openingEquity;
    }

    public double interest() {
        return interest;
    }

    public double fees() {
        return fees;
    }

    /** Penalty interest recognised as income (not on accounts over 90 DPD). */
    public double penalty() {
        return penalty;
    }

    public double suspenseReleased() {
        return suspenseReleased;
    }

    public double merchantFees() {
        return merchantFees;
    }

    public double recoveries() {
        return recoveries;
    }

    public double fundingCost() {
        return fundingCost;
    }

    public double operatingCost() {
        return operatingCost;
    }

    public double collectionCost() {
        return collectionCost;
    }

    public double legalCost() {
        return legalCost;
    }

    public double provisionCharge() {
        return provisionCharge;
    }

    public double saleLosses() {
        return saleLosses;
    }

    public double dividends() {
        return dividends;
    }

    /** Interest, fees, recognised penalty, penalty released from suspense and merchant fees. */
    public double revenue() {
        return interest + fees + penalty + suspenseReleased + merchantFees;
    }

    public double preTaxProfit() {
        return revenue() + recoveries - fundingCost - operatingCost - collectionCost - legalCost - provisionCharge - saleLosses;
    }

    /** Throws when the change in equity plus dividends differs from the pre-tax profit. */
    void check(int month, String lender, double equity) {
        double change = equity - openingEquity + dividends;
        double scale = Math.max(1.0, Math.abs(openingEquity) + revenue() + recoveries + fundingCost + operatingCost
                + collectionCost + legalCost + Math.abs(provisionCharge) + saleLosses + dividends);
        if (!(Math.abs(change - preTaxProfit()) <= TOLERANCE * scale)) {
            throw new InvariantViolation(month, "lender " + lender,
                    "change in equity plus dividends (" + change + ") differs from pre-tax profit (" + preTaxProfit() + ")");
        }
    }
}
