package org.creditstress.model.economy;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.MACRO_FEEDBACK}: the macro-feedback contagion channel (off by default; built
 * only when {@code contagion.macro_feedback} is on). When new credit (purchases and cash loans)
 * falls below its month-1 level, consumption and the jobs it supports fall too. Right after the
 * economy phase, the month's unemployment target rises by
 * {@code macro_sensitivity x max(0, 1 - new credit last month / new credit in month 1)}, within
 * [0, 0.95].
 */
public final class MacroFeedback implements Steppable {
    private static final long serialVersionUID = 1L;
    private final MacroState macro;
    private final double sensitivity;

    /** @param sensitivity unemployment added per unit fall of new credit (points of the rate as a share) */
    public MacroFeedback(MacroState macro, double sensitivity) {
        this.macro = macro;
        this.sensitivity = sensitivity;
    }

    @Override
    public void step(SimState state) {
        macro.unemploymentTarget = adjust(macro);
    }

    double adjust(MacroState macro) {
        double target = macro.unemploymentTarget;
        if (macro.month > 1 && macro.referenceNewCredit > 0) {
            target += sensitivity * Math.max(0.0, 1.0 - macro.lastNewCredit / macro.referenceNewCredit);
        }
        return Math.min(0.95, Math.max(0.0, target));
    }
}
