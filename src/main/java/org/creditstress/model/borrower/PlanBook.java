package org.creditstress.model.borrower;

import java.util.Arrays;

/**
 * The plan entries of one range of account slots (one chunk's borrowers): the entries of
 * {@link AccountTable}'s schedules that lie beyond each slot's current bill, kept in one list per
 * clock value in the order written, and each slot's current row (the sums that stop after its
 * next bill).
 *
 * <p>An entry in list {@code r} is {@code (slot, amount, fee, epoch)}: at the bill when the slot's
 * clock reads {@code r}, the slot's schedule drops by {@code amount} and its plan fee by
 * {@code fee} (negative for a plan that joins). {@link #load} moves the entries of the clock
 * values that stale slots have reached into their rows ({@link #rowAmount(int)}, {@link #rowFee(int)}),
 * adding them in list order, which is the order they were written: each row's float sum is the
 * one a dense ring of rows would hold. Entries of a slot whose plans were removed (its epoch moved
 * on) are dropped when their list is next loaded. Lists keep their order when compacted, so sums
 * stay exact to the bit. A month's load reads only the lists of the clock values its slots
 * reached (usually one or two of the {@code T}), not every open plan. The lists are chains of
 * blocks from one pool per book, and give back the blocks a load empties: the busiest clock value
 * moves round the {@code T} lists month by month, and lists of their own would each keep the room
 * of their fullest month (about twice the book's entries in all).
 *
 * <p>One book belongs to one chunk, and only that chunk's thread touches it. Every change to a
 * row or a list goes through this class, which keeps {@link #version} for the cached next rows.
 */
final class PlanBook implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Heap bytes per entry: slot offset, amount, fee, epoch. */
    static final int BYTES_PER_ENTRY = 4 + 4 + 4 + 2;

    /** First slot of the block and its number of slots. */
    final int first;
    final int slots;
    /** The current row of each slot (offset {@code a - first}): schedule and fee sums. */
    private final float[] rowAmount;
    private final float[] rowFee;
    /**
     * The row after the current one, for the slots whose clock reads {@code c}, valid while
     * {@code nextVersion[c] == version} ({@link #nextRows}), and for a slot only where its stamp is
     * its clock value's ({@link #nextAmount(int, int)}): a slot without entries there has an older stamp.
     */
    private final float[] nextAmount;
    private final float[] nextFee;
    private final int[] nextStamp;
    private final int[] nextVersion;
    private final int[] stampOf;
    private int stamp;
    /** Changes on every change to the book's plans or clocks. */
    private int version;
    /** Clock values that a slot reached (by its bill) since the last {@link #load}. */
    private final boolean[] reached;
    private boolean anyReached;

    /** Entries per block of the pool. */
    static final int BLOCK = 256;
    private static final int SHIFT = 8;
    /**
     * The entries, in blocks of {@link #BLOCK} drawn from one pool: list {@code r} is the blocks
     * {@code blocks[r][0 .. ]}, its entry {@code e} at {@link #at(int, int)}. A list gives its
     * emptied blocks back when it is loaded, so the pool holds about the book's entries, not each
     * list's largest size.
     */
    private int[] slot;
    private float[] amount;
    private float[] fee;
    private short[] epoch;
    /** Per clock value: entries, and the pool blocks that hold them, in order. */
    private final int[] count;
    private final int[][] blocks;
    private final int[] blockCount;
    /** Blocks of the pool not in any list, and blocks the pool has. */
    private int[] free;
    private int freeCount;
    private int poolBlocks;

    PlanBook(int first, int slots, int ringLength) {
        this.first = first;
        this.slots = slots;
        rowAmount = new float[slots];
        rowFee = new float[slots];
        nextAmount = new float[slots];
        nextFee = new float[slots];
        nextStamp = new int[slots];
        nextVersion = new int[ringLength];
        Arrays.fill(nextVersion, -1);
        stampOf = new int[ringLength];
        reached = new boolean[ringLength];
        count = new int[ringLength];
        blocks = new int[ringLength][4];
        blockCount = new int[ringLength];
        // Room for about 3 entries a slot (13 a borrower of four slots: a burnt-in China book
        // holds about 10.6) and a part-filled block per list; the pool grows if it needs more.
        poolBlocks = Math.max(ringLength, (3 * slots + BLOCK - 1) / BLOCK + ringLength);
        int capacity = poolBlocks * BLOCK;
        slot = new int[capacity];
        amount = new float[capacity];
        fee = new float[capacity];
        epoch = new short[capacity];
        free = new int[poolBlocks];
        for (int b = poolBlocks - 1; b >= 0; b--) {
            free[freeCount++] = b;
        }
    }

    /** Pool index of entry {@code e} of list {@code r}. */
    private int at(int r, int e) {
        return (blocks[r][e >>> SHIFT] << SHIFT) | (e & (BLOCK - 1));
    }

    /** A free block of the pool (the pool grows by half when it has none). */
    private int takeBlock() {
        if (freeCount == 0) {
            int more = Math.max(1, poolBlocks >> 1);
            int capacity = (poolBlocks + more) * BLOCK;
            slot = Arrays.copyOf(slot, capacity);
            amount = Arrays.copyOf(amount, capacity);
            fee = Arrays.copyOf(fee, capacity);
            epoch = Arrays.copyOf(epoch, capacity);
            if (free.length < poolBlocks + more) {
                free = Arrays.copyOf(free, poolBlocks + more);
            }
            for (int b = poolBlocks + more - 1; b >= poolBlocks; b--) {
                free[freeCount++] = b;
            }
            poolBlocks += more;
        }
        return free[--freeCount];
    }

    /** Appends an entry for slot offset {@code o} at clock value {@code r}. */
    void append(int o, int r, float a, float f, short e) {
        int n = count[r];
        if (n == blockCount[r] << SHIFT) {
            if (blockCount[r] == blocks[r].length) {
                blocks[r] = Arrays.copyOf(blocks[r], blocks[r].length * 2);
            }
            blocks[r][blockCount[r]++] = takeBlock();
        }
        int i = at(r, n);
        slot[i] = o;
        amount[i] = a;
        fee[i] = f;
        epoch[i] = e;
        count[r] = n + 1;
        version++;
    }

    /** Slot offset {@code o}'s current row: the amount. */
    float rowAmount(int o) {
        return rowAmount[o];
    }

    /** The same, the fee. */
    float rowFee(int o) {
        return rowFee[o];
    }

    /** Adds an entry of slot offset {@code o}'s current clock value to its row (a plan that joins after this bill). */
    void addToRow(int o, float a, float f) {
        rowAmount[o] += a;
        if (f != 0f) {
            rowFee[o] += f;
        }
        version++;
    }

    /** Sets slot offset {@code o}'s current row (0 when it is billed or its plans are removed). */
    void setRow(int o, float a, float f) {
        rowAmount[o] = a;
        rowFee[o] = f;
        version++;
    }

    /** Changes with every change to the book's rows, lists or clocks (for caches of them). */
    int version() {
        return version;
    }

    /** A slot's clock reached {@code c} by its bill: its row is to be loaded. */
    void reached(int c) {
        reached[c] = true;
        anyReached = true;
        version++;
    }

    /**
     * Loads the lists of the clock values slots reached: an entry whose slot's clock reads its
     * list's value is added to the slot's row and leaves the list, one of a removed plan
     * ({@code planEpoch}) is dropped, the rest stay, in order. Afterwards no slot of the block is
     * {@code stale}.
     */
    void load(byte[] cycle, short[] planEpoch, boolean[] stale) {
        if (anyReached) {
            int base = first;
            for (int r = 0; r < reached.length; r++) {
                if (!reached[r]) {
                    continue;
                }
                reached[r] = false;
                int kept = 0;
                for (int e = 0, n = count[r]; e < n; e++) {
                    int i = at(r, e);
                    int o = slot[i];
                    int a = base + o;
                    if (epoch[i] != planEpoch[a]) {
                        continue;
                    }
                    if (cycle[a] == r) {
                        rowAmount[o] += amount[i];
                        if (fee[i] != 0f) {
                            rowFee[o] += fee[i];
                        }
                        continue;
                    }
                    if (kept != e) {
                        int k = at(r, kept);
                        slot[k] = o;
                        amount[k] = amount[i];
                        fee[k] = fee[i];
                        epoch[k] = epoch[i];
                    }
                    kept++;
                }
                count[r] = kept;
                int keep = (kept + BLOCK - 1) >>> SHIFT;
                while (blockCount[r] > keep) {
                    free[freeCount++] = blocks[r][--blockCount[r]];
                }
            }
            anyReached = false;
        }
        Arrays.fill(stale, first, first + slots, false);
    }

    /**
     * Makes {@link #nextAmount} and {@link #nextFee} hold, for every slot whose clock reads
     * {@code c}, the entries of clock value {@code c + 1} (summed in list order).
     */
    void nextRows(int c, byte[] cycle, short[] planEpoch) {
        if (nextVersion[c] == version) {
            return;
        }
        int base = first;
        int now = ++stamp;
        stampOf[c] = now;
        int r = c + 1 == count.length ? 0 : c + 1;
        for (int e = 0, n = count[r]; e < n; e++) {
            int i = at(r, e);
            int o = slot[i];
            int a = base + o;
            if (cycle[a] == c && epoch[i] == planEpoch[a]) {
                if (nextStamp[o] != now) {
                    nextStamp[o] = now;
                    nextAmount[o] = 0f;
                    nextFee[o] = 0f;
                }
                nextAmount[o] += amount[i];
                if (fee[i] != 0f) {
                    nextFee[o] += fee[i];
                }
            }
        }
        nextVersion[c] = version;
    }

    /** Slot offset {@code o}'s row after its current one, as {@link #nextRows} found it for its clock value {@code c}: the amount. */
    float nextAmount(int o, int c) {
        return nextStamp[o] == stampOf[c] ? nextAmount[o] : 0f;
    }

    /** The same, the fee. */
    float nextFee(int o, int c) {
        return nextStamp[o] == stampOf[c] ? nextFee[o] : 0f;
    }

    /** The entries of slot offset {@code o} (epoch {@code e}) at clock value {@code r}, summed in list order: {amount, fee}. */
    float[] sumAt(int o, short ep, int r) {
        float s = 0f;
        float f = 0f;
        for (int e = 0, n = count[r]; e < n; e++) {
            int i = at(r, e);
            if (slot[i] == o && epoch[i] == ep) {
                s += amount[i];
                if (fee[i] != 0f) {
                    f += fee[i];
                }
            }
        }
        return new float[] {s, f};
    }

    /**
     * Scales every entry of slot offset {@code o} (epoch {@code e}) by {@code k}: each list's
     * entries of the slot are first added up (in list order, into the first of them; the others
     * are dropped by giving them a stale epoch), so that the scaled value is the sum times
     * {@code k}, as in a dense ring; the slot's row too.
     */
    void scale(int o, short ep, float k) {
        short dead = (short) (ep - 1);
        for (int r = 0; r < count.length; r++) {
            int firstOfRow = -1;
            for (int e = 0, n = count[r]; e < n; e++) {
                int i = at(r, e);
                if (slot[i] != o || epoch[i] != ep) {
                    continue;
                }
                if (firstOfRow < 0) {
                    firstOfRow = i;
                } else {
                    amount[firstOfRow] += amount[i];
                    if (fee[i] != 0f) {
                        fee[firstOfRow] += fee[i];
                    }
                    epoch[i] = dead;
                }
            }
            if (firstOfRow >= 0) {
                amount[firstOfRow] *= k;
                fee[firstOfRow] *= k;
            }
        }
        rowAmount[o] *= k;
        rowFee[o] *= k;
        version++;
    }

    /** Entries held (entries of removed plans not yet dropped included), and the pool's room for them. */
    long[] entries() {
        long n = 0;
        for (int c : count) {
            n += c;
        }
        return new long[] {n, (long) poolBlocks * BLOCK};
    }

    /**
     * The book as dense rings, for the book export: {@code rows[r][2 o]} (amount) and
     * {@code rows[r][2 o + 1]} (fee) become slot offset {@code o}'s entries at clock value
     * {@code r}, its current row at its own clock value, the rest summed in list order.
     */
    void expandInto(float[][] rows, byte[] cycle, short[] planEpoch) {
        for (float[] row : rows) {
            Arrays.fill(row, 0f);
        }
        for (int o = 0; o < slots; o++) {
            int c = cycle[first + o];
            rows[c][2 * o] = rowAmount[o];
            rows[c][2 * o + 1] = rowFee[o];
        }
        for (int r = 0; r < count.length; r++) {
            for (int e = 0, n = count[r]; e < n; e++) {
                int i = at(r, e);
                int o = slot[i];
                if (epoch[i] != planEpoch[first + o]) {
                    continue;
                }
                rows[r][2 * o] += amount[i];
                if (fee[i] != 0f) {
                    rows[r][2 * o + 1] += fee[i];
                }
            }
        }
    }
}
