package org.creditstress.scenario;

/**
 * China's five-tier loan classification as a table of months past due: 正常 normal, 关注 special
 * mention, 次级 substandard, 可疑 doubtful, 损失 loss. The last three are non-performing.
 */
public record ClassificationSpec(int specialMentionFrom, int substandardFrom, int doubtfulFrom, int lossFrom) {

    /** Whether an account this many months past due is non-performing (次级 or worse). */
    public boolean nonPerforming(int monthsPastDue) {
        return monthsPastDue >= substandardFrom;
    }
}
