package org.creditstress.model.policy;

import org.creditstress.scenario.PolicyEventSpec;

/** Direct income support: unemployed borrowers receive {@code value} x permanent income a month while it lasts. */
final class IncomeSupport implements PolicyEvent {

    @Override
    public String kind() {
        return "income_support";
    }

    @Override
    public String meaning() {
        return "unemployed borrowers receive value x permanent income a month for `months` months";
    }

    @Override
    public void apply(PolicyContext c, PolicyEventSpec e, boolean first) {
        c.state().incomeSupportShare += e.value();
    }
}
