package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.creditstress.run.RunResult;
import org.junit.jupiter.api.Test;

/**
 * Each policy event changes behaviour in the model, from its month on: compared with the same
 * run (common random numbers) without it.
 */
class PolicyEventsTest {

    private static RunResult severe(String... events) {
        return Scenarios.run(Scenarios.shipped("severe-downturn", events), 2);
    }

    private static double[] first(RunResult run, String metric, int months) {
        return Arrays.copyOf(Scenarios.series(run, 0, metric), months);
    }

    @Test
    void anAprCapCutsWhatLendersChargeFromItsMonthOn() {
        RunResult without = severe();
        RunResult with = severe("policy_events=[{month: 12, kind: apr_cap, value: 0.06}]");
        assertEquals(Arrays.toString(first(without, "charges", 11)), Arrays.toString(first(with, "charges", 11)), "nothing changes before month 12");
        assertTrue(Scenarios.meanOver(with, "charges", 12, 36) < 0.7 * Scenarios.meanOver(without, "charges", 12, 36));
    }

    @Test
    void aRepaymentHolidayForEveryAccountStopsAccountsRollingWhileItLasts() {
        RunResult without = severe();
        RunResult with = severe("policy_events=[{month: 13, kind: repayment_holiday, months: 3, eligibility: all}]");
        assertTrue(Scenarios.meanOver(with, "roll_m0_m1", 13, 15) < 0.2 * Scenarios.meanOver(without, "roll_m0_m1", 13, 15),
                "no bills, so current accounts do not fall behind");
        assertEquals(0.0, Scenarios.meanOver(with, "accounts_written_off", 14, 15), "and delinquent ones do not roll to write-off");
    }

    @Test
    void aRepaymentHolidayForCurrentAccountsLeavesAccountsAlreadyDelinquentRollingAsBefore() {
        RunResult without = severe();
        RunResult with = severe("policy_events=[{month: 13, kind: repayment_holiday, months: 3}]");
        assertTrue(Scenarios.meanOver(with, "roll_m0_m1", 13, 15) < 0.2 * Scenarios.meanOver(without, "roll_m0_m1", 13, 15),
                "current accounts get no bills");
        double writeOffsWith = Scenarios.meanOver(with, "accounts_written_off", 13, 15);
        double writeOffsWithout = Scenarios.meanOver(without, "accounts_written_off", 13, 15);
        assertTrue(writeOffsWith > 0.8 * writeOffsWithout && writeOffsWith < 1.2 * writeOffsWithout,
                "delinquent accounts roll to write-off as before: " + writeOffsWith + " vs " + writeOffsWithout);
    }

    @Test
    void onlyTheBorrowersWhoTakeUpAHolidayGetIt() {
        RunResult without = severe();
        RunResult half = severe("policy_events=[{month: 13, kind: repayment_holiday, months: 3, take_up: 0.5}]");
        double ratio = Scenarios.meanOver(half, "roll_m0_m1", 13, 15) / Scenarios.meanOver(without, "roll_m0_m1", 13, 15);
        assertTrue(ratio > 0.35 && ratio < 0.65, "half the borrowers take it up, so about half the accounts still roll: " + ratio);
    }

    @Test
    void incomeSupportReachesWhomItTargets() {
        RunResult unemployed = severe("policy_events=[{month: 7, kind: income_support, value: 0.2, months: 18}]");
        RunResult everyone = severe("policy_events=[{month: 7, kind: income_support, value: 0.2, months: 18, target: everyone}]");
        RunResult gigOnly = severe("policy_events=[{month: 7, kind: income_support, value: 0.2, months: 18, segment: gig}]");
        double u = Scenarios.meanOver(unemployed, "income_mean", 10, 24);
        double e = Scenarios.meanOver(everyone, "income_mean", 10, 24);
        double g = Scenarios.meanOver(gigOnly, "income_mean", 10, 24);
        assertTrue(e > u * 1.1, "support to everyone raises mean income far more than to the unemployed: " + e + " vs " + u);
        assertTrue(g < u, "support to one segment's unemployed costs less than to every segment's: " + g + " vs " + u);
    }

    @Test
    void incomeSupportLowersArrearsInTheDownturn() {
        RunResult without = severe();
        RunResult with = severe("policy_events=[{month: 7, kind: income_support, value: 0.4, months: 18}]");
        assertTrue(Scenarios.meanPeak(with, "m3plus_ratio") < 0.9 * Scenarios.meanPeak(without, "m3plus_ratio"));
        assertTrue(Scenarios.meanOver(with, "income_mean", 10, 24) > Scenarios.meanOver(without, "income_mean", 10, 24));
    }

    @Test
    void aBureauSharingMandateMakesLendersActOnDelinquenciesElsewhere() {
        RunResult blind = severe("bureau.coverage=0");
        RunResult mandated = severe("bureau.coverage=0", "policy_events=[{month: 10, kind: bureau_mandate, value: 1.0}]");
        assertEquals(0.0, Scenarios.total(blind, "limit_cuts_bureau"));
        assertEquals(0.0, Scenarios.meanOver(mandated, "limit_cuts_bureau", 1, 9));
        assertTrue(Scenarios.meanOver(mandated, "limit_cuts_bureau", 10, 36) > 0);
    }

    @Test
    void aLiteracyCampaignLowersOverdueAfterwards() {
        RunResult without = severe();
        RunResult with = severe("policy_events=[{month: 3, kind: literacy_campaign, value: 0.5}]");
        assertTrue(Scenarios.meanOver(with, "m1plus_ratio", 12, 36) < Scenarios.meanOver(without, "m1plus_ratio", 12, 36));
    }

    @Test
    void courtsWithNoCapacityStopRecoveringFromThatMonth() {
        RunResult with = severe("policy_events=[{month: 6, kind: court_capacity, value: 0}]");
        assertEquals(0.0, Scenarios.meanOver(with, "cases_judged", 16, 36), "nothing taken after month 6 is judged (6 months to judgment)");
        assertTrue(Scenarios.meanFinal(with, "cases_waiting") > 0);
    }

    @Test
    void aCapitalRequirementMakesLendersTightenAndALiquidityRequirementMakesThemHoldCash() {
        RunResult without = severe();
        RunResult capital = severe("policy_events=[{month: 6, kind: capital_requirement, value: 0.2}]");
        assertTrue(Scenarios.meanOver(capital, "receivables", 24, 36) < 0.9 * Scenarios.meanOver(without, "receivables", 24, 36),
                "lenders below the requirement cut limits");
        assertEquals(1.0, Scenarios.meanFinal(capital, "lender.PlatformB.capital_shortfall"), "and report the shortfall");
        RunResult liquidity = severe("policy_events=[{month: 6, kind: liquidity_requirement, value: 0.3}]");
        assertTrue(Scenarios.meanOver(liquidity, "lender.PlatformA.cash", 8, 36) > 2 * Scenarios.meanOver(without, "lender.PlatformA.cash", 8, 36));
    }

    @Test
    void aMinimumOwnFundingShareLimitsCoLending() {
        RunResult without = Scenarios.run(Scenarios.shipped("funding-squeeze", "contagion.funding=false"), 2);
        RunResult with = Scenarios.run(Scenarios.shipped("funding-squeeze", "contagion.funding=false",
                "policy_events=[{month: 1, kind: own_funding_share, value: 0.9}]"), 2);
        assertTrue(Scenarios.meanFinal(with, "lender.PlatformB.funder_claims") < 0.6 * Scenarios.meanFinal(without, "lender.PlatformB.funder_claims"));
    }
}
