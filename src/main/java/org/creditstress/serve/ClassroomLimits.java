package org.creditstress.serve;

/**
 * What the classroom page allows, so that every run is quick and one class cannot exhaust the
 * machine: population, replications and months of a run, the size of a request, how many runs are
 * open and how many step at once. Checked after the scenario loader has accepted a setting; a
 * setting beyond a limit gets one line naming the key, like a loader error.
 *
 * @param maxBorrowers        largest {@code population.size}
 * @param maxReplications     most {@code replications}
 * @param maxMonths           most {@code horizon.months}
 * @param maxBurnInMonths     most {@code horizon.burn_in_months}
 * @param defaultBorrowers    the page's starting {@code population.size}
 * @param defaultReplications the page's starting {@code replications}
 * @param maxBodyBytes        largest request body
 * @param maxSessions         runs open at once (set up and not reset); the least recently used idle
 *                            one is closed to make room
 * @param maxRunning          runs stepping at once (the rest wait for a free worker)
 * @param idleMinutes         a run nobody has touched or watched for this long is closed
 */
public record ClassroomLimits(int maxBorrowers, int maxReplications, int maxMonths, int maxBurnInMonths,
                              int defaultBorrowers, int defaultReplications, int maxBodyBytes, int maxSessions,
                              int maxRunning, int idleMinutes) {

    /**
     * The defaults: 20,000 borrowers, 20 replications, 120 months, 240 burn-in months (the
     * over-borrowing pair's, which the China scenarios run once with their shared start: about
     * 5 million borrower-months at the largest size, seconds; 5,000 borrowers and 10
     * replications to start: a 36-month run of two settings takes a few seconds on two cores), 64 KiB
     * requests, 4 open runs of which 2 step at once, closed after 30 idle minutes.
     */
    public static ClassroomLimits standard() {
        return new ClassroomLimits(20_000, 20, 120, 240, 5_000, 10, 64 * 1024, 4, 2, 30);
    }
}
