package org.creditstress.model.engine;

import java.util.SplittableRandom;

/**
 * Derives every random stream of a run from one master seed: a seed per replication, and from it
 * a stream per purpose and chunk of borrowers. Streams depend only on (master seed, replication,
 * purpose name, chunk), never on the number of threads or on the order chunks run in, so results are
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
        long key = purposeSeed(replicationSeed, purpose);
        return new SplittableRandom(mix64(key ^ mix64(0xBF58476D1CE4E5B9L * (chunk + 1L))));
    }

    /** The seed of one purpose within a replication: from the replication seed and the purpose's name. */
    public static long purposeSeed(long replicationSeed, RandomStream purpose) {
        return mix64(replicationSeed ^ purpose.nameKey());
    }

    /**
     * A 64-bit key of a name: FNV-1a over its UTF-8 bytes, then mixed. Depends on the name only,
     * so a stream keyed by name keeps its numbers when other streams are added.
     */
    public static long nameKey(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix64(h);
    }

    public static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
