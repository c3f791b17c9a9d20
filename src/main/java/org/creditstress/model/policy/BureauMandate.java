package org.creditstress.model.policy;

import org.creditstress.scenario.PolicyEventSpec;

/** A bureau-sharing mandate: every lender reports, and bureau coverage becomes {@code value}. */
final class BureauMandate implements PolicyEvent {

    @Override
    public String kind() {
        return "bureau_mandate";
    }

    @Override
    public String meaning() {
        return "every lender reports and bureau coverage becomes value";
    }

    @Override
    public void apply(PolicyContext c, PolicyEventSpec e, boolean first) {
        c.state().bureauCoverage = e.value();
    }
}
