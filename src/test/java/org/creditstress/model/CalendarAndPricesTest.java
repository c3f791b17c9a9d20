package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The price level of essentials and the seasonal purchase calendar, end to end through the
 * metrics: essential spending follows the price level exactly; a flat calendar changes nothing;
 * the shipped China calendar moves credit spending into June and November without changing a
 * year's spending much; prices outrunning incomes raise overdue ratios (common random numbers).
 */
class CalendarAndPricesTest {

    @TempDir
    Path tmp;

    /**
     * Borrowers whose only spending is essentials, paid in cash: essential share 1 (clamped just
     * below), no discretionary propensity (clamped just above 0), no impulse, no savings drawdown,
     * no credit use, no emergencies, and ten years of savings so essentials never go unmet.
     * Incomes do not grow, so the income index stays 1 and the factor on essentials is the price
     * level itself.
     */
    private static String essentialsOnly(String inflation) {
        return """
                version: 1
                name: essentials-only
                seed: 11
                replications: 1
                horizon: {months: 12, burn_in_months: 2}
                population:
                  size: 8000
                  turnover_monthly: 0
                  segments:
                    - {name: only, share: 1, savings_months_median: 120, savings_dispersion: 0, emergency_probability: 0,
                       strategic_share: 0, fraud_share: 0}
                  behaviour:
                    essential_share: {median: 1, spread: 0}
                    discretionary_propensity: {median: 0, spread: 0}
                    impulse_credit_share: 0
                    convenience_share: 0
                    savings_drawdown: 0
                    cash_loan_draw_probability: 0
                  accounts: {lenders_held: [1], cash_loan_share: 0}
                products:
                  - {id: line, kind: purchase_line}
                lenders:
                  - {name: L, products: [line], market_share: 1}
                economy:
                  income_growth: {level: 0}
                  inflation: %s
                """.formatted(inflation);
    }

    private static RunResult run(String source, String yaml) {
        return Scenarios.run(ScenarioLoader.fromYaml(source, yaml, List.of()), 2);
    }

    /**
     * Closed form: with incomes and everything else fixed, essential spending is proportional to
     * the price level. At 100 % a year the price level doubles in 12 months, and so does essential
     * spending, month by month the ratio of the two runs equals the price level.
     */
    @Test
    void essentialSpendingFollowsThePriceLevelExactly() {
        RunResult flat = run("flat-prices.yaml", essentialsOnly("{shape: flat, level: 0}"));
        RunResult doubling = run("doubling-prices.yaml", essentialsOnly("{shape: flat, level: 1.0}"));
        double[] prices = Scenarios.series(doubling, 0, "price_level");
        double[] factor = Scenarios.series(doubling, 0, "essentials_price_factor");
        double[] base = Scenarios.series(flat, 0, "cash_spending");
        double[] inflated = Scenarios.series(doubling, 0, "cash_spending");
        for (int t = 1; t <= 12; t++) {
            assertEquals(Math.pow(2.0, t / 12.0), prices[t - 1], 1e-12, "price level in month " + t);
            assertEquals(prices[t - 1], factor[t - 1], 0.0, "no income growth: the factor on essentials is the price level");
            assertEquals(1.0, Scenarios.series(flat, 0, "price_level")[t - 1], 0.0, "flat prices");
            assertEquals(prices[t - 1], inflated[t - 1] / base[t - 1], 1e-9 * prices[t - 1],
                    "essential (cash) spending with rising prices over flat prices, month " + t);
            for (RunResult r : List.of(flat, doubling)) {
                assertEquals(0.0, Scenarios.series(r, 0, "credit_spending")[t - 1], "all spending is in cash");
                assertEquals(0.0, Scenarios.series(r, 0, "unmet_essentials")[t - 1], "savings cover every essential");
            }
        }
        assertEquals(2.0, inflated[11] / base[11], 1e-9, "prices doubled in a year: essential spending doubled");
        assertArrayEquals(Scenarios.series(flat, 0, "income_mean"), Scenarios.series(doubling, 0, "income_mean"),
                "incomes do not follow prices");
    }

    /** The shipped baseline with its seasonal calendar block removed: a scenario with no calendar at all. */
    private Path baselineWithoutCalendar() throws IOException {
        String text = Files.readString(Path.of("scenarios/baseline.yaml"));
        String without = Pattern.compile("(?m)^    seasonal_calendar:\\n(      - .*\\n){12}").matcher(text).replaceAll("");
        assertEquals(12, text.lines().count() - without.lines().count() - 1, "the calendar block was removed");
        Path file = tmp.resolve("no-calendar.yaml");
        Files.writeString(file, without);
        return file;
    }

    @Test
    void aFlatCalendarGivesResultsIdenticalToNoCalendar() throws IOException {
        Path noCalendar = baselineWithoutCalendar();
        List<String> small = List.of("population.size=20000", "replications=2", "horizon.months=14");
        RunResult none = Scenarios.run(ScenarioLoader.load(noCalendar, small), 2);
        RunResult flat = Scenarios.run(ScenarioLoader.load(noCalendar, concat(small,
                "population.behaviour.seasonal_calendar=[2.5,2.5,2.5,2.5,2.5,2.5,2.5,2.5,2.5,2.5,2.5,2.5]")), 2);
        for (int r = 0; r < 2; r++) {
            double[][] a = none.replications().get(r).values();
            double[][] b = flat.replications().get(r).values();
            for (int t = 0; t < a.length; t++) {
                assertArrayEquals(a[t], b[t], "replication " + r + ", month " + (t + 1) + ": every metric bit for bit");
            }
            for (double season : Scenarios.series(flat, r, "purchase_season")) {
                assertEquals(1.0, season, 0.0);
            }
            for (double f : Scenarios.series(none, r, "essentials_price_factor")) {
                assertEquals(1.0, f, 0.0, "by default prices rise with incomes: essentials are untouched");
            }
        }
    }

    /** Sums of {@code metric} over replications by month of the year (month 1 = January). */
    private static double[] byMonthOfYear(RunResult run, String metric) {
        double[] out = new double[12];
        for (int r = 0; r < run.replications().size(); r++) {
            double[] s = Scenarios.series(run, r, metric);
            for (int t = 0; t < s.length; t++) {
                out[t % 12] += s[t];
            }
        }
        return out;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    @Test
    void theChinaCalendarPeaksInNovemberAndJuneAndKeepsTheYearsSpending() throws IOException {
        List<String> small = List.of("population.size=20000", "replications=2", "horizon.months=24", "horizon.start=2024-01");
        LoadedScenario shipped = Scenarios.shipped("baseline", "horizon.months=24", "horizon.start=2024-01");
        RunResult seasonal = Scenarios.run(shipped, 2);
        RunResult flat = Scenarios.run(ScenarioLoader.load(baselineWithoutCalendar(), small), 2);

        double[] credit = byMonthOfYear(seasonal, "credit_spending");
        double mean = sum(credit) / 12;
        int largest = 0;
        for (int m = 1; m < 12; m++) {
            largest = credit[m] > credit[largest] ? m : largest;
        }
        assertEquals(10, largest, "November (index 10) has the most credit spending; by month: " + java.util.Arrays.toString(credit));
        assertTrue(credit[10] > 1.3 * mean, "November " + credit[10] / mean + " x the monthly mean");
        assertTrue(credit[5] > 1.05 * mean, "June (618) " + credit[5] / mean + " x the monthly mean");

        double seasonalTotal = sum(byMonthOfYear(seasonal, "credit_spending")) + sum(byMonthOfYear(seasonal, "cash_spending"));
        double flatTotal = sum(byMonthOfYear(flat, "credit_spending")) + sum(byMonthOfYear(flat, "cash_spending"));
        assertEquals(1.0, seasonalTotal / flatTotal, 0.01, "two years' spending, cash and credit, with and without the calendar");
    }

    /**
     * Common random numbers: the same seed with prices rising with incomes (the default), at the
     * income growth (5 %, the same thing computed from its own path), above it and below it.
     */
    @Test
    void inflationAboveIncomeGrowthRaisesTheOverdueRate() {
        RunResult withIncomes = Scenarios.run(Scenarios.shipped("baseline", "horizon.months=24"), 2);
        RunResult same = Scenarios.run(Scenarios.shipped("baseline", "horizon.months=24",
                "economy.inflation.shape=flat", "economy.inflation.level=0.05"), 2);
        RunResult above = Scenarios.run(Scenarios.shipped("baseline", "horizon.months=24",
                "economy.inflation.shape=flat", "economy.inflation.level=0.10"), 2);
        RunResult below = Scenarios.run(Scenarios.shipped("baseline", "horizon.months=24",
                "economy.inflation.shape=flat", "economy.inflation.level=0.0"), 2);
        for (int r = 0; r < 2; r++) {
            double[][] a = withIncomes.replications().get(r).values();
            double[][] b = same.replications().get(r).values();
            for (int t = 0; t < a.length; t++) {
                assertArrayEquals(a[t], b[t], "inflation at the income growth is prices rising with incomes, month " + (t + 1));
            }
        }
        double calm = Scenarios.mean(withIncomes, "m1plus_ratio");
        double high = Scenarios.mean(above, "m1plus_ratio");
        double low = Scenarios.mean(below, "m1plus_ratio");
        assertTrue(high > 1.08 * calm, "M1+ with 10 % inflation and 5 % income growth " + high + " vs prices with incomes " + calm);
        assertTrue(low < calm / 1.08, "M1+ with flat prices and 5 % income growth " + low + " vs prices with incomes " + calm);
        assertTrue(Scenarios.mean(above, "m3plus_ratio") > Scenarios.mean(withIncomes, "m3plus_ratio"));
        assertTrue(Scenarios.mean(above, "unmet_essentials") > Scenarios.mean(withIncomes, "unmet_essentials"));
        assertEquals(1.10 / 1.05 * 1.10 / 1.05, Scenarios.meanFinal(above, "essentials_price_factor"), 1e-12,
                "after two years prices have outrun incomes by (1.10 / 1.05)^2");
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.add(b);
        return out;
    }
}
