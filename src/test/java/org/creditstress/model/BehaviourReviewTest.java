package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.model.lender.ApplicationRisk;
import org.creditstress.model.lender.BehaviourScore;
import org.creditstress.model.lender.Underwriting;
import org.creditstress.run.Experiment;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;

/**
 * The behaviour score ({@link BehaviourScore}) and the limit reviews that use it: its ranking power
 * against the approval score's, what the review does to losses against the old utilisation rule on
 * common random numbers, and the pre-emptive cut's floor at the balance.
 */
class BehaviourReviewTest {

    private static final String[] UTILISATION = {"lenders[0].limit_management.review=utilisation",
        "lenders[1].limit_management.review=utilisation"};

    @Test
    void theBehaviourScoreRanksWellAndBetterThanTheApprovalScoreOfTheSameSeasonedAccounts() {
        RunResult run = Scenarios.run(Scenarios.shipped("baseline"), 2);
        // Measured (20,000 borrowers, 2 replications, mean over months 1-36): behaviour AUC 0.84 (PlatformA) and 0.70
        // (PlatformB); the approval score on the same accounts and outcome 0.55 and 0.52. (With the trait index alone as
        // true risk, before ApplicationRisk: 0.78 and 0.74, 0.58 and 0.54.)
        for (String lender : new String[] {"PlatformA", "PlatformB"}) {
            double auc = Scenarios.mean(run, "lender." + lender + ".behaviour_auc");
            double approval = Scenarios.mean(run, "lender." + lender + ".behaviour_approval_auc");
            assertTrue(auc > 0.65 && auc < 0.95, lender + " behaviour AUC " + auc);
            assertTrue(auc > approval + 0.1, lender + " behaviour AUC " + auc + " against the approval score's " + approval);
            double ks = Scenarios.mean(run, "lender." + lender + ".behaviour_ks");
            assertTrue(ks > 0.3 && ks < 1.0, lender + " KS " + ks);
            double[] a = Scenarios.series(run, 0, "lender." + lender + ".behaviour_auc");
            double[] g = Scenarios.series(run, 0, "lender." + lender + ".behaviour_gini");
            int finite = 0;
            for (int t = 0; t < a.length; t++) {
                if (!Double.isNaN(a[t])) {
                    finite++;
                    assertEquals(2 * a[t] - 1, g[t], 1e-12);
                }
            }
            assertTrue(finite > a.length / 2, lender + ": reported in " + finite + " of " + a.length + " months");
        }
    }

    @Test
    void aBehaviourReviewLosesLessThanTheUtilisationReviewOnTheSameRandomNumbers() {
        RunResult behaviour = Scenarios.run(Scenarios.shipped("baseline"), 2);
        RunResult utilisation = Scenarios.run(Scenarios.shipped("baseline", UTILISATION), 2);
        // Measured (20,000 borrowers, from the shipped steady start): cumulative loss rate at month 36 4.45 % against 5.55 %
        // (replication 0) and 5.70 % against 6.37 % (replication 1), -20 % and -10 %; write-offs -19 %; limit increases 190 a
        // month against 287 (-34 %; the behaviour review's come in June and December, the utilisation review's after Double
        // 11), and 74 pre-emptive cuts a month. Same seed and scenario, only the review differs. (Before the steady start:
        // -8 %, -10 % of write-offs, 162 increases a month against 362, so the bound on increases was 0.6; it is now 0.75.)
        for (int r = 0; r < 2; r++) {
            double[] b = Scenarios.series(behaviour, r, "loss_rate_cumulative");
            double[] u = Scenarios.series(utilisation, r, "loss_rate_cumulative");
            double ratio = b[b.length - 1] / u[u.length - 1];
            assertTrue(ratio < 0.95 && ratio > 0.8, "replication " + r + ": loss rate " + b[b.length - 1] + " against "
                    + u[u.length - 1] + " (x" + ratio + ")");
        }
        assertTrue(Scenarios.total(behaviour, "limit_increases") < 0.75 * Scenarios.total(utilisation, "limit_increases"),
                "fewer increases: " + Scenarios.total(behaviour, "limit_increases") + " against " + Scenarios.total(utilisation, "limit_increases"));
        assertTrue(Scenarios.total(behaviour, "limit_cuts_behaviour") > 0, "some pre-emptive cuts");
        assertEquals(0.0, Scenarios.total(utilisation, "limit_cuts_behaviour"), "the utilisation review cuts nothing");
        assertTrue(Scenarios.total(behaviour, "write_offs") < 0.95 * Scenarios.total(utilisation, "write_offs"), "fewer write-offs");
    }

    /**
     * Every current account scores above a cut threshold of -20: PlatformA cuts half the undrawn limit, PlatformB all of it.
     * Balances are set from nothing to 1.2 times the limit; a tenth of the accounts are made one month past due.
     */
    @Test
    void thePreEmptiveCutTakesOnlyTheUndrawnLimitOncePerSpellAndNeverGoesBelowTheBalance() {
        LoadedScenario s = Scenarios.shipped("baseline", "population.size=5000",
                "lenders[0].limit_management.cut_min_score=-20", "lenders[1].limit_management.cut_min_score=-20",
                "lenders[0].limit_management.behaviour_cut=0.5", "lenders[1].limit_management.behaviour_cut=1",
                "lenders[0].limit_management.external_cut=0", "lenders[1].limit_management.external_cut=0");
        try (ChunkExecutor executor = new ChunkExecutor(2)) {
            CreditMarket cm = started(s, executor);
            Market m = cm.market();
            AccountTable acc = m.accounts;
            float[] before = new float[acc.size];
            double[] balance = new double[acc.size];
            boolean[] wasOpen = new boolean[acc.size];
            int open = 0;
            for (int a = 0; a < acc.size; a++) {
                if (acc.status[a] != AccountTable.OPEN) {
                    continue;
                }
                open++;
                wasOpen[a] = true;
                acc.statement[a] = 0;
                acc.pending[a] = 0;
                acc.revolving[a] = 0;
                acc.pool[a] = 0;
                acc.arrears[a] = 0;
                acc.monthsPastDue[a] = 0;
                acc.statement[a] = (a % 13) / 10.0 * acc.limit[a];
                if (a % 10 == 0) {
                    acc.monthsPastDue[a] = 1;
                    acc.arrears[a] = 10;
                }
                before[a] = acc.limit[a];
                balance[a] = acc.balance(a);
            }
            assertTrue(open > 3000, open + " open accounts");
            Underwriting underwriting = new Underwriting(m, null, s.scenario().products(), s.scenario().bureau(), 2.0,
                    ApplicationRisk.of(s.scenario().population(), s.scenario().products()));
            underwriting.step(null);
            int cut = 0;
            for (int a = 0; a < acc.size; a++) {
                if (!wasOpen[a]) {
                    continue; // a declined applicant who applied again this month
                }
                assertTrue(acc.limit[a] >= Math.min(before[a], balance[a]), "account " + a + ": limit " + acc.limit[a]
                        + " below its balance " + balance[a]);
                if (acc.monthsPastDue[a] > 0 || balance[a] >= before[a] - 1.0) {
                    assertEquals(before[a], acc.limit[a], "account " + a + ": past due or nothing undrawn, limit unchanged");
                    continue;
                }
                cut++;
                double share = acc.lender[a] == 0 ? 0.5 : 1.0;
                assertEquals(before[a] - share * (before[a] - balance[a]), acc.limit[a], 1e-3 * before[a], "account " + a);
                assertTrue(acc.has(a, AccountTable.BEHAVIOUR_CUT));
            }
            assertTrue(cut > 1000, cut + " accounts cut");
            float[] once = acc.limit.clone();
            underwriting.step(null);
            for (int a = 0; a < acc.size; a++) {
                if (wasOpen[a]) {
                    assertEquals(once[a], acc.limit[a], "account " + a + ": one cut per spell");
                }
            }
        }
    }

    @Test
    void theScoreAddsItsDocumentedTerms() {
        LoadedScenario s = Scenarios.shipped("baseline", "population.size=2000");
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            CreditMarket cm = started(s, executor);
            Market m = cm.market();
            AccountTable acc = m.accounts;
            int a = 0;
            while (acc.status[a] != AccountTable.OPEN) {
                a++;
            }
            acc.statement[a] = 0;
            acc.pending[a] = 0;
            acc.revolving[a] = 0;
            acc.pool[a] = 0;
            acc.arrears[a] = 0;
            acc.monthsPastDue[a] = 0;
            acc.flags[a] = 0;
            acc.goodMonths[a] = 24;
            int month = acc.openedMonth[a] + 24;
            BehaviourScore score = new BehaviourScore(650);
            m.borrowers.creditScore[acc.borrower[a]] = 650f;
            // A seasoned, clean, unused account: the intercept.
            assertEquals(BehaviourScore.INTERCEPT, score.of(acc, m.borrowers.creditScore[acc.borrower[a]], a, acc.balance(a), month, true, false), 1e-12);
            acc.revolving[a] = 0.5 * acc.limit[a];
            acc.monthsPastDue[a] = 2;
            acc.goodMonths[a] = 0;
            acc.set(a, AccountTable.EVER_M3);
            m.borrowers.creditScore[acc.borrower[a]] = 550f;
            double expected = BehaviourScore.INTERCEPT + 2 * BehaviourScore.PER_MONTH_PAST_DUE + BehaviourScore.NO_CLEAN_RECORD
                    + BehaviourScore.CURED_SERIOUS + 0.5 * BehaviourScore.PER_UTILISATION + BehaviourScore.REVOLVING
                    + BehaviourScore.PER_100_BUREAU_POINTS + BehaviourScore.DELINQUENT_ELSEWHERE + BehaviourScore.NEW_ACCOUNT / 2;
            assertEquals(expected, score.of(acc, m.borrowers.creditScore[acc.borrower[a]], a, acc.balance(a), acc.openedMonth[a] + 6, true, true), 1e-5);
            // A lender that does not see the bureau has neither bureau term.
            assertEquals(expected - BehaviourScore.PER_100_BUREAU_POINTS - BehaviourScore.DELINQUENT_ELSEWHERE,
                    score.of(acc, m.borrowers.creditScore[acc.borrower[a]], a, acc.balance(a), acc.openedMonth[a] + 6, false, false), 1e-5);
        }
    }

    /** Replication 0 of {@code s} (seed 1), built and ready for its first month. */
    private static CreditMarket started(LoadedScenario s, ChunkExecutor executor) {
        CreditMarket cm = new CreditMarket(s.scenario(), new SeedPlan(1).replicationSeed(0), executor,
                Experiment.registry(s.scenario()).metrics());
        cm.start();
        return cm;
    }
}
