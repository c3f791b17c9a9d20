package org.creditstress.model.policy;

import org.creditstress.scenario.PolicyEventSpec;

/** A minimum own-funding share in co-lending: lenders fund at least {@code value} of each new loan themselves. */
final class OwnFundingShare implements PolicyEvent {

    @Override
    public String kind() {
        return "own_funding_share";
    }

    @Override
    public String meaning() {
        return "lenders must fund at least value of each new loan themselves (co-lending scaled down)";
    }

    @Override
    public void apply(PolicyContext c, PolicyEventSpec e, boolean first) {
        c.state().minOwnFundingShare = e.value();
    }
}
