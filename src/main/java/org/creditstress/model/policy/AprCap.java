package org.creditstress.model.policy;

import java.util.List;
import org.creditstress.scenario.PolicyEventSpec;
import org.creditstress.scenario.ScenarioRule;

/** An all-in APR cap: interest, instalment fees and penalty rates capped at {@code value} a year; two caps: the lower. */
final class AprCap implements PolicyEvent {

    @Override
    public String kind() {
        return "apr_cap";
    }

    @Override
    public String meaning() {
        return "all-in annual cap on interest, instalment fees and penalty rates (value: the cap, e.g. 0.24)";
    }

    @Override
    public List<ScenarioRule.Problem> check(PolicyEventSpec event, String path, org.creditstress.scenario.Scenario scenario) {
        List<ScenarioRule.Problem> problems = PolicyEvent.super.check(event, path, scenario);
        if (event.value() <= 0) {
            problems.add(new ScenarioRule.Problem(path + ".value", "an APR cap must be positive, got " + event.value()));
        }
        return problems;
    }

    @Override
    public void apply(PolicyContext c, PolicyEventSpec e, boolean first) {
        PolicyState p = c.state();
        p.aprCap = Double.isNaN(p.aprCap) ? e.value() : Math.min(p.aprCap, e.value());
    }
}
