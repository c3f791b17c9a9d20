package org.creditstress.metric;

import static org.creditstress.metric.Metric.Unit.COUNT;
import static org.creditstress.metric.Metric.Unit.FLAG;
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
    private static final String[] BUCKET_DPD = {"current", "1-30 DPD", "31-60 DPD", "61-90 DPD", "over 90 DPD"};

    private final List<Metric> metrics;
    private final List<Metric> marketMetrics;
    private final List<MetricFamily> lenderFamilies;
    private final List<MetricFamily> segmentFamilies;

    public MetricRegistry(List<String> lenderNames, List<String> segmentNames, boolean segmentMetrics) {
        marketMetrics = market();
        lenderFamilies = lender();
        segmentFamilies = segment();
        List<Metric> all = new ArrayList<>(marketMetrics);
        lenderFamilies.forEach(f -> all.addAll(f.expand(lenderNames)));
        if (segmentMetrics) {
            segmentFamilies.forEach(f -> all.addAll(f.expand(segmentNames)));
        }
        metrics = List.copyOf(all);
    }

    /** All columns after {@code replication,month}, in order. */
    public List<Metric> metrics() {
        return metrics;
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
        m.add(new Metric("accounts_written_off", COUNT, "Accounts written off this month.", v -> v.accountsWrittenOff()));
        m.add(new Metric("cures_by_collection", COUNT, "Delinquent accounts cured by collection pressure this month.",
                v -> v.curesByCollection()));
        m.add(new Metric("borrowers_with_credit_share", SHARE, "Borrowers with a balance on any account over all borrowers.",
                v -> ratio(v.borrowersWithCredit(), v.borrowers())));
        m.add(new Metric("credit_spending_share", SHARE, "Spending put on purchase lines over all spending this month.",
                v -> ratio(v.creditSpending(), v.creditSpending() + v.cashSpending())));
        m.add(new Metric("credit_utilisation", SHARE, "Receivables over the limits of open accounts.",
                v -> ratio(v.receivables(), v.limits(ALL))));
        m.add(new Metric("unmet_essentials", YUAN_PER_BORROWER,
                "Essential spending that neither cash nor credit could pay, per borrower this month.",
                v -> v.unmetEssentials() / v.borrowers()));
        m.add(new Metric("savings_mean", YUAN_PER_BORROWER, "Mean liquid savings at the end of the month.",
                v -> v.savings() / v.borrowers()));
        m.add(new Metric("income_mean", YUAN_PER_BORROWER, "Mean income this month.", v -> v.income() / v.borrowers()));
        return m;
    }

    private static List<MetricFamily> lender() {
        List<MetricFamily> f = new ArrayList<>();
        f.add(new MetricFamily("lender.<name>.cash", YUAN, "Cash at the end of the month.", MonthView::cash));
        f.add(new MetricFamily("lender.<name>.equity", YUAN, "Equity (capital) at the end of the month.", MonthView::equity));
        f.add(new MetricFamily("lender.<name>.capital_ratio", RATIO, "Equity over net receivables (receivables less provisions).",
                MonthView::capitalRatio));
        f.add(new MetricFamily("lender.<name>.capital_shortfall", FLAG, "1 when the capital ratio is below balance_sheet.min_capital_ratio.",
                (v, l) -> v.capitalRatio(l) < v.minCapitalRatio(l) ? 1.0 : 0.0));
        f.add(new MetricFamily("lender.<name>.provisions", YUAN, "Loss allowance: sum over buckets of balance x loss rate.",
                MonthView::provisions));
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
        f.add(new MetricFamily("lender.<name>.npl_ratio", SHARE, "The lender's non-performing balance over its receivables.",
                (v, l) -> ratio(v.nonPerforming(l), v.receivables(l))));
        f.add(new MetricFamily("lender.<name>.write_offs", YUAN, "Balances the lender wrote off this month.", MonthView::writeOffs));
        f.add(new MetricFamily("lender.<name>.cash_loan_share", SHARE, "Cash-loan balances over the lender's receivables.",
                (v, l) -> ratio(v.loanBalance(l), v.receivables(l))));
        return f;
    }

    private static List<MetricFamily> segment() {
        List<MetricFamily> f = new ArrayList<>();
        f.add(new MetricFamily("segment.<name>.m1plus_ratio", SHARE, "M1+ balance of the segment's borrowers over their receivables.",
                (v, k) -> ratio(v.segmentM1Plus(k), v.segmentBalance(k))));
        f.add(new MetricFamily("segment.<name>.m3plus_ratio", SHARE, "M3+ balance of the segment's borrowers over their receivables.",
                (v, k) -> ratio(v.segmentM3Plus(k), v.segmentBalance(k))));
        f.add(new MetricFamily("segment.<name>.receivables_share", SHARE, "The segment's share of all receivables.",
                (v, k) -> ratio(v.segmentBalance(k), v.receivables())));
        return f;
    }
}
