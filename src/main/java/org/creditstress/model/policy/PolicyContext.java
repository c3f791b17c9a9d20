package org.creditstress.model.policy;

import org.creditstress.model.Market;

/**
 * What a policy event acts on: the policies in force this month, and the market (for one-off
 * policies that change borrowers or accounts).
 */
public record PolicyContext(PolicyState state, Market market, java.util.List<String> segmentNames) {
}
