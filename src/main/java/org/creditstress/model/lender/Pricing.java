package org.creditstress.model.lender;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.scenario.ProductSpec;

/**
 * The price of a cash loan: the product's APR plus the lender's {@code thin_file_apr_premium}
 * for thin-file borrowers. Used when a loan is drawn (its fixed instalment), billed and
 * restructured. An all-in APR cap (a policy event) caps it.
 */
public final class Pricing implements java.io.Serializable {
    private final double[] productApr;
    private final double[] thinPremium;
    private final int[] longestPlan;
    private final double[] longestPlanFee;
    private final AccountTable accounts;
    private final BorrowerTable borrowers;
    private final org.creditstress.model.policy.PolicyState policy;

    public Pricing(Market market, List<ProductSpec> products) {
        productApr = products.stream().mapToDouble(ProductSpec::apr).toArray();
        thinPremium = market.lenders.stream().mapToDouble(l -> l.spec.thinFileAprPremium()).toArray();
        longestPlan = new int[products.size()];
        longestPlanFee = new double[products.size()];
        for (int p = 0; p < products.size(); p++) {
            int[] terms = products.get(p).terms();
            int k = terms.length - 1;
            longestPlan[p] = k >= 0 ? terms[k] : 1;
            longestPlanFee[p] = k >= 0 ? products.get(p).fee(k) : 0.0;
        }
        accounts = market.accounts;
        borrowers = market.borrowers;
        policy = market.policy;
    }

    /** Annual rate of account {@code a}. */
    public double apr(int a) {
        return apr(accounts.product[a], accounts.lender[a], borrowers.thinFile(accounts.borrower[a]));
    }

    /** Annual rate of product {@code p} at lender {@code l}, for a thin-file borrower or not. */
    public double apr(int p, int l, boolean thinFile) {
        double apr = productApr[p];
        return thinFile ? apr + thinPremium[l] : apr;
    }

    /** Monthly interest rate of account {@code a}, after an APR cap if one is in force. */
    public double monthlyRate(int a) {
        return monthlyRate(accounts.product[a], accounts.lender[a], borrowers.thinFile(accounts.borrower[a]));
    }

    /** Monthly interest rate of product {@code p} at lender {@code l}, after an APR cap if one is in force. */
    public double monthlyRate(int p, int l, boolean thinFile) {
        return policy.capMonthly(apr(p, l, thinFile) / 12.0);
    }

    /**
     * Entries of a price table: one per product, lender and thin-file flag, at {@link #priceIndex}.
     * The borrower phases fill one at the start of each month (an APR cap may start or end in any
     * month) and read it per account instead of pricing each account.
     */
    public int priceCount() {
        return productApr.length * thinPremium.length * 2;
    }

    /** Where product {@code p} at lender {@code l}, for a thin-file borrower or not, is in a price table. */
    public int priceIndex(int p, int l, boolean thinFile) {
        return (p * thinPremium.length + l) * 2 + (thinFile ? 1 : 0);
    }

    /** Fills price table {@code into} with this month's {@link #monthlyRate(int, int, boolean)}. */
    public void monthlyRates(double[] into) {
        fill(into, this::monthlyRate);
    }

    /**
     * Fills price table {@code into} with this month's {@link #annuityFactor(int, int, boolean, int)}
     * over each product's term {@code months[p]} (0 for a product without a fixed term: no factor).
     */
    public void annuityFactors(byte[] months, double[] into) {
        fill(into, (p, l, thinFile) -> months[p] > 0 ? annuityFactor(p, l, thinFile, months[p]) : 0.0);
    }

    /** A price of product {@code p} at lender {@code l}, for a thin-file borrower or not. */
    private interface Price {
        double of(int p, int l, boolean thinFile);
    }

    /** Fills every entry of price table {@code into} (once a month, not per account). */
    private void fill(double[] into, Price price) {
        for (int p = 0; p < productApr.length; p++) {
            for (int l = 0; l < thinPremium.length; l++) {
                into[priceIndex(p, l, false)] = price.of(p, l, false);
                into[priceIndex(p, l, true)] = price.of(p, l, true);
            }
        }
    }

    /** Purchase line: the longest instalment term product {@code p} offers, months. */
    public int longestPlan(int p) {
        return longestPlan[p];
    }

    /** Purchase line: the flat monthly fee of the longest term of product {@code p}. */
    public double longestPlanFee(int p) {
        return longestPlanFee[p];
    }

    /** Fixed monthly payment per yuan of principal over {@code months} at account {@code a}'s rate. */
    public double annuityFactor(int a, int months) {
        return annuity(monthlyRate(a), months);
    }

    /** The same for product {@code p} at lender {@code l}, for a thin-file borrower or not. */
    public double annuityFactor(int p, int l, boolean thinFile, int months) {
        return annuity(monthlyRate(p, l, thinFile), months);
    }

    private static double annuity(double r, int months) {
        return r == 0 ? 1.0 / months : r / (1.0 - Math.pow(1.0 + r, -months));
    }
}
