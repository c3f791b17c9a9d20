package org.creditstress.metric;

/**
 * What metrics can read of a finished month: aggregates only, in yuan, shares and counts.
 * Implemented by the model; metrics never see agents. Bucket 0..4 means M0, M1, M2, M3, M4+.
 */
public interface MonthView {
    int month();

    int borrowers();

    int lenders();

    double segmentNonPerforming(int segment);

    double unemploymentRate();

    double unemploymentTarget();

    double incomeGrowthAnnual();

    double fundingRateAnnual();

    /** This month's inflation of essential prices, annual rate. */
    double inflationAnnual();

    /** Price level of essentials, 1 before month 1. */
    double priceLevel();

    /** Factor on essential spending: the price level over the income-growth index. */
    double essentialsPriceFactor();

    /** This month's multiplier on discretionary purchases from the seasonal calendar. */
    double purchaseSeason();

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

    /** Open accounts whose balance exceeds the limit, one lender or all. */
    long overLimitAccounts(int lender);

    /**
     * Ranking power of the lender's approval score for accounts 12-24 months on book against
     * whether they went 3+ months past due: {@code [AUC, KS]} (NaN without goods and bads).
     */
    double[] scoreRanking(int lender);

    /**
     * Ranking power of the lender's behaviour score over a one-in-16 sample of its seasoned accounts
     * scored 12 months ago against whether they reached 3+ months past due since: {@code [AUC, KS,
     * AUC of the approval score of the same accounts]} (NaN without goods and bads).
     */
    double[] behaviourRanking(int lender);

    /** Balances above limits, one lender or all, yuan. */
    double overLimitAmount(int lender);

    /** People with no account at the lender and a free account slot. */
    long prospects(int lender);

    double writeOffs(int lender);

    /** Write-offs from month 1 to this month, all lenders. */
    double cumulativeWriteOffs();

    /** Accounts written off from month 1 to this month, all lenders. */
    long cumulativeAccountsWrittenOff();

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

    /** Active accounts of the segment's borrowers at least {@code fromBucket} (0, 1 or 3) months past due. */
    long segmentCount(int segment, int fromBucket);

    double segmentM3Plus(int segment);

    double savings();

    long borrowersWithCredit();

    /** Revolving balances on purchase lines, all lenders, yuan. */
    double revolving();

    /** Borrowers deleveraging after a missed payment. */
    long deleveragingBorrowers();

    double cashSpending();

    double creditSpending();

    double unmetEssentials();

    double income();

    /** Accounts that moved from bucket {@code from} (0-4) to {@code to}: 0-4 buckets, 5 written off, 6 paid off. */
    long rollCount(int from, int to);

    /** Share of accounts opened in quarter {@code cohort} (0-based from month 1) ever 3+ months past due; NaN if none. */
    double vintageEverM3Plus(int cohort);

    /** Balance in IFRS 9 stage {@code stage} (1, 2 or 3). */
    double stageBalance(int stage);

    double groupBalance(int group);

    double groupM1Plus(int group);

    double groupM3Plus(int group);

    double groupNonPerforming(int group);

    long restructuredActive();

    long restructuredDelinquent();

    double creditScoreMean();

    /** Counted events this month, by name of the model's Counter (e.g. LOANS_STACKED), all lenders. */
    long events(String counter);

    /** A borrower flow this month, by name of the model's BorrowerFlow (e.g. BORROWERS_REPLACED), all chunks. */
    double borrowerFlow(String flow);

    /** Money flows this month, by name of the model's Flow (e.g. FRAUD_WRITE_OFFS), one lender or all. */
    double flow(String flow, int lender);

    /** Court activity this month: filed, taken, judged, enforced, withdrawn, waiting, in_court. */
    long courtCases(String what);

    double courtRecoveries();

    double legalCosts();

    /** Mean months from filing to recovery of cases that recovered something this month; NaN if none. */
    double monthsFilingToRecovery();

    /** Recoveries on written-off balances this month (courts and collection after write-off). */
    double recoveries(int lender);

    /** Recoveries from month 1 to this month, all lenders. */
    double cumulativeRecoveries();

    /** Lines drawn from funders (lender index). */
    double linesDrawn(int lender);

    double lineLimits(int lender);

    /** Funders' claims on the lender's receivables (co-lent and bought). */
    double funderClaims(int lender);

    double liquidityCoverageRatio(int lender);

    double survivalMonths(int lender);

    /** Months the lender's cash lasts in a stressed run-off (it stops lending; no new funding). */
    double runoffMonths(int lender);

    /** Funding the lender lacks to survive its survival target on the stressed ladder, yuan. */
    double fundingNeed(int lender);

    /** The lender's expected own-share inflow in ladder month {@code month} (0: the next 30 days), yuan. */
    double ladderInflow(int lender, int month);

    /** The lender's expected own-share outflow in ladder month {@code month} (0: the next 30 days), yuan. */
    double ladderOutflow(int lender, int month);

    /** Net cash need next month beyond cash and undrawn funding; 0 if none. */
    double fundingGap(int lender);

    double cashOutflows(int lender);

    double cashInflows(int lender);

    double receivablesSold(int lender);

    boolean failed(int lender);

    /** Why the lender failed: 0 not failed, 1 out of cash, 2 resolved for lack of capital. */
    int failureCause(int lender);

    int covenantBreaches(int lender);

    double unpaid(int lender);

    double funderCapital(int funder);

    double funderLosses(int funder);

    double funderExposure(int funder);

    double funderLineLimits(int funder);

    boolean funderStressed(int funder);

    /** The funder's distress after DebtRank propagation this month (0-1); NaN without funders. */
    double funderDistress(int funder);

    /** Capital-weighted DebtRank of the lender-funder network this month; NaN without funders. */
    double networkDebtRank();

    int clearingDefaults();

    double clearingShortfall();

    /** Lenders are addressed by index; all lenders is -1 where a method says so. */
    int ALL = -1;

    /** Balance in five-tier class {@code tier} (0 正常 normal, 1 关注, 2 次级, 3 可疑, 4 损失 loss), one lender or all. */
    double tierBalance(int lender, int tier);

    /** IFRS 9 expected credit loss of stage {@code stage} (1, 2 or 3) on the lender's whole book (co-lent part included), one lender or all. */
    double ecl(int lender, int stage);

    /** The lender's fitted forward-looking 12-month PD of an account in bucket {@code bucket} (0 = M0 .. 3 = M3). */
    double pd12(int lender, int bucket);

    /** The lender's fitted lifetime PD of an account in bucket {@code bucket} (0 = M0 .. 3 = M3). */
    double pdLifetime(int lender, int bucket);

    /** The lender's fitted loss given default. */
    double lgd(int lender);

    /** Factor the lender's PDs are scaled by for the unemployment path ahead. */
    double eclForwardFactor(int lender);

    /** Risk-weighted assets of the lender's own share. */
    double riskWeightedAssets(int lender);

    /** Capital adequacy ratio: equity over risk-weighted assets; NaN once failed or with no RWA. */
    double capitalAdequacyRatio(int lender);

    /** Minimum capital adequacy ratio in force (the lender's, or a higher policy minimum). */
    double minCapitalAdequacyRatio(int lender);

    /** Capital buffer above the minimum capital adequacy ratio. */
    double capitalBuffer(int lender);

    /**
     * A line of this month's profit and loss (own share), one lender or all: interest_income,
     * fee_income, penalty_income, suspense_released, merchant_fees, recoveries, funding_cost,
     * operating_cost, collection_cost, legal_cost, provision_charge, sale_losses, pre_tax_profit,
     * dividends, opening_equity.
     */
    double profitAndLoss(int lender, String line);

    /** Penalty interest held in suspense (own share) at the end of the month. */
    double suspense(int lender);

    /** Own receivables (all receivables less funders' claims). */
    double ownReceivables(int lender);

    /** Balance now of active accounts in IFRS 9 stage {@code from} (1-3) last month and {@code to} now. */
    double stageTransfer(int from, int to);

    /** Balance now of active accounts in bucket {@code from} (0-4) last month and bucket {@code to} (0-4) now. */
    double rollBalance(int from, int to);

    /** Balance in bucket {@code bucket} (0-4) at the end of last month, all lenders; NaN in the first month recorded. */
    double previousBucketBalance(int bucket);
}
