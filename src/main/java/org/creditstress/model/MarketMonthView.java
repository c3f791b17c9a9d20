package org.creditstress.model;

import org.creditstress.metric.MonthView;
import org.creditstress.model.engine.BorrowerFlow;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.lender.LenderState;

/** The model's answer to {@link MonthView}: reads the month's scan, ledger, lenders and economy. */
final class MarketMonthView implements java.io.Serializable, MonthView {
    private final Market market;
    private final PortfolioScan scan;
    private final org.creditstress.model.court.Courts courts;
    private final org.creditstress.model.lender.LenderBooks books;
    private final org.creditstress.model.lender.LenderFunding funding;
    private final org.creditstress.model.funder.NetworkMeasuresPhase networkMeasures;
    private final org.creditstress.model.lender.LiquidityLadder ladder;
    private final org.creditstress.model.lender.BehaviourRanking ranking;
    private double cumulativeWriteOffs;
    private long cumulativeAccountsWrittenOff;
    private double cumulativeRecoveries;
    private double receivablesSum;
    private int recordedMonths;
    private double previousReceivables;
    private double currentReceivables;
    private final double[] previousBuckets = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    private final double[] currentBuckets = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    MarketMonthView(Market market, PortfolioScan scan, org.creditstress.model.court.Courts courts,
                    org.creditstress.model.lender.LenderBooks books, org.creditstress.model.lender.LenderFunding funding,
                    org.creditstress.model.funder.NetworkMeasuresPhase networkMeasures,
                    org.creditstress.model.lender.LiquidityLadder ladder, org.creditstress.model.lender.BehaviourRanking ranking) {
        this.ladder = ladder;
        this.ranking = ranking;
        this.market = market;
        this.scan = scan;
        this.courts = courts;
        this.books = books;
        this.funding = funding;
        this.networkMeasures = networkMeasures;
    }

    private org.creditstress.model.funder.NetworkMeasures.Result network;

    /** Rolls the running totals forward; called once per month before metrics are read. */
    void advance() {
        network = networkMeasures.latest();
        previousReceivables = currentReceivables;
        currentReceivables = receivables();
        for (int b = 0; b < 5; b++) {
            previousBuckets[b] = currentBuckets[b];
            currentBuckets[b] = bucketBalance(ALL, b);
        }
        if (market.month() >= 1) {
            cumulativeWriteOffs += writeOffs(ALL);
            cumulativeAccountsWrittenOff += accountsWrittenOff();
            cumulativeRecoveries += recoveries(ALL);
            receivablesSum += currentReceivables;
            recordedMonths++;
        }
    }

    private PortfolioStats s() {
        return scan.stats();
    }

    private LenderState lender(int l) {
        return market.lenders.get(l);
    }

    private double flow(Flow f, int lender) {
        return lender == ALL ? market.ledger.total(f) : market.ledger.total(f, lender);
    }

    @Override
    public int month() {
        return market.month();
    }

    @Override
    public int borrowers() {
        return market.borrowers.size;
    }

    @Override
    public int lenders() {
        return market.lenders.size();
    }

    @Override
    public double segmentNonPerforming(int segment) {
        return s().segmentNonPerforming[segment];
    }

    @Override
    public double unemploymentRate() {
        return market.macro.unemploymentRate();
    }

    @Override
    public double unemploymentTarget() {
        return market.macro.unemploymentTarget();
    }

    @Override
    public double incomeGrowthAnnual() {
        return market.macro.incomeGrowthAnnual();
    }

    @Override
    public double fundingRateAnnual() {
        return market.macro.fundingRateAnnual();
    }

    @Override
    public double inflationAnnual() {
        return market.macro.inflationAnnual();
    }

    @Override
    public double priceLevel() {
        return market.macro.priceLevel();
    }

    @Override
    public double essentialsPriceFactor() {
        return market.macro.essentialsPriceFactor();
    }

    @Override
    public double purchaseSeason() {
        return market.macro.purchaseSeason();
    }

    @Override
    public double receivables() {
        return s().totalReceivables();
    }

    @Override
    public double receivables(int lender) {
        return lender == ALL ? receivables() : s().receivables[lender];
    }

    @Override
    public double bucketBalance(int lender, int bucket) {
        if (lender != ALL) {
            return s().bucketBalance[lender][bucket];
        }
        double sum = 0;
        for (double[] row : s().bucketBalance) {
            sum += row[bucket];
        }
        return sum;
    }

    @Override
    public long bucketCount(int lender, int bucket) {
        if (lender != ALL) {
            return s().bucketCount[lender][bucket];
        }
        long sum = 0;
        for (long[] row : s().bucketCount) {
            sum += row[bucket];
        }
        return sum;
    }

    private static double sum(double[] values, int lender) {
        if (lender != ALL) {
            return values[lender];
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    @Override
    public double nonPerforming(int lender) {
        return sum(s().nonPerforming, lender);
    }

    @Override
    public double lineBalance(int lender) {
        return sum(s().lineBalance, lender);
    }

    @Override
    public double loanBalance(int lender) {
        return sum(s().loanBalance, lender);
    }

    @Override
    public double limits(int lender) {
        return sum(s().limits, lender);
    }

    @Override
    public long openAccounts(int lender) {
        long sum = 0;
        for (int l = 0; l < s().openAccounts.length; l++) {
            if (lender == ALL || lender == l) {
                sum += s().openAccounts[l];
            }
        }
        return sum;
    }

    @Override
    public double writeOffs(int lender) {
        return flow(Flow.WRITE_OFFS, lender);
    }

    @Override
    public double cumulativeWriteOffs() {
        return cumulativeWriteOffs;
    }

    @Override
    public long cumulativeAccountsWrittenOff() {
        return cumulativeAccountsWrittenOff;
    }

    @Override
    public double averageReceivablesToDate() {
        return recordedMonths == 0 ? Double.NaN : receivablesSum / recordedMonths;
    }

    @Override
    public double previousReceivables() {
        return previousReceivables;
    }

    @Override
    public double purchases(int lender) {
        return flow(Flow.PURCHASES, lender);
    }

    @Override
    public double disbursed(int lender) {
        return flow(Flow.DISBURSED, lender);
    }

    @Override
    public double repayments(int lender) {
        return flow(Flow.REPAYMENTS, lender);
    }

    @Override
    public double charges(int lender) {
        return flow(Flow.CHARGES, lender);
    }

    @Override
    public double collectionCost(int lender) {
        return flow(Flow.COLLECTION_COST, lender);
    }

    @Override
    public long loansDrawn() {
        return market.ledger.total(Counter.LOANS_DRAWN);
    }

    @Override
    public long curesByCollection() {
        return market.ledger.total(Counter.CURES_BY_COLLECTION);
    }

    @Override
    public long accountsWrittenOff() {
        return market.ledger.total(Counter.ACCOUNTS_WRITTEN_OFF);
    }

    @Override
    public double cash(int lender) {
        return lender(lender).cash();
    }

    @Override
    public double equity(int lender) {
        return lender(lender).equity();
    }

    @Override
    public double capitalRatio(int lender) {
        return lender(lender).capitalRatio();
    }

    @Override
    public double minCapitalRatio(int lender) {
        return org.creditstress.model.policy.PolicyState.atLeast(lender(lender).spec.balanceSheet().minCapitalRatio(),
                market.policy.minCapitalRatio());
    }

    @Override
    public double provisions(int lender) {
        return lender(lender).provisions();
    }

    @Override
    public double funding(int lender) {
        return lender(lender).funding();
    }

    @Override
    public double emergencyFunding(int lender) {
        return lender(lender).emergencyFunding();
    }

    @Override
    public boolean lending(int lender) {
        return lender(lender).lending();
    }

    @Override
    public double segmentBalance(int segment) {
        return s().segmentBalance[segment];
    }

    @Override
    public long segmentCount(int segment, int fromBucket) {
        return s().segmentCount[segment][fromBucket == 0 ? 0 : fromBucket < 3 ? 1 : 2];
    }

    @Override
    public double segmentM1Plus(int segment) {
        return s().segmentM1Plus[segment];
    }

    @Override
    public double segmentM3Plus(int segment) {
        return s().segmentM3Plus[segment];
    }

    @Override
    public double savings() {
        return s().savings;
    }

    @Override
    public long borrowersWithCredit() {
        return s().borrowersWithCredit;
    }

    @Override
    public double revolving() {
        return s().revolving;
    }

    @Override
    public long deleveragingBorrowers() {
        return s().deleveraging;
    }

    @Override
    public double cashSpending() {
        return market.ledger.total(BorrowerFlow.CASH_SPENDING);
    }

    @Override
    public double creditSpending() {
        return market.ledger.total(BorrowerFlow.CREDIT_SPENDING);
    }

    @Override
    public double unmetEssentials() {
        return market.ledger.total(BorrowerFlow.UNMET_ESSENTIALS);
    }

    @Override
    public double linesDrawn(int lender) {
        return lender(lender).linesDrawn();
    }

    @Override
    public double lineLimits(int lender) {
        return market.funding.book(lender).lineLimits();
    }

    @Override
    public double funderClaims(int lender) {
        return lender(lender).funderClaims();
    }

    @Override
    public double liquidityCoverageRatio(int lender) {
        return ladder.lcr(lender(lender));
    }

    @Override
    public double survivalMonths(int lender) {
        return ladder.survivalMonths(lender(lender));
    }

    @Override
    public double runoffMonths(int lender) {
        return ladder.runoffMonths(lender(lender));
    }

    @Override
    public double fundingNeed(int lender) {
        return ladder.fundingNeed(lender(lender));
    }

    @Override
    public double ladderInflow(int lender, int month) {
        return ladder.inflow(lender, month);
    }

    @Override
    public double ladderOutflow(int lender, int month) {
        return ladder.outflow(lender, month);
    }

    @Override
    public double fundingGap(int lender) {
        LenderState l = lender(lender);
        return Math.max(0.0, l.outflows() - l.inflows() - l.cash() - funding.undrawnFunding(l));
    }

    @Override
    public double cashOutflows(int lender) {
        return lender(lender).outflows();
    }

    @Override
    public double cashInflows(int lender) {
        return lender(lender).inflows();
    }

    @Override
    public double receivablesSold(int lender) {
        return lender(lender).receivablesSold();
    }

    @Override
    public boolean failed(int lender) {
        return lender(lender).failed();
    }

    @Override
    public int covenantBreaches(int lender) {
        return lender(lender).covenantBreaches();
    }

    @Override
    public double unpaid(int lender) {
        return lender(lender).unpaid();
    }

    private org.creditstress.model.funder.FunderState funder(int f) {
        return market.funding.funders().get(f);
    }

    @Override
    public double funderCapital(int funder) {
        return funder(funder).remainingCapital();
    }

    @Override
    public double funderLosses(int funder) {
        return funder(funder).losses();
    }

    @Override
    public double funderExposure(int funder) {
        return market.funding.exposure(funder(funder));
    }

    @Override
    public double funderLineLimits(int funder) {
        return market.funding.lineLimits(funder(funder));
    }

    @Override
    public boolean funderStressed(int funder) {
        return funder(funder).stressed();
    }

    @Override
    public double funderDistress(int funder) {
        return network == null || network.funderDistress().length == 0 ? Double.NaN : network.funderDistress()[funder];
    }

    @Override
    public double networkDebtRank() {
        return network == null ? Double.NaN : network.debtRank();
    }

    @Override
    public int clearingDefaults() {
        return network == null ? 0 : network.clearingDefaults();
    }

    @Override
    public double clearingShortfall() {
        return network == null ? 0.0 : network.clearingShortfall();
    }

    @Override
    public long rollCount(int from, int to) {
        return s().roll[from][to];
    }

    @Override
    public double vintageEverM3Plus(int cohort) {
        long n = s().cohortAccounts[cohort];
        return n == 0 ? Double.NaN : (double) s().cohortEverM3[cohort] / n;
    }

    @Override
    public double stageBalance(int stage) {
        return s().stageBalance[stage - 1];
    }

    @Override
    public double groupBalance(int group) {
        return s().groupBalance[group];
    }

    @Override
    public double groupM1Plus(int group) {
        return s().groupM1Plus[group];
    }

    @Override
    public double groupM3Plus(int group) {
        return s().groupM3Plus[group];
    }

    @Override
    public double groupNonPerforming(int group) {
        return s().groupNonPerforming[group];
    }

    @Override
    public long restructuredActive() {
        return s().restructuredActive;
    }

    @Override
    public long restructuredDelinquent() {
        return s().restructuredDelinquent;
    }

    @Override
    public double creditScoreMean() {
        return s().creditScoreSum / market.borrowers.size;
    }

    @Override
    public double[] scoreRanking(int lender) {
        return ScoreRanking.of(s().rankGood[lender], s().rankBad[lender]);
    }

    @Override
    public double[] behaviourRanking(int lender) {
        double[] behaviour = ScoreRanking.of(ranking.good[lender], ranking.bad[lender]);
        double[] approval = ScoreRanking.of(ranking.approvalGood[lender], ranking.approvalBad[lender]);
        return new double[] {behaviour[0], behaviour[1], approval[0]};
    }

    @Override
    public long overLimitAccounts(int lender) {
        long sum = 0;
        for (int l = 0; l < market.lenders.size(); l++) {
            if (lender == ALL || lender == l) {
                sum += s().overLimitCount[l];
            }
        }
        return sum;
    }

    @Override
    public double overLimitAmount(int lender) {
        return sum(s().overLimitAmount, lender);
    }

    @Override
    public long prospects(int lender) {
        return s().prospects[lender];
    }

    @Override
    public int failureCause(int lender) {
        return lender(lender).failureCause().code;
    }

    @Override
    public double borrowerFlow(String flow) {
        return market.ledger.total(BorrowerFlow.valueOf(flow));
    }

    @Override
    public long events(String counter) {
        return market.ledger.total(Counter.valueOf(counter));
    }

    @Override
    public double flow(String flow, int lender) {
        return flow(Flow.valueOf(flow), lender);
    }

    @Override
    public long courtCases(String what) {
        var st = courts.stats();
        return switch (what) {
            case "filed" -> st.filed;
            case "taken" -> st.taken;
            case "judged" -> st.judged;
            case "enforced" -> st.enforced;
            case "withdrawn" -> st.withdrawn;
            case "waiting" -> st.waiting;
            case "in_court" -> st.inCourt;
            default -> throw new IllegalArgumentException(what);
        };
    }

    @Override
    public double courtRecoveries() {
        return courts.stats().recoveries;
    }

    @Override
    public double legalCosts() {
        return courts.stats().legalCosts;
    }

    @Override
    public double monthsFilingToRecovery() {
        var st = courts.stats();
        return st.recoveredCases == 0 ? Double.NaN : st.monthsFilingToRecoverySum / st.recoveredCases;
    }

    @Override
    public double recoveries(int lender) {
        if (lender != ALL) {
            return books.recoveries(lender);
        }
        double sum = 0;
        for (int l = 0; l < market.lenders.size(); l++) {
            sum += books.recoveries(l);
        }
        return sum;
    }

    @Override
    public double cumulativeRecoveries() {
        return cumulativeRecoveries;
    }

    @Override
    public double income() {
        return market.ledger.total(BorrowerFlow.INCOME);
    }

    @Override
    public double tierBalance(int lender, int tier) {
        double sum = 0;
        for (int l = 0; l < market.lenders.size(); l++) {
            if (lender == ALL || lender == l) {
                sum += s().tierBalance[l][tier];
            }
        }
        return sum;
    }

    @Override
    public double ecl(int lender, int stage) {
        if (lender != ALL) {
            return books.ecl(lender).ecl(stage - 1);
        }
        double sum = 0;
        for (int l = 0; l < market.lenders.size(); l++) {
            sum += books.ecl(l).ecl(stage - 1);
        }
        return sum;
    }

    @Override
    public double pd12(int lender, int bucket) {
        return books.ecl(lender).pd12(bucket);
    }

    @Override
    public double pdLifetime(int lender, int bucket) {
        return books.ecl(lender).pdLifetime(bucket);
    }

    @Override
    public double lgd(int lender) {
        return books.ecl(lender).lgd();
    }

    @Override
    public double eclForwardFactor(int lender) {
        return books.ecl(lender).forwardFactor();
    }

    @Override
    public double riskWeightedAssets(int lender) {
        return lender(lender).riskWeightedAssets();
    }

    @Override
    public double capitalAdequacyRatio(int lender) {
        return lender(lender).capitalAdequacyRatio();
    }

    @Override
    public double minCapitalAdequacyRatio(int lender) {
        return org.creditstress.model.policy.PolicyState.atLeast(books.capital(lender).minimum(), market.policy.minCapitalRatio());
    }

    @Override
    public double capitalBuffer(int lender) {
        return books.capital(lender).buffer();
    }

    @Override
    public double profitAndLoss(int lender, String line) {
        if (lender != ALL) {
            return line(lender(lender).pnl, line);
        }
        double sum = 0;
        for (LenderState l : market.lenders) {
            sum += line(l.pnl, line);
        }
        return sum;
    }

    private static double line(org.creditstress.model.lender.ProfitAndLoss p, String line) {
        return switch (line) {
            case "interest_income" -> p.interest();
            case "fee_income" -> p.fees();
            case "penalty_income" -> p.penalty();
            case "suspense_released" -> p.suspenseReleased();
            case "merchant_fees" -> p.merchantFees();
            case "recoveries" -> p.recoveries();
            case "funding_cost" -> p.fundingCost();
            case "operating_cost" -> p.operatingCost();
            case "collection_cost" -> p.collectionCost();
            case "legal_cost" -> p.legalCost();
            case "provision_charge" -> p.provisionCharge();
            case "sale_losses" -> p.saleLosses();
            case "pre_tax_profit" -> p.preTaxProfit();
            case "dividends" -> p.dividends();
            case "opening_equity" -> p.openingEquity();
            default -> throw new IllegalArgumentException("unknown profit and loss line: " + line);
        };
    }

    @Override
    public double suspense(int lender) {
        return lender(lender).suspense();
    }

    @Override
    public double ownReceivables(int lender) {
        return lender(lender).ownReceivables();
    }

    @Override
    public double stageTransfer(int from, int to) {
        return s().stageTransfer[from - 1][to - 1];
    }

    @Override
    public double rollBalance(int from, int to) {
        return s().rollBalance[from][to];
    }

    @Override
    public double previousBucketBalance(int bucket) {
        return previousBuckets[bucket];
    }
}
