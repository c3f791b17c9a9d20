package org.creditstress.model.channel;

import org.creditstress.model.MonthPhase;
import org.creditstress.model.Wiring;
import org.creditstress.model.economy.MacroFeedback;
import org.creditstress.scenario.schema.Section;

/** Macro feedback: shrinking credit lowers consumption and raises unemployment ({@link MacroFeedback}). Off by default. */
public final class MacroFeedbackChannel implements ContagionChannel {
    private static final String SENSITIVITY = "macro_sensitivity";

    @Override
    public String key() {
        return "macro_feedback";
    }

    @Override
    public String description() {
        return "Shrinking credit raises unemployment.";
    }

    @Override
    public boolean onByDefault() {
        return false;
    }

    @Override
    public Section settings(Section contagion) {
        return contagion.number(SENSITIVITY, 0.05, 0, 10, "points per unit",
                "Unemployment added per unit fall of new credit below its month-1 level (0.05: credit down 20 % adds 1 point).");
    }

    @Override
    public void wire(Wiring wiring) {
        double sensitivity = wiring.scenario().contagion().number(SENSITIVITY);
        wiring.schedule(MonthPhase.MACRO_FEEDBACK, built -> new MacroFeedback(built.market().macro, sensitivity));
    }
}
