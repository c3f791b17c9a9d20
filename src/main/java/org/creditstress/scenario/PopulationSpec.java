package org.creditstress.scenario;

import java.util.List;

/**
 * The borrowers: size, segments, behaviour traits and initial account holdings.
 *
 * @param book the loan tape the run starts from, as an absolute path once loaded ({@link LoanTape}); empty for none
 */
public record PopulationSpec(int size, String book, double turnoverMonthly, int thinFileGraduationMonths, List<SegmentSpec> segments,
                             BehaviourSpec behaviour, AccountsSpec accounts) {
}
