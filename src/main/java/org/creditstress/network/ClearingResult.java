package org.creditstress.network;

import java.util.Arrays;

/**
 * Outcome of {@link EisenbergNoe#clear}. Immutable: arrays are copied in and out. All arrays are indexed by node.
 *
 * @param payments          clearing payment vector p: what each node pays in total, 0 &le; p &le; p&#773;
 * @param totalLiabilities  p&#773;, what each node owes in total (row sums of the liabilities matrix)
 * @param externalAssets    e, the external assets the clearing was computed with
 * @param defaultRound      round of the fictitious default algorithm in which the node defaulted
 *                          (1 = fundamental default, 2+ = contagion), or {@link #NO_DEFAULT}
 * @param recoveryRate      p<sub>i</sub> / p&#773;<sub>i</sub>, what its creditors recover per unit owed
 *                          (1 for a node that owes nothing)
 * @param equity            e + &Pi;<sup>T</sup>p &minus; p, what is left to the node's owners (0 if it defaults)
 * @param rounds            number of rounds of the algorithm in which a new default occurred
 */
public record ClearingResult(double[] payments, double[] totalLiabilities, double[] externalAssets,
                             int[] defaultRound, double[] recoveryRate, double[] equity, int rounds) {

    /** Value of {@link #defaultRound()} for a node that pays in full. */
    public static final int NO_DEFAULT = 0;

    public ClearingResult {
        int n = payments.length;
        if (totalLiabilities.length != n || externalAssets.length != n || defaultRound.length != n
                || recoveryRate.length != n || equity.length != n) {
            throw new IllegalArgumentException("all per-node arrays must have length " + n);
        }
        payments = payments.clone();
        totalLiabilities = totalLiabilities.clone();
        externalAssets = externalAssets.clone();
        defaultRound = defaultRound.clone();
        recoveryRate = recoveryRate.clone();
        equity = equity.clone();
    }

    /** Number of nodes. */
    public int size() {
        return payments.length;
    }

    /** Whether node i fails to pay its obligations in full. */
    public boolean defaults(int i) {
        return defaultRound[i] != NO_DEFAULT;
    }

    /** Number of defaulting nodes. */
    public int defaultCount() {
        return (int) Arrays.stream(defaultRound).filter(r -> r != NO_DEFAULT).count();
    }

    /** Total amount not paid: sum of p&#773; &minus; p over all nodes. */
    public double totalShortfall() {
        double s = 0;
        for (int i = 0; i < payments.length; i++) {
            s += totalLiabilities[i] - payments[i];
        }
        return s;
    }

    @Override
    public double[] payments() {
        return payments.clone();
    }

    @Override
    public double[] totalLiabilities() {
        return totalLiabilities.clone();
    }

    @Override
    public double[] externalAssets() {
        return externalAssets.clone();
    }

    @Override
    public int[] defaultRound() {
        return defaultRound.clone();
    }

    @Override
    public double[] recoveryRate() {
        return recoveryRate.clone();
    }

    @Override
    public double[] equity() {
        return equity.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClearingResult r
                && Arrays.equals(payments, r.payments)
                && Arrays.equals(totalLiabilities, r.totalLiabilities)
                && Arrays.equals(externalAssets, r.externalAssets)
                && Arrays.equals(defaultRound, r.defaultRound)
                && Arrays.equals(recoveryRate, r.recoveryRate)
                && Arrays.equals(equity, r.equity)
                && rounds == r.rounds;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(payments) + Arrays.hashCode(defaultRound)) + Arrays.hashCode(equity) + rounds;
    }

    @Override
    public String toString() {
        return "ClearingResult[payments=" + Arrays.toString(payments)
                + ", totalLiabilities=" + Arrays.toString(totalLiabilities)
                + ", externalAssets=" + Arrays.toString(externalAssets)
                + ", defaultRound=" + Arrays.toString(defaultRound)
                + ", recoveryRate=" + Arrays.toString(recoveryRate)
                + ", equity=" + Arrays.toString(equity) + ", rounds=" + rounds + "]";
    }
}
