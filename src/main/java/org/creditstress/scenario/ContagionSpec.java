package org.creditstress.scenario;

/** ContagionSpec channel switches; see {@code contagion} in docs/scenario-reference.md. */
public record ContagionSpec(boolean commonBorrowers, boolean funding, boolean macroFeedback, double macroSensitivity) {
}
