package org.creditstress.model.engine;

import java.util.SplittableRandom;

/**
 * Derives every random stream of a run from one master seed: a seed per replication, and from it
 * a stream per purpose and chunk of borrowers. Streams depend only on (master seed, replication,
 * purpose, chunk), never on the number of threads or on the order chunks run in, so results are
 * identical for any thread count, and replication k can be rerun alone.
 *
 * <p>Seeds are mixed with the 64-bit finaliser of MurmurHash3 (also used by SplittableRandom),
 * so neighbouring indexes give unrelated streams.
 */
public final class SeedPlan {
    private final long masterSeed;

    public SeedPlan(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /** Seed of replication {@code replication} (0-based). */
    public long replicationSeed(int replication) {
        return mix64(masterSeed ^ mix64(0x5851F42D4C957F2DL * (replication + 1L)));
    }

    /** A fresh generator for one purpose and chunk within a replication. */
    public static SplittableRandom stream(long replicationSeed, RandomStream purpose, int chunk) {
        long key = mix64(replicationSeed + 0x9E3779B97F4A7C15L * (purpose.ordinal() + 1L));
        return new SplittableRandom(mix64(key ^ mix64(0xBF58476D1CE4E5B9L * (chunk + 1L))));
    }

    public static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
