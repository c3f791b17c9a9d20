package org.creditstress.model.lender;

import org.creditstress.model.borrower.AccountTable;

/**
 * The lender's monthly behaviour score of an open account: the log-odds that the account reaches
 * 3+ months past due within the next 12 months, from what the lender observes of the account's
 * own payment history and use and, where it sees the bureau, of the borrower's record. Higher is
 * riskier (as the approval score). A points-style scorecard in natural log-odds units:
 *
 * <pre>
 * s = -5.0                                   intercept: a seasoned, clean, unused account
 *     + 1.4 * min(m, 3)                      m: months past due now
 *     + 1.0 * max(0, 1 - g / 12)             g: months paid since the last delinquency (goodMonths)
 *     + 1.0 * [ever 3+ months past due]      a cured serious delinquency
 *     + 1.5 * min(u, 1.5)                    u: balance / limit (utilisation)
 *     + 0.7 * [revolving balance > 0]        pays only part (the minimum) of a line's statement
 *     + 1.5 * (score_mean - credit score) / 100   only where the lender sees the bureau
 *     + 1.0 * [delinquency elsewhere visible]     only where the lender sees the bureau
 *     + 0.5 * max(0, 1 - months on book / 12)     a young account
 * </pre>
 *
 * <p>Weights (log-odds per unit) are assumptions in the ranges scorecard practice reports, not a
 * fit: current delinquency and recency of the last one are the strongest behavioural
 * characteristics, then utilisation and revolving (Thomas, Edelman and Crook, <i>Credit Scoring
 * and Its Applications</i>, 2nd ed., 2017, ch. 6 and 8; Siddiqi, <i>Credit Risk Scorecards</i>, 2006);
 * FICO weighs payment history 35 % and amounts owed 30 % of its score. A bureau score with 20-40
 * points to double the odds is 1.7-3.5 log-odds per 100 points; 1.5 is lower because the model's
 * bureau score (sd {@code bureau.score_sd}) carries less information. The intercept puts the
 * population's typical account (utilisation about a half) near -4 (a 12-month bad rate of about
 * 2 %, the order of the baseline's). With {@code e^s / (1 + e^s)} the score reads as a probability;
 * a threshold of -3 is about 4.7 %, -1.5 about 18 %.
 *
 * <p>It needs no state of its own: every term is read from the account and borrower tables. Months
 * since the last delinquency is {@code goodMonths}, which a utilisation review (the old rule)
 * also resets at each increase; a behaviour review leaves it alone. The lender's own limit cuts
 * are not a term: the score decides them, and a term for them would feed the score back into
 * itself.
 */
public final class BehaviourScore implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Log-odds of a seasoned account with a clean record and nothing owed. */
    public static final double INTERCEPT = -5.0;
    /** Per month past due now (capped at 3). */
    public static final double PER_MONTH_PAST_DUE = 1.4;
    /** For no clean month since the last delinquency, falling linearly to 0 at {@link #CLEAN_MONTHS}. */
    public static final double NO_CLEAN_RECORD = 1.0;
    public static final int CLEAN_MONTHS = 12;
    /** For an account that has been 3+ months past due and cured. */
    public static final double CURED_SERIOUS = 1.0;
    /** Per unit of utilisation (capped at {@link #UTILISATION_CAP}). */
    public static final double PER_UTILISATION = 1.5;
    public static final double UTILISATION_CAP = 1.5;
    /** For a line carrying a revolving balance (paid only part of its statement). */
    public static final double REVOLVING = 0.7;
    /** Per 100 bureau points below the starting mean (above it, the term is negative). */
    public static final double PER_100_BUREAU_POINTS = 1.5;
    /** For a delinquency at another lender visible at the bureau. */
    public static final double DELINQUENT_ELSEWHERE = 1.0;
    /** For a new account, falling linearly to 0 at {@link #SEASONING_MONTHS} on book. */
    public static final double NEW_ACCOUNT = 0.5;
    public static final int SEASONING_MONTHS = 12;

    private final double scoreMean;

    /** @param scoreMean the bureau score's starting mean ({@code bureau.score_mean}) */
    public BehaviourScore(double scoreMean) {
        this.scoreMean = scoreMean;
    }

    /**
     * The score of open account {@code a} in month {@code month}.
     *
     * @param creditScore         the borrower's bureau score (read by the caller, which knows the borrower)
     * @param balance             the account's balance ({@link AccountTable#balance}, read by the caller)
     * @param seesBureau          whether the lender sees the borrower's bureau record
     * @param delinquentElsewhere whether it sees a delinquency at another lender there
     */
    public double of(AccountTable acc, double creditScore, int a, double balance, int month, boolean seesBureau, boolean delinquentElsewhere) {
        double s = INTERCEPT;
        int m = acc.monthsPastDue[a];
        s += PER_MONTH_PAST_DUE * Math.min(m, 3);
        int g = acc.goodMonths[a];
        if (g < CLEAN_MONTHS) {
            s += NO_CLEAN_TERM[g];
        }
        if ((acc.flags[a] & AccountTable.EVER_M3) != 0) {
            s += CURED_SERIOUS;
        }
        double limit = acc.limit[a];
        if (balance > 0) {
            s += PER_UTILISATION * (limit > 0 ? Math.min(UTILISATION_CAP, balance / limit) : UTILISATION_CAP);
        }
        if (acc.revolving[a] > 0) {
            s += REVOLVING;
        }
        if (seesBureau) {
            s += PER_100_BUREAU_POINTS * (scoreMean - creditScore) / 100.0;
            if (delinquentElsewhere) {
                s += DELINQUENT_ELSEWHERE;
            }
        }
        int onBook = month - acc.openedMonth[a];
        if (onBook < SEASONING_MONTHS) {
            s += NEW_ACCOUNT_TERM[Math.max(0, onBook)];
        }
        return s;
    }

    /** {@code NO_CLEAN_RECORD * (1 - g / CLEAN_MONTHS)} for {@code g = 0 .. CLEAN_MONTHS - 1}: the same doubles, no division per account. */
    private static final double[] NO_CLEAN_TERM = new double[CLEAN_MONTHS];
    /** {@code NEW_ACCOUNT * (1 - n / SEASONING_MONTHS)} for {@code n = 0 .. SEASONING_MONTHS - 1}. */
    private static final double[] NEW_ACCOUNT_TERM = new double[SEASONING_MONTHS];

    static {
        for (int g = 0; g < CLEAN_MONTHS; g++) {
            NO_CLEAN_TERM[g] = NO_CLEAN_RECORD * (1.0 - g / (double) CLEAN_MONTHS);
        }
        for (int n = 0; n < SEASONING_MONTHS; n++) {
            NEW_ACCOUNT_TERM[n] = NEW_ACCOUNT * (1.0 - n / (double) SEASONING_MONTHS);
        }
    }

    /** The score as a probability: {@code e^s / (1 + e^s)}. */
    public static double probability(double s) {
        return 1.0 / (1.0 + Math.exp(-s));
    }
}
