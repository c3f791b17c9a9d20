package org.creditstress.scenario;

import java.util.List;

/**
 * A credit product's terms; see {@code products} in docs/scenario-reference.md.
 *
 * @param instalmentTerms  purchase line: the plan terms offered, months (e.g. 3, 6, 12, 24)
 * @param instalmentFees   purchase line: the flat monthly fee of each term, share of the plan's
 *                         original principal a month (one number applies to every term)
 * @param interestFreeDays purchase line: days from the purchase to the due date of the
 *                         statement; up to 30 is billed at the next cycle, 31-60 a cycle later
 * @param minPaymentShare  purchase line: share of the statement and revolving balance that must
 *                         be paid each cycle; 0 means the statement is due in full
 * @param minPaymentFloor  purchase line: the smallest minimum payment, yuan
 * @param revolvingApr     purchase line: annual interest on the revolving balance
 */
public record ProductSpec(String id, ProductKind kind, List<Double> instalmentTerms, List<Double> instalmentFees,
                          int interestFreeDays, double minPaymentShare, double minPaymentFloor, double revolvingApr,
                          double apr, int termMonths, double merchantDiscount, double penaltyDailyRate, double limitIncomeMultiple,
                          double minLimit, double maxLimit) {

    public ProductSpec {
        instalmentTerms = instalmentTerms == null ? List.of() : List.copyOf(instalmentTerms);
        instalmentFees = instalmentFees == null ? List.of() : List.copyOf(instalmentFees);
    }

    /** A product without instalment plans or a minimum payment (tests and simple markets). */
    public static ProductSpec simple(String id, ProductKind kind, int instalmentMonths, double instalmentMonthlyFee,
                                     double apr, int termMonths, double merchantDiscount, double penaltyDailyRate,
                                     double limitIncomeMultiple, double minLimit, double maxLimit) {
        return new ProductSpec(id, kind, List.of((double) instalmentMonths), List.of(instalmentMonthlyFee), 30, 0.0, 0.0, 0.0,
                apr, termMonths, merchantDiscount, penaltyDailyRate, limitIncomeMultiple, minLimit, maxLimit);
    }

    /** Penalty interest per month on overdue amounts (30 days). */
    public double penaltyMonthlyRate() {
        return penaltyDailyRate * 30.0;
    }

    /** The plan terms offered, months. */
    public int[] terms() {
        return instalmentTerms.stream().mapToInt(Double::intValue).toArray();
    }

    /** Flat monthly fee of the {@code k}-th term, share of the original principal. */
    public double fee(int k) {
        return instalmentFees.isEmpty() ? 0.0 : instalmentFees.get(Math.min(k, instalmentFees.size() - 1));
    }

    /** Longest plan or loan term this product schedules, months. */
    public int longestTerm() {
        if (kind == ProductKind.CASH_LOAN) {
            return termMonths;
        }
        int longest = interestFreeDays > 30 ? 2 : 1;
        for (int n : terms()) {
            longest = Math.max(longest, n);
        }
        return longest;
    }

    /** Billing cycles a line purchase waits before it is due (1 for up to 30 interest-free days, else 2). */
    public int interestFreeCycles() {
        return interestFreeDays > 30 ? 2 : 1;
    }

    /** The fixed monthly payment of a cash loan of principal 1 (annuity at apr / 12). */
    public double annuityFactor() {
        double r = apr / 12.0;
        if (r == 0) {
            return 1.0 / termMonths;
        }
        return r / (1.0 - Math.pow(1.0 + r, -termMonths));
    }
}
