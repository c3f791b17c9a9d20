package org.creditstress.model.channel;

import org.creditstress.model.MonthPhase;
import org.creditstress.model.Wiring;
import org.creditstress.model.funder.FundingStress;
import org.creditstress.scenario.Scenario;

/**
 * Funding contagion: covenant breaches and funder-stress line cuts reach every lender a funder
 * funds, and ABS buyers' discount rises with arrears ({@link FundingStress}).
 */
public final class FundingChannel implements ContagionChannel {

    @Override
    public String key() {
        return "funding";
    }

    @Override
    public String description() {
        return "Covenant breaches, funder-stress line cuts and ABS discounts that rise with overdue ratios. "
                + "Off: lines are never cut and the ABS discount stays at its base.";
    }

    @Override
    public boolean matters(Scenario scenario) {
        return !scenario.funders().isEmpty();
    }

    @Override
    public void wire(Wiring wiring) {
        wiring.schedule(MonthPhase.FUNDING_STRESS, built -> new FundingStress(built.market(), built.scan()));
    }
}
