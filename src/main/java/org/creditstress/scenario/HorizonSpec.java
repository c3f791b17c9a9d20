package org.creditstress.scenario;

/** How long to simulate; see {@code horizon} in docs/scenario-reference.md. */
public record HorizonSpec(int months, int burnInMonths) {
}
