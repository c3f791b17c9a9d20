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
 * ring length {@code T}; it stops while the account is in a grace period). {@code schedule} and
 * {@code planFee} are the sums over the open plans, billed every cycle; each plan changes them
 * twice, by entries keyed by the clock value of the bill after which they apply: a plan of
 * {@code n} payments taken when the clock reads {@code c} enters a negative entry at {@code c}
 * (it joins the schedule after this cycle's bill, so its first payment is next cycle's) and a
 * positive one at {@code c + n} (it leaves after its n-th payment), which is why {@code T} is the
 * longest term plus one. {@code termLeft} counts the bills to the last payment of any plan; that
 * bill takes whatever principal is left, so rounding never leaves a residue. Entries are
 * {@code float} (a plan's amounts are rounded to float once and the same value is added and
 * removed).
 *
 * <p>Where the entries live: the slots of each chunk's borrowers share a {@link PlanBook}. The
 * entries of a slot's current clock value (its next bill) are summed in the book's row for the
 * slot; the others wait in the book's list, in the order written, until the slot's clock reaches
 * them. A slot whose clock moved on is {@code stale} until the book's next pass moves the entries
 * of its new clock value into its row ({@link PlanBook#load}: once a month, by the first step
 * that needs a stale slot's row, usually the portfolio scan's look ahead). The sums are the ones
 * a dense ring of {@code T} rows per slot would hold, to the bit, at about a tenth of the memory:
 * only open plans take room, and a month's work reads the entries once, in order, instead of a
 * ring row per slot scattered over the heap. Each clock value has its own list, and an account
 * without plans takes the month's clock value when it is billed or takes a plan
 * ({@link #advance(int, int)}, {@link #addPlan(int, double, double, int, int, int)}; nothing is
 * entered against such a clock, so no bill changes): the clocks of a book then mostly agree, and
 * a month's pass reads one list of the {@code T}.
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
    /** {@link #NOT_OPEN}, {@link #OPEN}, {@link #WRITTEN_OFF} or {@link #EMPTY}: read here, written by {@link #setStatus} only. */
    public final byte[] status;
    /** Slots per borrower: borrower {@code i} holds slots {@code i * perBorrower} to {@code (i + 1) * perBorrower - 1}. */
    private final int perBorrower;
    /**
     * Per borrower, bit {@code k} set when its slot {@code k} is in use (not {@link #EMPTY}), and
     * when it is {@link #OPEN}. The phases visit a borrower's slots through these masks: a test
     * of each slot's status, which differs at random from borrower to borrower, is a branch the
     * processor mispredicts about one time in three, and the loops over slots were most of a
     * month's cost.
     */
    private final int[] usedSlots;
    private final int[] openSlots;
    /** Heap bytes per borrower for its masks ({@link #usedSlots}, {@link #openSlots}). */
    public static final int BYTES_PER_HOLDER = 4 + 4;
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
    /** Moves on each time the account's plans are removed: entries written before are void. */
    private final short[] planEpoch;
    /** The clock moved on since the slot's book last loaded its row (see the class comment). */
    private final boolean[] stale;
    /** The ring length {@code T}: the longest plan or loan term, plus one. */
    private final int ringLength;
    /** Slots per book ({@link PlanBook}); a power of two shifts, else divides. */
    private final int slotsPerBook;
    private final int bookShift;
    private final PlanBook[] books;
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

    /** A table of {@code size} slots whose plans all share one book (one thread at a time). */
    public AccountTable(int size, int ringLength) {
        this(size, ringLength, Math.max(1, size));
    }

    /** A table of {@code size} slots, each its own holder's (for tests of single accounts). */
    public AccountTable(int size, int ringLength, int slotsPerBook) {
        this(size, ringLength, slotsPerBook, 1);
    }

    /**
     * @param ringLength   the longest plan or loan term, in months, plus one (at least 2)
     * @param slotsPerBook slots whose plans share a {@link PlanBook}: a chunk's borrowers times
     *                     their slots, so that each chunk's thread has its own
     * @param slotsPerBorrower slots of each borrower (1 to 32), borrower {@code i}'s from {@code i * slotsPerBorrower}
     */
    public AccountTable(int size, int ringLength, int slotsPerBook, int slotsPerBorrower) {
        if (ringLength < 2 || ringLength > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("ring length must be 2..127, got " + ringLength);
        }
        if (slotsPerBook < 1) {
            throw new IllegalArgumentException("slots per book must be positive, got " + slotsPerBook);
        }
        if (slotsPerBorrower < 1 || slotsPerBorrower > 32 || size % slotsPerBorrower != 0) {
            throw new IllegalArgumentException("slots per borrower must be 1..32 and divide " + size + ", got " + slotsPerBorrower);
        }
        perBorrower = slotsPerBorrower;
        usedSlots = new int[size / slotsPerBorrower];
        openSlots = new int[size / slotsPerBorrower];
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
        planEpoch = new short[size];
        stale = new boolean[size];
        this.ringLength = ringLength;
        this.slotsPerBook = slotsPerBook;
        this.bookShift = Integer.bitCount(slotsPerBook) == 1 ? Integer.numberOfTrailingZeros(slotsPerBook) : -1;
        books = new PlanBook[Math.max(1, (size + slotsPerBook - 1) / slotsPerBook)];
        for (int k = 0; k < books.length; k++) {
            int first = k * slotsPerBook;
            books[k] = new PlanBook(first, Math.max(0, Math.min(slotsPerBook, size - first)), ringLength);
        }
        statement = new double[size];
        pending = new double[size];
        revolving = new double[size];
        pool = new double[size];
        arrears = new double[size];
    }

    /**
     * Makes slot {@code a} empty: no lender, no balance, no history. Its plans are removed by
     * {@link #clearSchedule}, which reads {@code termLeft} to know whether there are any, so
     * {@code termLeft} is left for it to zero.
     */
    public void clear(int a) {
        setStatus(a, EMPTY);
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

    /** Slots of each borrower: borrower {@code i}'s are {@code i * slotsPerBorrower()} onwards. */
    public int slotsPerBorrower() {
        return perBorrower;
    }

    /** Sets slot {@code a}'s status, and its bits in its borrower's masks. */
    public void setStatus(int a, byte s) {
        status[a] = s;
        int i = a / perBorrower;
        int bit = 1 << (a - i * perBorrower);
        usedSlots[i] = s == EMPTY ? usedSlots[i] & ~bit : usedSlots[i] | bit;
        openSlots[i] = s == OPEN ? openSlots[i] | bit : openSlots[i] & ~bit;
    }

    /**
     * Borrower {@code i}'s slots in use (not {@link #EMPTY}): bit {@code k} for its slot
     * {@code k}. Visit them in slot order with
     * {@code for (int m = usedSlots(i); m != 0; m &= m - 1) { int a = a0 + Integer.numberOfTrailingZeros(m); ... }}.
     */
    public int usedSlots(int i) {
        return usedSlots[i];
    }

    /** Borrower {@code i}'s {@link #OPEN} slots, as {@link #usedSlots}. */
    public int openSlots(int i) {
        return openSlots[i];
    }

    /** Whether borrower {@code i} has an {@link #EMPTY} slot (room for another relationship). */
    public boolean hasEmptySlot(int i) {
        return Integer.bitCount(usedSlots[i]) < perBorrower;
    }

    /**
     * Adds a plan to account {@code a}: {@code n} payments of {@code perMonth} (principal, or the
     * loan's fixed payment) and {@code feePerMonth}, the first at the account's next bill, or
     * {@code delay} bills later, taken in {@code month}. The caller adds the principal to
     * {@code pool}. An account without plans first sets its clock to the month's (modulo
     * {@code T}), as {@link #advance} does, so that a book's clocks agree; nothing is entered
     * against a clock without plans, so this changes no bill.
     */
    public void addPlan(int a, double perMonth, double feePerMonth, int n, int delay, int month) {
        if (termLeft[a] == 0) {
            cycle[a] = (byte) Math.floorMod(month, ringLength);
        }
        int start = planStart(a, n, delay);
        int end = wrap(start + n, ringLength);
        float amount = (float) perMonth;
        float fee = (float) feePerMonth;
        PlanBook book = book(a);
        int o = a - book.first;
        short e = planEpoch[a];
        // x - y is x + (-y) in floating point: the entries' sums are the direct ones, to the last bit.
        if (delay == 0) {
            // It joins after this cycle's bill: its entry goes to the slot's current row.
            loaded(a, book);
            book.addToRow(o, -amount, -fee);
        } else {
            book.append(o, start, -amount, fee != 0f ? -fee : 0f, e);
        }
        book.append(o, end, amount, fee, e);
        countBills(a, n + delay + 1);
    }

    /** Checks that a plan of {@code n} payments after {@code delay} fits the ring; returns its start row. */
    private int planStart(int a, int n, int delay) {
        int T = ringLength;
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

    /** The book holding slot {@code a}'s plans. */
    private PlanBook book(int a) {
        return books[bookShift >= 0 ? a >>> bookShift : a / slotsPerBook];
    }

    /** Makes sure slot {@code a}'s row in {@code book} holds the entries of its current clock value. */
    private void loaded(int a, PlanBook book) {
        if (stale[a]) {
            book.load(cycle, planEpoch, stale);
        }
    }

    /**
     * After account {@code a} is billed in {@code month}: the clock moves on one cycle, the plans
     * that had their last payment leave the schedule and plans taken this cycle join it. Returns
     * true when the bill just made was the last of every plan (the caller has billed the remaining
     * principal). An account without plans sets its clock to the next month's (modulo {@code T})
     * instead: nothing is entered against a clock without plans, so this changes no bill, but the
     * clocks of a book's slots then agree (except for accounts whose clock stood still in a grace
     * period, until their plans end), and a month's {@link PlanBook#load} reads one list of the
     * {@code T}.
     */
    public boolean advance(int a, int month) {
        if (termLeft[a] == 0) {
            // No plan open and none taken this cycle (a new plan sets termLeft): nothing is entered.
            cycle[a] = (byte) wrap(Math.floorMod(month, ringLength) + 1, ringLength);
            return false;
        }
        PlanBook book = book(a);
        loaded(a, book);
        int o = a - book.first;
        float s = book.rowAmount(o);
        float f = book.rowFee(o);
        if (s != 0f || f != 0f) {
            schedule[a] -= s;
            planFee[a] -= f;
            book.setRow(o, 0f, 0f);
            // What float rounding leaves when plans end (a plan's amounts are at least a cent a month).
            if (Math.abs(schedule[a]) < 1e-6) {
                schedule[a] = 0.0;
            }
            if (Math.abs(planFee[a]) < 1e-6) {
                planFee[a] = 0.0;
            }
        }
        int next = wrap(cycle[a] + 1, ringLength);
        cycle[a] = (byte) next;
        stale[a] = true;
        book.reached(next);
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
     * each bill's amount is the last one's less the entries of the plans whose last payment that
     * was; 0 once every plan has ended. Read by the liquidity ladder (three bills: the book's
     * current and next rows; later bills search the book's list); changes no schedule (it may
     * load the book's rows, see the class comment).
     */
    public void aheadInto(int a, double[] schedule, double[] fee) {
        aheadInto(a, schedule.length, schedule, fee);
    }

    /**
     * As {@link #aheadInto(int, double[], double[])}, the first {@code bills} bills only (at most the
     * arrays' length). The first bill is the account's current schedule and plan fee, so one bill
     * reads no plan book.
     */
    public void aheadInto(int a, int bills, double[] schedule, double[] fee) {
        int n = bills;
        int open = Math.min(n, termLeft[a]);
        double s = this.schedule[a];
        double f = planFee[a];
        if (open > 1) {
            PlanBook book = book(a);
            loaded(a, book);
            int o = a - book.first;
            schedule[0] = Math.max(0.0, s);
            fee[0] = Math.max(0.0, f);
            s -= book.rowAmount(o);
            f -= book.rowFee(o);
            schedule[1] = Math.max(0.0, s);
            fee[1] = Math.max(0.0, f);
            if (open > 2) {
                int c = cycle[a];
                book.nextRows(c, cycle, planEpoch);
                s -= book.nextAmount(o, c);
                f -= book.nextFee(o, c);
                schedule[2] = Math.max(0.0, s);
                fee[2] = Math.max(0.0, f);
            }
            // Further bills (not the ladder's): the entries of each later clock value, in list order.
            for (int j = 3; j < open; j++) {
                float[] at = book.sumAt(o, planEpoch[a], wrap(cycle[a] + j - 1, ringLength));
                s -= at[0];
                f -= at[1];
                schedule[j] = Math.max(0.0, s);
                fee[j] = Math.max(0.0, f);
            }
        } else if (open == 1) {
            schedule[0] = Math.max(0.0, s);
            fee[0] = Math.max(0.0, f);
        }
        for (int j = open; j < n; j++) {
            schedule[j] = 0.0;
            fee[j] = 0.0;
        }
    }

    /** {@code k mod T} for {@code 0 <= k < 2T} (a clock value plus less than one ring): no division. */
    private static int wrap(int k, int T) {
        return k >= T ? k - T : k;
    }

    /** The ring length {@code T}: the longest plan or loan term, plus one. */
    public int ringLength() {
        return ringLength;
    }

    /** Plan entries held beyond the slots' current rows (heap: {@link #BYTES_PER_PLAN_ENTRY} each), and the capacity held for them. */
    public long[] planEntries() {
        long count = 0;
        long capacity = 0;
        for (PlanBook b : books) {
            long[] e = b.entries();
            count += e[0];
            capacity += e[1];
        }
        return new long[] {count, capacity};
    }

    /** Heap bytes of one plan entry beyond a slot's current row. */
    public static final int BYTES_PER_PLAN_ENTRY = PlanBook.BYTES_PER_ENTRY;

    /** The ring rows of the book last expanded by {@link #ringFrom} ({@code [k][2o]}, {@code [k][2o + 1]}), and its version. */
    private transient float[][] expanded;
    private transient PlanBook expandedBook;
    private transient int expandedVersion;

    /**
     * Account {@code a}'s entries read from its clock ({@code [k]}: the schedule and fee that stop
     * after the bill {@code k} cycles from now); both arrays have {@link #ringLength()} entries. For
     * writing the book ({@code export-book}), slot after slot: each book's entries are laid out as
     * rows once and read from there; changes nothing.
     */
    public void ringFrom(int a, float[] schedule, float[] fee) {
        PlanBook book = book(a);
        int T = ringLength;
        if (expandedBook != book || expandedVersion != book.version()) {
            if (expanded == null || expanded[0].length < 2 * book.slots) {
                expanded = new float[T][2 * Math.max(1, book.slots)];
            }
            book.expandInto(expanded, cycle, planEpoch);
            expandedBook = book;
            expandedVersion = book.version();
        }
        int o = a - book.first;
        for (int k = 0; k < T; k++) {
            float[] row = expanded[(cycle[a] + k) % T];
            schedule[k] = row[2 * o];
            fee[k] = row[2 * o + 1];
        }
    }

    /**
     * Sets account {@code a}'s plans from a book: the sums billed each cycle, the bills to the last
     * payment, and the entries from the clock as {@link #ringFrom} reads them (the clock is set
     * to 0). The caller sets {@code pool}.
     */
    public void restorePlans(int a, double schedule, double planFee, int termLeft, float[] ringSchedule, float[] ringFee) {
        clearSchedule(a);
        cycle[a] = 0;
        for (int k = Math.min(termLeft, ringLength); k < ringLength; k++) {
            if (ringSchedule[k] != 0f || ringFee[k] != 0f) {
                throw new IllegalArgumentException("a ring entry stops after bill " + (k + 1) + ", after the last (" + termLeft + ")");
            }
        }
        PlanBook book = book(a);
        int o = a - book.first;
        book.setRow(o, ringSchedule[0], ringFee[0]);
        for (int k = 1; k < ringLength; k++) {
            if (ringSchedule[k] != 0f || ringFee[k] != 0f) {
                book.append(o, k, ringSchedule[k], ringFee[k], planEpoch[a]);
            }
        }
        this.schedule[a] = schedule;
        this.planFee[a] = planFee;
        this.termLeft[a] = (byte) termLeft;
    }

    /**
     * Removes every plan of account {@code a} (the caller settles or writes off the principal):
     * its row is emptied and its waiting entries are void (its epoch moves on; the book drops
     * them at its next pass).
     */
    public void clearSchedule(int a) {
        if (termLeft[a] != 0) {
            PlanBook book = book(a);
            int o = a - book.first;
            planEpoch[a]++;
            book.setRow(o, 0f, 0f);
        }
        stale[a] = false;
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
        PlanBook book = book(a);
        book.scale(a - book.first, planEpoch[a], (float) factor);
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

    /** Receivable of account {@code a}, yuan ({@code PortfolioScan.checkedBalance} adds the same parts in the same order). */
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

    /**
     * Heap bytes per account slot, plan entries beyond the slot's current and next bills left out
     * ({@link #BYTES_PER_PLAN_ENTRY} each, for open plans only; see {@link #planEntries()}).
     */
    public static int bytesPerAccount() {
        // Fields, then the plan state of a slot: clock, epoch, stale flag, current and next rows, next-row stamp.
        // Entries beyond those rows are counted apart (BYTES_PER_PLAN_ENTRY each, open plans only).
        return 4 + 1 + 1 + 1 + 1 + 1 + 1 + 4 + 4 + 8 * 7 + 1 + 1 + 1 + 1 + 1 + 2 + 1 + 2 + 1 + 4 * 4 + 4;
    }
}
