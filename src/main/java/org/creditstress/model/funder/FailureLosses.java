package org.creditstress.model.funder;

/**
 * When a lender fails, each funder with a line to it writes off {@code failure_haircut} of what
 * it has drawn: the expected loss in the run-off of the failed lender's portfolio.
 */
public final class FailureLosses {
    private FailureLosses() {
    }

    public static void bear(Arrangement a, double haircut) {
        a.funder.bear(haircut * a.drawn);
    }
}
