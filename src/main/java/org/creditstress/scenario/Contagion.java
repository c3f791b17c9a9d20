package org.creditstress.scenario;

/** Contagion channel switches; see {@code contagion} in docs/scenario-reference.md. */
public record Contagion(boolean commonBorrowers, boolean funding, boolean macroFeedback, double macroSensitivity) {
}
