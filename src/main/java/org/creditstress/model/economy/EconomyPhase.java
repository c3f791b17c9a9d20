package org.creditstress.model.economy;

import java.time.YearMonth;
import org.creditstress.model.borrower.SeasonalCalendar;
import org.creditstress.model.engine.Ledger;
import org.creditstress.scenario.EconomySpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.ECONOMY}: advances the month, clears the month's ledger and reads this
 * month's unemployment target, income growth and funding rate from the scenario's paths; advances
 * the price level ({@link PriceLevel}); and sets the month of the year (from {@code horizon.start})
 * and its purchase season ({@link SeasonalCalendar}). Burn-in months use the month-1 path values
 * and the starting price level; their months of the year run on backwards from the start, so a
 * burn-in month has the season of its calendar month.
 */
public final class EconomyPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final MacroState macro;
    private final Ledger ledger;
    private final EconomySpec economy;
    private final PriceLevel prices;
    private final YearMonth firstMonth;
    private final SeasonalCalendar seasons;

    /**
     * @param firstMonth the calendar month of model month 1 ({@code horizon.start})
     * @param seasons    the population's seasonal purchase calendar
     */
    public EconomyPhase(MacroState macro, Ledger ledger, EconomySpec economy, YearMonth firstMonth, SeasonalCalendar seasons) {
        this.macro = macro;
        this.ledger = ledger;
        this.economy = economy;
        this.prices = new PriceLevel(economy);
        this.firstMonth = firstMonth;
        this.seasons = seasons;
    }

    @Override
    public void step(SimState state) {
        macro.month++;
        int m = Math.max(1, macro.month);
        macro.unemploymentTarget = economy.unemployment().at(m);
        macro.incomeGrowthAnnual = economy.incomeGrowth().at(m);
        macro.fundingRateAnnual = economy.fundingRate().at(m);
        prices.advance(macro);
        macro.monthOfYear = monthOfYear(firstMonth, macro.month);
        macro.purchaseSeason = seasons.multiplier(macro.monthOfYear);
        ledger.reset();
    }

    /** The month of the year (1-12) of model month {@code month} (burn-in months are 0 and below). */
    public static int monthOfYear(YearMonth firstMonth, int month) {
        return firstMonth.plusMonths(month - 1L).getMonthValue();
    }

    /** Sets the clock before the first month: month 1 - burnIn - 1, so the first step is the first burn-in month. */
    public static void startClock(MacroState macro, int burnInMonths) {
        macro.month = -burnInMonths;
    }
}
