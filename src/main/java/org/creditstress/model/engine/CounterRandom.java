package org.creditstress.model.engine;

/**
 * Counter-based random numbers: a draw is a hash of (purpose seed, account, month), not the next
 * number of a stream. Used where only a few accounts need a draw in a month (re-applications,
 * collection cures, restructuring offers): no account's draw depends on how many draws other
 * accounts took, so one lender's decisions never shift another's random numbers (common random
 * numbers), and accounts that need no draw cost nothing.
 */
public final class CounterRandom implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final ReplicationSeeds seeds;
    private final RandomStream purpose;
    private final transient long startSeed;
    private final transient long recordedSeed;

    /** Draws for {@code purpose}: keyed by the starting book's seed in burn-in months, by the replication's after. */
    public CounterRandom(ReplicationSeeds seeds, RandomStream purpose) {
        this.seeds = seeds;
        this.purpose = purpose;
        this.startSeed = key(seeds.start(), purpose);
        this.recordedSeed = key(seeds.recorded(), purpose);
    }

    /** A copy of a replication ({@code model.SharedStart}) draws from the seeds it was given. */
    private Object readResolve() {
        return new CounterRandom(seeds, purpose);
    }

    private static long key(long seed, RandomStream purpose) {
        return SeedPlan.mix64(SeedPlan.purposeSeed(seed, purpose) + 0x9E3779B97F4A7C15L);
    }

    /** A uniform draw in [0, 1) for (account, month, slot). */
    public double uniform(int account, int month, int slot) {
        long seed = month <= 0 ? startSeed : recordedSeed;
        long h = SeedPlan.mix64(seed ^ SeedPlan.mix64(account * 0xBF58476D1CE4E5B9L + month * 0x94D049BB133111EBL + slot));
        return (h >>> 11) * 0x1.0p-53;
    }

    /** A standard normal draw for (account, month, slot), by Box-Muller. */
    public double gaussian(int account, int month, int slot) {
        double u1 = uniform(account, month, 2 * slot + 1000);
        double u2 = uniform(account, month, 2 * slot + 1001);
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
