package org.creditstress.model.economy;

/**
 * Macro feedback, a contagion channel off by default: when new credit (purchases and cash loans)
 * falls below its month-1 level, consumption and the jobs it supports fall too. The month's
 * unemployment target rises by {@code macro_sensitivity x max(0, 1 - new credit last month /
 * new credit in month 1)}, within [0, 0.95].
 */
public final class MacroFeedback {
    private final double sensitivity;

    public MacroFeedback(double sensitivity) {
        this.sensitivity = sensitivity;
    }

    double adjust(MacroState macro) {
        double target = macro.unemploymentTarget;
        if (macro.month > 1 && macro.referenceNewCredit > 0) {
            target += sensitivity * Math.max(0.0, 1.0 - macro.lastNewCredit / macro.referenceNewCredit);
        }
        return Math.min(0.95, Math.max(0.0, target));
    }
}
