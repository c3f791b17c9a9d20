package org.creditstress.model.borrower;

import java.util.Arrays;

/**
 * Per chunk, the open accounts past due this month, in ascending slot order: the only accounts
 * that collection, restructuring, litigation and write-off can act on (each of their rules needs
 * {@code months_past_due >= 1}; the schema's minimum for {@code restructuring.from_months},
 * {@code litigation.from_months} and {@code write_off_months} is 1). Most accounts are current, so
 * those phases visit a few percent of the slots instead of all of them.
 *
 * <p>The rule that keeps the list right: only repayment makes an account past due (phase 40), and
 * no phase from underwriting (50) to the courts (70) does; collection, restructuring and the courts
 * only make accounts current again, write-off closes them and underwriting opens current ones. So
 * the list taken after repayment holds every account that is open and past due at any later point
 * of that month's lender phases; it may also hold accounts that were cured since, which is why each
 * phase still tests its own condition on every listed account. The order is the slot order of a
 * full scan, so the sums the phases make are the same, to the last bit, as with a loop over every
 * slot.
 *
 * <p>Repayment builds the list as it goes ({@link #restart} before its first borrower, then
 * {@link #addOpen} after each borrower's bills and payments), while the account bytes are in
 * cache: the lender phases then find it made and no phase scans the slots for it. A month whose
 * list repayment did not build (a model run without it) is collected by a scan on the first call.
 */
public final class PastDueAccounts implements java.io.Serializable {
    private final BorrowerTable borrowers;
    private final AccountTable accounts;
    private final int[][] slots;
    private final int[] count;
    /** The month each chunk's list was collected in. */
    private final int[] collectedIn;
    /** Per chunk, whether slots were added out of ascending order (borrowers stepped out of order): sorted on read. */
    private final boolean[] unsorted;

    public PastDueAccounts(int chunks, BorrowerTable borrowers, AccountTable accounts) {
        this.borrowers = borrowers;
        this.accounts = accounts;
        slots = new int[chunks][16];
        count = new int[chunks];
        collectedIn = new int[chunks];
        unsorted = new boolean[chunks];
        Arrays.fill(collectedIn, Integer.MIN_VALUE);
    }

    /**
     * Empties chunk {@code c}'s list and marks it collected for {@code month}: the caller then adds
     * every borrower of the chunk with {@link #addOpen}, after the last change that month that
     * can make an account past due (repayment).
     */
    public void restart(int c, int month) {
        count[c] = 0;
        unsorted[c] = false;
        collectedIn[c] = month;
    }

    /**
     * Adds one borrower's open, past-due accounts to chunk {@code c}'s list: its open slots are
     * {@code open} (its mask, {@link AccountTable#openSlots}) from slot {@code a0}.
     */
    public void addOpen(int c, int a0, int open) {
        for (int m = open; m != 0; m &= m - 1) {
            addIfPastDue(c, a0 + Integer.numberOfTrailingZeros(m));
        }
    }

    /** Adds open account {@code a} to chunk {@code c}'s list if it is past due (the list's one test). */
    void addIfPastDue(int c, int a) {
        if (accounts.monthsPastDue[a] != 0) {
            add(c, a);
        }
    }

    private void add(int c, int a) {
        int[] list = slots[c];
        int n = count[c];
        if (n == list.length) {
            list = Arrays.copyOf(list, 2 * n);
            slots[c] = list;
        }
        if (n > 0 && list[n - 1] > a) {
            unsorted[c] = true;
        }
        list[n] = a;
        count[c] = n + 1;
    }

    /**
     * The open, past-due accounts of borrowers {@code from..to-1} (chunk {@code c}) in month
     * {@code month}, collected on the first call in that month; read the first {@link #count(int)}.
     */
    public int[] of(int c, int from, int to, int month) {
        if (collectedIn[c] != month) {
            collect(c, from, to);
            collectedIn[c] = month;
        } else if (unsorted[c]) {
            Arrays.sort(slots[c], 0, count[c]);
            unsorted[c] = false;
        }
        return slots[c];
    }

    /** How many accounts the list of chunk {@code c} holds (after {@link #of}). */
    public int count(int c) {
        return count[c];
    }

    private void collect(int c, int from, int to) {
        count[c] = 0;
        unsorted[c] = false;
        for (int i = from; i < to; i++) {
            addOpen(c, borrowers.firstAccount[i], accounts.openSlots(i));
        }
    }
}
