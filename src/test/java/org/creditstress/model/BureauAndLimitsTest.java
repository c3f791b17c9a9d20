package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.bureau.CreditBureau;
import org.creditstress.model.bureau.CreditScoreUpdate;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.model.lender.ApplicationRisk;
import org.creditstress.model.lender.Pricing;
import org.creditstress.model.lender.Underwriting;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;

/**
 * The bureau and limit management on a built market: a borrower made delinquent at lender A,
 * and what lender B does about it.
 */
class BureauAndLimitsTest {

    /** The scenario of the last market built (the mechanisms under test get their settings from it). */
    private static org.creditstress.scenario.Scenario scenario;

    /** Everyone applies to both lenders for the line; no increases, so only bureau cuts move limits. */
    private static Market market(ChunkExecutor executor, String... overrides) {
        String[] base = {"population.size=5000", "population.accounts.lenders_held=[0,1]", "population.accounts.cash_loan_share=0",
            "lenders[0].approval_rate=1", "lenders[1].approval_rate=1",
            "lenders[0].limit_management.increase=0", "lenders[1].limit_management.increase=0",
            "lenders[0].bureau_reporting.threshold_months=1", "lenders[0].bureau_reporting.lag_months=2"};
        String[] all = java.util.Arrays.copyOf(base, base.length + overrides.length);
        System.arraycopy(overrides, 0, all, base.length, overrides.length);
        LoadedScenario s = Scenarios.shipped("baseline", all);
        scenario = s.scenario();
        CreditMarket cm = new CreditMarket(s.scenario(), new SeedPlan(1).replicationSeed(0), executor,
                Experiment.registry(s.scenario()).metrics());
        cm.start();
        return cm.market();
    }

    /**
     * A borrower with open lines at both lenders and nothing owed, and its two accounts. Every
     * borrower has the same number of account slots; its applications fill the first ones, in
     * lender order, and the rest stay empty.
     */
    private static int[] borrowerAtBoth(Market m) {
        for (int i = 0; i < m.borrowers.size; i++) {
            int a0 = m.borrowers.firstAccount[i];
            if (usedSlots(m, i) == 2 && !m.borrowers.fraud(i) && m.accounts.open(a0) && m.accounts.open(a0 + 1)
                    && m.accounts.lender[a0] == 0 && m.accounts.lender[a0 + 1] == 1) {
                return new int[] {i, a0, a0 + 1};
            }
        }
        throw new IllegalStateException("no borrower at both lenders");
    }

    private static int usedSlots(Market m, int i) {
        int used = 0;
        for (int a = m.borrowers.firstAccount[i]; a < m.borrowers.firstAccount[i + 1]; a++) {
            used += m.accounts.status[a] != AccountTable.EMPTY ? 1 : 0;
        }
        return used;
    }

    private static float limitAtBAfter(Market m, CreditBureau bureau, int monthsPastDueAtA) {
        int[] who = borrowerAtBoth(m);
        AccountTable acc = m.accounts;
        acc.monthsPastDue[who[1]] = (byte) monthsPastDueAtA;
        acc.arrears[who[1]] = 1000;
        float before = acc.limit[who[2]];
        new Underwriting(m, bureau, scenario.products(), scenario.bureau(), 2.0,
                ApplicationRisk.of(scenario.population(), scenario.products())).step(null);
        float after = acc.limit[who[2]];
        acc.monthsPastDue[who[1]] = 0;
        acc.arrears[who[1]] = 0;
        acc.limit[who[2]] = before;
        return after / before;
    }

    @Test
    void withSharingOffADelinquencyAtAKeepsTheLimitAtB() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            Market m = market(executor, "bureau.coverage=0");
            CreditBureau bureau = new CreditBureau(m, scenario.bureau(), true, 1);
            assertEquals(1.0f, limitAtBAfter(m, bureau, 5));
        }
    }

    @Test
    void withSharingOnTheLimitAtBIsCutOnlyAfterTheReportingLag() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            Market m = market(executor, "bureau.coverage=1", "lenders[1].limit_management.external_cut=0.5");
            CreditBureau bureau = new CreditBureau(m, scenario.bureau(), true, 1);
            // Reported at 1 month past due, visible 2 months later: at 3 months past due.
            assertEquals(1.0f, limitAtBAfter(m, bureau, 1), "reported, not yet visible");
            assertEquals(1.0f, limitAtBAfter(m, bureau, 2), "still within the lag");
            assertEquals(0.5f, limitAtBAfter(m, bureau, 3), 1e-6f, "visible: the limit is halved");
        }
    }

    @Test
    void aLenderThatDoesNotReportLeavesNoTraceAtTheBureau() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            Market m = market(executor, "bureau.coverage=1", "lenders[0].bureau_reporting.enabled=false");
            CreditBureau bureau = new CreditBureau(m, scenario.bureau(), true, 1);
            assertEquals(1.0f, limitAtBAfter(m, bureau, 6));
        }
    }

    @Test
    void partialCoverageLetsLendersSeeAboutThatShareOfBorrowers() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            Market m = market(executor, "bureau.coverage=0.3");
            CreditBureau bureau = new CreditBureau(m, scenario.bureau(), true, 1);
            int seen = 0;
            for (int i = 0; i < m.borrowers.size; i++) {
                seen += bureau.sees(i, 1) ? 1 : 0;
            }
            assertEquals(0.3, seen / (double) m.borrowers.size, 4 * Math.sqrt(0.21 / m.borrowers.size));
        }
    }

    /**
     * The table of who sees whom that the bureau builds once per coverage for the month's look-ups
     * ({@link CreditBureau#prepareMonth}) answers as the coverage hash does, pair by pair, and a
     * bureau-sharing mandate that changes the coverage is not answered from the old table.
     */
    @Test
    void theMonthsTableOfWhoSeesWhomAnswersAsTheHashAndFollowsAMandate() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            LoadedScenario s = Scenarios.shipped("baseline", "population.size=3000", "horizon.burn_in_months=0",
                    "bureau.coverage=0.3", "policy_events=[{month: 2, kind: bureau_mandate, value: 0.7}]");
            CreditMarket cm = new CreditMarket(s.scenario(), new SeedPlan(1).replicationSeed(0), executor,
                    Experiment.registry(s.scenario()).metrics());
            cm.start();
            Market m = cm.market();
            CreditBureau tabled = new CreditBureau(m, s.scenario().bureau(), true, 1);
            CreditBureau hashed = new CreditBureau(m, s.scenario().bureau(), true, 1);
            tabled.prepareMonth();
            assertSameView(m, tabled, hashed, 0.3);
            cm.stepMonth();
            cm.stepMonth();
            assertEquals(0.7, m.policy.bureauCoverage());
            assertSameView(m, tabled, hashed, 0.7);
            tabled.prepareMonth();
            assertSameView(m, tabled, hashed, 0.7);
        }
    }

    private static void assertSameView(Market m, CreditBureau tabled, CreditBureau hashed, double coverage) {
        int seen = 0;
        int pairs = 0;
        for (int i = 0; i < m.borrowers.size; i++) {
            for (int l = 0; l < m.lenders.size(); l++) {
                assertEquals(hashed.sees(i, l), tabled.sees(i, l), "borrower " + i + ", lender " + l);
                seen += tabled.sees(i, l) ? 1 : 0;
                pairs++;
            }
        }
        assertEquals(coverage, seen / (double) pairs, 4 * Math.sqrt(coverage * (1 - coverage) / pairs));
    }

    @Test
    void theCreditScoreFallsWithReportedDelinquencyAndRecoversSlowly() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            Market m = market(executor, "bureau.score_drop=40", "bureau.score_recovery=0.1");
            CreditBureau bureau = new CreditBureau(m, scenario.bureau(), true, 1);
            int[] who = borrowerAtBoth(m);
            float start = m.borrowers.creditScore[who[0]];
            m.accounts.monthsPastDue[who[1]] = 1;
            m.accounts.arrears[who[1]] = 100;
            CreditScoreUpdate update = new CreditScoreUpdate(m, bureau, scenario.bureau());
            update.step(null);
            assertEquals(Math.max(300f, start - 40f), m.borrowers.creditScore[who[0]], 1e-3f);
            m.accounts.monthsPastDue[who[1]] = 0;
            m.accounts.arrears[who[1]] = 0;
            update.step(null);
            float gap = m.borrowers.baseScore[who[0]] - Math.max(300f, start - 40f);
            assertEquals(Math.max(300f, start - 40f) + 0.1f * gap, m.borrowers.creditScore[who[0]], 1e-2f, "recovers a tenth of the gap");
        }
    }

    @Test
    void thinFilesPayMoreAndGetSmallerLimits() {
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            Market m = market(executor, "population.accounts.cash_loan_share=1");
            Pricing pricing = new Pricing(m, scenario.products());
            double thinLimit = 0;
            double thickLimit = 0;
            int thin = 0;
            int thick = 0;
            for (int a = 0; a < m.accounts.size; a++) {
                int i = m.accounts.borrower[a];
                if (m.accounts.cashLoan[a]) {
                    double premium = m.lenders.get(m.accounts.lender[a]).spec.thinFileAprPremium();
                    assertEquals(0.18 + (m.borrowers.thinFile(i) ? premium : 0.0), pricing.apr(a), 1e-12);
                } else if (m.accounts.open(a) && !m.borrowers.fraud(i)) {
                    double perIncome = m.accounts.limit[a] / m.borrowers.permanentIncome[i];
                    if (m.borrowers.thinFile(i)) {
                        thinLimit += perIncome;
                        thin++;
                    } else {
                        thickLimit += perIncome;
                        thick++;
                    }
                }
            }
            assertTrue(thinLimit / thin < 0.8 * thickLimit / thick, "thin-file limits are smaller relative to income");
        }
    }
}
