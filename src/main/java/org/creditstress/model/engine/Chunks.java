package org.creditstress.model.engine;

import java.util.SplittableRandom;

/**
 * The borrowers split into fixed-size chunks, each with its own random streams. The chunk size is
 * a constant, not a function of the thread count: that is what makes output identical for any
 * number of threads.
 */
public final class Chunks implements java.io.Serializable {
    /** Borrowers per chunk: large enough to amortise scheduling, small enough to balance two cores. */
    public static final int CHUNK_SIZE = 4096;

    private final int borrowers;
    private final int count;
    /** Not copied with a shared start's book: every copy restarts them before month 1. */
    private transient SplittableRandom[][] streams;

    public Chunks(int borrowers, long replicationSeed) {
        this.borrowers = borrowers;
        this.count = (borrowers + CHUNK_SIZE - 1) / CHUNK_SIZE;
        reseed(replicationSeed);
    }

    /**
     * Starts every stream afresh from {@code replicationSeed}: at month 1 of a replication that
     * shares its starting book with the others ({@link ReplicationSeeds}).
     */
    public void reseed(long replicationSeed) {
        RandomStream[] purposes = RandomStream.values();
        streams = new SplittableRandom[count][purposes.length];
        for (int c = 0; c < count; c++) {
            for (RandomStream p : purposes) {
                streams[c][p.ordinal()] = SeedPlan.stream(replicationSeed, p, c);
            }
        }
    }

    public int count() {
        return count;
    }

    public int from(int chunk) {
        return chunk * CHUNK_SIZE;
    }

    public int to(int chunk) {
        return Math.min(borrowers, (chunk + 1) * CHUNK_SIZE);
    }

    /** The generator of one purpose in one chunk; used by one thread at a time. */
    public SplittableRandom rng(int chunk, RandomStream purpose) {
        return streams[chunk][purpose.ordinal()];
    }
}
