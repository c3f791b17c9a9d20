package org.creditstress.model.borrower;

/**
 * Every account slot as parallel primitive arrays. Each borrower has a fixed range of slots
 * ({@code BorrowerTable.firstAccount}); a slot is {@link #EMPTY} until the borrower applies to a
 * lender for a product, {@link #NOT_OPEN} while the application is declined (it may re-apply),
 * {@link #OPEN} when approved and {@link #WRITTEN_OFF} when written off. An account the holder
 * closes, or the accounts of a borrower who leaves the market, become {@link #EMPTY} again and
 * the slot can hold a new relationship.
 *
 * <p>The receivable of an account is {@code statement + pending + pool + arrears}:
 * <ul>
 *   <li>purchase line: {@code pending} are this cycle's interest-free purchases, billed at the
 *       end of the month as next month's {@code statement}; {@code pool} is the instalment
 *       principal, amortising 1/n a month;</li>
 *   <li>cash loan: {@code pool} is the principal outstanding, repaid by a fixed {@code payment}
 *       over {@code termLeft} months;</li>
 *   <li>both: {@code arrears} is what fell due and was not paid (with penalty interest).</li>
 * </ul>
 */
public final class AccountTable {
    public static final byte NOT_OPEN = 0;
    public static final byte OPEN = 1;
    public static final byte WRITTEN_OFF = 2;
    public static final byte EMPTY = 3;

    /** Flag: the account has been restructured. */
    public static final byte RESTRUCTURED = 1;
    /** Flag: the lender has sued (a court case exists). */
    public static final byte SUED = 2;
    /** Flag: the account has been 3+ months past due at some point (for vintage curves). */
    public static final byte EVER_M3 = 4;
    /** Flag: an application not yet underwritten (made this month). */
    public static final byte NEW_APPLICATION = 8;

    public final int size;
    public final int[] borrower;
    public final byte[] lender;
    /** Index of the product in the scenario's product list. */
    public final byte[] product;
    /** True for a cash loan, false for a purchase line (copied from the product for speed). */
    public final boolean[] cashLoan;
    public final byte[] status;
    /** Months past due: 0 current, 1 = M1 (1-30 DPD), 2 = M2, 3 = M3, 4+ = M4+. */
    public final byte[] monthsPastDue;
    public final byte[] termLeft;
    /** Bit flags: {@link #RESTRUCTURED}, {@link #SUED}, {@link #EVER_M3}. */
    public final byte[] flags;
    /** Times restructured. */
    public final byte[] restructurings;
    /** Months left without a bill after restructuring. */
    public final byte[] graceLeft;
    /** Months paid in full since the last delinquency or limit increase (capped at 127). */
    public final byte[] goodMonths;
    /** Bucket at the end of last month (for roll rates); 5 = not open. */
    public final byte[] lastBucket;
    /** Month the account was opened (negative in burn-in; Short.MIN_VALUE if never). */
    public final short[] openedMonth;
    /** Credit limit (line) or maximum loan (cash loan), yuan. */
    public final float[] limit;
    /** Fixed monthly instalment of the cash loan, yuan. */
    public final double[] payment;
    public final double[] statement;
    public final double[] pending;
    public final double[] pool;
    public final double[] arrears;

    public AccountTable(int size) {
        this.size = size;
        borrower = new int[size];
        lender = new byte[size];
        product = new byte[size];
        cashLoan = new boolean[size];
        status = new byte[size];
        monthsPastDue = new byte[size];
        termLeft = new byte[size];
        flags = new byte[size];
        restructurings = new byte[size];
        graceLeft = new byte[size];
        goodMonths = new byte[size];
        lastBucket = new byte[size];
        openedMonth = new short[size];
        java.util.Arrays.fill(status, EMPTY);
        java.util.Arrays.fill(lastBucket, (byte) 5);
        java.util.Arrays.fill(openedMonth, Short.MIN_VALUE);
        limit = new float[size];
        payment = new double[size];
        statement = new double[size];
        pending = new double[size];
        pool = new double[size];
        arrears = new double[size];
    }

    /** Makes slot {@code a} empty: no lender, no balance, no history. */
    public void clear(int a) {
        status[a] = EMPTY;
        monthsPastDue[a] = 0;
        termLeft[a] = 0;
        flags[a] = 0;
        restructurings[a] = 0;
        graceLeft[a] = 0;
        goodMonths[a] = 0;
        lastBucket[a] = 5;
        openedMonth[a] = Short.MIN_VALUE;
        limit[a] = 0f;
        payment[a] = 0.0;
        statement[a] = 0.0;
        pending[a] = 0.0;
        pool[a] = 0.0;
        arrears[a] = 0.0;
    }

    /** Receivable of account {@code a}, yuan. */
    public double balance(int a) {
        return statement[a] + pending[a] + pool[a] + arrears[a];
    }

    public boolean has(int a, byte flag) {
        return (flags[a] & flag) != 0;
    }

    public void set(int a, byte flag) {
        flags[a] |= flag;
    }

    public boolean open(int a) {
        return status[a] == OPEN;
    }

    /** Open and current: may be used for new purchases or a new loan. */
    public boolean usable(int a) {
        return status[a] == OPEN && monthsPastDue[a] == 0;
    }

    /** Purchase credit still available on a line, yuan. */
    public double available(int a) {
        return Math.max(0.0, limit[a] - balance(a));
    }

    /** Delinquency bucket 0..4 (M0, M1, M2, M3, M4+). */
    public int bucket(int a) {
        return Math.min(monthsPastDue[a], 4);
    }

    /** Heap bytes per account held by this table. */
    public static int bytesPerAccount() {
        return 4 + 1 + 1 + 1 + 1 + 1 + 1 + 4 + 8 * 5 + 1 + 1 + 1 + 1 + 1 + 2;
    }
}
