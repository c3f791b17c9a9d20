package org.creditstress.model.policy;

import java.util.List;
import org.creditstress.scenario.PolicyEventSpec;
import org.creditstress.scenario.ScenarioRule;

/** A change of court capacity: courts take {@code value} cases a month per 100,000 borrowers. */
final class CourtCapacity implements PolicyEvent {

    @Override
    public String kind() {
        return "court_capacity";
    }

    @Override
    public String meaning() {
        return "courts take value cases a month per 100,000 borrowers";
    }

    @Override
    public List<ScenarioRule.Problem> check(PolicyEventSpec event, String path, org.creditstress.scenario.Scenario scenario) {
        return List.of();
    }

    @Override
    public void apply(PolicyContext c, PolicyEventSpec e, boolean first) {
        c.state().courtCapacityPer100k = e.value();
    }
}
