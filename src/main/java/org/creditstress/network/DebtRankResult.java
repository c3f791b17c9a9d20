package org.creditstress.network;

import java.util.Arrays;

/**
 * Outcome of one DebtRank run. Immutable: arrays are copied in and out.
 *
 * @param initialDistress         h(1), the shock, per node
 * @param finalDistress           h(T), per node, each in [h_i(1), 1]; 1 means the node's capital is wiped out
 * @param debtRank                R = sum_j h_j(T) v_j - sum_j h_j(1) v_j, the value-weighted distress caused
 *                                by propagation beyond the initial shock, in [0, 1]
 * @param initialWeightedDistress sum_j h_j(1) v_j, the value-weighted size of the shock itself
 * @param rounds                  number of propagation rounds until no node was distressed (original variant)
 *                                or the increments vanished (differential variant)
 */
public record DebtRankResult(double[] initialDistress, double[] finalDistress, double debtRank,
                             double initialWeightedDistress, int rounds) {

    public DebtRankResult {
        if (initialDistress.length != finalDistress.length) {
            throw new IllegalArgumentException("initialDistress and finalDistress differ in length");
        }
        initialDistress = initialDistress.clone();
        finalDistress = finalDistress.clone();
    }

    @Override
    public double[] initialDistress() {
        return initialDistress.clone();
    }

    @Override
    public double[] finalDistress() {
        return finalDistress.clone();
    }

    /** Total value-weighted distress after propagation, shock included: sum_j h_j(T) v_j. */
    public double totalWeightedDistress() {
        return initialWeightedDistress + debtRank;
    }

    /** Number of nodes that end fully distressed (h = 1, capital wiped out). */
    public int fullyDistressedCount() {
        int c = 0;
        for (double h : finalDistress) {
            if (h >= 1.0) {
                c++;
            }
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DebtRankResult r
                && Arrays.equals(initialDistress, r.initialDistress)
                && Arrays.equals(finalDistress, r.finalDistress)
                && Double.compare(debtRank, r.debtRank) == 0
                && Double.compare(initialWeightedDistress, r.initialWeightedDistress) == 0
                && rounds == r.rounds;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(initialDistress) + Arrays.hashCode(finalDistress))
                + Double.hashCode(debtRank) + rounds;
    }

    @Override
    public String toString() {
        return "DebtRankResult[debtRank=" + debtRank + ", initialWeightedDistress=" + initialWeightedDistress
                + ", rounds=" + rounds + ", initialDistress=" + Arrays.toString(initialDistress)
                + ", finalDistress=" + Arrays.toString(finalDistress) + "]";
    }
}
