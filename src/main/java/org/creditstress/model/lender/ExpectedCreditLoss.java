package org.creditstress.model.lender;

import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.PathSpec;

/**
 * One lender's IFRS 9 expected credit loss, fitted each month on the lender's own observed history
 * (never on the model's hidden true risk). Runs inside {@code MonthPhase.LENDER_BOOKS}, after the
 * portfolio scan.
 *
 * <p><b>PD.</b> A roll-rate (Markov) model: the monthly transition matrix between buckets M0..M3,
 * default D (M4+, over 90 DPD, or written off) and closed (paid off) is the lender's observed
 * account transitions over the trailing {@code window_months}: {@code P[r][c] = n(r -> c) / n(r)}.
 * A bucket left by fewer than {@code min_transitions} accounts in the window has no reliable row;
 * it rolls forward to the next bucket with probability 1 (conservative). D and closed absorb. The
 * h-month PD of an account in bucket b is the probability of reaching D within h steps,
 * {@code PD_h(b) = (e_b P^h)[D]}. Forward-looking: PDs are scaled by
 * {@code f = (mean of the scenario's unemployment path over the next 12 months / unemployment now)^elasticity},
 * {@code PD' = min(1, f PD)} (the lender's macro forecast is the scenario path).
 *
 * <p><b>LGD</b> (loss given default, share of EAD): from outcomes in the window,
 * {@code LGD = P(write-off | default) x (1 - recoveries / write-offs + legal costs / write-offs)},
 * with {@code P(write-off | default) = n(M4+ -> written off) / n(M4+ -> written off, cured, paid off)},
 * clamped to [0, 1]. Before {@code lgd_min_months} months with write-offs are in the window it is
 * {@code lgd_fallback}.
 *
 * <p><b>EAD</b> = balance + {@code ccf} x undrawn limit.
 *
 * <p><b>ECL</b> by stage, summed over buckets b: stage 1 {@code PD_12(b) x LGD x EAD}, with the
 * 12-month horizon capped at the lifetime; stage 2 {@code PD_life(b) x LGD x EAD} over
 * {@code lifetime_months}; stage 3 {@code LGD x EAD} (PD = 1). Undiscounted, with EAD held
 * constant over the horizon (a simplification that overstates lifetime ECL slightly).
 */
public final class ExpectedCreditLoss implements java.io.Serializable {
    /** Markov states: buckets 0..3, default, closed. */
    static final int DEFAULT = 4;
    static final int CLOSED = 5;
    private static final int STATES = 6;
    private static final int FORECAST_MONTHS = 12;

    private final LenderSpec.Provisioning spec;
    private final PathSpec unemployment;
    private final long[][][] rollWindow;
    private final double[] writeOffWindow;
    private final double[] recoveryWindow;
    private final double[] legalCostWindow;
    private int next;
    private int filled;

    private final double[][] transition = new double[STATES][STATES];
    private final double[] pd12 = new double[5];
    private final double[] pdLifetime = new double[5];
    private final double[] ecl = new double[3];
    private double lgd;
    private double forwardFactor = 1.0;

    public ExpectedCreditLoss(LenderSpec.Provisioning spec, PathSpec unemployment) {
        this.spec = spec;
        this.unemployment = unemployment;
        int w = spec.windowMonths();
        rollWindow = new long[w][5][7];
        writeOffWindow = new double[w];
        recoveryWindow = new double[w];
        legalCostWindow = new double[w];
    }

    /**
     * Adds this month's observations: account transitions by bucket last month (row 0..4) and now
     * (column: bucket 0..4, written off 5, paid off 6), write-offs, recoveries, legal costs (yuan).
     */
    public void observe(long[][] roll, double writeOffs, double recoveries, double legalCosts) {
        for (int r = 0; r < 5; r++) {
            System.arraycopy(roll[r], 0, rollWindow[next][r], 0, 7);
        }
        writeOffWindow[next] = writeOffs;
        recoveryWindow[next] = recoveries;
        legalCostWindow[next] = legalCosts;
        next = (next + 1) % rollWindow.length;
        filled = Math.min(filled + 1, rollWindow.length);
    }

    /** Fits the transition matrix, PDs and LGD on the window, with the macro forecast made in {@code month}. */
    public void fit(int month) {
        long[][] n = new long[5][7];
        int monthsWithWriteOffs = 0;
        double writeOffs = 0;
        double recoveries = 0;
        double legal = 0;
        for (int m = 0; m < filled; m++) {
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 7; c++) {
                    n[r][c] += rollWindow[m][r][c];
                }
            }
            writeOffs += writeOffWindow[m];
            recoveries += recoveryWindow[m];
            legal += legalCostWindow[m];
            if (writeOffWindow[m] > 0) {
                monthsWithWriteOffs++;
            }
        }
        transitionMatrix(n, spec.minTransitions(), transition);
        forwardFactor = forwardFactor(month);
        int life = spec.lifetimeMonths();
        for (int b = 0; b < 4; b++) {
            pd12[b] = Math.min(1.0, forwardFactor * defaultProbability(transition, b, Math.min(FORECAST_MONTHS, life)));
            pdLifetime[b] = Math.min(1.0, forwardFactor * defaultProbability(transition, b, life));
        }
        pd12[4] = 1.0;
        pdLifetime[4] = 1.0;
        long defaulted = n[4][5] + n[4][0] + n[4][1] + n[4][2] + n[4][3] + n[4][6];
        if (monthsWithWriteOffs >= spec.lgdMinMonths() && writeOffs > 0 && defaulted > 0) {
            double writtenOff = (double) n[4][5] / defaulted;
            lgd = clamp01(writtenOff * (1.0 - recoveries / writeOffs + legal / writeOffs));
        } else {
            lgd = spec.lgdFallback();
        }
    }

    /**
     * Computes the ECL by stage from balances and undrawn limits by stage (0..2) and bucket (0..4),
     * scaled by {@code share} (the lender's own share of the receivables). Call after {@link #fit}.
     */
    public double[] measure(double[][] balance, double[][] undrawn, double share) {
        for (int s = 0; s < 3; s++) {
            double sum = 0;
            for (int b = 0; b < 5; b++) {
                double ead = balance[s][b] + spec.ccf() * undrawn[s][b];
                double pd = s == 0 ? pd12[b] : s == 1 ? pdLifetime[b] : 1.0;
                sum += pd * lgd * ead;
            }
            ecl[s] = share * sum;
        }
        return ecl;
    }

    /** Total ECL of the last {@link #measure}. */
    public double total() {
        return ecl[0] + ecl[1] + ecl[2];
    }

    public double ecl(int stage) {
        return ecl[stage];
    }

    /** 12-month PD (forward-looking) of an account in bucket b (0..4; 1 for M4+). */
    /**
     * The lowest bucket that is in stage 2 on this fitted model: 1 when M1's 12-month PD is at least
     * {@code multiple} times a current account's (a significant increase in credit risk on the
     * lender's own behaviour model, IFRS 9 5.5.9 and B5.5.17), else 2 (the 30 DPD backstop). With
     * {@code multiple <= 0}, or before the first fit, 2.
     */
    public int stage2FromBucket(double multiple) {
        return multiple > 0 && pd12[0] > 0 && pd12[1] >= multiple * pd12[0] ? 1 : 2;
    }

    public double pd12(int bucket) {
        return pd12[bucket];
    }

    public double pdLifetime(int bucket) {
        return pdLifetime[bucket];
    }

    public double lgd() {
        return lgd;
    }

    public double forwardFactor() {
        return forwardFactor;
    }

    /**
     * Mean unemployment of the path over the next 12 months over unemployment now, to the power
     * {@code forward_looking_elasticity}; 1 when unemployment now is zero.
     */
    double forwardFactor(int month) {
        double now = unemployment.at(month);
        if (!(now > 0)) {
            return 1.0;
        }
        double sum = 0;
        for (int k = 1; k <= FORECAST_MONTHS; k++) {
            sum += unemployment.at(month + k);
        }
        return Math.pow(sum / FORECAST_MONTHS / now, spec.forwardLookingElasticity());
    }

    /**
     * The monthly transition matrix over buckets 0..3, default and closed from observed counts
     * {@code n[from 0..4][to: bucket 0..4, written off 5, paid off 6]}; rows with fewer than
     * {@code minTransitions} observations roll forward with probability 1.
     */
    static void transitionMatrix(long[][] n, int minTransitions, double[][] p) {
        for (double[] row : p) {
            java.util.Arrays.fill(row, 0);
        }
        for (int r = 0; r < 4; r++) {
            long total = 0;
            for (int c = 0; c < 7; c++) {
                total += n[r][c];
            }
            if (total < minTransitions || total == 0) {
                p[r][r + 1 < 4 ? r + 1 : DEFAULT] = 1.0;
                continue;
            }
            for (int c = 0; c < 4; c++) {
                p[r][c] = (double) n[r][c] / total;
            }
            p[r][DEFAULT] = (double) (n[r][4] + n[r][5]) / total;
            p[r][CLOSED] = (double) n[r][6] / total;
        }
        p[DEFAULT][DEFAULT] = 1.0;
        p[CLOSED][CLOSED] = 1.0;
    }

    /** Probability of reaching default within {@code months} steps from bucket {@code from}: {@code (e_from P^months)[D]}. */
    static double defaultProbability(double[][] p, int from, int months) {
        double[] v = new double[STATES];
        double[] w = new double[STATES];
        v[from] = 1.0;
        for (int t = 0; t < months; t++) {
            java.util.Arrays.fill(w, 0);
            for (int i = 0; i < STATES; i++) {
                if (v[i] == 0) {
                    continue;
                }
                for (int j = 0; j < STATES; j++) {
                    w[j] += v[i] * p[i][j];
                }
            }
            double[] x = v;
            v = w;
            w = x;
        }
        return v[DEFAULT];
    }

    private static double clamp01(double x) {
        return Math.max(0.0, Math.min(1.0, x));
    }
}
