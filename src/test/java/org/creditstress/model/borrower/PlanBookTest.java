package org.creditstress.model.borrower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The plan entries kept per chunk ({@link PlanBook}) against the plainest representation of the
 * same schedules: a dense ring of {@code T} float rows per account, read at the account's own
 * clock. Bills, fees, the bills ahead and the book export must agree to the last bit over a long
 * random history of plans, grace periods, partial recoveries and cleared slots, on a table of
 * several books.
 */
class PlanBookTest {
    private static final int T = 25;

    /** One account's schedules as a dense ring (what the account table kept before the plan books). */
    private static final class Ring {
        final float[] s = new float[T];
        final float[] f = new float[T];
        int clock;
        int termLeft;
        double schedule;
        double planFee;

        void add(double perMonth, double feePerMonth, int n, int delay) {
            float amount = (float) perMonth;
            float fee = (float) feePerMonth;
            int start = (clock + delay) % T;
            int end = (start + n) % T;
            s[start] += -amount;
            s[end] += amount;
            if (fee != 0f) {
                f[start] += -fee;
                f[end] += fee;
            }
            termLeft = Math.max(termLeft, n + delay + 1);
        }

        boolean advance() {
            if (termLeft == 0) {
                clock = (clock + 1) % T;
                return false;
            }
            float sv = s[clock];
            float fv = f[clock];
            if (sv != 0f || fv != 0f) {
                schedule -= sv;
                planFee -= fv;
                s[clock] = 0f;
                f[clock] = 0f;
                if (Math.abs(schedule) < 1e-6) {
                    schedule = 0.0;
                }
                if (Math.abs(planFee) < 1e-6) {
                    planFee = 0.0;
                }
            }
            clock = (clock + 1) % T;
            if (--termLeft == 0) {
                schedule = 0.0;
                planFee = 0.0;
                return true;
            }
            return false;
        }

        void clear() {
            java.util.Arrays.fill(s, 0f);
            java.util.Arrays.fill(f, 0f);
            schedule = 0.0;
            planFee = 0.0;
            termLeft = 0;
        }

        void scale(double factor) {
            float k = (float) factor;
            for (int r = 0; r < T; r++) {
                s[r] *= k;
                f[r] *= k;
            }
            schedule *= factor;
            planFee *= factor;
        }

        void ahead(double[] out, double[] fees) {
            int open = Math.min(out.length, termLeft);
            double x = schedule;
            double y = planFee;
            for (int j = 0; j < open; j++) {
                if (j > 0) {
                    x -= s[(clock + j - 1) % T];
                    y -= f[(clock + j - 1) % T];
                }
                out[j] = Math.max(0.0, x);
                fees[j] = Math.max(0.0, y);
            }
            for (int j = open; j < out.length; j++) {
                out[j] = 0.0;
                fees[j] = 0.0;
            }
        }
    }

    @Test
    void billsFeesAndTheBillsAheadMatchADenseRingToTheBitOverARandomHistory() {
        int slots = 12;
        AccountTable acc = new AccountTable(slots, T, 4);
        Ring[] ring = new Ring[slots];
        for (int a = 0; a < slots; a++) {
            ring[a] = new Ring();
        }
        int[] grace = new int[slots];
        int[] terms = {1, 3, 6, 12, 24};
        SplittableRandom rng = new SplittableRandom(20261130L);
        double[] got = new double[3];
        double[] gotFee = new double[3];
        double[] want = new double[3];
        double[] wantFee = new double[3];
        double[] got6 = new double[6];
        double[] got6Fee = new double[6];
        double[] got1 = new double[1];
        double[] got1Fee = new double[1];
        double[] want6 = new double[6];
        double[] want6Fee = new double[6];
        float[] ringS = new float[T];
        float[] ringF = new float[T];
        int checks = 0;
        for (int month = -40; month < 400; month++) {
            for (int a = 0; a < slots; a++) {
                int plans = rng.nextInt(3);
                for (int p = 0; p < plans; p++) {
                    int n = terms[rng.nextInt(terms.length)];
                    int delay = n < T - 2 && rng.nextInt(4) == 0 ? 1 : 0;
                    double principal = 50 + rng.nextDouble() * 5000;
                    double fee = rng.nextInt(3) == 0 ? 0.0 : principal * 0.006;
                    acc.addPlan(a, principal / n, fee, n, delay, month);
                    ring[a].add(principal / n, fee, n, delay);
                }
            }
            for (int a = 0; a < slots; a++) {
                if (grace[a] > 0) {
                    grace[a]--;
                    continue;
                }
                boolean last = acc.advance(a, month);
                assertEquals(ring[a].advance(), last, "last bill, slot " + a + ", month " + month);
                assertEquals(Double.doubleToLongBits(ring[a].schedule), Double.doubleToLongBits(acc.schedule[a]), "schedule, slot " + a + ", month " + month);
                assertEquals(Double.doubleToLongBits(ring[a].planFee), Double.doubleToLongBits(acc.planFee[a]), "plan fee, slot " + a + ", month " + month);
                assertEquals(ring[a].termLeft, acc.termLeft[a]);
                checks++;
            }
            for (int a = 0; a < slots; a++) {
                int event = rng.nextInt(40);
                if (event == 0) {
                    acc.clearSchedule(a);
                    ring[a].clear();
                } else if (event == 1) {
                    acc.clear(a);
                    ring[a].clear();
                } else if (event == 2 && acc.termLeft[a] > 0) {
                    acc.pool[a] = 10_000;
                    double x = rng.nextDouble() * 9_000;
                    ring[a].scale((acc.pool[a] - x) / acc.pool[a]);
                    acc.reducePrincipal(a, x);
                } else if (event == 3) {
                    grace[a] = 1 + rng.nextInt(6);
                }
            }
            for (int a = 0; a < slots; a++) {
                acc.aheadInto(a, got, gotFee);
                ring[a].ahead(want, wantFee);
                acc.aheadInto(a, got6, got6Fee);
                ring[a].ahead(want6, want6Fee);
                for (int j = 0; j < 3; j++) {
                    assertEquals(Double.doubleToLongBits(want[j]), Double.doubleToLongBits(got[j]), "bill " + j + " ahead, slot " + a + ", month " + month);
                    assertEquals(Double.doubleToLongBits(wantFee[j]), Double.doubleToLongBits(gotFee[j]), "fee " + j + " ahead, slot " + a + ", month " + month);
                }
                for (int j = 0; j < 6; j++) {
                    assertEquals(Double.doubleToLongBits(want6[j]), Double.doubleToLongBits(got6[j]), "bill " + j + " of six ahead, slot " + a);
                }
                // The first bill alone (a burn-in month's ladder) reads no plan book and is the same double.
                acc.aheadInto(a, 1, got1, got1Fee);
                assertEquals(Double.doubleToLongBits(want[0]), Double.doubleToLongBits(got1[0]), "the first bill alone, slot " + a + ", month " + month);
                assertEquals(Double.doubleToLongBits(wantFee[0]), Double.doubleToLongBits(got1Fee[0]), "its fee alone, slot " + a + ", month " + month);
                if (month % 17 == 0) {
                    acc.ringFrom(a, ringS, ringF);
                    for (int k = 0; k < T; k++) {
                        assertEquals(ring[a].s[(ring[a].clock + k) % T], ringS[k], 0f, "exported entry " + k + ", slot " + a + ", month " + month);
                        assertEquals(ring[a].f[(ring[a].clock + k) % T], ringF[k], 0f, "exported fee " + k + ", slot " + a + ", month " + month);
                    }
                }
            }
        }
        assertTrue(checks > 4_000, "bills checked: " + checks);
        long[] entries = acc.planEntries();
        assertTrue(entries[0] > 0 && entries[0] <= entries[1], "entries held: " + entries[0] + " of " + entries[1]);
    }

    @Test
    void anAccountWithoutPlansTakesTheMonthsClockAndItsBillsDoNotChange() {
        AccountTable acc = new AccountTable(2, T, 2);
        acc.advance(0, 7);
        assertEquals(8, acc.cycle[0], "billed in month 7 without plans: the clock reads the next month's value");
        acc.addPlan(1, 10, 1, 3, 0, 30);
        assertEquals(30 % T, acc.cycle[1], "a first plan in month 30 sets the clock to the month's value");
        // Taken this cycle: it joins after this bill, and its three payments are the next three bills.
        acc.advance(1, 30);
        assertEquals(10.0, acc.schedule[1], 1e-6);
        assertEquals(1.0, acc.planFee[1], 1e-6);
        acc.advance(1, 31);
        acc.advance(1, 32);
        assertTrue(acc.advance(1, 33), "the third payment is the plan's last");
        assertEquals(0.0, acc.schedule[1], 0.0);
    }

    @Test
    void aBurntInBookHoldsAboutTenEntriesABorrowerAndDoesNotGrowWithTheRun() throws Exception {
        long[] burntIn = entriesAfter(1);
        long[] later = entriesAfter(61);
        double perBorrower = burntIn[0] / 10_000.0;
        double room = (double) burntIn[1] / burntIn[0];
        System.out.printf("plan entries after 60 months of burn-in: %.1f a borrower, room %.2f x the entries (%.0f B a borrower);"
                        + " 60 months later %.1f a borrower, room %.0f B a borrower%n", perBorrower, room,
                burntIn[1] * (double) AccountTable.BYTES_PER_PLAN_ENTRY / 10_000, later[0] / 10_000.0,
                later[1] * (double) AccountTable.BYTES_PER_PLAN_ENTRY / 10_000);
        assertTrue(perBorrower > 5 && perBorrower < 20, "entries a borrower: " + perBorrower);
        // The lists draw blocks from one pool and give back those a load empties (about 1.3 x the
        // entries here: a part-filled block per list, and the pool's starting size); entries of
        // removed plans are dropped as their list is loaded, so neither grows with the run.
        assertTrue(room < 1.6, "room " + room + " x the entries");
        assertEquals(burntIn[0], later[0], 0.25 * burntIn[0], "entries 60 months later");
        assertTrue(later[1] < 1.25 * burntIn[1], "room 60 months later: " + later[1] + " against " + burntIn[1]);
    }

    /** Plan entries and room of severe-downturn (10,000 borrowers) after its 60-month burn-in and {@code months} more. */
    private static long[] entriesAfter(int months) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/severe-downturn.yaml"),
                List.of("population.size=10000", "replications=1", "horizon.months=" + months)).scenario();
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            CreditMarket cm = new CreditMarket(s, new SeedPlan(s.seed()).replicationSeed(0), executor, Experiment.registry(s).metrics());
            cm.runToEnd();
            return cm.market().accounts.planEntries();
        }
    }
}
