package org.creditstress.scenario;

import java.util.List;

/** The borrowers: size, segments, behaviour traits and initial account holdings. */
public record Population(int size, List<Segment> segments, Behaviour behaviour, Accounts accounts) {
}
