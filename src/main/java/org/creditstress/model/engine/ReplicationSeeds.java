package org.creditstress.model.engine;

/**
 * The seeds a replication draws its random numbers from: one for the burn-in months (month 0 and
 * below), which build the starting book, and one for the recorded months (1 and after).
 *
 * <p>Normally both are the replication's own seed. With a shared start
 * ({@code horizon.shared_start}) every replication builds its starting book from the same seed,
 * replication 0's, and draws its own numbers only from month 1: replications then start from the
 * identical book and differ only in the future path, as a stress test of today's portfolio does.
 *
 * <p>Counter-based draws ({@link CounterRandom}) pick the seed by the month they are keyed by; the
 * chunks' sequential streams ({@link Chunks}) restart from the replication's seed before month 1
 * in every replication of a shared start (replication 0's too, so that a copy of the book and the
 * replication that built it run alike).
 */
public final class ReplicationSeeds {
    private final long start;
    private final long recorded;
    private final boolean shared;

    private ReplicationSeeds(long start, long recorded, boolean shared) {
        this.start = start;
        this.recorded = recorded;
        this.shared = shared;
    }

    /** Both phases on one seed: the replication's own. */
    public static ReplicationSeeds of(long replicationSeed) {
        return new ReplicationSeeds(replicationSeed, replicationSeed, false);
    }

    /** The starting book from {@code startSeed}, the recorded months from {@code replicationSeed}. */
    public static ReplicationSeeds sharedStart(long startSeed, long replicationSeed) {
        return new ReplicationSeeds(startSeed, replicationSeed, true);
    }

    /** Seed of the burn-in months and of the market as built before them. */
    public long start() {
        return start;
    }

    /** Seed of the recorded months: the replication's own. */
    public long recorded() {
        return recorded;
    }

    /** The seed of draws keyed by month {@code month}. */
    public long forMonth(int month) {
        return month <= 0 ? start : recorded;
    }

    /**
     * A generator for one borrower's draws of one month for {@code purpose} (a newcomer's traits,
     * a new stage of life), seeded by (replication, purpose, borrower, month): independent of
     * other borrowers and of the thread count.
     */
    public java.util.SplittableRandom forBorrowerMonth(RandomStream purpose, int borrower, int month) {
        return new java.util.SplittableRandom(SeedPlan.mix64(SeedPlan.purposeSeed(forMonth(month), purpose)
                ^ SeedPlan.mix64(borrower * 0xBF58476D1CE4E5B9L + month * 0x94D049BB133111EBL)));
    }

    /** Whether the starting book is shared: the chunks' streams restart before month 1. */
    public boolean shared() {
        return shared;
    }
}
