package org.creditstress.model.policy;

import java.util.ArrayList;
import java.util.List;
import org.creditstress.scenario.PolicyEventSpec;
import org.creditstress.scenario.ScenarioRule;

/**
 * A kind of policy event (DOMAIN.md section 5): what a regulator or government does at a month.
 * Each kind is one class, listed once in {@link PolicyEvents}; the schema's list of kinds, their
 * documentation and their checks come from the registry.
 *
 * <p>Lasting policies set the {@link PolicyState} that mechanisms read while they are in force;
 * one-off policies act on the market in their first month.
 *
 * <p>Serializable: the policy phase holds its events, and a shared start freezes the whole
 * schedule ({@link org.creditstress.model.SharedStart}).
 */
public interface PolicyEvent extends java.io.Serializable {

    /** The name in {@code policy_events[].kind}, e.g. {@code apr_cap}. */
    String kind();

    /** What the event does and what its {@code value} (and {@code months}) mean. */
    String meaning();

    /**
     * Problems with one event of this kind; {@code path} is its key path
     * ({@code policy_events[i]}). By default the value is a share in [0, 1].
     */
    default List<ScenarioRule.Problem> check(PolicyEventSpec event, String path, org.creditstress.scenario.Scenario scenario) {
        List<ScenarioRule.Problem> problems = new ArrayList<>();
        if (event.value() > 1) {
            problems.add(new ScenarioRule.Problem(path + ".value", "must be in [0, 1] for " + kind() + ", got " + event.value()));
        }
        return problems;
    }

    /**
     * Acts in a month the event is in force ({@code first}: its first month). Called by
     * {@link PolicyPhase} at the start of the month, after the policy state was reset.
     */
    void apply(PolicyContext context, PolicyEventSpec event, boolean first);
}
