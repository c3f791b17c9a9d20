package org.creditstress.scenario;

/**
 * China's five-tier loan classification as a table of months past due plus a restructuring rule:
 * 正常 normal, 关注 special mention, 次级 substandard, 可疑 doubtful, 损失 loss. The last three are
 * non-performing. Write-off is a separate rule ({@code lenders[].write_off_months}): the table
 * classes the accounts still on book.
 *
 * <p>Restructuring: a restructured account is at least substandard until it has paid on time for
 * {@code restructured_observation_months} months in a row (the 2023 Measures for the risk
 * classification of financial assets, CBIRC/PBOC Order 2023 No. 1, keep restructured assets at
 * least substandard over an observation period).
 *
 * @param specialMentionFrom            first month past due classed special mention
 * @param substandardFrom               first month past due classed substandard
 * @param doubtfulFrom                  first month past due classed doubtful
 * @param lossFrom                      first month past due classed loss
 * @param restructuredObservationMonths consecutive months paid before a restructured account leaves substandard
 */
public record ClassificationSpec(int specialMentionFrom, int substandardFrom, int doubtfulFrom, int lossFrom,
                                 int restructuredObservationMonths) {
    public static final int NORMAL = 0;
    public static final int SPECIAL_MENTION = 1;
    public static final int SUBSTANDARD = 2;
    public static final int DOUBTFUL = 3;
    public static final int LOSS = 4;
    /** Class names in tier order, as used in metric names. */
    public static final java.util.List<String> TIERS = java.util.List.of("normal", "special_mention", "substandard", "doubtful", "loss");

    /**
     * The class (0 normal .. 4 loss) of an account this many months past due, restructured or not,
     * that has paid on time for {@code goodMonths} months in a row.
     */
    public int tier(int monthsPastDue, boolean restructured, int goodMonths) {
        int byDays = monthsPastDue >= lossFrom ? LOSS
                : monthsPastDue >= doubtfulFrom ? DOUBTFUL
                : monthsPastDue >= substandardFrom ? SUBSTANDARD
                : monthsPastDue >= specialMentionFrom ? SPECIAL_MENTION : NORMAL;
        if (restructured && goodMonths < restructuredObservationMonths && byDays < SUBSTANDARD) {
            return SUBSTANDARD;
        }
        return byDays;
    }

    /** Whether a class is non-performing (次级 or worse). */
    public static boolean nonPerforming(int tier) {
        return tier >= SUBSTANDARD;
    }
}
