package org.creditstress.model;

/**
 * AUC and Kolmogorov-Smirnov statistic of a score from binned counts of good and bad accounts
 * (bins in increasing score; a higher score is riskier). AUC = P(score_bad > score_good) +
 * P(tie) / 2 with ties being accounts in the same bin; KS = max over bins of |F_bad - F_good|.
 * Binning at 0.05 standard deviations changes the AUC by far less than its sampling error.
 */
final class ScoreRanking {
    private ScoreRanking() {
    }

    /** {@code [AUC, KS]}, NaN when there are no goods or no bads. */
    static double[] of(long[] good, long[] bad) {
        double goods = 0;
        double bads = 0;
        for (int k = 0; k < good.length; k++) {
            goods += good[k];
            bads += bad[k];
        }
        if (goods == 0 || bads == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double below = 0;
        double concordant = 0;
        double cumGood = 0;
        double cumBad = 0;
        double ks = 0;
        for (int k = 0; k < good.length; k++) {
            concordant += bad[k] * (below + 0.5 * good[k]);
            below += good[k];
            cumGood += good[k];
            cumBad += bad[k];
            ks = Math.max(ks, Math.abs(cumGood / goods - cumBad / bads));
        }
        return new double[] {concordant / (goods * bads), ks};
    }
}
