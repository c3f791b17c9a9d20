package org.creditstress.model.economy;

import org.creditstress.model.engine.Ledger;
import org.creditstress.scenario.EconomySpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.ECONOMY}: advances the month, clears the month's ledger and reads this
 * month's unemployment target, income growth and funding rate from the scenario's paths.
 * Burn-in months use the month-1 values.
 */
public final class EconomyPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final transient MacroState macro;
    private final transient Ledger ledger;
    private final transient EconomySpec economy;

    public EconomyPhase(MacroState macro, Ledger ledger, EconomySpec economy) {
        this.macro = macro;
        this.ledger = ledger;
        this.economy = economy;
    }

    @Override
    public void step(SimState state) {
        macro.month++;
        int m = Math.max(1, macro.month);
        macro.unemploymentTarget = economy.unemployment().at(m);
        macro.incomeGrowthAnnual = economy.incomeGrowth().at(m);
        macro.fundingRateAnnual = economy.fundingRate().at(m);
        ledger.reset();
    }

    /** Sets the clock before the first month: month 1 - burnIn - 1, so the first step is the first burn-in month. */
    public static void startClock(MacroState macro, int burnInMonths) {
        macro.month = -burnInMonths;
    }
}
