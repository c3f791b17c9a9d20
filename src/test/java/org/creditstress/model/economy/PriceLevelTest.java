package org.creditstress.model.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.creditstress.scenario.EconomySpec;
import org.creditstress.scenario.PathSpec;
import org.junit.jupiter.api.Test;

/** The price level and the income index in closed form, and where model months fall in the year. */
class PriceLevelTest {
    private static PathSpec flat(double level) {
        return new PathSpec(PathSpec.Shape.FLAT, level, level, 1, 1, 1, 1, level, List.of());
    }

    private static EconomySpec economy(PathSpec incomeGrowth, PathSpec inflation) {
        return new EconomySpec(flat(0.05), incomeGrowth, inflation, flat(0.04),
                new EconomySpec.LabourMarket(EconomySpec.LabourMarket.Mode.TRACK, 0.25, 0.01));
    }

    /** Steps {@code prices} through {@code burnIn} burn-in months and {@code months} recorded ones; returns the macro state. */
    private static MacroState run(PriceLevel prices, int burnIn, int months, double[] factor, double[] level) {
        MacroState macro = new MacroState(1);
        EconomyPhase.startClock(macro, burnIn);
        for (int step = 0; step < burnIn + months; step++) {
            macro.month++;
            prices.advance(macro);
            if (macro.month <= 0) {
                assertEquals(1.0, macro.priceLevel(), 0.0, "burn-in month " + macro.month + " runs at the starting prices");
                assertEquals(1.0, macro.essentialsPriceFactor(), 0.0);
            } else {
                factor[macro.month - 1] = macro.essentialsPriceFactor();
                level[macro.month - 1] = macro.priceLevel();
            }
        }
        return macro;
    }

    @Test
    void pricesAndIncomesCompoundMonthlyFromTheStartOfMonthOne() {
        double[] factor = new double[36];
        double[] level = new double[36];
        run(new PriceLevel(economy(flat(0.04), flat(0.12))), 24, 36, factor, level);
        for (int t = 1; t <= 36; t++) {
            assertEquals(Math.pow(1.12, t / 12.0), level[t - 1], 1e-12, "price level, month " + t);
            assertEquals(Math.pow(1.12 / 1.04, t / 12.0), factor[t - 1], 1e-12, "factor on essentials, month " + t);
        }
    }

    @Test
    void withIncomesPricesFollowTheIncomePathAndTheFactorIsExactlyOne() {
        PathSpec downturn = new PathSpec(PathSpec.Shape.DOWNTURN, 0.05, -0.04, 3, 4, 5, 6, 0.02, List.of());
        PathSpec withIncomes = new PathSpec(PathSpec.Shape.WITH_INCOMES, 0, 0, 7, 6, 6, 12, 0, List.of());
        double[] factor = new double[24];
        double[] level = new double[24];
        MacroState macro = run(new PriceLevel(economy(downturn, withIncomes)), 6, 24, factor, level);
        double index = 1;
        for (int t = 1; t <= 24; t++) {
            index *= Math.pow(1 + downturn.at(t), 1 / 12.0);
            assertEquals(1.0, factor[t - 1], 0.0, "month " + t);
            assertEquals(index, level[t - 1], 1e-12, "prices rise and fall with incomes, month " + t);
        }
        assertEquals(downturn.at(24), macro.inflationAnnual(), 0.0, "the month's inflation is the income growth");
        assertEquals(macro.incomeIndex(), macro.priceLevel(), 0.0);
    }

    @Test
    void doublingPricesWithNoIncomeGrowthDoublesTheFactorInAYear() {
        double[] factor = new double[12];
        double[] level = new double[12];
        run(new PriceLevel(economy(flat(0.0), flat(1.0))), 0, 12, factor, level);
        assertEquals(2.0, factor[11], 1e-12);
        assertEquals(level[11], factor[11], 0.0, "no income growth: the factor is the price level");
    }

    @Test
    void burnInMonthsRunBackwardsThroughTheCalendar() {
        YearMonth start = YearMonth.of(2024, 1);
        assertEquals(1, EconomyPhase.monthOfYear(start, 1));
        assertEquals(11, EconomyPhase.monthOfYear(start, 11));
        assertEquals(1, EconomyPhase.monthOfYear(start, 13));
        assertEquals(12, EconomyPhase.monthOfYear(start, 0), "the last burn-in month is December 2023");
        assertEquals(1, EconomyPhase.monthOfYear(start, -23), "24 months of burn-in start in January 2022");
        assertEquals(6, EconomyPhase.monthOfYear(YearMonth.of(2019, 11), -4), "month -4 from a November start is June");
    }
}
