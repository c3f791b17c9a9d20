package org.creditstress.scenario;

/** A funder; see {@code funders} in docs/scenario-reference.md. */
public record FunderSpec(String name, String kind, double capitalShare, double stressTrigger, double stressCut) {
}
