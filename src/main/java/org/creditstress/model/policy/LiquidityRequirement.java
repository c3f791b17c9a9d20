package org.creditstress.model.policy;

import org.creditstress.scenario.PolicyEventSpec;

/** A liquidity requirement: lenders' cash buffer becomes at least {@code value} of own net receivables. */
final class LiquidityRequirement implements PolicyEvent {

    @Override
    public String kind() {
        return "liquidity_requirement";
    }

    @Override
    public String meaning() {
        return "lenders' cash buffer becomes at least value of own net receivables";
    }

    @Override
    public void apply(PolicyContext c, PolicyEventSpec e, boolean first) {
        c.state().cashBufferRatio = e.value();
    }
}
