package org.creditstress.model.policy;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.scenario.PolicyEventSpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.POLICY}: the scenario's policy events. The month's {@link PolicyState} is
 * reset to "no policy" where a policy only lasts while in force (income support), then every event
 * in force acts through its kind ({@link PolicyEvent}): lasting policies set the state that
 * mechanisms read, one-off policies act in their first month.
 */
public final class PolicyPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final List<PolicyEventSpec> events;
    private final List<PolicyEvent> kinds;

    private final List<String> segmentNames;

    /** @param segmentNames the population's segments, by index (policies may target one) */
    public PolicyPhase(Market market, List<PolicyEventSpec> events, PolicyEvents registry, List<String> segmentNames) {
        this.market = market;
        this.segmentNames = List.copyOf(segmentNames);
        this.events = List.copyOf(events);
        this.kinds = events.stream().map(e -> registry.kind(e.kind())).toList();
    }

    @Override
    public void step(SimState state) {
        int month = market.month();
        PolicyState p = market.policy;
        p.resetIncomeSupport(segmentNames.size());
        PolicyContext context = new PolicyContext(p, market, segmentNames);
        for (int i = 0; i < events.size(); i++) {
            PolicyEventSpec e = events.get(i);
            if (e.inForce(month)) {
                kinds.get(i).apply(context, e, month == e.month());
            }
        }
    }
}
