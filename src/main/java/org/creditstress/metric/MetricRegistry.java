package org.creditstress.metric;

import static org.creditstress.metric.Metric.Unit.CODE;
import static org.creditstress.metric.Metric.Unit.COUNT;
import static org.creditstress.metric.Metric.Unit.FLAG;
import static org.creditstress.metric.Metric.Unit.INDEX;
import static org.creditstress.metric.Metric.Unit.RATE_PER_YEAR;
import static org.creditstress.metric.Metric.Unit.RATIO;
import static org.creditstress.metric.Metric.Unit.SHARE;
import static org.creditstress.metric.Metric.Unit.YUAN;
import static org.creditstress.metric.Metric.Unit.YUAN_PER_BORROWER;
import static org.creditstress.metric.MonthView.ALL;

import java.util.ArrayList;
import java.util.List;

/**
 * Every metric of {@code metrics.csv}, in column order. Market-wide metrics first, then one
 * family per lender, then one per segment. This is the only place a metric is named.
 *
 * <p>Balance-weighted ratios divide balances of active accounts (open, with a balance) in the
 * given buckets by all receivables; count-weighted ratios divide numbers of active accounts.
 */
public final class MetricRegistry {
    private static final String[] BUCKETS = {"m0", "m1", "m2", "m3", "m4plus"};
    /** Five-tier classes in order, as used in metric names. */
    static final List<String> TIERS = List.of("normal", "special_mention", "substandard", "doubtful", "loss");
    private static final List<String> TIER_LABELS = List.of("正常 normal", "关注 special mention", "次级 substandard",
            "可疑 doubtful", "损失 loss");
    /** Profit and loss lines of MonthView.profitAndLoss, with their descriptions. */
    private static final String[][] PNL_LINES = {
            {"interest_income", "Loan interest charged (own share), including interest capitalised in a grace period."},
            {"fee_income", "Instalment fees charged on purchase lines (own share)."},
            {"penalty_income", "Penalty interest recognised as income: charged on accounts up to 90 DPD (own share)."},
            {"suspense_released", "Penalty interest released from suspense as accounts over 90 DPD are paid, cured or written off."},
            {"merchant_fees", "Merchant discount on purchases the lender settled."},
            {"recoveries", "Recoveries on written-off balances (own share)."},
            {"funding_cost", "Interest on lines, other funding and emergency funding."},
            {"operating_cost", "Operating cost (operating_cost_rate / 12 x receivables serviced)."},
            {"collection_cost", "Collection cost of delinquent accounts."},
            {"legal_cost", "Legal cost of cases filed."},
            {"provision_charge", "Provision charge: change in provisions plus own write-offs."},
            {"sale_losses", "Discount lost on receivables sold for cash."},
            {"pre_tax_profit", "Revenue (interest, fees, penalty income, suspense released, merchant fees) plus recoveries less costs, "
                    + "provision charge and sale losses: equals the change in equity plus dividends (checked each month)."},
            {"dividends", "Dividends paid above target_capital_ratio."}};
    private static final String[] BUCKET_DPD = {"current", "1-30 DPD", "31-60 DPD", "61-90 DPD", "over 90 DPD"};

    private final List<Metric> metrics;
    private final List<Metric> marketMetrics;
    private final List<MetricFamily> lenderFamilies;
    private final List<MetricFamily> segmentFamilies;
    private final List<MetricFamily> groupFamilies;
    private final List<MetricFamily> vintageFamilies;
    private final List<MetricFamily> funderFamilies;

    /** Borrower groups every headline ratio is split by, besides employment segments (order matters). */
    public static final List<String> GROUPS = List.of("thin_file", "established", "literacy_low", "literacy_mid",
            "literacy_high", "lenders_1", "lenders_2", "lenders_3plus");

    /**
     * @param lenderNames    lenders, in scenario order
     * @param segmentNames   employment segments, in scenario order
     * @param segmentMetrics whether to add per-segment and per-group columns
     * @param cohorts        quarterly origination cohorts for vintage columns (0 for none)
     */
    public MetricRegistry(List<String> lenderNames, List<String> segmentNames, boolean segmentMetrics, int cohorts) {
        this(lenderNames, List.of(), segmentNames, segmentMetrics, cohorts);
    }

    /**
     * @param funderNames funders, in scenario order
     */
    public MetricRegistry(List<String> lenderNames, List<String> funderNames, List<String> segmentNames, boolean segmentMetrics,
                          int cohorts) {
        funderFamilies = funder();
        marketMetrics = market();
        lenderFamilies = lender();
        segmentFamilies = segment();
        groupFamilies = group();
        vintageFamilies = vintage();
        List<Metric> all = new ArrayList<>(marketMetrics);
        lenderFamilies.forEach(f -> all.addAll(f.expand(lenderNames)));
        funderFamilies.forEach(f -> all.addAll(f.expand(funderNames)));
        if (segmentMetrics) {
            segmentFamilies.forEach(f -> all.addAll(f.expand(segmentNames)));
            groupFamilies.forEach(f -> all.addAll(f.expand(GROUPS)));
        }
        List<String> quarters = new ArrayList<>();
        for (int q = 1; q <= cohorts; q++) {
            quarters.add("q" + q);
        }
        vintageFamilies.forEach(f -> all.addAll(f.expand(quarters)));
        metrics = List.copyOf(all);
    }

    public MetricRegistry(List<String> lenderNames, List<String> segmentNames, boolean segmentMetrics) {
        this(lenderNames, segmentNames, segmentMetrics, 0);
    }

    /**
     * Unit economics by product: each lender's purchase line and cash loan (at most one of each),
     * as originated (every funder's share), so products can be compared before funding and
     * operating costs, which the lender's P&amp;L carries as a whole.
     */
    private static void productEconomics(List<MetricFamily> f) {
        String[][] products = {{"line", "purchase line"}, {"loan", "cash loan"}};
        for (String[] p : products) {
            boolean loan = p[0].equals("loan");
            String name = "lender.<name>." + p[0] + "_";
            f.add(new MetricFamily(name + "revenue", YUAN, "Revenue of the lender's " + p[1] + " this month, every funder's share: "
                    + (loan ? "interest and penalty interest recognised (not in suspense)."
                    : "instalment fees, revolving interest, penalty interest recognised and merchant fees."),
                    (v, l) -> productRevenue(v, l, loan)));
            f.add(new MetricFamily(name + "write_offs", YUAN, "Balances of the lender's " + p[1] + " written off this month.",
                    (v, l) -> productWriteOffs(v, l, loan)));
            f.add(new MetricFamily(name + "yield", RATE_PER_YEAR, "12 x the " + p[1] + "'s revenue over its receivables.",
                    (v, l) -> ratio(12.0 * productRevenue(v, l, loan), productBalance(v, l, loan))));
            f.add(new MetricFamily(name + "loss_rate", RATE_PER_YEAR, "12 x the " + p[1] + "'s write-offs over its receivables.",
                    (v, l) -> ratio(12.0 * productWriteOffs(v, l, loan), productBalance(v, l, loan))));
            f.add(new MetricFamily(name + "risk_adjusted_margin", RATE_PER_YEAR, "The " + p[1] + "'s yield less its loss rate: "
                    + "what the product earns on its receivables after credit losses, before funding and operating costs.",
                    (v, l) -> ratio(12.0 * (productRevenue(v, l, loan) - productWriteOffs(v, l, loan)), productBalance(v, l, loan))));
        }
    }

    private static double productRevenue(MonthView v, int l, boolean loan) {
        if (loan) {
            return v.flow("CASH_LOAN_INCOME", l);
        }
        return v.flow("INTEREST", l) + v.flow("FEES", l) + v.flow("PENALTY", l) - v.flow("PENALTY_SUSPENDED", l)
                - v.flow("CASH_LOAN_INCOME", l) + v.flow("MERCHANT_FEES", l);
    }

    private static double productWriteOffs(MonthView v, int l, boolean loan) {
        double loans = v.flow("CASH_LOAN_WRITE_OFFS", l);
        return loan ? loans : v.writeOffs(l) - loans;
    }

    private static double productBalance(MonthView v, int l, boolean loan) {
        return loan ? v.loanBalance(l) : v.lineBalance(l);
    }

    /** All columns after {@code replication,month}, in order. */
    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * Index of the column named {@code name} in {@link #metrics()}.
     *
     * @throws IllegalArgumentException if there is no such column
     */
    public int index(String name) {
        int j = indexOrMissing(name);
        if (j < 0) {
            throw new IllegalArgumentException("no metric " + name);
        }
        return j;
    }

    /** The column of metric {@code name}, or -1 when this registry has no such metric. */
    public int indexOrMissing(String name) {
        for (int j = 0; j < metrics.size(); j++) {
            if (metrics.get(j).name().equals(name)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Whether values of {@code metric} are shown in percent: shares, ratios and annual rates. A name
     * not in this registry is judged by its suffix, as {@link #inPercentByName(String)}.
     */
    public boolean inPercent(String metric) {
        for (Metric m : metrics) {
            if (m.name().equals(metric)) {
                return m.unit() == Metric.Unit.SHARE || m.unit() == Metric.Unit.RATIO || m.unit() == Metric.Unit.RATE_PER_YEAR;
            }
        }
        return inPercentByName(metric);
    }

    /** Whether a metric is shown in percent, judged by its name alone (ratios, rates, shares, cumulative rates). */
    public static boolean inPercentByName(String metric) {
        return metric.endsWith("_ratio") || metric.endsWith("_rate") || metric.endsWith("_share")
                || metric.endsWith("_cumulative");
    }

    public List<Metric> marketMetrics() {
        return marketMetrics;
    }

    public List<MetricFamily> lenderFamilies() {
        return lenderFamilies;
    }

    public List<MetricFamily> segmentFamilies() {
        return segmentFamilies;
    }

    public List<MetricFamily> groupFamilies() {
        return groupFamilies;
    }

    public List<MetricFamily> funderFamilies() {
        return funderFamilies;
    }

    public List<MetricFamily> vintageFamilies() {
        return vintageFamilies;
    }

    static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }

    private static double balanceFrom(MonthView v, int lender, int bucket) {
        double sum = 0;
        for (int b = bucket; b < 5; b++) {
            sum += v.bucketBalance(lender, b);
        }
        return sum;
    }

    private static double lenderCountFrom(MonthView v, int lender, int bucket) {
        long sum = 0;
        for (int b = bucket; b < 5; b++) {
            sum += v.bucketCount(lender, b);
        }
        return sum;
    }

    private static double countFrom(MonthView v, int bucket) {
        long sum = 0;
        for (int b = bucket; b < 5; b++) {
            sum += v.bucketCount(ALL, b);
        }
        return sum;
    }

    private static List<Metric> market() {
        List<Metric> m = new ArrayList<>();
        m.add(new Metric("unemployment_rate", SHARE, "Unemployed borrowers over all borrowers, after this month's transitions.",
                MonthView::unemploymentRate));
        m.add(new Metric("unemployment_target", SHARE, "The scenario's unemployment path this month (what the labour market tracks).",
                MonthView::unemploymentTarget));
        m.add(new Metric("income_growth", RATE_PER_YEAR, "The scenario's income-growth path this month, annual rate.",
                MonthView::incomeGrowthAnnual));
        m.add(new Metric("inflation", RATE_PER_YEAR, "The scenario's inflation of essential prices this month, annual rate "
                + "(the income growth when economy.inflation.shape is with_incomes).", MonthView::inflationAnnual));
        m.add(new Metric("price_level", INDEX, "Price level of essentials, 1 before month 1: the product of (1 + inflation)^(1/12) "
                + "over months 1 .. this month.", MonthView::priceLevel));
        m.add(new Metric("essentials_price_factor", INDEX, "Factor on essential spending: price level over the index of the "
                + "income-growth path (both 1 before month 1). Above 1 when prices have risen faster than incomes (budgets squeezed); "
                + "exactly 1 when prices rise with incomes.", MonthView::essentialsPriceFactor));
        m.add(new Metric("purchase_season", INDEX, "This month's multiplier on discretionary purchases from the seasonal calendar "
                + "(population.behaviour.seasonal_calendar, annual mean 1).", MonthView::purchaseSeason));
        m.add(new Metric("m1plus_ratio", SHARE, "Balance 1+ months past due (M1+, over 0 DPD) over receivables.",
                v -> ratio(balanceFrom(v, ALL, 1), v.receivables())));
        m.add(new Metric("m3plus_ratio", SHARE, "Balance 3+ months past due (M3+, over 60 DPD) over receivables.",
                v -> ratio(balanceFrom(v, ALL, 3), v.receivables())));
        m.add(new Metric("m4plus_ratio", SHARE, "Balance 4+ months past due (M4+, over 90 DPD) over receivables.",
                v -> ratio(balanceFrom(v, ALL, 4), v.receivables())));
        m.add(new Metric("m1plus_ratio_count", SHARE, "Active accounts 1+ months past due over active accounts.",
                v -> ratio(countFrom(v, 1), countFrom(v, 0))));
        m.add(new Metric("m3plus_ratio_count", SHARE, "Active accounts 3+ months past due over active accounts.",
                v -> ratio(countFrom(v, 3), countFrom(v, 0))));
        m.add(new Metric("npl_ratio", SHARE,
                "Non-performing balance (five-tier classes 次级 + 可疑 + 损失, by the classification table) over receivables.",
                v -> ratio(v.nonPerforming(ALL), v.receivables())));
        for (int b = 0; b < 5; b++) {
            int bucket = b;
            m.add(new Metric("bucket_" + BUCKETS[b] + "_share", SHARE,
                    "Balance in bucket " + BUCKETS[b].toUpperCase().replace("PLUS", "+") + " (" + BUCKET_DPD[b] + ") over receivables.",
                    v -> ratio(v.bucketBalance(ALL, bucket), v.receivables())));
        }
        m.add(new Metric("chargeoff_rate_annualised", RATE_PER_YEAR,
                "Write-offs this month x 12 over the mean of last and this month's receivables.",
                v -> ratio(12.0 * v.writeOffs(ALL), 0.5 * (v.previousReceivables() + v.receivables()))));
        m.add(new Metric("loss_rate_cumulative", SHARE,
                "Write-offs from month 1 to this month over mean receivables over those months (no recoveries in version 1).",
                v -> ratio(v.cumulativeWriteOffs(), v.averageReceivablesToDate())));
        m.add(new Metric("write_offs", YUAN, "Balances written off this month.", v -> v.writeOffs(ALL)));
        m.add(new Metric("active_accounts", COUNT, "Open accounts with a balance.", v -> countFrom(v, 0)));
        m.add(new Metric("receivables", YUAN, "Balances of all open accounts, all lenders.", MonthView::receivables));
        m.add(new Metric("new_purchases", YUAN, "Purchases on credit lines this month (merchant settlements).", v -> v.purchases(ALL)));
        m.add(new Metric("new_cash_loans", YUAN, "Cash-loan principal paid out this month.", v -> v.disbursed(ALL)));
        m.add(new Metric("cash_loans_drawn", COUNT, "Cash loans drawn this month.", v -> v.loansDrawn()));
        m.add(new Metric("repayments", YUAN, "Repayments received by all lenders this month.", v -> v.repayments(ALL)));
        m.add(new Metric("charges", YUAN, "Interest, instalment fees and penalty interest charged this month, all lenders.",
                v -> v.charges(ALL)));
        m.add(new Metric("accounts_written_off", COUNT, "Accounts written off this month.", v -> v.accountsWrittenOff()));
        m.add(new Metric("written_off_per_1000_cumulative", RATIO, "Accounts written off from month 1 to this month per 1,000 "
                + "borrowers: defaults counted, whatever their balances (a lender that shrinks balances lowers the loss rate, not this).",
                v -> ratio(1000.0 * v.cumulativeAccountsWrittenOff(), v.borrowers())));
        m.add(new Metric("new_accounts", COUNT, "Accounts opened this month (approved applications of newcomers, of "
                + "people the lenders solicited, and re-applications).", v -> v.events("ACCOUNTS_OPENED")));
        m.add(new Metric("applications", COUNT, "Applications received this month (newcomers' and solicited; re-applications "
                + "not counted).", v -> v.events("APPLICATIONS")));
        m.add(new Metric("accounts_closed", COUNT, "Accounts closed this month by their holders or with a borrower who left.",
                v -> v.events("ACCOUNTS_CLOSED")));
        m.add(new Metric("borrowers_replaced", COUNT, "Borrowers who left the market this month, each replaced by a newcomer.",
                v -> v.borrowerFlow("BORROWERS_REPLACED")));
        m.add(new Metric("thin_files_established", COUNT, "Thin-file borrowers who became established this month.",
                v -> v.events("THIN_FILES_ESTABLISHED")));
        m.add(new Metric("over_limit_share", SHARE, "Open accounts whose balance exceeds the limit (白条为负数: the available "
                + "amount is negative) over open accounts.", v -> ratio(v.overLimitAccounts(ALL), v.openAccounts(ALL))));
        m.add(new Metric("over_limit_amount", YUAN, "Balances above limits, all lenders.", v -> v.overLimitAmount(ALL)));
        m.add(new Metric("cures_by_collection", COUNT, "Delinquent accounts cured by collection pressure this month.",
                v -> v.curesByCollection()));
        m.add(new Metric("borrowers_with_credit_share", SHARE, "Borrowers with a balance on any account over all borrowers.",
                v -> ratio(v.borrowersWithCredit(), v.borrowers())));
        m.add(new Metric("credit_spending_share", SHARE, "Spending put on purchase lines over all spending this month.",
                v -> ratio(v.creditSpending(), v.creditSpending() + v.cashSpending())));
        m.add(new Metric("instalment_share", SHARE, "Line purchases put on instalment plans over all line purchases this month.",
                v -> ratio(v.borrowerFlow("PLAN_PURCHASES"), v.creditSpending())));
        m.add(new Metric("plan_term_mean", Metric.Unit.MONTHS, "Mean term of the instalment plans taken this month, weighted by amount.",
                v -> ratio(v.borrowerFlow("PLAN_TERM_WEIGHTED"), v.borrowerFlow("PLAN_PURCHASES"))));
        m.add(new Metric("prepayments", YUAN, "Plans and loans repaid early this month, all lenders.",
                v -> v.borrowerFlow("PREPAID")));
        m.add(new Metric("revolving_share", SHARE, "Revolving balances (statements not repaid in full, on lines with a minimum "
                + "payment) over receivables.", v -> ratio(v.revolving(), v.receivables())));
        m.add(new Metric("strategic_withholding", COUNT, "Accounts with a bill that a strategic defaulter chose not to pay this "
                + "month (it weighs its debt against the expected cost of a lawsuit and of its score).",
                v -> v.events("STRATEGIC_WITHHOLDING")));
        m.add(new Metric("deleveraging_share", SHARE, "Borrowers cutting their credit use after a missed payment "
                + "(population.behaviour.deleveraging_months) over all borrowers.",
                v -> ratio(v.deleveragingBorrowers(), v.borrowers())));
        m.add(new Metric("credit_utilisation", RATIO, "Receivables over the limits of open accounts (above 1 when balances "
                + "exceed limits, as penalties and limit cuts can make them).",
                v -> ratio(v.receivables(), v.limits(ALL))));
        m.add(new Metric("unmet_essentials", YUAN_PER_BORROWER,
                "Essential spending that neither cash nor credit could pay, per borrower this month.",
                v -> v.unmetEssentials() / v.borrowers()));
        m.add(new Metric("savings_mean", YUAN_PER_BORROWER, "Mean liquid savings at the end of the month.",
                v -> v.savings() / v.borrowers()));
        m.add(new Metric("income_mean", YUAN_PER_BORROWER, "Mean income this month.", v -> v.income() / v.borrowers()));
        m.add(new Metric("real_income_mean", YUAN_PER_BORROWER, "Mean income this month in the prices of essentials before month 1: "
                + "income_mean / price_level.", v -> v.income() / v.borrowers() / v.priceLevel()));
        m.add(new Metric("cash_spending", YUAN, "Spending paid in cash this month (essentials and discretionary).",
                MonthView::cashSpending));
        m.add(new Metric("credit_spending", YUAN, "Spending put on purchase lines this month (essentials and discretionary; "
                + "fraudsters' draws are in new_purchases only).", MonthView::creditSpending));
        rollRates(m);
        m.add(new Metric("ifrs9_stage1_share", SHARE, "IFRS 9 stage 1 balance (up to 30 DPD, not restructured) over receivables.",
                v -> ratio(v.stageBalance(1), v.receivables())));
        m.add(new Metric("ifrs9_stage2_share", SHARE, "IFRS 9 stage 2 balance (31-90 DPD, or restructured) over receivables.",
                v -> ratio(v.stageBalance(2), v.receivables())));
        m.add(new Metric("ifrs9_stage3_share", SHARE, "IFRS 9 stage 3 balance (over 90 DPD) over receivables.",
                v -> ratio(v.stageBalance(3), v.receivables())));
        m.add(new Metric("ecl", YUAN,
                "IFRS 9 expected credit loss PD x LGD x EAD, all lenders' whole books: 12-month for stage 1, lifetime for stages 2 "
                        + "and 3, with each lender's PD and LGD fitted on its own history (see docs/model.md).",
                v -> v.ecl(ALL, 1) + v.ecl(ALL, 2) + v.ecl(ALL, 3)));
        m.add(new Metric("ecl_coverage", RATIO, "Expected credit loss over receivables (both on the whole books).",
                v -> ratio(v.ecl(ALL, 1) + v.ecl(ALL, 2) + v.ecl(ALL, 3), v.receivables())));
        for (int st = 1; st <= 3; st++) {
            int stage = st;
            m.add(new Metric("ecl_stage" + st, YUAN, "Expected credit loss of IFRS 9 stage " + st + " balances, all lenders.",
                    v -> v.ecl(ALL, stage)));
            m.add(new Metric("ecl_stage" + st + "_coverage", RATIO, "Stage " + st + " ECL over stage " + st
                    + " balances (EAD includes undrawn limits, so this can exceed 1 in stage 3 only through them).",
                    v -> ratio(v.ecl(ALL, stage), v.stageBalance(stage))));
        }
        int[][] transfers = {{1, 2}, {1, 3}, {2, 3}, {2, 1}, {3, 2}, {3, 1}};
        for (int[] t : transfers) {
            int from = t[0];
            int to = t[1];
            m.add(new Metric("stage_transfer_" + from + "_to_" + to, YUAN, "Balance of active accounts in IFRS 9 stage " + from
                    + " last month and stage " + to + " now (stages from buckets and restructuring).", v -> v.stageTransfer(from, to)));
        }
        for (int t = 0; t < 5; t++) {
            int tier = t;
            m.add(new Metric("tier_" + TIERS.get(t) + "_share", SHARE, "Balance in five-tier class " + TIER_LABELS.get(t)
                    + " over receivables, all lenders.", v -> ratio(v.tierBalance(ALL, tier), v.receivables())));
        }
        for (int b = 0; b < 4; b++) {
            int from = b;
            m.add(new Metric("roll_balance_" + BUCKETS[b] + "_" + BUCKETS[b + 1], RATIO,
                    "Balance-weighted roll rate: balance now in " + label(b + 1) + " of accounts in " + label(b)
                            + " last month, over the " + label(b) + " balance last month (can exceed 1 as charges accrue).",
                    v -> ratio(v.rollBalance(from, from + 1), v.previousBucketBalance(from))));
        }
        m.add(new Metric("pre_tax_profit", YUAN, "Pre-tax profit of all lenders this month (own shares).",
                v -> v.profitAndLoss(ALL, "pre_tax_profit")));
        m.add(new Metric("penalty_suspended", YUAN,
                "Penalty interest charged this month on accounts over 90 DPD: held in suspense, not income, all lenders.",
                v -> v.flow("PENALTY_SUSPENDED", ALL)));
        m.add(new Metric("loans_stacked", COUNT, "Cash loans drawn at a lender the borrower owed nothing, to pay bills elsewhere (以贷养贷).",
                v -> v.events("LOANS_STACKED")));
        m.add(new Metric("stacked_loan_share", SHARE, "Stacked loans over all cash loans drawn this month.",
                v -> ratio(v.events("LOANS_STACKED"), v.loansDrawn())));
        m.add(new Metric("rolling_debt_share", SHARE, "Borrowers who rolled debt this month over all borrowers: short of "
                + "essentials plus bills, they met the gap with new credit (a loan drawn to pay, essentials put on a line so that "
                + "cash pays the bills). They fall behind when limits are cut.", v -> ratio(v.events("BORROWERS_ROLLING"), v.borrowers())));
        m.add(new Metric("limit_increases", COUNT, "Limits raised for good payers this month.", v -> v.events("LIMIT_INCREASES")));
        m.add(new Metric("limit_cuts_behaviour", COUNT, "Undrawn limits cut because the lender's behaviour score was above "
                + "limit_management.cut_min_score.", v -> v.events("LIMIT_CUTS_BEHAVIOUR")));
        m.add(new Metric("limit_cuts_bureau", COUNT, "Limits cut because a delinquency at another lender was visible at the bureau.",
                v -> v.events("LIMIT_CUTS_EXTERNAL")));
        m.add(new Metric("restructurings", COUNT, "Accounts restructured this month.", v -> v.events("RESTRUCTURED")));
        m.add(new Metric("restructured_active", COUNT, "Active accounts that have been restructured.", v -> v.restructuredActive()));
        m.add(new Metric("redefault_rate", SHARE, "Restructured active accounts that are past due again, over restructured active accounts.",
                v -> ratio(v.restructuredDelinquent(), v.restructuredActive())));
        m.add(new Metric("fraud_write_offs", YUAN, "Write-offs of fraudsters' accounts this month (fraud losses).",
                v -> v.flow("FRAUD_WRITE_OFFS", ALL)));
        m.add(new Metric("credit_write_offs", YUAN, "Write-offs other than fraud this month (credit losses).",
                v -> v.writeOffs(ALL) - v.flow("FRAUD_WRITE_OFFS", ALL)));
        m.add(new Metric("fraud_loss_share", SHARE, "Fraud write-offs over all write-offs this month.",
                v -> ratio(v.flow("FRAUD_WRITE_OFFS", ALL), v.writeOffs(ALL))));
        m.add(new Metric("multi_lender_write_off_share", SHARE,
                "Accounts written off this month whose borrower holds accounts at two or more lenders, over accounts written off.",
                v -> ratio(v.events("MULTI_LENDER_WRITE_OFFS"), v.accountsWrittenOff())));
        m.add(new Metric("cases_filed", COUNT, "Lawsuits filed this month.", v -> v.courtCases("filed")));
        m.add(new Metric("cases_waiting", COUNT, "Cases waiting for court capacity at the end of the month.", v -> v.courtCases("waiting")));
        m.add(new Metric("cases_in_court", COUNT, "Cases taken by the courts, not yet enforced.", v -> v.courtCases("in_court")));
        m.add(new Metric("cases_judged", COUNT, "Judgments this month.", v -> v.courtCases("judged")));
        m.add(new Metric("cases_enforced", COUNT, "Enforcements this month (some recover nothing).", v -> v.courtCases("enforced")));
        m.add(new Metric("cases_withdrawn", COUNT, "Cases withdrawn at judgment because the account was current again.",
                v -> v.courtCases("withdrawn")));
        m.add(new Metric("court_recoveries", YUAN, "Money recovered by enforcement this month (open and written-off accounts).",
                MonthView::courtRecoveries));
        m.add(new Metric("legal_costs", YUAN, "Legal costs of cases filed this month.", MonthView::legalCosts));
        m.add(new Metric("months_filing_to_recovery", RATIO, "Mean months from filing to recovery of cases that recovered something this month.",
                MonthView::monthsFilingToRecovery));
        m.add(new Metric("recoveries", YUAN, "Recoveries on written-off balances this month (courts and collection after write-off).",
                v -> v.recoveries(ALL)));
        m.add(new Metric("net_loss_rate_cumulative", RATIO,
                "Write-offs less recoveries on written-off balances, from month 1, over mean receivables over those months.",
                v -> ratio(v.cumulativeWriteOffs() - v.cumulativeRecoveries(), v.averageReceivablesToDate())));
        m.add(new Metric("credit_score_mean", RATIO, "Mean bureau-style credit score (300-850).", MonthView::creditScoreMean));
        m.add(new Metric("lenders_failed", COUNT, "Lenders that have failed: run out of cash after every liquidity action, or "
                + "resolved because capital fell below resolution_capital_ratio.",
                v -> countLenders(v, MonthView::failed)));
        m.add(new Metric("network_debtrank", SHARE,
                "DebtRank of the lender-funder network, capital-weighted: the further share of the system's capital lost as this month's "
                        + "distress propagates along funders' lines (empty without funders).", MonthView::networkDebtRank));
        m.add(new Metric("network_clearing_defaults", COUNT,
                "Lenders that cannot pay their funders in full in the Eisenberg-Noe clearing of this month's balance sheets.",
                MonthView::clearingDefaults));
        m.add(new Metric("network_clearing_shortfall", YUAN, "Funders' total shortfall in that clearing.", MonthView::clearingShortfall));
        return m;
    }

    private interface LenderTest {
        boolean test(MonthView v, int lender);
    }

    private static double countLenders(MonthView v, LenderTest t) {
        int n = 0;
        for (int l = 0; l < v.lenders(); l++) {
            n += t.test(v, l) ? 1 : 0;
        }
        return n;
    }

    private static double sumLenders(MonthView v, MetricFamily.IndexedMetric f) {
        double sum = 0;
        for (int l = 0; l < v.lenders(); l++) {
            sum += f.of(v, l);
        }
        return sum;
    }

    /**
     * Roll rates, count-based, of accounts active last month: to the next bucket, to write-off
     * from M4+, and cures back to M0; then the whole transition matrix as counts.
     */
    private static void rollRates(List<Metric> m) {
        String[] to = {"m0", "m1", "m2", "m3", "m4plus", "writeoff", "paidoff"};
        for (int b = 0; b < 4; b++) {
            int from = b;
            m.add(new Metric("roll_" + BUCKETS[b] + "_" + BUCKETS[b + 1], SHARE,
                    "Accounts in " + label(b) + " last month that are in " + label(b + 1) + " now, over accounts in " + label(b) + " last month.",
                    v -> ratio(v.rollCount(from, from + 1), rowTotal(v, from))));
        }
        m.add(new Metric("roll_m4plus_writeoff", SHARE, "Accounts in M4+ last month written off this month, over accounts in M4+ last month.",
                v -> ratio(v.rollCount(4, 5), rowTotal(v, 4))));
        for (int b = 1; b < 5; b++) {
            int from = b;
            m.add(new Metric("cure_" + BUCKETS[b], SHARE, "Accounts in " + label(b) + " last month that are current (M0) now, over accounts in "
                    + label(b) + " last month.", v -> ratio(v.rollCount(from, 0), rowTotal(v, from))));
        }
        for (int f = 0; f < 5; f++) {
            for (int t = 0; t < 7; t++) {
                int from = f;
                int dest = t;
                m.add(new Metric("roll_count." + BUCKETS[f] + "." + to[t], COUNT,
                        "Active accounts in " + label(f) + " last month that are " + (t < 5 ? "in " + label(t) : t == 5 ? "written off" : "paid off (no balance)")
                                + " now.", v -> v.rollCount(from, dest)));
            }
        }
    }

    private static String label(int bucket) {
        return BUCKETS[bucket].toUpperCase().replace("PLUS", "+");
    }

    private static double rowTotal(MonthView v, int from) {
        long sum = 0;
        for (int t = 0; t < 7; t++) {
            sum += v.rollCount(from, t);
        }
        return sum;
    }

    private static List<MetricFamily> lender() {
        List<MetricFamily> f = new ArrayList<>();
        f.add(new MetricFamily("lender.<name>.cash", YUAN, "Cash at the end of the month.", MonthView::cash));
        f.add(new MetricFamily("lender.<name>.equity", YUAN, "Equity (capital) at the end of the month.", MonthView::equity));
        f.add(new MetricFamily("lender.<name>.capital_ratio", RATIO,
                "Equity over own net receivables (own receivables less provisions); empty once the lender has failed.",
                MonthView::capitalRatio));
        f.add(new MetricFamily("lender.<name>.capital_shortfall", FLAG, "1 when the capital ratio is below balance_sheet.min_capital_ratio.",
                (v, l) -> v.capitalRatio(l) < v.minCapitalRatio(l) ? 1.0 : 0.0));
        f.add(new MetricFamily("lender.<name>.provisions", YUAN,
                "Loss allowance in the books (own share): the IFRS 9 ECL or balance x loss rate of the bucket (provisioning.method).",
                MonthView::provisions));
        f.add(new MetricFamily("lender.<name>.car", RATIO,
                "Capital adequacy ratio: equity over risk-weighted assets (standardised or IRB, capital.approach); empty once failed.",
                MonthView::capitalAdequacyRatio));
        f.add(new MetricFamily("lender.<name>.car_min", RATIO, "Minimum capital adequacy ratio in force (capital.min_car or a policy minimum).",
                MonthView::minCapitalAdequacyRatio));
        f.add(new MetricFamily("lender.<name>.car_shortfall", FLAG, "1 when the capital adequacy ratio is below its minimum.",
                (v, l) -> v.capitalAdequacyRatio(l) < v.minCapitalAdequacyRatio(l) ? 1.0 : 0.0));
        f.add(new MetricFamily("lender.<name>.car_buffer_breach", FLAG,
                "1 when the capital adequacy ratio is below its minimum plus capital.buffer (the buffer is being used).",
                (v, l) -> v.capitalAdequacyRatio(l) < v.minCapitalAdequacyRatio(l) + v.capitalBuffer(l) ? 1.0 : 0.0));
        f.add(new MetricFamily("lender.<name>.rwa", YUAN, "Risk-weighted assets of the lender's own share.", MonthView::riskWeightedAssets));
        for (int st = 1; st <= 3; st++) {
            int stage = st;
            f.add(new MetricFamily("lender.<name>.ecl_stage" + st, YUAN, "IFRS 9 ECL of the lender's stage " + st + " balances (whole book).",
                    (v, l) -> v.ecl(l, stage)));
        }
        f.add(new MetricFamily("lender.<name>.ecl_coverage", RATIO, "The lender's ECL over its receivables (whole book).",
                (v, l) -> ratio(v.ecl(l, 1) + v.ecl(l, 2) + v.ecl(l, 3), v.receivables(l))));
        f.add(new MetricFamily("lender.<name>.pd12_m0", SHARE, "Fitted forward-looking 12-month PD of a current (M0) account.",
                (v, l) -> v.pd12(l, 0)));
        f.add(new MetricFamily("lender.<name>.pd_lifetime_m2", SHARE, "Fitted forward-looking lifetime PD of an M2 (31-60 DPD) account.",
                (v, l) -> v.pdLifetime(l, 2)));
        f.add(new MetricFamily("lender.<name>.lgd", SHARE, "Fitted loss given default (lgd_fallback until enough write-offs are observed).",
                MonthView::lgd));
        f.add(new MetricFamily("lender.<name>.ecl_forward_factor", RATIO,
                "Factor on PDs for the unemployment path ahead: (mean path over the next 12 months / now)^elasticity.",
                MonthView::eclForwardFactor));
        for (int t = 0; t < 5; t++) {
            int tier = t;
            f.add(new MetricFamily("lender.<name>.tier_" + TIERS.get(t) + "_share", SHARE,
                    "The lender's balance in five-tier class " + TIER_LABELS.get(t) + " over its receivables.",
                    (v, l) -> ratio(v.tierBalance(l, tier), v.receivables(l))));
        }
        for (String[] line : PNL_LINES) {
            String name = line[0];
            f.add(new MetricFamily("lender.<name>.pnl." + name, YUAN, line[1] + " This month, yuan.",
                    (v, l) -> v.profitAndLoss(l, name)));
        }
        f.add(new MetricFamily("lender.<name>.penalty_in_suspense", YUAN, "Penalty interest held in suspense (own share), end of month.",
                MonthView::suspense));
        f.add(new MetricFamily("lender.<name>.nim", RATE_PER_YEAR,
                "Net interest margin: 12 x (interest, fees, penalty income, suspense released - funding cost) over own receivables.",
                (v, l) -> ratio(12.0 * (v.profitAndLoss(l, "interest_income") + v.profitAndLoss(l, "fee_income")
                        + v.profitAndLoss(l, "penalty_income") + v.profitAndLoss(l, "suspense_released")
                        - v.profitAndLoss(l, "funding_cost")), v.ownReceivables(l))));
        f.add(new MetricFamily("lender.<name>.cost_of_risk", RATE_PER_YEAR, "12 x provision charge over own receivables.",
                (v, l) -> ratio(12.0 * v.profitAndLoss(l, "provision_charge"), v.ownReceivables(l))));
        f.add(new MetricFamily("lender.<name>.roa", RATE_PER_YEAR, "Return on assets: 12 x pre-tax profit over own receivables.",
                (v, l) -> ratio(12.0 * v.profitAndLoss(l, "pre_tax_profit"), v.ownReceivables(l))));
        productEconomics(f);
        f.add(new MetricFamily("lender.<name>.roe", RATE_PER_YEAR, "Return on equity: 12 x pre-tax profit over equity at the start of the month.",
                (v, l) -> ratio(12.0 * v.profitAndLoss(l, "pre_tax_profit"), v.profitAndLoss(l, "opening_equity"))));
        f.add(new MetricFamily("lender.<name>.receivables", YUAN, "Balances of the lender's open accounts.", MonthView::receivables));
        f.add(new MetricFamily("lender.<name>.funding", YUAN, "Committed funding line drawn.", MonthView::funding));
        f.add(new MetricFamily("lender.<name>.emergency_funding", YUAN, "Emergency funding at a penalty rate (cash need beyond the line).",
                MonthView::emergencyFunding));
        f.add(new MetricFamily("lender.<name>.lending", FLAG, "1 while the lender opens accounts and funds new credit, 0 when it has stopped.",
                (v, l) -> v.lending(l) ? 1.0 : 0.0));
        f.add(new MetricFamily("lender.<name>.m1plus_ratio", SHARE, "The lender's M1+ balance over its receivables.",
                (v, l) -> ratio(balanceFrom(v, l, 1), v.receivables(l))));
        f.add(new MetricFamily("lender.<name>.m3plus_ratio", SHARE, "The lender's M3+ balance over its receivables.",
                (v, l) -> ratio(balanceFrom(v, l, 3), v.receivables(l))));
        f.add(new MetricFamily("lender.<name>.m1plus_ratio_count", SHARE, "The lender's active accounts 1+ months past due over "
                + "its active accounts (count-weighted, beside the balance-weighted m1plus_ratio).",
                (v, l) -> ratio(lenderCountFrom(v, l, 1), lenderCountFrom(v, l, 0))));
        f.add(new MetricFamily("lender.<name>.m3plus_ratio_count", SHARE, "The lender's active accounts 3+ months past due over "
                + "its active accounts.", (v, l) -> ratio(lenderCountFrom(v, l, 3), lenderCountFrom(v, l, 0))));
        f.add(new MetricFamily("lender.<name>.npl_ratio", SHARE, "The lender's non-performing balance over its receivables.",
                (v, l) -> ratio(v.nonPerforming(l), v.receivables(l))));
        f.add(new MetricFamily("lender.<name>.write_offs", YUAN, "Balances the lender wrote off this month.", MonthView::writeOffs));
        f.add(new MetricFamily("lender.<name>.cash_loan_share", SHARE, "Cash-loan balances over the lender's receivables.",
                (v, l) -> ratio(v.loanBalance(l), v.receivables(l))));
        f.add(new MetricFamily("lender.<name>.recoveries", YUAN, "Recoveries on the lender's written-off balances this month.",
                MonthView::recoveries));
        f.add(new MetricFamily("lender.<name>.lines_drawn", YUAN, "Committed lines drawn from funders.", MonthView::linesDrawn));
        f.add(new MetricFamily("lender.<name>.line_limits", YUAN, "Committed line limits from funders (after covenant and stress cuts).",
                MonthView::lineLimits));
        f.add(new MetricFamily("lender.<name>.funder_claims", YUAN, "Funders' claims on the lender's receivables: co-lent and sold.",
                MonthView::funderClaims));
        f.add(new MetricFamily("lender.<name>.cash_outflows", YUAN,
                "Own-share cash out this month: merchant settlements and loans paid out, collection, legal, operating and funding costs, "
                        + "line repayments forced by cuts.", MonthView::cashOutflows));
        f.add(new MetricFamily("lender.<name>.cash_inflows", YUAN, "Own-share cash in this month: repayments, recoveries, merchant fees.",
                MonthView::cashInflows));
        f.add(new MetricFamily("lender.<name>.lcr", RATIO,
                "Forward liquidity coverage ratio: cash over the next 30 days' net outflows on the liquidity ladder (scheduled bills "
                        + "at the lender's observed payment rate in; committed draws, costs, maturing funding and covenant cuts the "
                        + "lender's trends foretell out; inflows capped at 75 % of outflows). Below 1 is a shortfall; empty once failed.",
                MonthView::liquidityCoverageRatio));
        f.add(new MetricFamily("lender.<name>.survival_months", RATIO,
                "Survival horizon as a going concern: months cash lasts on the ladder while the lender keeps lending at its observed "
                        + "pace with no new funding (other funding maturing, projected covenant cuts) and repayments cut by "
                        + "liquidity.stress_repayment_haircut; 24 means at least 24; empty once failed.", MonthView::survivalMonths));
        f.add(new MetricFamily("lender.<name>.runoff_months", RATIO,
                "Survival horizon in a stressed run-off: months cash lasts if the lender stops lending, gets no new funding and its "
                        + "book pays at the stressed rate; 24 means at least 24 (the book repays its creditors); empty once failed.",
                MonthView::runoffMonths));
        f.add(new MetricFamily("lender.<name>.funding_need", YUAN,
                "Funding the lender lacks to keep lending liquidity.survival_target_months with no new funding and stressed "
                        + "repayments (the going-concern ladder); 0 when its cash lasts.",
                MonthView::fundingNeed));
        for (int j = 0; j < 3; j++) {
            int month = j;
            String days = String.valueOf(30 * (j + 1));
            f.add(new MetricFamily("lender.<name>.ladder_inflow_" + days, YUAN,
                    "Liquidity ladder: expected own-share inflow in days " + (30 * j + 1) + "-" + days + " (contractual bills of the "
                            + "accounts at the lender's observed payment rate, merchant fees).", (v, l) -> v.ladderInflow(l, month)));
            f.add(new MetricFamily("lender.<name>.ladder_outflow_" + days, YUAN,
                    "Liquidity ladder: expected own-share outflow in days " + (30 * j + 1) + "-" + days + " (draws on undrawn limits "
                            + "at the observed rate, costs, maturing funding, projected covenant cuts).", (v, l) -> v.ladderOutflow(l, month)));
        }
        f.add(new MetricFamily("lender.<name>.funding_gap", YUAN,
                "Next month's net outflow beyond cash and undrawn funding: what the lender would need to survive the month.",
                MonthView::fundingGap));
        f.add(new MetricFamily("lender.<name>.receivables_sold", YUAN, "Receivables sold for cash this month (face value).",
                MonthView::receivablesSold));
        f.add(new MetricFamily("lender.<name>.covenant_breaches", COUNT, "Funding arrangements whose covenant the lender breached this month.",
                (v, l) -> v.covenantBreaches(l)));
        f.add(new MetricFamily("lender.<name>.failed", FLAG, "1 once the lender has failed.", (v, l) -> v.failed(l) ? 1.0 : 0.0));
        f.add(new MetricFamily("lender.<name>.failure_cause", CODE, "Why the lender failed: 0 not failed, 1 out of cash "
                + "(liquidity), 2 resolved for lack of capital.", (v, l) -> v.failureCause(l)));
        f.add(new MetricFamily("lender.<name>.over_limit_share", SHARE, "The lender's open accounts over their limit, over its "
                + "open accounts.", (v, l) -> ratio(v.overLimitAccounts(l), v.openAccounts(l))));
        f.add(new MetricFamily("lender.<name>.score_auc", RATIO, "Ranking power of the lender's approval score: the probability "
                + "that an account that went 3+ months past due had a worse score than one that did not, over its accounts 12-24 "
                + "months on book (0.5: no better than chance; empty without both).", (v, l) -> v.scoreRanking(l)[0]));
        f.add(new MetricFamily("lender.<name>.score_gini", RATIO, "2 x score_auc - 1 (the accuracy ratio).",
                (v, l) -> 2 * v.scoreRanking(l)[0] - 1));
        f.add(new MetricFamily("lender.<name>.score_ks", RATIO, "Kolmogorov-Smirnov statistic of the approval score: the largest "
                + "gap between the score distributions of bad (3+ months past due) and good accounts, 12-24 months on book.",
                (v, l) -> v.scoreRanking(l)[1]));
        f.add(new MetricFamily("lender.<name>.behaviour_auc", RATIO, "Ranking power of the lender's monthly behaviour score "
                + "(docs/model.md): the probability that an account that reached 3+ months past due within 12 months of being scored "
                + "had a worse score than one that did not, over a one-in-16 sample of its accounts at least 6 months on book, under "
                + "3 months past due and never 3+ before, scored 12 months ago (empty until snapshots are 12 months old, burn-in included, and in months without both).",
                (v, l) -> v.behaviourRanking(l)[0]));
        f.add(new MetricFamily("lender.<name>.behaviour_gini", RATIO, "2 x behaviour_auc - 1 (the accuracy ratio).",
                (v, l) -> 2 * v.behaviourRanking(l)[0] - 1));
        f.add(new MetricFamily("lender.<name>.behaviour_ks", RATIO, "Kolmogorov-Smirnov statistic of the behaviour score on the "
                + "sample of behaviour_auc: the largest gap between the score distributions of bad and good accounts.",
                (v, l) -> v.behaviourRanking(l)[1]));
        f.add(new MetricFamily("lender.<name>.behaviour_approval_auc", RATIO, "AUC of the approval score on the same accounts and "
                + "outcome as behaviour_auc: what the behaviour score adds over the score at origination.",
                (v, l) -> v.behaviourRanking(l)[2]));
        f.add(new MetricFamily("lender.<name>.prospects", COUNT, "People with no account or application at the lender and a "
                + "free account slot at the end of the month: whom its marketing can reach.", (v, l) -> v.prospects(l)));
        f.add(new MetricFamily("lender.<name>.unpaid", YUAN, "Obligations a failed lender could not pay.", MonthView::unpaid));
        f.add(new MetricFamily("lender.<name>.fraud_write_offs", YUAN, "The lender's fraud write-offs this month.",
                (v, l) -> v.flow("FRAUD_WRITE_OFFS", l)));
        return f;
    }

    private static List<MetricFamily> funder() {
        List<MetricFamily> f = new ArrayList<>();
        f.add(new MetricFamily("funder.<name>.capital", YUAN, "The funder's capital left after its losses since month 1.",
                MonthView::funderCapital));
        f.add(new MetricFamily("funder.<name>.losses", YUAN,
                "The funder's losses since month 1: its share of co-lent and bought write-offs (less recoveries), haircuts on lines to failed lenders.",
                MonthView::funderLosses));
        f.add(new MetricFamily("funder.<name>.exposure", YUAN, "Drawn lines and claims on receivables, all lenders.", MonthView::funderExposure));
        f.add(new MetricFamily("funder.<name>.line_limits", YUAN, "Line limits it gives, all lenders.", MonthView::funderLineLimits));
        f.add(new MetricFamily("funder.<name>.stressed", FLAG, "1 once its losses passed its stress trigger (it then cuts every line).",
                (v, k) -> v.funderStressed(k) ? 1.0 : 0.0));
        f.add(new MetricFamily("funder.<name>.debtrank_distress", SHARE, "Its distress (0-1) after DebtRank propagation this month.",
                MonthView::funderDistress));
        return f;
    }

    private static List<MetricFamily> group() {
        List<MetricFamily> f = new ArrayList<>();
        f.add(new MetricFamily("group.<name>.m1plus_ratio", SHARE,
                "M1+ balance of the group's borrowers over their receivables. Groups: thin_file, established; literacy_low, "
                        + "literacy_mid, literacy_high (terciles of the literacy distribution); lenders_1, lenders_2, lenders_3plus "
                        + "(lenders applied to).", (v, g) -> ratio(v.groupM1Plus(g), v.groupBalance(g))));
        f.add(new MetricFamily("group.<name>.m3plus_ratio", SHARE, "M3+ balance of the group's borrowers over their receivables.",
                (v, g) -> ratio(v.groupM3Plus(g), v.groupBalance(g))));
        f.add(new MetricFamily("group.<name>.npl_ratio", SHARE, "Non-performing balance of the group's borrowers over their receivables.",
                (v, g) -> ratio(v.groupNonPerforming(g), v.groupBalance(g))));
        f.add(new MetricFamily("group.<name>.receivables_share", SHARE, "The group's share of all receivables.",
                (v, g) -> ratio(v.groupBalance(g), v.receivables())));
        return f;
    }

    private static List<MetricFamily> vintage() {
        return List.of(new MetricFamily("vintage.<name>.ever_m3plus", SHARE,
                "Vintage curve: of the accounts opened in quarter <name> (q1 = months 1-3, ...), the share ever 3+ months past due "
                        + "by this month (empty before the quarter starts). Months on book = month - first month of the quarter.",
                (v, q) -> v.month() < 3 * q + 1 ? Double.NaN : v.vintageEverM3Plus(q)));
    }

    private static List<MetricFamily> segment() {
        List<MetricFamily> f = new ArrayList<>();
        f.add(new MetricFamily("segment.<name>.m1plus_ratio", SHARE, "M1+ balance of the segment's borrowers over their receivables.",
                (v, k) -> ratio(v.segmentM1Plus(k), v.segmentBalance(k))));
        f.add(new MetricFamily("segment.<name>.m3plus_ratio", SHARE, "M3+ balance of the segment's borrowers over their receivables.",
                (v, k) -> ratio(v.segmentM3Plus(k), v.segmentBalance(k))));
        f.add(new MetricFamily("segment.<name>.m1plus_ratio_count", SHARE, "Active accounts of the segment's borrowers 1+ months "
                + "past due over their active accounts (count-weighted).", (v, k) -> ratio(v.segmentCount(k, 1), v.segmentCount(k, 0))));
        f.add(new MetricFamily("segment.<name>.m3plus_ratio_count", SHARE, "Active accounts of the segment's borrowers 3+ months "
                + "past due over their active accounts.", (v, k) -> ratio(v.segmentCount(k, 3), v.segmentCount(k, 0))));
        f.add(new MetricFamily("segment.<name>.npl_ratio", SHARE, "Non-performing balance of the segment's borrowers over their receivables.",
                (v, k) -> ratio(v.segmentNonPerforming(k), v.segmentBalance(k))));
        f.add(new MetricFamily("segment.<name>.receivables_share", SHARE, "The segment's share of all receivables.",
                (v, k) -> ratio(v.segmentBalance(k), v.receivables())));
        return f;
    }
}
