package org.creditstress.model.economy;

import org.creditstress.model.Market;
import org.creditstress.scenario.EconomySpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 1 of the month: advances the month and reads this month's unemployment target, income
 * growth and funding rate from the scenario's paths. Burn-in months use the month-1 values.
 */
public final class EconomyPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final transient Market market;
    private final transient MacroFeedback feedback;

    public EconomyPhase(Market market) {
        this.market = market;
        this.feedback = market.scenario.contagion().macroFeedback()
                ? new MacroFeedback(market.scenario.contagion().macroSensitivity()) : null;
    }

    @Override
    public void step(SimState state) {
        MacroState macro = market.macro;
        macro.month++;
        EconomySpec e = market.scenario.economy();
        int m = Math.max(1, macro.month);
        macro.unemploymentTarget = e.unemployment().at(m);
        if (feedback != null) {
            macro.unemploymentTarget = feedback.adjust(macro);
        }
        macro.incomeGrowthAnnual = e.incomeGrowth().at(m);
        macro.fundingRateAnnual = e.fundingRate().at(m);
        market.ledger.reset();
    }

    /** Sets the clock before the first month: month 1 - burnIn - 1, so the first step is the first burn-in month. */
    public static void startClock(MacroState macro, int burnInMonths) {
        macro.month = -burnInMonths;
    }
}
