package org.creditstress.metric;

/**
 * What metrics can read of a finished month: aggregates only, in yuan, shares and counts.
 * Implemented by the model; metrics never see agents. Bucket 0..4 means M0, M1, M2, M3, M4+.
 */
public interface MonthView {
    int month();

    int borrowers();

    double unemploymentRate();

    double unemploymentTarget();

    double incomeGrowthAnnual();

    double fundingRateAnnual();

    /** Receivables of active accounts over all lenders (or one lender), yuan. */
    double receivables();

    double receivables(int lender);

    /** Balance in bucket {@code bucket} (one lender, or all when {@code lender < 0}). */
    double bucketBalance(int lender, int bucket);

    /** Active accounts in bucket {@code bucket} (one lender, or all when {@code lender < 0}). */
    long bucketCount(int lender, int bucket);

    double nonPerforming(int lender);

    double lineBalance(int lender);

    double loanBalance(int lender);

    double limits(int lender);

    long openAccounts(int lender);

    double writeOffs(int lender);

    /** Write-offs from month 1 to this month, all lenders. */
    double cumulativeWriteOffs();

    /** Mean total receivables over months 1 .. this month. */
    double averageReceivablesToDate();

    /** Total receivables at the end of the previous month. */
    double previousReceivables();

    double purchases(int lender);

    double disbursed(int lender);

    double repayments(int lender);

    double charges(int lender);

    double collectionCost(int lender);

    long loansDrawn();

    long curesByCollection();

    long accountsWrittenOff();

    double cash(int lender);

    double equity(int lender);

    double capitalRatio(int lender);

    double minCapitalRatio(int lender);

    double provisions(int lender);

    double funding(int lender);

    double emergencyFunding(int lender);

    boolean lending(int lender);

    double segmentBalance(int segment);

    double segmentM1Plus(int segment);

    double segmentM3Plus(int segment);

    double savings();

    long borrowersWithCredit();

    double cashSpending();

    double creditSpending();

    double unmetEssentials();

    double income();

    /** Lenders are addressed by index; all lenders is -1 where a method says so. */
    int ALL = -1;
}
