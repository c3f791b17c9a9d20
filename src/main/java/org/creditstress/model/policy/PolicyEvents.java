package org.creditstress.model.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditstress.scenario.PolicyEventSpec;
import org.creditstress.scenario.ScenarioRule;

/**
 * The registry of policy-event kinds. A new kind is one class and one line in {@link #standard()}
 * (or, in a test, {@link #with}).
 */
public final class PolicyEvents {
    private final List<PolicyEvent> kinds;

    private PolicyEvents(List<PolicyEvent> kinds) {
        this.kinds = List.copyOf(kinds);
        if (kinds.stream().map(PolicyEvent::kind).distinct().count() != kinds.size()) {
            throw new IllegalArgumentException("two policy-event kinds share a name");
        }
    }

    /** The policy events of DOMAIN.md section 5. */
    public static PolicyEvents standard() {
        return new PolicyEvents(List.of(
                new AprCap(),
                new RepaymentHoliday(),
                new IncomeSupport(),
                new BureauMandate(),
                new LiteracyCampaign(),
                new CourtCapacity(),
                new CapitalRequirement(),
                new LiquidityRequirement(),
                new OwnFundingShare()));
    }

    /** This registry and one more kind. */
    public PolicyEvents with(PolicyEvent kind) {
        List<PolicyEvent> more = new ArrayList<>(kinds);
        more.add(kind);
        return new PolicyEvents(more);
    }

    /** Each kind's name and meaning, in registry order (the schema's choices and their docs). */
    public Map<String, String> meanings() {
        Map<String, String> out = new LinkedHashMap<>();
        kinds.forEach(k -> out.put(k.kind(), k.meaning()));
        return out;
    }

    /** The kind named {@code name} (the schema has already checked the name). */
    public PolicyEvent kind(String name) {
        return kinds.stream().filter(k -> k.kind().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown policy event kind '" + name + "'"));
    }

    /** The scenario rule that runs every event's own checks. */
    public ScenarioRule rule() {
        return scenario -> {
            List<ScenarioRule.Problem> problems = new ArrayList<>();
            List<PolicyEventSpec> events = scenario.policyEvents();
            for (int i = 0; i < events.size(); i++) {
                problems.addAll(kind(events.get(i).kind()).check(events.get(i), "policy_events[" + i + "]", scenario));
            }
            return problems;
        };
    }
}
