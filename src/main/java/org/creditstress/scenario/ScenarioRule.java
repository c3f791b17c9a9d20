package org.creditstress.scenario;

import java.util.List;

/**
 * A check over a bound scenario that a model registry contributes (for example a policy-event
 * kind's rules for its {@code value}). Each problem names the key path and the reason, like every
 * other scenario error.
 */
@FunctionalInterface
public interface ScenarioRule {

    /** A problem: the key path (e.g. {@code policy_events[2].value}) and why it is wrong. */
    record Problem(String path, String reason) {
    }

    List<Problem> check(Scenario scenario);
}
