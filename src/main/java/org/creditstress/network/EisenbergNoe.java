package org.creditstress.network;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Clearing payment vector of Eisenberg and Noe (2001): what each node actually pays when all nodes settle
 * their mutual obligations at once, with limited liability and proportional sharing of shortfalls.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@code liabilities[i][j]} (L<sub>ij</sub>) is the nominal amount node i <em>owes</em> node j (i is the
 *       debtor, j the creditor). This is the transpose of the {@link DebtRank} exposure matrix. The diagonal
 *       must be zero.</li>
 *   <li>{@code externalAssets[i]} (e<sub>i</sub>) is the cash flow i gets from outside the network.</li>
 *   <li>Total obligations p&#773;<sub>i</sub> = sum<sub>j</sub> L<sub>ij</sub>; relative liabilities
 *       &Pi;<sub>ij</sub> = L<sub>ij</sub> / p&#773;<sub>i</sub> (a zero row when p&#773;<sub>i</sub> = 0).</li>
 *   <li>The clearing vector is the greatest p with p = min(p&#773;, e + &Pi;<sup>T</sup> p): every node pays its
 *       obligations in full if it can, otherwise all it has, shared among its creditors in proportion to what
 *       they are owed.</li>
 * </ul>
 *
 * <h2>Algorithm</h2>
 * The fictitious default algorithm of Eisenberg and Noe, exact and finite (at most n rounds): start with
 * everyone paying in full; in each round, the nodes that cannot pay in full given the current payments
 * are added to the default set D; the payments of D are then the solution of the linear system
 * p<sub>D</sub> = e<sub>D</sub> + (&Pi;<sup>T</sup>)<sub>DD</sub> p<sub>D</sub> + (&Pi;<sup>T</sup>)<sub>D,not D</sub>
 * p&#773;<sub>not D</sub>; stop when no new node defaults. A node is counted as defaulting only if its shortfall
 * exceeds a relative tolerance of 1e-10, so rounding noise does not create defaults. The default round of a
 * node tells whether it failed on its own (round 1: its external assets and full incoming payments do not
 * cover its obligations) or by contagion (round 2 or later).
 *
 * <h2>Reference</h2>
 * L. Eisenberg, T. H. Noe (2001), "Systemic Risk in Financial Systems", Management Science 47(2):236-249.
 *
 * <p>Stateless and thread-safe.
 */
public final class EisenbergNoe {

    /** Relative shortfall below which a node is treated as paying in full. */
    static final double DEFAULT_TOLERANCE = 1e-10;

    private EisenbergNoe() {
    }

    /**
     * Computes the clearing payment vector.
     *
     * @param liabilities    L, n&times;n, {@code liabilities[i][j]} = amount i owes j; finite, non-negative, zero
     *                       diagonal (not modified)
     * @param externalAssets e, length n, finite and non-negative (not modified)
     * @return clearing payments, defaults and their rounds, recovery rates and equity
     * @throws IllegalArgumentException on null or mis-sized arguments, negative, NaN or infinite entries, or a
     *                                  non-zero diagonal
     */
    public static ClearingResult clear(double[][] liabilities, double[] externalAssets) {
        int n = Validation.squareNonNegative(liabilities, "liabilities");
        Validation.nonNegative(externalAssets, n, "externalAssets");
        double[] pBar = new double[n];
        for (int i = 0; i < n; i++) {
            pBar[i] = Validation.sum(liabilities[i]);
            if (!Double.isFinite(pBar[i])) {
                throw new IllegalArgumentException("total liabilities of node " + i + " overflow");
            }
        }
        double[][] pi = relativeLiabilities(liabilities, pBar);

        double[] p = pBar.clone();
        int[] defaultRound = new int[n];
        boolean[] inDefault = new boolean[n];
        int round = 0;
        while (true) {
            double[] assets = assets(externalAssets, pi, p);
            boolean newDefault = false;
            for (int i = 0; i < n; i++) {
                if (!inDefault[i] && pBar[i] - assets[i] > DEFAULT_TOLERANCE * (pBar[i] + assets[i])) {
                    inDefault[i] = true;
                    defaultRound[i] = round + 1;
                    newDefault = true;
                }
            }
            if (!newDefault) {
                return result(externalAssets, pBar, p, defaultRound, assets, round);
            }
            round++;
            p = paymentsGivenDefaults(externalAssets, pi, pBar, inDefault);
        }
    }

    private static double[][] relativeLiabilities(double[][] liabilities, double[] pBar) {
        int n = pBar.length;
        double[][] pi = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (pBar[i] > 0) {
                for (int j = 0; j < n; j++) {
                    pi[i][j] = liabilities[i][j] / pBar[i];
                }
            }
        }
        return pi;
    }

    /** Resources of each node given payments p: e_i + sum_j Pi_ji p_j. */
    private static double[] assets(double[] e, double[][] pi, double[] p) {
        int n = e.length;
        double[] a = e.clone();
        for (int j = 0; j < n; j++) {
            if (p[j] != 0) {
                for (int i = 0; i < n; i++) {
                    a[i] += pi[j][i] * p[j];
                }
            }
        }
        return a;
    }

    /** Solves for the payments of the defaulting set D, the others paying in full. */
    private static double[] paymentsGivenDefaults(double[] e, double[][] pi, double[] pBar, boolean[] inDefault) {
        int n = e.length;
        int[] index = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            index[i] = inDefault[i] ? m++ : -1;
        }
        double[][] a = new double[m][m];
        double[] b = new double[m];
        for (int i = 0; i < n; i++) {
            if (!inDefault[i]) {
                continue;
            }
            int r = index[i];
            a[r][r] = 1.0;
            b[r] = e[i];
            for (int j = 0; j < n; j++) {
                if (inDefault[j]) {
                    a[r][index[j]] -= pi[j][i];
                } else {
                    b[r] += pi[j][i] * pBar[j];
                }
            }
        }
        RealVector x;
        try {
            x = new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().solve(new ArrayRealVector(b, false));
        } catch (SingularMatrixException ex) {
            // Cannot happen in exact arithmetic: a set of defaulters owing only to each other would need a
            // negative total equity, which limited liability rules out.
            throw new IllegalStateException("Eisenberg-Noe: singular system for the defaulting set", ex);
        }
        double[] p = pBar.clone();
        for (int i = 0; i < n; i++) {
            if (inDefault[i]) {
                p[i] = Math.max(0.0, Math.min(pBar[i], x.getEntry(index[i])));
            }
        }
        return p;
    }

    private static ClearingResult result(double[] e, double[] pBar, double[] p, int[] defaultRound,
                                         double[] assets, int rounds) {
        int n = e.length;
        double[] equity = new double[n];
        double[] recovery = new double[n];
        for (int i = 0; i < n; i++) {
            equity[i] = Math.max(0.0, assets[i] - p[i]);
            recovery[i] = pBar[i] > 0 ? p[i] / pBar[i] : 1.0;
        }
        return new ClearingResult(p, pBar, e, defaultRound, recovery, equity, rounds);
    }
}
