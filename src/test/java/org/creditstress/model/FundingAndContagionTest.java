package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.creditstress.metric.Metric;
import org.creditstress.run.RunResult;
import org.junit.jupiter.api.Test;

/** Funders, liquidity and contagion channels in whole runs (issue 4). */
class FundingAndContagionTest {

    private static final String[] ALL_CHANNELS_OFF = {"contagion.common_borrowers=false", "contagion.funding=false",
        "contagion.macro_feedback=false", "contagion.loan_stacking=false", "lenders[0].tightening.enabled=false",
        "lenders[1].tightening.enabled=false", "courts.capacity_per_100k=1000000"};

    private static String[] with(String[] base, String... more) {
        String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    private static List<Integer> columnsOf(RunResult run, String prefix) {
        List<Integer> out = new ArrayList<>();
        List<Metric> metrics = run.registry().metrics();
        for (int j = 0; j < metrics.size(); j++) {
            if (metrics.get(j).name().startsWith(prefix)) {
                out.add(j);
            }
        }
        return out;
    }

    /**
     * Switching common borrowers off keeps the market as it is (lenders become blind to each
     * other), so lenders stay linked by what no channel switch removes: a borrower at both pays
     * both from one pocket, a lender's marketing reaches the other's customers, and who leaves the
     * market (only people with no debt at any lender) and whom the newcomer in the row applies to
     * depend on both lenders. Isolation needs two separate markets: every borrower applies to one
     * lender ({@code lenders_held: [1]}, also for the segments that set their own), nobody leaves
     * or arrives ({@code turnover_monthly: 0}) and neither lender solicits applications
     * ({@code max_applications_monthly: 0}).
     */
    private static final String[] SEPARATE_MARKETS = {"population.accounts.lenders_held=[1]",
        "population.segments[1].lenders_held=[1]", "population.segments[2].lenders_held=[1]", "population.turnover_monthly=0",
        "lenders[0].acquisition.max_applications_monthly=0", "lenders[1].acquisition.max_applications_monthly=0"};

    @Test
    void withEveryChannelOffOneLendersOutcomesDoNotDependOnTheOther() {
        String[] isolated = with(ALL_CHANNELS_OFF, SEPARATE_MARKETS);
        RunResult a = Scenarios.run(Scenarios.shipped("funding-squeeze", with(isolated,
                "lenders[1].model_quality=0.9", "lenders[1].approval_rate=0.6")), 2);
        RunResult b = Scenarios.run(Scenarios.shipped("funding-squeeze", with(isolated,
                "lenders[1].model_quality=0.2", "lenders[1].approval_rate=0.95")), 2);
        List<Integer> platformA = columnsOf(a, "lender.PlatformA.");
        assertTrue(platformA.size() > 20);
        for (int r = 0; r < 2; r++) {
            double[][] va = a.replications().get(r).values();
            double[][] vb = b.replications().get(r).values();
            for (int t = 0; t < va.length; t++) {
                for (int j : platformA) {
                    assertEquals(va[t][j], vb[t][j], 0.0, a.registry().metrics().get(j).name() + " month " + (t + 1));
                }
            }
        }
        List<Integer> platformB = columnsOf(a, "lender.PlatformB.m3plus_ratio");
        assertTrue(a.replications().get(0).values()[20][platformB.get(0)] != b.replications().get(0).values()[20][platformB.get(0)],
                "the other lender itself did change");
    }

    @Test
    void withChannelsOnTheSameChangeAtOneLenderReachesTheOther() {
        RunResult a = Scenarios.run(Scenarios.shipped("funding-squeeze", "lenders[1].model_quality=0.9"), 2);
        RunResult b = Scenarios.run(Scenarios.shipped("funding-squeeze", "lenders[1].model_quality=0.2"), 2);
        int j = columnsOf(a, "lender.PlatformA.m1plus_ratio").get(0);
        assertTrue(Scenarios.series(a, 0, "lender.PlatformA.m1plus_ratio")[20] != Scenarios.series(b, 0, "lender.PlatformA.m1plus_ratio")[20]
                || a.replications().get(0).values()[30][j] != b.replications().get(0).values()[30][j]);
    }

    @Test
    void theFundingSqueezeReachesTheSecondLenderThroughTheFunder() {
        RunResult run = Scenarios.run(Scenarios.shipped("funding-squeeze"), 2);
        assertEquals(1.0, Scenarios.meanFinal(run, "lender.PlatformB.failed"), "the weak platform fails");
        assertEquals(1.0, Scenarios.meanFinal(run, "funder.BankX.stressed"), "its bank is stressed by the losses");
        double[] limitsA = Scenarios.series(run, 0, "lender.PlatformA.line_limits");
        assertTrue(limitsA[limitsA.length - 1] < 0.5 * limitsA[0], "and cuts the strong platform's line");
        assertTrue(Scenarios.total(run, "lender.PlatformA.receivables_sold") > 0, "which sells receivables to raise cash");
        double debtRank = Scenarios.meanPeak(run, "network_debtrank");
        assertTrue(debtRank > 0 && debtRank <= 1, "DebtRank in (0, 1]: " + debtRank);

        RunResult calm = Scenarios.run(Scenarios.shipped("funding-squeeze", "contagion.funding=false"), 2);
        assertEquals(0.0, Scenarios.total(calm, "funder.BankX.stressed"), "without the funding channel no funder retrenches");
        assertEquals(0.0, Scenarios.total(calm, "lender.PlatformB.covenant_breaches"));
    }

    @Test
    void survivalHorizonAndLcrFollowTheLendersCashFlows() {
        RunResult run = Scenarios.run(Scenarios.shipped("funding-squeeze"), 2);
        int checked = 0;
        for (int k = 0; k < 4; k++) {
            int r = k % 2;
            String lender = k < 2 ? "lender.PlatformA." : "lender.PlatformB.";
            double[] cash = Scenarios.series(run, r, lender + "cash");
            double[] out = Scenarios.series(run, r, lender + "cash_outflows");
            double[] in = Scenarios.series(run, r, lender + "cash_inflows");
            double[] survival = Scenarios.series(run, r, lender + "survival_months");
            double[] lcr = Scenarios.series(run, r, lender + "lcr");
            for (int t = 0; t < cash.length; t++) {
                if (out[t] > in[t]) {
                    assertEquals(cash[t] / (out[t] - in[t]), survival[t], 1e-9 * Math.max(1, survival[t]), "month " + (t + 1));
                    checked++;
                } else {
                    assertTrue(Double.isNaN(survival[t]), "not running down: no survival horizon; month " + (t + 1) + " out " + out[t]
                            + " in " + in[t] + " survival " + survival[t] + " cash " + cash[t]);
                }
                double net = out[t] - Math.min(in[t], 0.75 * out[t]);
                if (net > 0) {
                    assertEquals(cash[t] / net, lcr[t], 1e-9 * Math.max(1, lcr[t]), "LCR month " + (t + 1));
                }
            }
        }
        assertTrue(checked > 0, "some months run cash down");
        // The failed platform's inflows dwindle once it stops lending and its book runs off.
        double[] in = Scenarios.series(run, 0, "lender.PlatformB.cash_inflows");
        assertTrue(in[in.length - 1] < 0.5 * in[0]);
    }

    @Test
    void withoutFundersThereAreNoNetworkMeasures() {
        RunResult run = Scenarios.run(Scenarios.shipped("baseline", "replications=1"), 1);
        for (double x : Scenarios.series(run, 0, "network_debtrank")) {
            assertTrue(Double.isNaN(x));
        }
        assertArrayEquals(new double[36], Scenarios.series(run, 0, "network_clearing_shortfall"), 0.0);
    }

    @Test
    void aFunderThatOnlyHoldsReceivablesIsExposedInTheNetwork() {
        // TrustY only co-lends and AbsFund only buys receivables: neither has a drawn line, so with
        // lines alone neither would receive any distress from the platforms.
        RunResult run = Scenarios.run(Scenarios.shipped("funding-squeeze", "replications=1"), 1);
        double[] trust = Scenarios.series(run, 0, "funder.TrustY.debtrank_distress");
        double[] exposure = Scenarios.series(run, 0, "funder.TrustY.exposure");
        double[] losses = Scenarios.series(run, 0, "funder.TrustY.losses");
        double[] capital = Scenarios.series(run, 0, "funder.TrustY.capital");
        int month = 10;
        assertTrue(exposure[month] > 0, "the trust holds co-lent receivables");
        assertTrue(trust[month] > losses[month] / capital[month] + 0.1,
                "DebtRank adds the distress of the platform whose receivables the trust holds: " + trust[month]);
    }
}
