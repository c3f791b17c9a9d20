package org.creditstress.model.borrower;

/**
 * Every account slot as parallel primitive arrays. Each borrower has a fixed range of slots
 * ({@code BorrowerTable.firstAccount}); a slot is {@link #EMPTY} until the borrower applies to a
 * lender for a product, {@link #NOT_OPEN} while the application is declined (it may re-apply),
 * {@link #OPEN} when approved and {@link #WRITTEN_OFF} when written off. An account the holder
 * closes, or the accounts of a borrower who leaves the market, become {@link #EMPTY} again and
 * the slot can hold a new relationship.
 *
 * <p>The receivable of an account is {@code statement + pending + revolving + pool + arrears}:
 * <ul>
 *   <li>purchase line: {@code pending} are this cycle's interest-free purchases, billed at the
 *       end of the month as next month's {@code statement}; {@code revolving} is what the holder
 *       chose not to repay of past statements (only on products with a minimum payment), charged
 *       interest; {@code pool} is the principal of the open instalment plans;</li>
 *   <li>cash loan: {@code pool} is the principal of the open loans, {@code pending} the loans
 *       drawn this cycle (they join the pool, and bear interest, from the next);</li>
 *   <li>both: {@code arrears} is what fell due and was not paid (with penalty interest).</li>
 * </ul>
 *
 * <p><b>Schedules.</b> Instalment plans and cash loans are kept exactly, per plan, without an
 * object per plan. Each account has its own billing clock ({@code cycle}, counted modulo the
 * ring length {@code T}; it stops while the account is in a grace period) and two rings of
 * {@code T} entries: the monthly principal (line) or fixed payment (loan) and the monthly fee
 * that <i>stop</i> after the bill at a given clock value. {@code schedule} and {@code planFee} are
 * the sums over the open plans, billed every cycle. A plan of {@code n} payments taken when the
 * clock reads {@code c} writes a negative entry at {@code c} (it joins the schedule after this
 * cycle's bill, so its first payment is next cycle's) and a positive one at {@code c + n} (it
 * leaves after its n-th payment), which is why {@code T} is the longest term plus one.
 * {@code termLeft} counts the bills to the last payment of any plan; that bill takes whatever
 * principal is left, so rounding never leaves a residue. The rings are {@code float} (4 bytes;
 * a plan's amounts are rounded to float once and the same value is added and removed).
 */
public final class AccountTable implements java.io.Serializable {
    public static final byte NOT_OPEN = 0;
    public static final byte OPEN = 1;
    public static final byte WRITTEN_OFF = 2;
    public static final byte EMPTY = 3;

    /** Flag: the account has been restructured. */
    public static final byte RESTRUCTURED = 1;
    /** Flag: the lender has sued (a court case was filed; the flag stays after the case ends). */
    public static final byte SUED = 2;
    /** Flag: the account has been 3+ months past due at some point (for vintage curves). */
    public static final byte EVER_M3 = 4;
    /** Flag: an application not yet underwritten (made this month). */
    public static final byte NEW_APPLICATION = 8;
    /**
     * Flag: the lender has cut the undrawn limit because the behaviour score was bad; set until the
     * score is below the cut threshold again (one cut per bad spell).
     */
    public static final byte BEHAVIOUR_CUT = 16;
    /** Flag: the account's court case is waiting or in court (filed, not yet withdrawn or enforced). */
    public static final byte IN_COURT = 32;

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
    /**
     * Bit flags: {@link #RESTRUCTURED}, {@link #SUED}, {@link #EVER_M3}, {@link #NEW_APPLICATION},
     * {@link #BEHAVIOUR_CUT}, {@link #IN_COURT}.
     */
    public final byte[] flags;
    /** Times restructured. */
    public final byte[] restructurings;
    /** Months left without a bill after restructuring. */
    public final byte[] graceLeft;
    /**
     * Months paid in full since the last delinquency or limit increase (capped at 127); once the
     * account is written off, months since the write-off (for the bureau's record window).
     */
    public final byte[] goodMonths;
    /** Bucket at the end of last month (for roll rates); 5 = not open. */
    public final byte[] lastBucket;
    /** Month the account was opened (negative in burn-in; Short.MIN_VALUE if never). */
    public final short[] openedMonth;
    /** The lender's score at approval (higher is riskier), for measuring its ranking power. */
    public final float[] score;
    /** Credit limit (line) or maximum loan (cash loan), yuan. */
    public final float[] limit;
    /**
     * Scheduled monthly amount of the open plans, yuan: the principal of the instalment plans
     * (line) or the fixed payments of the loans (cash loan).
     */
    public final double[] schedule;
    /** Monthly fee of the open instalment plans (flat, on their original principal), yuan. */
    public final double[] planFee;
    /** The account's billing clock modulo the ring length (see the class comment). */
    public final byte[] cycle;
    /**
     * {@code ring[k][2a]}: schedule amount, {@code ring[k][2a + 1]}: fee amount, that stop after
     * the bill at clock {@code k} (side by side: one cache line holds both).
     */
    private final float[][] ring;
    public final double[] statement;
    public final double[] pending;
    /** Revolving balance carried from past statements, yuan (products with a minimum payment). */
    public final double[] revolving;
    public final double[] pool;
    public final double[] arrears;

    /** A table of {@code size} slots whose plans last at most 24 months. */
    public AccountTable(int size) {
        this(size, 25);
    }

    /**
     * @param ringLength the longest plan or loan term, in months, plus one (at least 2)
     */
    public AccountTable(int size, int ringLength) {
        if (ringLength < 2 || ringLength > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("ring length must be 2..127, got " + ringLength);
        }
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
        score = new float[size];
        java.util.Arrays.fill(status, EMPTY);
        java.util.Arrays.fill(lastBucket, (byte) 5);
        java.util.Arrays.fill(openedMonth, Short.MIN_VALUE);
        limit = new float[size];
        schedule = new double[size];
        planFee = new double[size];
        cycle = new byte[size];
        ring = new float[ringLength][2 * size];
        statement = new double[size];
        pending = new double[size];
        revolving = new double[size];
        pool = new double[size];
        arrears = new double[size];
    }

    /**
     * Makes slot {@code a} empty: no lender, no balance, no history. Its plans are removed by
     * {@link #clearSchedule}, which clears the ring rows that its {@code termLeft} says are in use,
     * so {@code termLeft} is left for it to read.
     */
    public void clear(int a) {
        status[a] = EMPTY;
        monthsPastDue[a] = 0;
        flags[a] = 0;
        restructurings[a] = 0;
        graceLeft[a] = 0;
        goodMonths[a] = 0;
        lastBucket[a] = 5;
        openedMonth[a] = Short.MIN_VALUE;
        score[a] = 0f;
        limit[a] = 0f;
        clearSchedule(a);
        statement[a] = 0.0;
        pending[a] = 0.0;
        revolving[a] = 0.0;
        pool[a] = 0.0;
        arrears[a] = 0.0;
    }

    /**
     * Adds a plan to account {@code a}: {@code n} payments of {@code perMonth} (principal, or the
     * loan's fixed payment) and {@code feePerMonth}, the first at the account's next bill, or
     * {@code delay} bills later. The caller adds the principal to {@code pool}.
     */
    public void addPlan(int a, double perMonth, double feePerMonth, int n, int delay) {
        int start = planStart(a, n, delay);
        int end = wrap(start + n, ring.length);
        float amount = (float) perMonth;
        float fee = (float) feePerMonth;
        float[] first = ring[start];
        float[] last = ring[end];
        first[2 * a] -= amount;
        last[2 * a] += amount;
        if (fee != 0f) {
            first[2 * a + 1] -= fee;
            last[2 * a + 1] += fee;
        }
        countBills(a, n + delay + 1);
    }

    /**
     * {@link #addPlan(int, double, double, int, int)} whose ring entries are queued in {@code later}
     * instead of written; {@link #write(PlanWrites)} writes them. Until then the ring lacks them, so
     * the caller writes the queue before anything reads or clears account {@code a}'s plans
     * ({@link #advance}, {@link #aheadInto}, {@link #clearSchedule} and the rest); the schedule and
     * {@code termLeft} are up to date at once. A full queue is written first.
     */
    public void addPlan(int a, double perMonth, double feePerMonth, int n, int delay, PlanWrites later) {
        int start = planStart(a, n, delay);
        int end = wrap(start + n, ring.length);
        float amount = (float) perMonth;
        float fee = (float) feePerMonth;
        if (later.count > PlanWrites.CAPACITY - 4) {
            write(later);
        }
        // x - y is x + (-y) in floating point: the queued sums are the direct ones, to the last bit.
        later.add(start, 2 * a, -amount);
        later.add(end, 2 * a, amount);
        if (fee != 0f) {
            later.add(start, 2 * a + 1, -fee);
            later.add(end, 2 * a + 1, fee);
        }
        countBills(a, n + delay + 1);
    }

    /**
     * Writes the ring entries queued in {@code queue}, in the order they were queued (so that each
     * entry gets the same additions in the same order as written one by one), and empties it.
     */
    public void write(PlanWrites queue) {
        float[][] ring = this.ring;
        for (int k = 0; k < queue.count; k++) {
            ring[queue.row[k]][queue.column[k]] += queue.value[k];
        }
        queue.count = 0;
    }

    /** Checks that a plan of {@code n} payments after {@code delay} fits the ring; returns its start row. */
    private int planStart(int a, int n, int delay) {
        int T = ring.length;
        if (n < 1 || delay < 0 || n + delay >= T) {
            throw new IllegalArgumentException("plan of " + n + " months after " + delay + " does not fit a ring of " + T);
        }
        return wrap(cycle[a] + delay, T);
    }

    /** A plan that joins after the bill at its start and lasts {@code bills - 1} more: termLeft counts that bill too. */
    private void countBills(int a, int bills) {
        if (termLeft[a] < bills) {
            termLeft[a] = (byte) bills;
        }
    }

    /**
     * Ring entries of new plans, queued by {@link #addPlan(int, double, double, int, int, PlanWrites)}
     * and written by {@link #write(PlanWrites)}: one queue per chunk (one thread at a time), empty
     * between its owner's steps. Why: a plan's last entry lies in the ring row of its last month,
     * which nothing else touches that month, so each such write misses the cache. Inside a
     * borrower's step the misses wait one after another; in the short loop of {@code write} the
     * processor keeps many in flight.
     */
    public static final class PlanWrites implements java.io.Serializable {
        /** Entries queued at most (a plan queues up to four): 9 KB. */
        static final int CAPACITY = 1024;
        private final byte[] row = new byte[CAPACITY];
        private final int[] column = new int[CAPACITY];
        private final float[] value = new float[CAPACITY];
        private int count;

        private void add(int r, int c, float v) {
            row[count] = (byte) r;
            column[count] = c;
            value[count] = v;
            count++;
        }
    }

    /**
     * After account {@code a} is billed: the clock moves on one cycle, the plans that had their
     * last payment leave the schedule and plans taken this cycle join it. Returns true when the
     * bill just made was the last of every plan (the caller has billed the remaining principal).
     */
    public boolean advance(int a) {
        if (termLeft[a] == 0) {
            // No plan open and none taken this cycle (a new plan sets termLeft): the rings are empty.
            cycle[a] = (byte) wrap(cycle[a] + 1, ring.length);
            return false;
        }
        int k = cycle[a];
        float[] row = ring[k];
        float s = row[2 * a];
        float f = row[2 * a + 1];
        if (s != 0f || f != 0f) {
            schedule[a] -= s;
            planFee[a] -= f;
            row[2 * a] = 0f;
            row[2 * a + 1] = 0f;
            // What float rounding leaves when plans end (a plan's amounts are at least a cent a month).
            if (Math.abs(schedule[a]) < 1e-6) {
                schedule[a] = 0.0;
            }
            if (Math.abs(planFee[a]) < 1e-6) {
                planFee[a] = 0.0;
            }
        }
        cycle[a] = (byte) wrap(k + 1, ring.length);
        if (termLeft[a] > 0 && --termLeft[a] == 0) {
            schedule[a] = 0.0;
            planFee[a] = 0.0;
            return true;
        }
        return false;
    }

    /**
     * The schedule amount (plan principal, or the loans' fixed payment) and the plan fee of each of
     * the next {@code schedule.length} bills ({@code [0]}: the next bill), with the plans open now:
     * each bill's amount is the last one's less the ring entry of the plans whose last payment that
     * was; 0 once every plan has ended. Reads each ring entry once and none for an account with no
     * plan. Read by the liquidity ladder; changes nothing.
     */
    public void aheadInto(int a, double[] schedule, double[] fee) {
        int n = schedule.length;
        int open = Math.min(n, termLeft[a]);
        double s = this.schedule[a];
        double f = planFee[a];
        int T = ring.length;
        int clock = cycle[a];
        for (int j = 0; j < open; j++) {
            if (j > 0) {
                float[] row = ring[wrap(clock + j - 1, T)];
                s -= row[2 * a];
                f -= row[2 * a + 1];
            }
            schedule[j] = Math.max(0.0, s);
            fee[j] = Math.max(0.0, f);
        }
        for (int j = open; j < n; j++) {
            schedule[j] = 0.0;
            fee[j] = 0.0;
        }
    }

    /**
     * How many ring rows from account {@code a}'s clock can hold a non-zero entry: its
     * {@code termLeft} bills, at most the whole ring. Every entry lies there because a plan
     * writes only at its start and end bills, both within the {@code termLeft} it sets, and
     * {@link #advance} zeroes each row as the clock leaves it (and {@link #reschedule} clears the
     * rings before it sets a longer {@code termLeft}). So a slot with {@code termLeft == 0} has
     * empty rings.
     */
    private int ringRowsInUse(int a) {
        return Math.min(termLeft[a], ring.length);
    }

    /** {@code k mod T} for {@code 0 <= k < 2T} (a clock value plus less than one ring): no division. */
    private static int wrap(int k, int T) {
        return k >= T ? k - T : k;
    }

    /** The ring length {@code T}: the longest plan or loan term, plus one. */
    public int ringLength() {
        return ring.length;
    }

    /**
     * Account {@code a}'s ring entries read from its clock ({@code [k]}: the schedule and fee that stop
     * after the bill {@code k} cycles from now); both arrays have {@link #ringLength()} entries. For
     * writing the book ({@code export-book}); changes nothing.
     */
    public void ringFrom(int a, float[] schedule, float[] fee) {
        int T = ring.length;
        for (int k = 0; k < T; k++) {
            float[] row = ring[(cycle[a] + k) % T];
            schedule[k] = row[2 * a];
            fee[k] = row[2 * a + 1];
        }
    }

    /**
     * Sets account {@code a}'s plans from a book: the sums billed each cycle, the bills to the last
     * payment, and the ring entries from the clock as {@link #ringFrom} reads them (the clock is set
     * to 0). The caller sets {@code pool}.
     */
    public void restorePlans(int a, double schedule, double planFee, int termLeft, float[] ringSchedule, float[] ringFee) {
        clearSchedule(a);
        cycle[a] = 0;
        for (int k = Math.min(termLeft, ring.length); k < ring.length; k++) {
            if (ringSchedule[k] != 0f || ringFee[k] != 0f) {
                throw new IllegalArgumentException("a ring entry stops after bill " + (k + 1) + ", after the last (" + termLeft + ")");
            }
        }
        for (int k = 0; k < ring.length; k++) {
            ring[k][2 * a] = ringSchedule[k];
            ring[k][2 * a + 1] = ringFee[k];
        }
        this.schedule[a] = schedule;
        this.planFee[a] = planFee;
        this.termLeft[a] = (byte) termLeft;
    }

    /**
     * Removes every plan of account {@code a} (the caller settles or writes off the principal).
     * Clears only the ring entries that can be non-zero (see {@link #ringRowsInUse}): none for a
     * slot without plans, which is most slots that are closed, emptied or filled anew.
     */
    public void clearSchedule(int a) {
        int T = ring.length;
        int clock = cycle[a];
        for (int k = 0, rows = ringRowsInUse(a); k < rows; k++) {
            float[] r = ring[wrap(clock + k, T)];
            r[2 * a] = 0f;
            r[2 * a + 1] = 0f;
        }
        schedule[a] = 0.0;
        planFee[a] = 0.0;
        termLeft[a] = 0;
    }

    /**
     * Replaces every plan of account {@code a} by one plan: {@code perMonth} and
     * {@code feePerMonth} for {@code n} bills (n may exceed the ring: the last bill is counted by
     * {@code termLeft}, at most 127). Used by restructuring.
     */
    public void reschedule(int a, double perMonth, double feePerMonth, int n) {
        clearSchedule(a);
        schedule[a] = perMonth;
        planFee[a] = feePerMonth;
        termLeft[a] = (byte) Math.max(1, Math.min(Byte.MAX_VALUE, n));
    }

    /**
     * Scales the open plans of account {@code a}, principal and fees, by {@code factor}: after a
     * partial recovery the rest of each plan is repaid over its own remaining months.
     */
    private void scaleSchedule(int a, double factor) {
        float k = (float) factor;
        for (float[] r : ring) {
            r[2 * a] *= k;
            r[2 * a + 1] *= k;
        }
        schedule[a] *= factor;
        planFee[a] *= factor;
    }

    /**
     * Reduces the principal of account {@code a}'s plans by {@code amount} (at most the pool),
     * scaling what is left of every plan alike; returns the reduction.
     */
    public double reducePrincipal(int a, double amount) {
        double x = Math.min(amount, pool[a]);
        if (x <= 0) {
            return 0.0;
        }
        if (x >= pool[a]) {
            pool[a] = 0.0;
            clearSchedule(a);
        } else {
            scaleSchedule(a, (pool[a] - x) / pool[a]);
            pool[a] -= x;
        }
        return x;
    }

    /** Receivable of account {@code a}, yuan. */
    public double balance(int a) {
        return statement[a] + pending[a] + revolving[a] + pool[a] + arrears[a];
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

    /** Heap bytes per account held by a table whose ring has {@code ringLength} entries. */
    public static int bytesPerAccount(int ringLength) {
        return 4 + 1 + 1 + 1 + 1 + 1 + 1 + 4 + 4 + 8 * 7 + 1 + 1 + 1 + 1 + 1 + 2 + 1 + 2 * 4 * ringLength;
    }
}
