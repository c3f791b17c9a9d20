package org.creditstress.model.borrower;

/**
 * Allocates the columns of a table (one primitive array per field, {@link BorrowerTable},
 * {@link AccountTable}) each a little longer than the table, by a different number of cache lines,
 * so that the same row of different columns falls in different cache sets.
 *
 * <p>Why: the columns are allocated one after another. When a column's length in bytes is a
 * multiple of 4 KB (at 1M borrowers, 4M account slots of 8 bytes are 32 MB), row {@code a} of
 * every column of that width sits at the same offset modulo 4 KB, so in the same set of the L1 and
 * L2 caches, and a loop that touches twenty or thirty columns at row {@code a} evicts its own lines
 * before it has used them. A pad of 64 bytes times a counter that grows with every column staggers
 * the rows across sets. The padding is never read or written by the model (no loop uses a column's
 * length) and costs a few kilobytes per table. On 24 double columns of 4M rows, one read and write
 * per column and row, padded columns took 21-22 ns per row against 28 unpadded (a stand-alone
 * loop, parallel collector; docs/BENCHMARKS.md).
 */
final class Columns {
    private int next;

    /** Bytes of padding for the next column: 64 times 1, 2, ... 64, then again. */
    private int pad() {
        return 64 * (1 + next++ % 64);
    }

    byte[] bytes(int n) {
        return new byte[n + pad()];
    }

    boolean[] booleans(int n) {
        return new boolean[n + pad()];
    }

    short[] shorts(int n) {
        return new short[n + pad() / Short.BYTES];
    }

    int[] ints(int n) {
        return new int[n + pad() / Integer.BYTES];
    }

    float[] floats(int n) {
        return new float[n + pad() / Float.BYTES];
    }

    double[] doubles(int n) {
        return new double[n + pad() / Double.BYTES];
    }
}
