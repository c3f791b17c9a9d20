package org.creditstress.scenario.schema;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The scenario format, version 1: every section and key, with its default, range, unit and
 * meaning. This is the only place defaults live. The defaults describe a plausible, calm Chinese
 * e-commerce consumer-credit market; where a shipped scenario relies on a number it restates it
 * with its source.
 */
public final class ScenarioSchema {
    public static final int FORMAT_VERSION = 1;
    private static final double INF = Double.POSITIVE_INFINITY;

    private ScenarioSchema() {
    }

    /** The standard format's root: this schema with the model's contagion channels and policy kinds. */
    public static Section root() {
        return org.creditstress.scenario.ScenarioFormat.standard().root();
    }

    /**
     * The schema, completed by the model's registries.
     *
     * @param contagionKeys adds each contagion channel's switch and settings to the {@code contagion} section
     * @param policyKinds   the policy-event kinds, each with what its {@code value} means
     */
    public static Section build(UnaryOperator<Section> contagionKeys, Map<String, String> policyKinds) {
        return Section.map("", "A scenario: one market, one economy path, and how to run it.")
                .integer("version", FORMAT_VERSION, FORMAT_VERSION, FORMAT_VERSION, "",
                        "Scenario format version.")
                .string("name", "", "Name of the scenario, used for the results folder. Default: the file name without .yaml.")
                .string("description", "", "Free text shown in reports.")
                .integer("seed", 20261122, 0, Long.MAX_VALUE, "",
                        "Master seed. Every random stream of every replication is derived from it.")
                .integer("replications", 20, 1, 10_000, "runs",
                        "Monte Carlo replications; bands in summary.csv are across these.")
                .with(horizon())
                .with(population())
                .with(products())
                .with(lenders())
                .with(funders())
                .with(contagionKeys.apply(Section.map("contagion",
                        "Contagion channels (DOMAIN.md section 6): one switch per channel, so a run can show which one matters.")))
                .with(bureau())
                .with(courts())
                .with(economy())
                .with(policyEvents(policyKinds))
                .with(classification())
                .with(outputs());
    }

    private static Section horizon() {
        return Section.map("horizon", "How long to simulate.")
                .integer("months", 36, 1, 600, "months", "Months recorded in the results (month 1 .. months).")
                .integer("burn_in_months", 24, 0, 240, "months",
                        "Months simulated before month 1 with the month-1 economy, so the portfolio is seasoned "
                                + "(balances, instalment plans and arrears exist) when recording starts. Not recorded. The China "
                                + "scenarios (baseline.yaml and those that extend it) burn in for 60 months, the over-borrowing pair "
                                + "for 240, so that a flat economy stays steady (SteadyStateTest); the US card market for 240 "
                                + "(UsCardSteadyStateTest).")
                .string("start", "2024-01",
                        "Calendar month of month 1, YYYY-MM. Burn-in months are the months before it (with 24 months of burn-in "
                                + "and start 2024-01, the first burn-in month is 2022-01). Sets the month of the year each model month "
                                + "is, for population.behaviour.seasonal_calendar.")
                .bool("shared_start", false,
                        "Whether every replication starts from the same book: the market as built and burnt in with replication "
                                + "0's seed. Replications then draw their own numbers from month 1 only, so they differ only in the future "
                                + "path (a stress test of today's portfolio), and the bands leave out the uncertainty of the starting "
                                + "book. The book is built once and copied into each replication, which saves the burn-in of every "
                                + "replication but the first. Replication 0 is the same run either way. The China scenarios "
                                + "(baseline.yaml and those that extend it) and the US card market set it true (docs/model.md, a steady "
                                + "start).");
    }

    private static Section population() {
        return Section.map("population", "The borrowers.")
                .integer("size", 100_000, 1, 50_000_000, "borrowers", "Number of simulated borrowers.")
                .number("turnover_monthly", 0.004, 0, 1, "per month",
                        "Monthly probability that a borrower with no debt outstanding (every open account at zero balance, no "
                                + "court case, no grace period or repayment holiday running) leaves the market; its accounts close. A newcomer takes its "
                                + "place in the labour market (same segment, same employment state) and is otherwise drawn like the "
                                + "starting population (thin file, income, savings, traits, applications). 0.004 (about 5 % a year): "
                                + "assumption. 0 closes the population.")
                .string("book", "",
                        "A loan tape (CSV, path relative to this scenario file) to start the run from instead of drawing "
                                + "the borrowers and their first accounts: one row per account, format in docs/model.md (Starting "
                                + "from a book); creditstress export-book writes one. The tape's borrower count replaces size; "
                                + "horizon.burn_in_months must be 0. Empty: no book.")
                .integer("thin_file_graduation_months", 12, 1, 600, "months",
                        "A thin-file borrower whose oldest open account has this many months on book, with nothing past due at any "
                                + "lender and nothing written off, is no longer thin-file. 12: assumption (a year of clean repayment "
                                + "history).")
                .with(Section.listOf("segments", 1, "Employment segments. Shares must add up to 1.")
                        .string("name", null, "Segment name ([A-Za-z0-9_-]+), used in column names.")
                        .number("share", null, 0, 1, "share", "Share of borrowers in this segment.")
                        .number("thin_file_share", 0.2, 0, 1, "share",
                                "Share of thin-file borrowers (no or short credit history): scored less accurately, smaller limits.")
                        .number("income_median", 6000.0, 1, 1e7, "yuan/month", "Median permanent monthly income.")
                        .number("income_dispersion", 0.5, 0, 3, "log sd", "Cross-sectional sd of log permanent income.")
                        .number("income_volatility", 0.10, 0, 2, "log sd/month",
                                "Sd of the transitory monthly log-income shock of an employed borrower.")
                        .number("permanent_income_volatility", 0.01, 0, 1, "log sd/month",
                                "Sd of the monthly permanent log-income shock.")
                        .number("job_loss_relative", 1.0, 0, 50, "ratio",
                                "Job-loss hazard relative to the population average in a steady economy.")
                        .number("cyclicality", 1.0, 0, 10, "ratio",
                                "How strongly this segment's job-loss hazard moves with the cycle (1 = like the average).")
                        .number("income_cyclicality", 1.0, 0, 10, "ratio",
                                "Multiplier on the deviation of income growth from its month-1 value.")
                        .number("unemployment_replacement", 0.25, 0, 1, "share",
                                "Income when unemployed, as a share of permanent income (benefits, family support).")
                        .number("savings_months_median", 1.5, 0, 240, "months of income",
                                "Median liquid savings, in months of permanent income. Also the borrower's savings target.")
                        .number("savings_dispersion", 1.0, 0, 3, "log sd", "Cross-sectional sd of log savings.")
                        .number("emergency_probability", 0.01, 0, 1, "per month",
                                "Monthly probability of an emergency expense (illness, repair).")
                        .number("emergency_size_months", 1.0, 0, 24, "months of income",
                                "Size of an emergency expense, in months of permanent income.")
                        .number("family_help_months", 1.0, 0, 120, "months of income",
                                "What family and friends can give a borrower under collection pressure, in months of permanent "
                                        + "income: a reserve that is used up and renewed over population.behaviour.family_help_renewal_months "
                                        + "(reported as outside_help).")
                        .number("strategic_share", 0.01, 0, 1, "share",
                                "Strategic defaulters: stop paying once their debt exceeds population.behaviour.strategic_default_debt_months of income.")
                        .number("fraud_share", 0.002, 0, 1, "share",
                                "Fraudsters (identity or income forgery): draw every limit they get and never pay.")
                        .numbers("lenders_held", List.of(), 0, 0, 1, "probability",
                                "Probabilities of applying to 1, 2, 3, ... lenders for this segment; empty = population.accounts.lenders_held."))
                .with(behaviour())
                .with(Section.map("accounts", "Which lenders and products each borrower applies to at the start.")
                        .numbers("lenders_held", List.of(0.75, 0.2, 0.05), 0, 0, 1, "probability",
                                "Probabilities of applying to 1, 2, 3, ... distinct lenders (drawn by market share); "
                                        + "cut at the number of lenders and rescaled to add up to 1.")
                        .number("cash_loan_share", 0.4, 0, 1, "share",
                                "Share of borrowers who apply for the cash loan at each lender that offers one.")
                        .integer("slots_per_borrower", 4, 1, 32, "accounts",
                                "Accounts a borrower can hold at once (one per lender and product, at most the lenders' products in "
                                        + "all; every borrower has this many slots in memory). Applications that find no free slot are "
                                        + "dropped. 4: assumption (a line and a cash loan at two platforms).")
                        .number("closure_monthly", 0.01, 0, 1, "per month",
                                "Monthly probability that an open, current account with nothing owed (no court case, no grace period "
                                        + "or repayment holiday running) is closed by its holder; the slot is free for a new relationship. 0.01 (about 11 % "
                                        + "of idle accounts a year): assumption. 0: nobody closes an account."));
    }

    private static Section trait(String name, double median, double spread, String doc) {
        return Section.map(name, doc + " Drawn per borrower from a logit-normal distribution.")
                .number("median", median, 0, 1, "share", "Median of the trait, in (0, 1).")
                .number("spread", spread, 0, 5, "logit sd", "Sd of the trait on the logit scale (0 = everyone at the median).");
    }

    private static Section behaviour() {
        return Section.map("behaviour", "Consumption and credit-use habits.")
                .with(trait("essential_share", 0.5, 0.3,
                        "Essential spending as a share of permanent income; it does not fall when income falls."))
                .with(trait("discretionary_propensity", 0.7, 0.5,
                        "Share of income left after essentials that is spent rather than saved."))
                .with(trait("present_bias", 0.2, 1.0,
                        "Impulsiveness: raises credit-financed spending and instalment conversion."))
                .with(trait("literacy", 0.6, 1.0,
                        "Financial literacy: share of the coming bill set aside before discretionary spending; "
                                + "(1 - literacy) of available credit is treated as spendable."))
                .number("impulse_credit_share", 0.2, 0, 1, "share of available credit/month",
                        "Available purchase credit spent on impulse per month by a borrower with present bias 1 and literacy 0; "
                                + "scaled by present_bias x (1 - literacy).")
                .number("convenience_share", 0.3, 0, 1, "share",
                        "Share of planned spending paid with the purchase line when it is open and current (repaid in the interest-free cycle).")
                .number("savings_drawdown", 0.1, 0, 1, "share/month",
                        "Share of savings above the borrower's target spent each month.")
                .number("instalment_uptake", 0.2, 0, 1, "share",
                        "Share of credit purchases converted to an instalment plan by a borrower with no present bias who sees "
                                + "no fee; multiplied by (1 + present_bias) x exp(-instalment_fee_sensitivity x perceived fee).")
                .number("instalment_fee_sensitivity", 4.0, 0, 100, "per unit of perceived fee",
                        "How strongly the perceived total fee of a plan (share of the price) lowers uptake and pushes "
                                + "towards shorter terms; present bias pushes towards longer ones (ln of the term).")
                .number("fee_misreading", 0.5, 0, 1, "share",
                        "Share of a plan's total fee that a borrower with literacy 0 does not see (it reads the flat monthly "
                                + "fee as cheap); a borrower with literacy l misses (1 - l) x fee_misreading of it.")
                .number("prepayment_monthly", 0.02, 0, 1, "per month",
                        "Monthly probability that a borrower whose savings above its target cover an account's plans or loans "
                                + "repays them early (no fee for the months not yet billed).")
                .number("deleveraging_cut", 0.5, 0, 1, "share",
                        "After a missed payment the borrower cuts its credit-financed discretionary spending and planned "
                                + "cash-loan draws by this share ...")
                .integer("deleveraging_months", 12, 0, 120, "months", "... for this many months after the last missed payment.")
                .number("life_stage_monthly", 0.0, 0, 1, "per month",
                        "Monthly probability that a borrower starts a new stage of life (a new job, a marriage, children, a "
                                + "move): its essential share, discretionary propensity, present bias, literacy and savings target "
                                + "are drawn afresh, and with them its true risk and the score it recovers towards; what it owes "
                                + "and holds stays. Without it traits are fixed for life and lenders' selection keeps culling the "
                                + "riskiest from credit for decades (docs/model.md, the open market). 0 (the default): traits for life, as the US "
                                + "card market has them; the China scenarios (baseline.yaml and those that extend it) set 0.01 (about "
                                + "every eight years, an assumption), which with their burn-in keeps a calm market steady (SteadyStateTest).")
                .integer("family_help_renewal_months", 60, 0, 600, "months",
                        "What family and friends can give (segments[].family_help_months) is renewed over this many months: "
                                + "each month the reserve grows by 1/this of its full size, up to it (relatives save again, the "
                                + "help is forgotten). 60: assumption (help once in five years); 0: never renewed, a reserve for "
                                + "the borrower's whole time in the market.")
                .number("unmet_carry_months", 1.0, 0, 12, "months of essentials",
                        "Essentials that neither cash nor credit paid are owed the next month (rent, bills), up to this many "
                                + "months of essentials; 0: unmet needs simply go away.")
                .number("cash_loan_draw_probability", 0.02, 0, 1, "per month",
                        "Monthly probability that a borrower with a cash-loan account and no loan draws one for a planned purchase; "
                                + "multiplied by (1 + present_bias).")
                .number("cash_loan_draw_share", 0.5, 0, 1, "share of limit",
                        "Share of the cash-loan limit drawn for a planned purchase.")
                .bool("borrow_to_pay", true,
                        "A borrower short of cash for essentials and bills draws a current cash-loan account at a lender it owes a bill to.")
                .choice("repayment_priority", "pro_rata", List.of("pro_rata", "penalty_cost", "collection_pressure", "bureau_reporting"),
                        "Whom a short borrower pays first: pro_rata (share of each bill), penalty_cost (highest penalty rate first), "
                                + "collection_pressure (furthest past due first), bureau_reporting (lenders that report to the bureau first).")
                .number("strategic_default_debt_months", 1.5, 0, 120, "months of income",
                        "A strategic defaulter stops paying when its debt, less what it expects a lawsuit to take and the score "
                                + "damage, exceeds this many months of permanent income (see strategic_score_cost_months).")
                .number("strategic_score_cost_months", 0.5, 0, 120, "months of income",
                        "What a strategic defaulter counts the damage to its credit record as, in months of permanent income; "
                                + "with the expected enforcement of a lawsuit, the cost it weighs against walking away.")
                .number("fraud_income_inflation", 2.0, 1, 20, "ratio", "Fraudsters forge their income by this factor, which inflates their limits.")
                .number("fraud_true_risk", 3.0, 0, 10, "sd", "True risk index of a fraudster: how far a perfect model would see it from the average.")
                .number("strategic_true_risk", 1.0, -5, 10, "sd", "Shift of a strategic defaulter's true risk index.")
                .with(Section.map("true_risk", "Weights of the drivers of default in the true risk index a lender's application "
                                + "score observes with noise (model_quality); docs/model.md, application risk. Log-odds per unit of each "
                                + "driver; the index is standardised over the segment mix, so only their ratios matter. Defaults: "
                                + "measured on the baseline (a logistic regression of 3+ months past due within 12 months).")
                        .number("traits", 0.53, 0, 100, "per sd",
                                "Weight of the trait index (z_pb - z_lit - z_sav)/sqrt(3) of present bias, literacy and savings.")
                        .number("job_loss", 0.94, 0, 100, "per unit", "Weight of the segment's job_loss_relative.")
                        .number("income_volatility", 4.6, 0, 1000, "per unit", "Weight of the segment's income_volatility.")
                        .number("unemployed", 2.6, 0, 100, "per applicant", "Weight of being unemployed at application.")
                        .number("debt_service", 14.0, 0, 1000, "per unit",
                                "Weight of ln(1 + S), S the applicant's monthly bills of open plans and cash loans (principal and "
                                        + "fees), minimum payments on revolving balances and arrears, at all lenders, over its permanent "
                                        + "income. traits 1 and the others 0: "
                                        + "the trait index alone, as before these drivers were added."))
                .numbers("seasonal_calendar", java.util.Collections.nCopies(12, 1.0), 12, 0, 1e9, "weight",
                        "Seasonal purchase calendar: 12 positive weights, January to December, of discretionary purchases "
                                + "(planned and impulse, on credit and in cash). Normalised to an annual mean of 1, so any scale works "
                                + "(monthly sales figures, or multipliers); the month's discretionary wants are multiplied by its "
                                + "normalised weight. Essentials are not seasonal. The month of the year comes from horizon.start.");
    }

    private static Section products() {
        return Section.listOf("products", 1, "Credit products.")
                .string("id", null, "Product id ([A-Za-z0-9_-]+), referred to by lenders.")
                .choice("kind", null, List.of("purchase_line", "cash_loan"),
                        "purchase_line: Baitiao-like line for purchases, interest-free for one cycle or split into instalments; "
                                + "cash_loan: Jintiao-like loan paid in cash, fixed instalments.")
                .numbers("instalment_terms", List.of(3.0, 6.0, 12.0, 24.0), 0, 1, 36, "months",
                        "Purchase line: the instalment plan terms offered (whole months, increasing). A plan is repaid in equal "
                                + "principal parts over its term, fully at its last payment; the borrower picks the term "
                                + "(population.behaviour.instalment_*).")
                .numbers("instalment_fees", List.of(0.006), 0, 0, 0.05, "share/month",
                        "Purchase line: flat monthly fee of each term on the plan's original principal, one number per term "
                                + "or one for all (a 12-month plan at 0.006 costs 7.2 % of the price in fees, an APR of about 13.3 %).")
                .integer("interest_free_days", 30, 1, 60, "days",
                        "Purchase line: days from a purchase to its due date. Up to 30: due at the next cycle; 31-60: the cycle after.")
                .number("min_payment_share", 0.0, 0, 1, "share",
                        "Purchase line: share of the statement plus the revolving balance (with its interest) due each cycle; "
                                + "the rest may revolve at revolving_apr. 0: the statement is due in full (no revolving).")
                .number("min_payment_floor", 0.0, 0, 1e5, "yuan", "Purchase line: the smallest minimum payment (capped at the balance).")
                .number("revolving_apr", 0.18, 0, 1, "per year", "Purchase line: annual interest on the revolving balance.")
                .number("apr", 0.18, 0, 1, "per year", "Cash-loan annual interest rate on the reducing balance.")
                .integer("term_months", 12, 1, 60, "months", "Cash-loan term.")
                .number("merchant_discount", 0.0, 0, 0.2, "share of purchase",
                        "Purchase line: the share of each purchase the merchant pays the lender (the lender settles the rest).")
                .number("penalty_daily_rate", 0.0005, 0, 0.01, "per day",
                        "Penalty interest on overdue amounts (30 days a month).")
                .number("limit_income_multiple", 1.5, 0, 24, "months of income",
                        "Limit for an average-score, established borrower, in months of permanent income.")
                .number("min_limit", 500.0, 0, 1e7, "yuan", "Smallest limit granted.")
                .number("max_limit", 30000.0, 0, 1e7, "yuan", "Largest limit granted.");
    }

    private static Section lenders() {
        return Section.listOf("lenders", 1, "Lenders (platforms) and their policies.")
                .string("name", null, "Lender name ([A-Za-z0-9_-]+), used in column names.")
                .strings("products", null, 1, "Ids of the products this lender offers.")
                .number("market_share", null, 0, 1, "share", "Share of borrowers whose main lender this is. Shares add up to 1.")
                .number("model_quality", 0.7, 0, 1, "correlation",
                        "Correlation of the lender's score with the borrower's true risk (1 = perfect ranking).")
                .number("thin_file_quality", 0.5, 0, 1, "ratio",
                        "Model quality for thin-file borrowers, as a share of model_quality.")
                .number("approval_rate", 0.8, 0, 1, "share", "Share of applicants approved (the score cut-off is this quantile).")
                .number("thin_file_limit_factor", 0.5, 0, 1, "ratio", "Limit of a thin-file borrower relative to an established one.")
                .number("score_limit_sensitivity", 0.3, 0, 3, "log limit per sd",
                        "Limit falls by this much in log terms per standard deviation of worse score.")
                .number("reapply_probability", 0.02, 0, 1, "per month",
                        "Monthly probability that a declined applicant applies again and is re-scored.")
                .integer("write_off_months", 6, 1, 24, "months past due", "Accounts are written off at this many months past due (6 = 180 DPD).")
                .number("thin_file_apr_premium", 0.06, 0, 1, "per year", "Added to the cash-loan APR for thin-file borrowers.")
                .with(Section.map("bureau_reporting", "What the lender reports to the credit bureau.")
                        .bool("enabled", true, "Whether the lender reports delinquencies.")
                        .integer("threshold_months", 1, 1, 24, "months past due", "Accounts this many months past due are reported.")
                        .integer("lag_months", 1, 0, 24, "months", "Months before a reported delinquency is visible to other lenders."))
                .with(Section.map("limit_management", "Limit changes for existing customers.")
                        .number("external_cut", 0.5, 0, 1, "share/month",
                                "Limit cut each month a delinquency at another lender is visible through the bureau.")
                        .bool("decline_external_delinquency", true, "Decline applicants with a delinquency visible at the bureau.")
                        .number("increase", 0.2, 0, 5, "share", "Limit increase for a good payer.")
                        .integer("increase_after_months", 6, 1, 120, "months", "Months current before an increase; a behaviour review "
                                + "looks at an account every this many months on book, a utilisation review once this many months have "
                                + "passed since the last increase.")
                        .number("increase_utilisation", 0.5, 0, 1, "share", "Only accounts using more than this share of the limit get "
                                + "increases (with a behaviour review, a need condition: the score decides).")
                        .choice("review", "behaviour", List.of("behaviour", "utilisation"),
                                "How limit reviews decide: behaviour (increases only for a behaviour score below increase_max_score, "
                                        + "cuts of the undrawn limit above cut_min_score; see docs/model.md) or utilisation (the old "
                                        + "rule: any account current for increase_after_months above increase_utilisation gets an increase).")
                        .number("increase_max_score", -3.0, -20, 20, "log-odds",
                                "Behaviour review: an increase only for a behaviour score below this (the log-odds of reaching 3+ "
                                        + "months past due within 12 months; -3 is about 4.7 %).")
                        .number("cut_min_score", -1.5, -20, 20, "log-odds",
                                "Behaviour review: a score above this (-1.5 is about 18 %) cuts behaviour_cut of the undrawn limit, "
                                        + "once per spell above it, never below the balance.")
                        .number("behaviour_cut", 0.5, 0, 1, "share of undrawn limit",
                                "Behaviour review: the share of the undrawn limit cut when the score is above cut_min_score (0: no cuts).")
                        .number("max_income_multiple", 3.0, 0, 1000, "months of income",
                                "Increases stop once the limit reaches this many months of the borrower's permanent income (a "
                                        + "limit no longer grows without bound over the years an account stays open). 3: assumption, "
                                        + "twice the baseline line's starting multiple of 1.5."))
                .with(Section.map("collection", "Collection effort by bucket M1, M2, M3, M4+.")
                        .numbers("cost_per_account", List.of(5.0, 20.0, 60.0, 120.0), 4, 0, 1e6, "yuan/month",
                                "Monthly collection cost per delinquent account, by bucket.")
                        .numbers("cure_probability", List.of(0.10, 0.06, 0.04, 0.02), 4, 0, 1, "per month",
                                "Most a month's collection can do, by bucket: the probability that it makes a delinquent borrower pay "
                                        + "the arrears is cure_probability x cost / (cost + effort_half_cost); the borrower pays from its "
                                        + "savings, then from family help (segments[].family_help_months), and is cured only if they cover the arrears.")
                        .numbers("effort_half_cost", List.of(1.25, 5.0, 15.0, 30.0), 4, 0, 1e6, "yuan/month",
                                "Collection spend per account at which collection does half of the most it can, by bucket "
                                        + "(diminishing returns to effort)."))
                .with(Section.map("restructuring", "Offers to delinquent borrowers: arrears capitalised, term extended, a grace period.")
                        .bool("enabled", true, "Whether the lender offers restructuring.")
                        .integer("from_months", 2, 1, 24, "months past due", "Earliest bucket offered restructuring.")
                        .integer("to_months", 4, 1, 24, "months past due", "Latest bucket offered restructuring.")
                        .number("acceptance", 0.3, 0, 1, "per month", "Monthly probability that an eligible borrower accepts.")
                        .number("term_extension", 2.0, 1, 10, "ratio", "Remaining term multiplied by this (the instalment falls accordingly).")
                        .integer("grace_months", 2, 0, 24, "months", "Months without a bill after restructuring.")
                        .integer("max_times", 1, 1, 10, "times", "An account is restructured at most this often."))
                .with(Section.map("litigation", "Suing delinquent borrowers (cases go to the courts).")
                        .bool("enabled", true, "Whether the lender sues.")
                        .integer("from_months", 4, 1, 24, "months past due", "Accounts this far past due are sued.")
                        .number("min_balance", 3000.0, 0, 1e9, "yuan", "Only balances at least this large are sued.")
                        .number("cost_per_case", 800.0, 0, 1e7, "yuan", "Legal cost of a case, paid at filing.")
                        .integer("batch_size", 50, 1, 1_000_000, "cases/month", "Filing this many cases in a month makes it batch litigation.")
                        .number("batch_cost_factor", 0.5, 0, 1, "ratio", "Cost per case in batch litigation, relative to cost_per_case."))
                .with(Section.map("recovery", "Recoveries on written-off balances (debt collection after write-off).")
                        .number("monthly_rate", 0.02, 0, 1, "share/month", "Share of the recoverable pool collected each month.")
                        .number("max_share", 0.15, 0, 1, "share", "Share of a written-off balance that is recoverable at all."))
                .with(Section.map("provisioning", "Loss allowance: IFRS 9 expected credit loss (ECL) or a table of loss rates by bucket.")
                        .choice("method", "bucket_table", List.of("ecl", "bucket_table"),
                                "What the books hold as provisions: ecl (the lender's IFRS 9 ECL, own share) or bucket_table "
                                        + "(balance x loss_rates). The ECL is computed and reported either way.")
                        .numbers("loss_rates", List.of(0.01, 0.15, 0.35, 0.55, 0.75), 5, 0, 1, "share of balance",
                                "Expected loss (PD x LGD) on the balance of accounts in M0, M1, M2, M3, M4+ (method bucket_table).")
                        .number("ccf", 0.10, 0, 1, "share",
                                "Credit conversion factor: share of the undrawn limit expected to be drawn by default (EAD = balance + ccf x undrawn).")
                        .integer("lifetime_months", 24, 1, 600, "months",
                                "Lifetime horizon of stage 2 ECL (the behavioural life of revolving credit, IFRS 9 B5.5.40).")
                        .integer("window_months", 12, 1, 120, "months",
                                "Trailing window of observed bucket transitions, write-offs and recoveries the PD and LGD are fitted on.")
                        .integer("min_transitions", 100, 1, 1_000_000, "accounts",
                                "Accounts observed leaving a bucket in the window below which that bucket's row falls back to rolling forward.")
                        .number("lgd_fallback", 0.85, 0, 1, "share",
                                "LGD used until lgd_min_months of write-offs are in the window.")
                        .integer("lgd_min_months", 12, 1, 600, "months",
                                "Months with write-offs needed in the window before the observed LGD replaces lgd_fallback.")
                        .number("forward_looking_elasticity", 1.0, 0, 10, "ratio",
                                "PDs are scaled by (mean unemployment path over the next 12 months / unemployment now) to this power.")
                        .number("sicr_pd_multiple", 0.0, 0, 100, "ratio",
                                "Significant increase in credit risk on the lender's own behaviour model: an account whose delinquency "
                                        + "state has a fitted 12-month PD at least this many times a current account's is in stage 2 "
                                        + "(besides the 30 DPD backstop and restructuring). 0: the backstop and restructuring only."))
                .with(Section.map("capital", "Risk-weighted assets and the capital adequacy ratio (CAR = equity / RWA).")
                        .choice("approach", "standardised", List.of("standardised", "irb"),
                                "standardised: fixed retail risk weights; irb: the Basel IRB retail formula with the lender's fitted PD and LGD.")
                        .number("risk_weight", 0.75, 0, 15, "share", "Standardised risk weight of performing retail exposures.")
                        .number("defaulted_risk_weight", 1.0, 0, 15, "share", "Standardised risk weight of exposures over 90 DPD.")
                        .number("ccf", 0.10, 0, 1, "share", "Credit conversion factor of undrawn limits in RWA.")
                        .number("irb_correlation", 0.04, 0, 1, "share", "Asset correlation R of the IRB formula (0.04: qualifying revolving retail).")
                        .number("irb_pd_floor", 0.001, 0, 1, "share", "Floor on the 12-month PD used in the IRB formula.")
                        .number("min_car", 0.08, 0, 1, "share", "Minimum capital adequacy ratio (a capital_requirement policy event raises it).")
                        .number("buffer", 0.025, 0, 1, "share", "Buffer above min_car; CAR below min_car + buffer is flagged."))
                .with(Section.map("balance_sheet", "Funding, costs and capital.")
                        .number("opening_capital_ratio", 0.12, 0, 1, "share",
                                "Equity over net receivables at the start of month 1.")
                        .number("opening_cash_ratio", 0.10, 0, 1, "share", "Cash over net receivables at the start of month 1.")
                        .number("cash_buffer_ratio", 0.05, 0, 1, "share",
                                "Cash target over net receivables: funding is drawn below it and repaid above it.")
                        .number("funding_limit_ratio", 1.5, 0, 100, "ratio",
                                "Committed funding limit as a multiple of opening net receivables.")
                        .number("funding_spread", 0.02, 0, 1, "per year", "Spread over the economy's funding rate.")
                        .number("operating_cost_rate", 0.03, 0, 1, "per year", "Operating cost as a share of receivables.")
                        .number("min_capital_ratio", 0.08, 0, 1, "share", "Regulatory minimum of the capital ratio, reported and charted.")
                        .number("resolution_capital_ratio", 0.02, -1, 1, "share",
                                "Capital ratio below which the lender is resolved: it stops lending, cuts every undrawn limit and its "
                                        + "book runs off; its funders bear failure_haircut of their lines. 0.02: the US 'critically "
                                        + "undercapitalized' threshold of prompt corrective action (2 % tangible equity).")
                        .number("target_capital_ratio", 0.12, 0, 1, "share",
                                "Equity above this share of the highest net receivables of the last 12 months is paid out as dividends "
                                        + "each month (from month 1): capital is kept for the purchase calendar's peak."))
                .with(Section.listOf("funding", 0, "Arrangements with funders (co-lending, committed lines, receivable purchases).")
                        .string("funder", null, "Name of a funder in the funders list.")
                        .number("co_lending_share", 0.0, 0, 0.95, "share",
                                "Share of every new loan and purchase the funder funds; it takes that share of repayments, income and losses.")
                        .number("line_ratio", 0.0, 0, 10, "ratio", "Committed line limit as a multiple of the lender's opening net receivables.")
                        .number("line_spread", 0.02, 0, 1, "per year", "Spread over the funding rate on the drawn line.")
                        .bool("buys_receivables", false, "The funder buys receivables (ABS) when the lender sells them for cash.")
                        .with(Section.map("covenant", "Triggers on the lender's own numbers; a breach cuts the line.")
                                .number("max_m3plus", 1.0, 0, 1, "share", "Breach when the lender's M3+ ratio exceeds this.")
                                .number("max_loss_rate", 1.0, 0, 10, "share", "Breach when the lender's loss rate over the last twelve months (write-offs over average receivables, a year's rate) exceeds this.")
                                .number("min_capital_ratio", -1.0, -1, 1, "share", "Breach when the lender's capital ratio falls below this.")
                                .number("cut", 1.0, 0, 1, "share", "Share of the line limit cut on a breach (1 closes it); drawn amounts above the new limit are due.")))
                .with(Section.map("liquidity", "What the lender does when cash runs short, and its liquidity measures.")
                        .strings("actions", List.of("draw_lines", "cut_limits", "sell_receivables", "emergency_funding"), 0,
                                "Actions in order when cash is short: draw_lines, stop_originating, cut_limits, sell_receivables, "
                                        + "emergency_funding. Still short after the last: the lender fails.")
                        .number("limit_cut", 0.3, 0, 1, "share", "Limit cut taken by the cut_limits action.")
                        .number("abs_base_discount", 0.03, 0, 1, "share", "Discount on receivables sold with no overdue balances.")
                        .number("abs_discount_per_m1plus", 2.0, 0, 50, "ratio",
                                "Extra discount per unit of the lender's M1+ ratio (2.0: an M1+ ratio of 5 % adds 10 points).")
                        .number("emergency_capacity", 0.1, 0, 10, "ratio",
                                "Emergency funding available, as a multiple of opening net receivables.")
                        .number("failure_haircut", 0.5, 0, 1, "share",
                                "Share of a failed lender's net receivables its creditors lose in the run-off.")
                        .number("funding_maturity_months", 12.0, 1, 600, "months",
                                "Average maturity of the other funding (besides lines): the liquidity ladder counts 1/M of it "
                                        + "maturing each month, not rolled over in a stress. 12: assumption (one-year wholesale funding).")
                        .number("stress_repayment_haircut", 0.1, 0, 1, "share",
                                "Share of expected repayments that do not arrive in the survival-horizon stress. "
                                        + "0.1: assumption.")
                        .integer("survival_target_months", 3, 1, 24, "months",
                                "Horizon of the funding-need measure: the funding the lender lacks to survive this many months "
                                        + "of the stressed ladder. 3: assumption.")
                        .number("lcr_target", 0.0, 0, 10, "ratio",
                                "The treasury keeps cash of at least this many times the next 30 days' net outflows on last month's "
                                        + "liquidity ladder (besides cash_buffer_ratio; whichever is more). 1: the Basel III LCR minimum. "
                                        + "0: no LCR target."))
                .with(Section.map("acquisition", "How the lender wins new customers each month (the book is open: accounts close, "
                                + "borrowers leave and newcomers arrive).")
                        .number("growth_annual", 0.0, -0.9, 5, "per year",
                                "Growth of the lender's open accounts it aims for: the target is its open accounts when the market "
                                        + "was built times (1 + growth_annual)^(months / 12). Each month it solicits enough applications "
                                        + "from people with no account at it to close last month's gap to the target, so a calm market "
                                        + "stays steady at 0 (the default: no growth assumed). A lender that has stopped lending or is "
                                        + "below min_capital_ratio solicits nothing.")
                        .number("procyclicality", 1.0, 0, 20, "ratio",
                                "Marketing follows the economy: the target is scaled by max(0, 1 + procyclicality x (u1 - u) / u1), "
                                        + "u1 the month-1 unemployment rate: lenders expand when unemployment falls and pull back when it rises. "
                                        + "1: assumption (a rise of unemployment by a tenth of its level shrinks the target by a tenth); 0: "
                                        + "marketing ignores the economy.")
                        .number("max_applications_monthly", 0.05, 0, 1, "share per month",
                                "At most this share of the lender's prospects (people with no account at it and a free account "
                                        + "slot) apply to it in a month. 0.05: assumption. 0: the lender solicits nothing."))
                .with(Section.map("tightening", "Pro-cyclical credit-supply tightening when capital is low or early delinquency "
                        + "rises (a policy choice).")
                        .bool("enabled", true, "Whether the lender cuts limits when its capital ratio is below the trigger or its "
                                + "M1+ ratio has risen by m1plus_rise.")
                        .number("capital_trigger", 0.10, 0, 1, "share", "Capital ratio below which limits are cut.")
                        .number("limit_cut", 0.2, 0, 1, "share", "Share of every limit cut when the lender tightens.")
                        .integer("review_months", 3, 1, 120, "months",
                                "Months after a cut before the lender decides again (a quarterly credit-policy review by default).")
                        .number("m1plus_rise", 0.0, 0, 100, "share",
                                "The lender also tightens when its M1+ ratio (balances 1+ months past due over receivables) is more "
                                        + "than this share above its level at month 0, the start of the run (its risk appetite): "
                                        + "0.25 tightens once early delinquency is a quarter higher. 0: capital alone decides."));
    }

    private static Section funders() {
        return Section.listOf("funders", 0, "Funders: banks, co-lending partners, ABS investors. Optional.")
                .string("name", null, "Funder name ([A-Za-z0-9_-]+), used in column names.")
                .choice("kind", "bank", List.of("bank", "co_lending_partner", "abs_investor"), "What kind of funder (a label for reports).")
                .number("capital_share", 0.15, 0, 10, "share",
                        "Capital the funder holds against these exposures, as a share of its exposure at the start of month 1.")
                .number("stress_trigger", 0.5, 0, 10, "share",
                        "When the funder's losses over the last twelve months exceed this share of its capital, it cuts every line it gives.")
                .number("stress_cut", 0.5, 0, 1, "share", "Share of every line limit the stressed funder cuts.");
    }

    private static Section bureau() {
        return Section.map("bureau", "The credit bureau: a bureau-style score, and what lenders see of each other's borrowers.")
                .number("coverage", 1.0, 0, 1, "share",
                        "Share of borrower-lender pairs in which the lender sees the borrower's bureau record (0 none, 1 full).")
                .number("score_mean", 650.0, 300, 850, "points", "Mean starting score.")
                .number("score_sd", 60.0, 0, 300, "points", "Sd of the starting score (higher true risk, lower score).")
                .number("score_drop", 40.0, 0, 500, "points/month", "Points lost per month per delinquent account reported.")
                .number("score_recovery", 0.05, 0, 1, "share/month", "Share of the gap to the starting score recovered per month.")
                .number("score_weight", 0.5, 0, 5, "sd per 100 points",
                        "Weight lenders give a visible score below the starting mean when scoring an application.")
                .integer("record_months", 60, 1, 120, "months",
                        "Months a written-off account stays on the borrower's record: other lenders see it and the score does not "
                                + "recover while it does (China's credit reporting rules keep adverse records five years). When the record "
                                + "expires, and no court case on it is still running, the account leaves the borrower's slots: the "
                                + "relationship is over and the borrower may apply again, to any lender.");
    }

    private static Section courts() {
        return Section.map("courts", "Courts: capacity, time to judgment, enforcement.")
                .number("capacity_per_100k", 40.0, 0, 1e6, "cases/month per 100,000 borrowers",
                        "Cases the courts can take each month; the rest wait in a queue.")
                .integer("months_to_judgment", 6, 0, 60, "months", "Months from taking a case to judgment.")
                .integer("months_to_enforcement", 3, 0, 60, "months", "Months from judgment to enforcement.")
                .number("nothing_probability", 0.4, 0, 1, "probability", "Probability that enforcement recovers nothing.")
                .number("recovery_share_mean", 0.5, 0, 1, "share", "Mean share of the debt recovered when enforcement finds something.")
                .number("recovery_share_concentration", 4.0, 0.1, 1000, "", "Beta concentration (alpha + beta) of the recovered share.");
    }

    private static final String SHAPES = "flat: level throughout; downturn: level, then a linear move to shock_level, a trough, "
            + "a linear recovery to final_level (V: trough_months 0; U: a long trough; L: final_level = shock_level); "
            + "values: the monthly values listed.";

    private static Section path(String name, double level, double min, double max, String unit, String doc) {
        return path(Section.map(name, doc + " A path is flat, a downturn shape, or explicit monthly values.")
                .choice("shape", "flat", List.of("flat", "downturn", "values"), SHAPES), level, min, max, unit);
    }

    /** The keys every path has after its shape: {@code section} already holds the shape key. */
    private static Section path(Section section, double level, double min, double max, String unit) {
        return section
                .number("level", level, min, max, unit, "Value before the downturn (and throughout when flat).")
                .numberDefaultingTo("shock_level", "level", min, max, unit, "Value at the worst point of the downturn.")
                .integer("start_month", 7, 1, 600, "month", "First month of the move from level towards shock_level.")
                .integer("decline_months", 6, 1, 600, "months", "Months to go from level to shock_level.")
                .integer("trough_months", 6, 0, 600, "months", "Months at shock_level.")
                .integer("recovery_months", 12, 1, 600, "months", "Months to go from shock_level to final_level.")
                .numberDefaultingTo("final_level", "level", min, max, unit, "Value after recovery.")
                .numbers("values", List.of(), 0, min, max, unit,
                        "Monthly values for shape: values, from month 1; the last value holds beyond the list.")
                .string("file", "",
                        "A CSV file (path relative to the scenario) to read the values from, with a header row and a date column: "
                                + "month (1, 2, ... or YYYY-MM) or quarter (1, 2, ... or YYYYQn), one row per period, consecutive and in order "
                                + "(numbered rows from 1). Sets shape: values; not together with values. "
                                + "The resolved scenario holds the values read, so it runs without the file.")
                .string("column", "", "The CSV column to read (default: this path's name, e.g. unemployment).")
                .choice("frequency", "monthly", List.of("monthly", "quarterly"),
                        "Rows of the CSV are months, or quarters (interpolated linearly between mid-quarter months, held flat before the first and after the last).");
    }

    private static Section economy() {
        return Section.map("economy", "The macro path.")
                .with(path("unemployment", 0.052, 0, 0.95, "share", "Unemployment rate."))
                .with(path("income_growth", 0.05, -0.9, 1, "per year", "Growth of permanent incomes, annual rate."))
                .with(path(Section.map("inflation", "Inflation of the prices of essentials, annual rate: the price level rises by "
                                        + "(1 + inflation)^(1/12) a month from 1 before month 1 (burn-in months at 1). Essential spending is "
                                        + "essential_share x permanent income x price level / income index, the income index built the same way "
                                        + "from the income-growth path: prices rising faster than incomes squeeze budgets, slower ones ease them. "
                                        + "A path is with_incomes (the default), flat, a downturn shape, or explicit monthly values.")
                                .choice("shape", "with_incomes", List.of("with_incomes", "flat", "downturn", "values"),
                                        "with_incomes: prices rise with the income-growth path, so essential spending stays the same share "
                                                + "of permanent income (the model without prices); the other keys are not used, so give "
                                                + "shape: flat to set a level (flat: 0 for flat prices). " + SHAPES),
                        0.0, -0.9, 1, "per year"))
                .with(path("funding_rate", 0.04, 0, 1, "per year", "Lenders' base funding rate, annual."))
                .with(Section.map("labour_market", "How employment transitions are set.")
                        .choice("mode", "track", List.of("track", "fixed_hazards"),
                                "track: job-loss hazards are set each month so that the simulated unemployment rate follows the path; "
                                        + "fixed_hazards: constant hazards below, the unemployment path is ignored.")
                        .number("job_finding_monthly", 0.25, 0, 1, "per month", "Monthly probability that an unemployed borrower finds a job.")
                        .number("job_loss_monthly", 0.01, 0, 1, "per month", "Monthly job-loss probability in fixed_hazards mode."));
    }

    private static Section policyEvents(Map<String, String> kinds) {
        return Section.listOf("policy_events", 0, "Policies that take effect at a month (DOMAIN.md section 5). Optional.")
                .integer("month", null, 1, 600, "month", "First month the policy applies.")
                .choice("kind", null, List.copyOf(kinds.keySet()),
                        kinds.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                                .collect(java.util.stream.Collectors.joining("; ")) + ".")
                .number("value", 0.0, 0, 1e6, "depends on kind", "The policy's parameter (see kind).")
                .integer("months", 0, 0, 600, "months", "How long a repayment holiday or income support lasts (0: for the rest of the run).")
                .choice("eligibility", "current", List.of("current", "all"),
                        "repayment_holiday: which open accounts may take it: current only (as lenders granted deferrals in 2020), or all, "
                                + "delinquent ones too (their arrears then stop rolling while it lasts).")
                .number("take_up", 1.0, 0, 1, "share",
                        "repayment_holiday: share of eligible borrowers who apply for it (a draw per borrower).")
                .choice("target", "unemployed", List.of("unemployed", "everyone"),
                        "income_support: who receives it: the unemployed, or everyone.")
                .string("segment", "", "income_support: only borrowers of this segment receive it (empty: every segment).");
    }

    private static Section classification() {
        return Section.map("classification",
                        "China's five-tier loan classification by months past due, before write-off: normal below special_mention_from; "
                                + "substandard, doubtful and loss are non-performing. A class from write_off_months on never holds a balance.")
                .integer("special_mention_from", 1, 1, 60, "months past due", "First month past due classed special mention (关注).")
                .integer("substandard_from", 3, 1, 60, "months past due", "First month past due classed substandard (次级); 3 = 61-90 DPD.")
                .integer("doubtful_from", 4, 1, 60, "months past due", "First month past due classed doubtful (可疑); 4 = 91-120 DPD.")
                .integer("loss_from", 5, 1, 60, "months past due", "First month past due classed loss (损失); 5 = 121-150 DPD.")
.integer("restructured_observation_months", 12, 0, 120, "months",
                        "A restructured account is at least substandard until it has paid on time this many months in a row.");
    }

    private static Section outputs() {
        return Section.map("outputs", "What to write besides metrics.csv, summary.csv and manifest.json.")
                .bool("charts", true, "Write PNG charts into charts/.")
                .bool("segment_metrics", true, "Add overdue ratios per borrower segment and group to metrics.csv.")
                .bool("roll_rates", true, "Write roll_rates.csv: accounts moving between buckets each month.")
                .bool("vintages", true, "Write vintages.csv: cumulative M3+ by month on book per origination month.");
    }
}
