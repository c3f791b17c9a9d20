package org.creditstress.model.economy;

import org.creditstress.scenario.EconomySpec;
import org.creditstress.scenario.PathSpec;

/**
 * The price level of essentials and the factor it puts on essential spending. Advanced once a
 * month by {@link EconomyPhase}, before any borrower phase; {@code Consumption} reads the factor
 * from {@link MacroState#essentialsPriceFactor()} once a month.
 *
 * <p>Two indices start at 1 before month 1 and stay there through the burn-in months (which run at
 * the starting prices, like every other burn-in setting). From month 1 on, with {@code pi_t} the
 * scenario's inflation and {@code g_t} its income growth in month {@code t} (annual rates, floored
 * at -0.99 like the income drift):
 * <pre>
 *   C_t = C_{t-1} (1 + pi_t)^(1/12)       price level of essentials (1 = prices before month 1)
 *   G_t = G_{t-1} (1 + g_t)^(1/12)        income index: how far the income-growth path has lifted incomes
 *   f_t = C_t / G_t                       factor on essential spending
 *   essentials_i,t = essential_share_i x permanent income_i,t x f_t       (yuan a month)
 * </pre>
 * Permanent incomes already grow with the income-growth path ({@code IncomeProcess}), so essential
 * spending in yuan grows with prices, {@code C_t}, not with incomes: when prices rise faster than
 * incomes ({@code pi > g}) essentials take a growing share of income and squeeze what is left for
 * discretionary spending, savings and bills; when they rise more slowly, budgets ease. With
 * everything else fixed (no income growth), doubling prices doubles essential spending.
 *
 * <p>The default, {@code economy.inflation.shape: with_incomes}, takes {@code pi_t = g_t}: prices
 * rise with incomes, {@code f_t = 1} exactly, and essential spending is the trait's share of
 * permanent income, as in the model before prices (shipped results do not move). Essential prices
 * in step with incomes is an assumption for a calm market, not a CPI figure: in 2023-2024 China's
 * CPI rose about 0.2 % a year (NBS) while urban disposable incomes grew about 5 %; a scenario that
 * sets {@code inflation} to CPI therefore eases budgets relative to the shipped calibration, which
 * was fitted with essentials a fixed share of income.
 *
 * <p>Choices: the income index follows the macro path {@code g_t}, not a segment's own growth
 * ({@code income_cyclicality}) or a borrower's permanent shocks, which keep moving that borrower's
 * essentials as before; emergencies stay sized in months of income; savings targets, limits and
 * incomes are not indexed to prices (incomes grow only by the income-growth path).
 */
public final class PriceLevel implements java.io.Serializable {
    private final PathSpec inflation;
    private final PathSpec incomeGrowth;
    private final boolean withIncomes;
    private double prices = 1.0;
    private double incomes = 1.0;

    /** @param economy the inflation and income-growth paths */
    public PriceLevel(EconomySpec economy) {
        this.inflation = economy.inflation();
        this.incomeGrowth = economy.incomeGrowth();
        this.withIncomes = inflation.shape() == PathSpec.Shape.WITH_INCOMES;
    }

    /**
     * Moves both indices to {@code macro}'s month (burn-in months and month 0 stay at 1) and
     * publishes the month's inflation, price level, income index and factor on essentials.
     */
    void advance(MacroState macro) {
        int m = macro.month;
        double g = incomeGrowth.at(Math.max(1, m));
        double pi = withIncomes ? g : inflation.at(Math.max(1, m));
        if (m >= 1) {
            incomes *= monthly(g);
            prices = withIncomes ? incomes : prices * monthly(pi);
        }
        macro.inflationAnnual = pi;
        macro.priceLevel = prices;
        macro.incomeIndex = incomes;
        macro.essentialsPriceFactor = withIncomes ? 1.0 : prices / incomes;
    }

    /** One month of an annual rate, as the income drift applies it: {@code (1 + max(-0.99, rate))^(1/12)}. */
    static double monthly(double annualRate) {
        return Math.exp(Math.log1p(Math.max(-0.99, annualRate)) / 12.0);
    }
}
