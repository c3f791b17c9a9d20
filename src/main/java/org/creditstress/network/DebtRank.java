package org.creditstress.network;

/**
 * DebtRank: the fraction of the economic value of a network that is put in distress when some of its
 * nodes are shocked, counting distress that travels along exposures.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>{@code exposures[i][j]} (written A<sub>ij</sub>) is the amount node i has lent to, or invested in,
 *       node j: node i is the creditor, node j the debtor, and i loses up to A<sub>ij</sub> if j is
 *       distressed. The diagonal must be zero.</li>
 *   <li>{@code capital[i]} (E<sub>i</sub>) is the equity of node i, the loss it can absorb before default.</li>
 *   <li>The impact of j on i is W<sub>ij</sub> = min(1, A<sub>ij</sub> / E<sub>i</sub>) (with W<sub>ij</sub> = 1 when
 *       E<sub>i</sub> = 0 and A<sub>ij</sub> &gt; 0). Note the row index is the node that <em>receives</em> the
 *       impact; Battiston et al. write the same quantity as W<sub>ji</sub>.</li>
 *   <li>Distress h<sub>i</sub> &isin; [0, 1] is the fraction of capital i has lost; h<sub>i</sub> = 1 is default.</li>
 *   <li>The value weights v (non-negative, normalised here to sum to 1) say how much each node's distress
 *       counts in the aggregate.</li>
 * </ul>
 *
 * <h2>Original algorithm ({@link Variant#ORIGINAL}, Battiston et al. 2012)</h2>
 * Each node is undistressed (U), distressed (D) or inactive (I). At t = 1 the nodes with h<sub>i</sub>(1) &gt; 0
 * are D, the others U. Then, until no node is D:
 * <pre>
 *   h_i(t) = min(1, h_i(t-1) + sum over j with s_j(t-1) = D of W_ij h_j(t-1))
 *   s_i(t) = I if s_i(t-1) = D;  D if s_i(t-1) = U and h_i(t) &gt; 0;  s_i(t-1) otherwise
 * </pre>
 * so every node propagates its distress exactly once, which keeps the walk from reverberating around cycles.
 * The result is R = sum<sub>j</sub> h<sub>j</sub>(T) v<sub>j</sub> &minus; sum<sub>j</sub> h<sub>j</sub>(1) v<sub>j</sub>,
 * the value put in distress <em>beyond</em> the initial shock.
 *
 * <h2>Differential variant ({@link Variant#DIFFERENTIAL}, Bardoscia et al. 2015)</h2>
 * Every node passes on each round only its <em>new</em> distress, through the uncapped leverage
 * &Lambda;<sub>ij</sub> = A<sub>ij</sub> / E<sub>i</sub>:
 * h<sub>i</sub>(t+1) = min(1, h<sub>i</sub>(t) + sum<sub>j</sub> &Lambda;<sub>ij</sub> (h<sub>j</sub>(t) &minus; h<sub>j</sub>(t&minus;1))),
 * with h(0) = 0, until the largest increment is below 1e-12 (or after 100&nbsp;000 rounds). It does not
 * underestimate losses on cycles the way the original does.
 *
 * <h2>References</h2>
 * <ul>
 *   <li>S. Battiston, M. Puliga, R. Kaushik, P. Tasca, G. Caldarelli (2012), "DebtRank: Too central to fail?
 *       Financial networks, the FED and systemic risk", Scientific Reports 2:541.</li>
 *   <li>M. Bardoscia, S. Battiston, F. Caccioli, G. Caldarelli (2015), "DebtRank: a microscopic foundation
 *       for shock propagation", PLoS ONE 10(6): e0130406.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; build one per month (or per network) and run as many shock
 * scenarios on it as needed.
 */
public final class DebtRank {

    /** Which propagation rule to use. */
    public enum Variant {
        /** Battiston et al. (2012): each node propagates once, impacts capped at 1. */
        ORIGINAL,
        /** Bardoscia et al. (2015): every node propagates its distress increments, uncapped leverage. */
        DIFFERENTIAL
    }

    static final double DIFFERENTIAL_TOLERANCE = 1e-12;
    static final int DIFFERENTIAL_MAX_ROUNDS = 100_000;

    private final int n;
    private final double[][] exposures;
    private final double[] capital;
    private final double[] weights;

    /**
     * @param exposures    A, n&times;n, {@code exposures[i][j]} = amount i has lent to j; finite, non-negative, zero
     *                     diagonal (copied)
     * @param capital      E, length n, finite and non-negative (copied)
     * @param valueWeights v, length n, finite and non-negative with a positive sum; normalised to sum to 1
     * @throws IllegalArgumentException on null or mis-sized arguments, negative, NaN or infinite entries, a
     *                                  non-zero diagonal, or weights summing to zero
     */
    public DebtRank(double[][] exposures, double[] capital, double[] valueWeights) {
        this.n = Validation.squareNonNegative(exposures, "exposures");
        Validation.nonNegative(capital, n, "capital");
        Validation.nonNegative(valueWeights, n, "valueWeights");
        double total = Validation.sum(valueWeights);
        if (!(total > 0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException("valueWeights must have a positive, finite sum, got " + total);
        }
        this.exposures = Validation.copy(exposures);
        this.capital = capital.clone();
        this.weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = valueWeights[i] / total;
        }
    }

    /** DebtRank weighted by each node's share of total exposures, as in Battiston et al. (2012). */
    public static DebtRank withExposureWeights(double[][] exposures, double[] capital) {
        Validation.squareNonNegative(exposures, "exposures");
        return new DebtRank(exposures, capital, exposureWeights(exposures));
    }

    /** DebtRank weighted by each node's share of total capital: R is then a fraction of system equity lost. */
    public static DebtRank withCapitalWeights(double[][] exposures, double[] capital) {
        Validation.squareNonNegative(exposures, "exposures");
        Validation.nonNegative(capital, exposures.length, "capital");
        return new DebtRank(exposures, capital, Validation.sum(capital) > 0 ? capital : uniform(exposures.length));
    }

    /**
     * Relative economic value by exposures: v<sub>i</sub> = sum<sub>j</sub> A<sub>ij</sub> / sum<sub>kj</sub>
     * A<sub>kj</sub>, the node's share of all exposures held in the network; uniform (1/n) if there are no
     * exposures at all. A node that lends to no one (a pure borrower) gets weight 0.
     *
     * @throws IllegalArgumentException if {@code exposures} is not a valid exposure matrix
     */
    public static double[] exposureWeights(double[][] exposures) {
        int size = Validation.squareNonNegative(exposures, "exposures");
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = Validation.sum(exposures[i]);
        }
        double total = Validation.sum(v);
        if (!(total > 0)) {
            return uniform(size);
        }
        for (int i = 0; i < size; i++) {
            v[i] /= total;
        }
        return v;
    }

    static double[] uniform(int size) {
        double[] v = new double[size];
        java.util.Arrays.fill(v, 1.0 / size);
        return v;
    }

    /** Number of nodes. */
    public int size() {
        return n;
    }

    /** The normalised value weights v (a copy; sums to 1). */
    public double[] valueWeights() {
        return weights.clone();
    }

    /** The impact matrix W, {@code W[i][j] = min(1, A[i][j] / E[i])}: the impact of j on i (a copy). */
    public double[][] impactMatrix() {
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = Math.min(1.0, leverage(i, j));
            }
        }
        return w;
    }

    /** &Lambda;<sub>ij</sub> = A<sub>ij</sub>/E<sub>i</sub>; 0 if A<sub>ij</sub> = 0, +&infin; if only E<sub>i</sub> = 0. */
    private double leverage(int i, int j) {
        double a = exposures[i][j];
        if (a == 0) {
            return 0;
        }
        return capital[i] == 0 ? Double.POSITIVE_INFINITY : a / capital[i];
    }

    /**
     * Initial distress from direct capital losses: h<sub>i</sub>(1) = min(1, loss<sub>i</sub> / E<sub>i</sub>)
     * (1 if E<sub>i</sub> = 0 and the loss is positive). Convenient for a simulation that knows each node's
     * loss on its own (non-network) assets this month.
     *
     * @throws IllegalArgumentException if {@code losses} has the wrong length or a negative/NaN entry
     */
    public double[] distressFromLosses(double[] losses) {
        Validation.nonNegative(losses, n, "losses");
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            if (losses[i] > 0) {
                h[i] = capital[i] == 0 ? 1.0 : Math.min(1.0, losses[i] / capital[i]);
            }
        }
        return h;
    }

    /** Runs the {@linkplain Variant#ORIGINAL original} DebtRank from the initial distress h(1). */
    public DebtRankResult run(double[] initialDistress) {
        return run(initialDistress, Variant.ORIGINAL);
    }

    /**
     * Propagates the initial distress h(1) through the network.
     *
     * @param initialDistress h(1), length n, entries in [0, 1]
     * @throws IllegalArgumentException if {@code initialDistress} has the wrong length or an entry outside [0, 1]
     */
    public DebtRankResult run(double[] initialDistress, Variant variant) {
        Validation.vectorInRange(initialDistress, n, "initialDistress", 1.0);
        if (variant == null) {
            throw new IllegalArgumentException("variant must not be null");
        }
        double[] h = initialDistress.clone();
        int rounds = variant == Variant.ORIGINAL ? propagateOriginal(h) : propagateDifferential(h);
        double initial = weighted(initialDistress);
        return new DebtRankResult(initialDistress, h, weighted(h) - initial, initial, rounds);
    }

    /** Original DebtRank; updates {@code h} in place and returns the number of propagation rounds. */
    private int propagateOriginal(double[] h) {
        double[][] w = impactMatrix();
        boolean[] distressed = new boolean[n];
        boolean[] inactive = new boolean[n];
        boolean anyDistressed = false;
        for (int i = 0; i < n; i++) {
            distressed[i] = h[i] > 0;
            anyDistressed |= distressed[i];
        }
        int rounds = 0;
        while (anyDistressed) {
            double[] next = h.clone();
            for (int i = 0; i < n; i++) {
                double add = 0;
                for (int j = 0; j < n; j++) {
                    if (distressed[j]) {
                        add += w[i][j] * h[j];
                    }
                }
                next[i] = Math.min(1.0, h[i] + add);
            }
            anyDistressed = false;
            for (int i = 0; i < n; i++) {
                if (distressed[i]) {
                    distressed[i] = false;
                    inactive[i] = true;
                } else if (!inactive[i] && next[i] > 0) {
                    distressed[i] = true;
                    anyDistressed = true;
                }
            }
            System.arraycopy(next, 0, h, 0, n);
            rounds++;
        }
        return rounds;
    }

    /** Differential DebtRank; updates {@code h} in place and returns the number of propagation rounds. */
    private int propagateDifferential(double[] h) {
        double[] delta = h.clone(); // h(1) - h(0), with h(0) = 0
        int rounds = 0;
        while (max(delta) > DIFFERENTIAL_TOLERANCE && rounds < DIFFERENTIAL_MAX_ROUNDS) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double add = 0;
                for (int j = 0; j < n; j++) {
                    if (delta[j] > 0 && exposures[i][j] > 0) {
                        add += leverage(i, j) * delta[j];
                    }
                }
                next[i] = Math.min(1.0, h[i] + add);
            }
            for (int i = 0; i < n; i++) {
                delta[i] = next[i] - h[i];
                h[i] = next[i];
            }
            rounds++;
        }
        return rounds;
    }

    /**
     * Systemic importance of each node: entry i is the DebtRank R<sub>i</sub> when node i alone is initially
     * fully distressed (h<sub>i</sub>(1) = 1, all others 0), with the original algorithm. Higher means more
     * systemic; R<sub>i</sub> counts only the value lost by the <em>other</em> nodes.
     */
    public double[] systemicImportance() {
        return systemicImportance(1.0, Variant.ORIGINAL);
    }

    /**
     * Per-node DebtRank R<sub>i</sub> when node i alone starts with distress {@code psi}.
     *
     * @param psi initial distress of the shocked node, in (0, 1]
     * @throws IllegalArgumentException if {@code psi} is not in (0, 1] or {@code variant} is null
     */
    public double[] systemicImportance(double psi, Variant variant) {
        if (!(psi > 0 && psi <= 1)) {
            throw new IllegalArgumentException("psi = " + psi + " must be in (0, 1]");
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double[] h0 = new double[n];
            h0[i] = psi;
            r[i] = run(h0, variant).debtRank();
        }
        return r;
    }

    private double weighted(double[] h) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += h[i] * weights[i];
        }
        return s;
    }

    private static double max(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
