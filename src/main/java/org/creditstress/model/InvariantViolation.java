package org.creditstress.model;

/**
 * A broken accounting or count identity: the run stops rather than produce a silently wrong
 * result. The message names the month, the agent and the identity.
 */
public final class InvariantViolation extends RuntimeException {
    public InvariantViolation(int month, String agent, String identity) {
        super("invariant broken in month " + month + " at " + agent + ": " + identity);
    }
}
