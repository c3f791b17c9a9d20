package org.creditstress.model.policy;

import org.creditstress.scenario.PolicyEventSpec;

/** A capital requirement: lenders' minimum capital ratio becomes {@code value} (and their tightening trigger at least that). */
final class CapitalRequirement implements PolicyEvent {

    @Override
    public String kind() {
        return "capital_requirement";
    }

    @Override
    public String meaning() {
        return "lenders' minimum capital ratio becomes value (and their tightening trigger at least that)";
    }

    @Override
    public void apply(PolicyContext c, PolicyEventSpec e, boolean first) {
        c.state().minCapitalRatio = e.value();
    }
}
