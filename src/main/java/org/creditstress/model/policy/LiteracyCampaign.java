package org.creditstress.model.policy;

import org.creditstress.model.Market;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.scenario.PolicyEventSpec;

/** A financial-literacy campaign: in its first month every borrower's literacy closes {@code value} of its gap to 1. */
final class LiteracyCampaign implements PolicyEvent {

    @Override
    public String kind() {
        return "literacy_campaign";
    }

    @Override
    public String meaning() {
        return "every borrower's literacy closes value of its gap to 1";
    }

    @Override
    public void apply(PolicyContext c, PolicyEventSpec e, boolean first) {
        if (!first) {
            return;
        }
        Market market = c.market();
        BorrowerTable b = market.borrowers;
        double share = e.value();
        market.executor.forEachChunk(market.chunks, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                b.literacy[i] = (float) (b.literacy[i] + share * (1.0 - b.literacy[i]));
            }
        });
    }
}
