package org.creditstress.model.borrower;

import java.util.Arrays;

/**
 * The plan entries of one block of account slots (one chunk's borrowers): the entries of
 * {@link AccountTable}'s schedules that lie beyond each slot's current bill, kept in one list per
 * clock value in the order written, and each slot's current row (the sums that stop after its
 * next bill).
 *
 * <p>An entry in list {@code r} is {@code (slot, amount, fee, epoch)}: at the bill when the slot's
 * clock reads {@code r}, the slot's schedule drops by {@code amount} and its plan fee by
 * {@code fee} (negative for a plan that joins). {@link #load} moves the entries of the clock
 * values that stale slots have reached into their rows ({@link #rowAmount}, {@link #rowFee}),
 * adding them in list order, which is the order they were written: each row's float sum is the
 * one a dense ring of rows would hold. Entries of a slot whose plans were removed (its epoch moved
 * on) are dropped when their list is next loaded. Lists keep their order when compacted, so sums
 * stay exact to the bit. A month's load reads only the lists of the clock values its slots
 * reached (usually one or two of the {@code T}), not every open plan.
 *
 * <p>One block belongs to one chunk, and only that chunk's thread touches it.
 */
final class PlanBook implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Heap bytes per entry: slot offset, amount, fee, epoch. */
    static final int BYTES_PER_ENTRY = 4 + 4 + 4 + 2;

    /** First slot of the block and its number of slots. */
    final int first;
    final int slots;
    /** The current row of each slot (offset {@code a - first}): schedule and fee sums. */
    final float[] rowAmount;
    final float[] rowFee;
    /**
     * The row after the current one, for the slots whose clock reads {@code c}, valid while
     * {@code nextVersion[c] == version} ({@link #nextRows}), and for a slot only where its stamp is
     * its clock value's ({@link #next}): a slot without entries there has an older stamp.
     */
    private final float[] nextAmount;
    private final float[] nextFee;
    private final int[] nextStamp;
    private final int[] nextVersion;
    private final int[] stampOf;
    private int stamp;
    /** Changes on every change to the block's plans or clocks. */
    int version;
    /** Clock values that a slot reached (by its bill) since the last {@link #load}. */
    private final boolean[] reached;
    private boolean anyReached;

    /** Per clock value: the entries, in the order written. */
    final int[] count;
    final int[][] slot;
    final float[][] amount;
    final float[][] fee;
    final short[][] epoch;

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
        slot = new int[ringLength][];
        amount = new float[ringLength][];
        fee = new float[ringLength][];
        epoch = new short[ringLength][];
        int capacity = Math.max(4, slots / 4);
        for (int r = 0; r < ringLength; r++) {
            slot[r] = new int[capacity];
            amount[r] = new float[capacity];
            fee[r] = new float[capacity];
            epoch[r] = new short[capacity];
        }
    }

    /** Appends an entry for slot offset {@code o} at clock value {@code r}. */
    void append(int o, int r, float a, float f, short e) {
        int n = count[r];
        if (n == slot[r].length) {
            int capacity = n + (n >> 1) + 16;
            slot[r] = Arrays.copyOf(slot[r], capacity);
            amount[r] = Arrays.copyOf(amount[r], capacity);
            fee[r] = Arrays.copyOf(fee[r], capacity);
            epoch[r] = Arrays.copyOf(epoch[r], capacity);
        }
        slot[r][n] = o;
        amount[r][n] = a;
        fee[r][n] = f;
        epoch[r][n] = e;
        count[r] = n + 1;
        version++;
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
                int[] s = slot[r];
                float[] am = amount[r];
                float[] fe = fee[r];
                short[] ep = epoch[r];
                int kept = 0;
                for (int e = 0, n = count[r]; e < n; e++) {
                    int o = s[e];
                    int a = base + o;
                    if (ep[e] != planEpoch[a]) {
                        continue;
                    }
                    if (cycle[a] == r) {
                        rowAmount[o] += am[e];
                        if (fe[e] != 0f) {
                            rowFee[o] += fe[e];
                        }
                        continue;
                    }
                    if (kept != e) {
                        s[kept] = o;
                        am[kept] = am[e];
                        fe[kept] = fe[e];
                        ep[kept] = ep[e];
                    }
                    kept++;
                }
                count[r] = kept;
            }
            anyReached = false;
        }
        Arrays.fill(stale, first, first + slots, false);
    }

    /**
     * Makes {@link #nextAmount} and {@link #nextFee} hold, for every slot whose clock reads
     * {@code c}, the entries of clock value {@code c + 1} (summed in list order).
     */
    void nextRows(int c, byte[] cycle, short[] planEpoch, int ringLength) {
        if (nextVersion[c] == version) {
            return;
        }
        int base = first;
        int now = ++stamp;
        stampOf[c] = now;
        int r = c + 1 == ringLength ? 0 : c + 1;
        int[] s = slot[r];
        float[] am = amount[r];
        float[] fe = fee[r];
        short[] ep = epoch[r];
        for (int e = 0, n = count[r]; e < n; e++) {
            int o = s[e];
            int a = base + o;
            if (cycle[a] == c && ep[e] == planEpoch[a]) {
                if (nextStamp[o] != now) {
                    nextStamp[o] = now;
                    nextAmount[o] = 0f;
                    nextFee[o] = 0f;
                }
                nextAmount[o] += am[e];
                if (fe[e] != 0f) {
                    nextFee[o] += fe[e];
                }
            }
        }
        nextVersion[c] = version;
    }

    /** Slot offset {@code o}'s next row as {@link #nextRows} found it for its clock value {@code c}: {@code [0]} amount, {@code [1]} fee. */
    float nextAmount(int o, int c) {
        return nextStamp[o] == stampOf[c] ? nextAmount[o] : 0f;
    }

    float nextFee(int o, int c) {
        return nextStamp[o] == stampOf[c] ? nextFee[o] : 0f;
    }

    /** The entries of slot offset {@code o} (epoch {@code e}) at clock value {@code r}, summed in list order: {amount, fee}. */
    float[] sumAt(int o, short e, int r) {
        float s = 0f;
        float f = 0f;
        for (int i = 0, n = count[r]; i < n; i++) {
            if (slot[r][i] == o && epoch[r][i] == e) {
                s += amount[r][i];
                if (fee[r][i] != 0f) {
                    f += fee[r][i];
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
    void scale(int o, short e, float k) {
        short dead = (short) (e - 1);
        for (int r = 0; r < count.length; r++) {
            int firstOfRow = -1;
            for (int i = 0, n = count[r]; i < n; i++) {
                if (slot[r][i] != o || epoch[r][i] != e) {
                    continue;
                }
                if (firstOfRow < 0) {
                    firstOfRow = i;
                } else {
                    amount[r][firstOfRow] += amount[r][i];
                    if (fee[r][i] != 0f) {
                        fee[r][firstOfRow] += fee[r][i];
                    }
                    epoch[r][i] = dead;
                }
            }
            if (firstOfRow >= 0) {
                amount[r][firstOfRow] *= k;
                fee[r][firstOfRow] *= k;
            }
        }
        rowAmount[o] *= k;
        rowFee[o] *= k;
        version++;
    }

    /** Entries held (entries of removed plans not yet dropped included), and the capacity held for them. */
    long[] entries() {
        long n = 0;
        long capacity = 0;
        for (int r = 0; r < count.length; r++) {
            n += count[r];
            capacity += slot[r].length;
        }
        return new long[] {n, capacity};
    }
}
