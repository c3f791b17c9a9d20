package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.run.RunResult;
import org.junit.jupiter.api.Test;

/**
 * Defaults that come from debt and affordability, and respond to unemployment in the direction and
 * size of the field's history; products and habits that move outcomes the way they should. Pairs
 * of runs share the seed (common random numbers).
 *
 * <p>Observed US card figures (../shared/data/us_card_history_1985_2006.csv): 2005-06 means of
 * 4.19 % charge-offs (3.92 % without the 2005Q4 bankruptcy-law spike) and 3.86 % 30+ delinquency;
 * in 1990-92 charge-offs rose x1.5 for +2.3 points of unemployment, in 2001-03 x1.45 for +2.0:
 * log-elasticities of 0.18-0.19 per point.
 */
class AffordabilityTest {
    private static final double US_CALM_CHARGEOFF = 0.0392;
    private static final double US_CALM_DELINQUENCY = 0.0386;

    /** Quarterly means of a metric over replications. */
    private static double[] quarterly(RunResult run, String metric) {
        int months = Scenarios.series(run, 0, metric).length;
        double[] q = new double[months / 3];
        for (int r = 0; r < run.replications().size(); r++) {
            double[] s = Scenarios.series(run, r, metric);
            for (int k = 0; k < q.length; k++) {
                q[k] += (s[3 * k] + s[3 * k + 1] + s[3 * k + 2]) / 3 / run.replications().size();
            }
        }
        return q;
    }

    /**
     * Log-elasticity of charge-offs to unemployment: log of the largest quarterly ratio of the
     * downturn's charge-off rate to the calm run's, over the largest rise in unemployment (points).
     */
    static double logElasticity(RunResult calm, RunResult downturn) {
        double[] c = quarterly(calm, "chargeoff_rate_annualised");
        double[] d = quarterly(downturn, "chargeoff_rate_annualised");
        double[] uc = quarterly(calm, "unemployment_rate");
        double[] ud = quarterly(downturn, "unemployment_rate");
        double ratio = 0;
        double rise = 0;
        for (int k = 0; k < c.length; k++) {
            ratio = Math.max(ratio, d[k] / c[k]);
            rise = Math.max(rise, ud[k] - uc[k]);
        }
        return Math.log(ratio) / (100 * rise);
    }

    @Test
    void aCardMarketsCalmChargeOffsComeFromDebtAndAffordabilityNotFromEmergencies() {
        RunResult calm = Scenarios.run(Scenarios.shipped("us-card/calm"), 2);
        double chargeOffs = Scenarios.mean(calm, "chargeoff_rate_annualised");
        double m1plus = Scenarios.mean(calm, "m1plus_ratio");
        // Measured: 4.05 % (20,000 borrowers, 2 replications, one shared 240-month burn-in).
        assertTrue(chargeOffs > 0.85 * US_CALM_CHARGEOFF && chargeOffs < 1.15 * US_CALM_CHARGEOFF,
                "calm charge-offs " + chargeOffs + " within 15 % of the US 2005-06 level");
        assertTrue(m1plus > US_CALM_DELINQUENCY / 1.5 && m1plus < 1.5 * US_CALM_DELINQUENCY,
                "M1+ " + m1plus + " within a factor 1.5 of US 30+ delinquency");
        double m2plus = m1plus - Scenarios.mean(calm, "bucket_m1_share");
        assertTrue(m2plus > US_CALM_DELINQUENCY / 1.5 && m2plus < 1.5 * US_CALM_DELINQUENCY,
                "M2+ (30+ days past due, the data's definition) " + m2plus + " within a factor 1.5 of US 30+ delinquency");
        assertTrue(Scenarios.mean(calm, "revolving_share") > 0.5, "most of the book revolves at an APR");

        RunResult noEmergencies = Scenarios.run(Scenarios.shipped("us-card/calm",
                "population.segments[0].emergency_probability=0", "population.segments[1].emergency_probability=0"), 2);
        double without = Scenarios.mean(noEmergencies, "chargeoff_rate_annualised");
        assertTrue(without > 0.8 * chargeOffs, "emergencies are a minor source: without them charge-offs are "
                + without + " against " + chargeOffs);

        RunResult jobsForAll = Scenarios.run(Scenarios.shipped("us-card/calm", "economy.unemployment.level=0.01"), 2);
        double fullEmployment = Scenarios.mean(jobsForAll, "chargeoff_rate_annualised");
        assertTrue(fullEmployment < 0.85 * chargeOffs, "job losses are a main source: at 1 % unemployment charge-offs are "
                + fullEmployment + " against " + chargeOffs);
    }

    @Test
    void aCardMarketRespondsToA1990SizedDownturnLikeUsCardHistory() {
        RunResult calm = Scenarios.run(Scenarios.shipped("us-card/calm"), 2);
        RunResult downturn = Scenarios.run(Scenarios.shipped("us-card/downturn"), 2);
        double e = logElasticity(calm, downturn);
        assertTrue(e >= 0.12 && e <= 0.25, "log-elasticity of charge-offs to unemployment " + e + " per point (US: 0.18-0.19)");
    }

    @Test
    void theShippedBaselineRespondsToTheSevereDownturnWithinTheHistoricalElasticity() {
        RunResult calm = Scenarios.run(Scenarios.shipped("baseline"), 2);
        RunResult downturn = Scenarios.run(Scenarios.shipped("severe-downturn"), 2);
        double e = logElasticity(calm, downturn);
        assertTrue(e >= 0.12 && e <= 0.25, "log-elasticity of charge-offs to unemployment " + e + " per point");
        // 30+ days past due is the model's M2+ (docs/VALIDATION.md); Ant's 30+ was 1.56 % (2019) and 1.76 % (January 2020).
        double m2plus = Scenarios.mean(calm, "m1plus_ratio") - Scenarios.mean(calm, "bucket_m1_share");
        assertTrue(m2plus > 1.56 / 1.5 / 100 && m2plus < 1.5 * 1.76 / 100, "calm 30+ delinquency " + m2plus
                + " within a factor 1.5 of Ant's");
    }

    @Test
    void inALongRecessionTheDefaultHazardOfTheSurvivorsFallsAfterItsPeak() {
        // A closed book (no newcomers, no acquisition) through a recession that starts in month 7 and lasts.
        RunResult run = Scenarios.run(Scenarios.shipped("us-card/calm", "horizon.months=60", "population.turnover_monthly=0",
                "lenders[0].acquisition.max_applications_monthly=0", "lenders[1].acquisition.max_applications_monthly=0",
                "economy.unemployment={shape: downturn, level: 0.05, shock_level: 0.09, start_month: 7, decline_months: 6, "
                        + "trough_months: 60, recovery_months: 1}"), 2);
        double[] hazard = quarterly(run, "roll_m0_m1");
        double[] u = quarterly(run, "unemployment_rate");
        int peak = 0;
        for (int k = 0; k < hazard.length; k++) {
            if (hazard[k] > hazard[peak]) {
                peak = k;
            }
        }
        int last = hazard.length - 1;
        assertTrue(u[last] > 0.085, "unemployment is still high at the end: " + u[last]);
        assertTrue(peak < last - 3, "the hazard peaks well before the end (quarter " + peak + ")");
        assertTrue(hazard[last] < 0.9 * hazard[peak], "burn-out: the survivors' monthly delinquency hazard falls from "
                + hazard[peak] + " to " + hazard[last] + " while unemployment stays high");
    }

    @Test
    void borrowersWhoMissedAPaymentUseLessCreditThanTheSameBorrowersWithoutDeleveraging() {
        String[] common = {"population.size=20000", "horizon.months=24"};
        Market on = CreditMarkets.runMonths("scenarios/severe-downturn.yaml", 24, common);
        Market off = CreditMarkets.runMonths("scenarios/severe-downturn.yaml", 24, common[0], common[1],
                "population.behaviour.deleveraging_cut=0");
        double onBalance = 0;
        double offBalance = 0;
        int scared = 0;
        for (int i = 0; i < on.borrowers.size; i++) {
            if (on.borrowers.scareLeft[i] == 0 || off.borrowers.scareLeft[i] == 0) {
                continue;
            }
            scared++;
            for (int a = on.borrowers.firstAccount[i]; a < on.borrowers.firstAccount[i + 1]; a++) {
                if (!on.accounts.cashLoan[a]) {
                    onBalance += on.accounts.pending[a] + on.accounts.statement[a];
                    offBalance += off.accounts.pending[a] + off.accounts.statement[a];
                }
            }
        }
        assertTrue(scared > 200, "enough borrowers missed a payment recently: " + scared);
        assertTrue(onBalance < 0.8 * offBalance, "new line purchases of borrowers who missed a payment: " + onBalance
                + " with deleveraging, " + offBalance + " without");
    }

    @Test
    void essentialsLeftUnpaidAndOwedTheNextMonthPushMoreBorrowersToDefault() {
        RunResult owed = Scenarios.run(Scenarios.shipped("severe-downturn"), 2);
        RunResult forgotten = Scenarios.run(Scenarios.shipped("severe-downturn", "population.behaviour.unmet_carry_months=0"), 2);
        double withCarry = Scenarios.total(owed, "accounts_written_off");
        double without = Scenarios.total(forgotten, "accounts_written_off");
        // Measured: about a quarter more accounts written off (20,000 borrowers, 2 replications).
        assertTrue(withCarry > 1.1 * without, "unpaid rent and bills owed again: " + withCarry + " accounts written off, "
                + without + " when unmet needs simply go away");
    }

    @Test
    void feesAndLiteracyMoveInstalmentUptakeAndTerms() {
        RunResult base = Scenarios.run(Scenarios.shipped("baseline", "horizon.months=12"), 2);
        RunResult dear = Scenarios.run(Scenarios.shipped("baseline", "horizon.months=12",
                "products[0].instalment_fees=[0.016, 0.014, 0.012, 0.012]"), 2);
        RunResult unread = Scenarios.run(Scenarios.shipped("baseline", "horizon.months=12",
                "population.behaviour.literacy.median=0.1"), 2);
        double share = Scenarios.mean(base, "instalment_share");
        assertTrue(share > 0.1 && share < 0.5, "a share of line purchases becomes plans: " + share);
        assertTrue(Scenarios.mean(dear, "instalment_share") < 0.98 * share, "doubling the fees lowers uptake");
        assertTrue(Scenarios.mean(dear, "plan_term_mean") < Scenarios.mean(base, "plan_term_mean"),
                "dearer plans are taken over shorter terms");
        assertTrue(Scenarios.mean(unread, "instalment_share") > share,
                "borrowers who misread the flat fee as cheap take more plans");
    }

    @Test
    void prepaymentRepaysPlansEarlyAndOnlyWhenSwitchedOn() {
        RunResult off = Scenarios.run(Scenarios.shipped("baseline", "horizon.months=12",
                "population.behaviour.prepayment_monthly=0"), 2);
        RunResult on = Scenarios.run(Scenarios.shipped("baseline", "horizon.months=12"), 2);
        assertEquals(0.0, Scenarios.total(off, "prepayments"));
        assertTrue(Scenarios.total(on, "prepayments") > 0);
        assertTrue(Scenarios.mean(on, "receivables") < Scenarios.mean(off, "receivables"), "early repayment shrinks the book");
    }
}
