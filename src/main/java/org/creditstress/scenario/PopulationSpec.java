package org.creditstress.scenario;

import java.util.List;

/** The borrowers: size, segments, behaviour traits and initial account holdings. */
public record PopulationSpec(int size, double turnoverMonthly, int thinFileGraduationMonths, List<SegmentSpec> segments,
                             BehaviourSpec behaviour, AccountsSpec accounts) {
}
