package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Reductions of the model with known answers. The scenario: one segment with equal, constant
 * incomes, no savings, no income when unemployed, no emergencies, prudent borrowers (no present
 * bias, full literacy) who spend all income left after essentials on the purchase line and repay
 * it in full the next month, every applicant approved with a limit of three months' income, no
 * collection cures, no write-off within the horizon. The market is closed, as the closed forms
 * assume: nobody leaves or arrives ({@code turnover_monthly: 0}: a newcomer would have no bill
 * yet and could not be past due), no account is closed ({@code closure_monthly: 0}) and the
 * lender solicits no applications ({@code max_applications_monthly: 0}). The lender keeps
 * lending whatever its losses ({@code resolution_capital_ratio: -1}): with a fifth of the book
 * past due its capital ratio falls below the default 2 % in month 3, and a resolved lender cuts
 * every limit to the balance, so nobody could use the line any more.
 */
class AnalyticLimitsTest {
    private static final int BORROWERS = 20_000;

    private static String scenario(double jobLoss, double convenience) {
        return """
                version: 1
                name: analytic
                seed: 7
                replications: 1
                horizon: {months: 5, burn_in_months: 1}
                population:
                  size: %d
                  turnover_monthly: 0
                  segments:
                    - {name: only, share: 1, thin_file_share: 0, income_median: 5000, income_dispersion: 0,
                       income_volatility: 0, permanent_income_volatility: 0, job_loss_relative: 1,
                       unemployment_replacement: 0, savings_months_median: 0, savings_dispersion: 0,
                       emergency_probability: 0, income_cyclicality: 0, strategic_share: 0, fraud_share: 0}
                  behaviour:
                    essential_share: {median: 0.5, spread: 0}
                    discretionary_propensity: {median: 1, spread: 0}
                    present_bias: {median: 0, spread: 0}
                    literacy: {median: 1, spread: 0}
                    impulse_credit_share: 0
                    convenience_share: %s
                    savings_drawdown: 0
                    instalment_uptake: 0
                    cash_loan_draw_probability: 0
                    borrow_to_pay: false
                  accounts: {lenders_held: [1], cash_loan_share: 0, closure_monthly: 0}
                products:
                  - {id: line, kind: purchase_line, limit_income_multiple: 3, max_limit: 1000000}
                lenders:
                  - name: L
                    products: [line]
                    market_share: 1
                    approval_rate: 1
                    score_limit_sensitivity: 0
                    write_off_months: 24
                    collection: {cure_probability: [0, 0, 0, 0]}
                    restructuring: {enabled: false}
                    litigation: {enabled: false}
                    tightening: {enabled: false}
                    acquisition: {max_applications_monthly: 0}
                    balance_sheet: {resolution_capital_ratio: -1}
                economy:
                  unemployment: {level: 0}
                  income_growth: {level: 0}
                  labour_market: {mode: fixed_hazards, job_loss_monthly: %s, job_finding_monthly: 0}
                """.formatted(BORROWERS, convenience, jobLoss);
    }

    private static RunResult run(double jobLoss, double convenience) {
        LoadedScenario s = ScenarioLoader.fromYaml("analytic.yaml", scenario(jobLoss, convenience), List.of());
        return Scenarios.run(s, 2);
    }

    @Test
    void withNoShocksAndNoCreditUseNobodyHasABalanceOrIsOverdue() {
        RunResult run = run(0.0, 0.0);
        for (double x : Scenarios.series(run, 0, "active_accounts")) {
            assertEquals(0.0, x);
        }
        for (double x : Scenarios.series(run, 0, "write_offs")) {
            assertEquals(0.0, x);
        }
        for (double x : Scenarios.series(run, 0, "m1plus_ratio_count")) {
            assertTrue(Double.isNaN(x), "no active accounts, so the ratio is undefined");
        }
    }

    @Test
    void withNoShocksPrudentCreditUseIsRepaidInFullAndNobodyIsOverdue() {
        RunResult run = run(0.0, 1.0);
        double[] active = Scenarios.series(run, 0, "active_accounts");
        double[] m1 = Scenarios.series(run, 0, "m1plus_ratio");
        double[] m1count = Scenarios.series(run, 0, "m1plus_ratio_count");
        for (int t = 0; t < active.length; t++) {
            assertEquals(BORROWERS, active[t], "every borrower uses the line every month");
            assertEquals(0.0, m1[t]);
            assertEquals(0.0, m1count[t]);
        }
    }

    /**
     * With a constant monthly job-loss hazard h and no job finding, a borrower is employed after
     * k monthly draws with probability (1-h)^k. Job loss comes before consumption and repayment in
     * the month. A borrower who loses its job still has what it saved of last month's income
     * (essentials were paid in cash, its spending went on the line), no income, and last month's
     * statement to pay: short of essentials plus the bill, it puts its essentials on the line and
     * pays the bill with its savings (it rolls its debt once). The next month it has nothing left
     * and its line is full of last month's essentials: it misses that bill and never cures. So the
     * accounts past due at the end of month t are those of the borrowers who lost their job by the
     * month before, t draws including the burn-in month: 1 - (1 - h)^t, last month's
     * unemployment rate.
     */
    @Test
    void overdueShareFollowsTheClosedFormUnderAConstantJobLossHazard() {
        double h = 0.05;
        RunResult run = run(h, 1.0);
        double[] overdue = Scenarios.series(run, 0, "m1plus_ratio_count");
        double[] unemployment = Scenarios.series(run, 0, "unemployment_rate");
        for (int t = 1; t <= overdue.length; t++) {
            double expected = 1.0 - Math.pow(1.0 - h, t);
            double standardError = Math.sqrt(expected * (1 - expected) / BORROWERS);
            assertEquals(expected, overdue[t - 1], 4 * standardError, "month " + t);
            if (t >= 2) {
                assertEquals(unemployment[t - 2], overdue[t - 1], 1e-12,
                        "every borrower unemployed last month, and only they, are past due in month " + t);
            }
        }
    }

    /**
     * A borrower who loses its job in the burn-in month misses its first bill in month 1 and rolls
     * one bucket a month: M4+ (four missed bills) is first reached in month 4, and in month 5 it
     * also holds those who lost their job in month 1.
     */
    @Test
    void delinquentAccountsRollOneBucketAMonth() {
        RunResult run = run(0.05, 1.0);
        double[] m4plus = Scenarios.series(run, 0, "m4plus_ratio");
        double[] m3plus = Scenarios.series(run, 0, "m3plus_ratio");
        assertEquals(0.0, m4plus[0]);
        assertEquals(0.0, m4plus[1]);
        assertEquals(0.0, m4plus[2]);
        assertEquals(0.0, m3plus[1]);
        assertTrue(m3plus[2] > 0, "M3 first reached in month 3");
        assertTrue(m4plus[3] > 0 && m4plus[4] > m4plus[3]);
    }
}
