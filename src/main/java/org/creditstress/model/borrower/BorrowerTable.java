package org.creditstress.model.borrower;

/**
 * All borrowers of one replication as parallel primitive arrays (structure of arrays): borrower
 * {@code i} is index {@code i} in every array. Mechanisms read and write these arrays directly
 * over a chunk of indexes; no object exists per borrower. Money is in yuan; per-month rates are
 * shares.
 *
 * <p>A borrower's accounts are the contiguous range {@code firstAccount[i] ..
 * firstAccount[i] + accountCount[i] - 1} of the {@link AccountTable}.
 */
public final class BorrowerTable implements java.io.Serializable {
    public static final byte EMPLOYED = 1;
    public static final byte THIN_FILE = 2;
    /** Strategic defaulter: stops paying when its debt exceeds a multiple of its income. */
    public static final byte STRATEGIC = 4;
    /** Fraudster: draws every limit and never pays. */
    public static final byte FRAUD = 8;
    /**
     * Rolled debt this month: short of essentials plus bills, it met part of the gap with new credit
     * (a loan drawn to pay, or essentials put on a line so that cash pays the bills). Set by
     * {@link Consumption} every month.
     */
    public static final byte ROLLING = 16;

    public final int size;
    /** Index of the borrower's segment in the scenario's segment list. */
    public final byte[] segment;
    /** Bit flags: {@link #EMPLOYED}, {@link #THIN_FILE}, {@link #STRATEGIC}, {@link #FRAUD}, {@link #ROLLING}. */
    public final byte[] flags;
    /** Months in the current employment state (capped at Short.MAX_VALUE). */
    public final short[] monthsInState;
    /** Permanent monthly income, yuan. */
    public final float[] permanentIncome;
    /** This month's income, yuan (set in the income phase, read later in the month). */
    public final float[] income;
    /** Liquid savings, yuan; never negative. */
    public final double[] savings;
    /** Savings the borrower aims to keep, yuan; savings above it are drawn down. */
    public final float[] savingsTarget;
    /** Essential spending as a share of permanent income. */
    public final float[] essentialShare;
    /** Share of income after essentials that is spent. */
    public final float[] discretionary;
    /** Present bias in (0, 1). */
    public final float[] presentBias;
    /** Financial literacy in (0, 1). */
    public final float[] literacy;
    /**
     * Trait index {@code (z_pb - z_lit - z_sav) / sqrt(3)}, standard normal: higher is riskier. The true
     * risk at application adds segment, employment and debt service ({@code lender.ApplicationRisk}).
     */
    public final float[] trueRisk;
    /** Bureau-style credit score (300-850): falls with reported delinquency, recovers slowly. */
    public final float[] creditScore;
    /** The score the borrower recovers towards (its starting score). */
    public final float[] baseScore;
    /**
     * Number of distinct lenders the borrower has an account or an application at, kept up to
     * date as accounts close and new relationships open.
     */
    public final byte[] lendersHeld;
    /** Literacy tercile: 0 low, 1 middle, 2 high. */
    public final byte[] literacyTercile;
    /** What family and friends can still give under collection pressure, yuan (see CollectionLadder). */
    public final float[] familyHelp;
    /** Essentials left unpaid last month and owed this month, yuan (see Consumption). */
    public final float[] essentialArrears;
    /** Months of deleveraging left after a missed payment (see Consumption). */
    public final byte[] scareLeft;
    /** First account index in the account table. */
    public final int[] firstAccount;
    /** Number of accounts held (open or not). */
    public final byte[] accountCount;

    public BorrowerTable(int size) {
        this.size = size;
        segment = new byte[size];
        flags = new byte[size];
        monthsInState = new short[size];
        permanentIncome = new float[size];
        income = new float[size];
        savings = new double[size];
        savingsTarget = new float[size];
        essentialShare = new float[size];
        discretionary = new float[size];
        presentBias = new float[size];
        literacy = new float[size];
        trueRisk = new float[size];
        creditScore = new float[size];
        baseScore = new float[size];
        lendersHeld = new byte[size];
        literacyTercile = new byte[size];
        scareLeft = new byte[size];
        essentialArrears = new float[size];
        familyHelp = new float[size];
        firstAccount = new int[size + 1];
        accountCount = new byte[size];
    }

    public boolean employed(int i) {
        return (flags[i] & EMPLOYED) != 0;
    }

    public boolean thinFile(int i) {
        return (flags[i] & THIN_FILE) != 0;
    }

    public boolean fraud(int i) {
        return (flags[i] & FRAUD) != 0;
    }

    public boolean strategic(int i) {
        return (flags[i] & STRATEGIC) != 0;
    }

    /** Whether the borrower rolled debt this month ({@link #ROLLING}). */
    public boolean rolling(int i) {
        return (flags[i] & ROLLING) != 0;
    }

    public void setEmployed(int i, boolean employed) {
        flags[i] = (byte) (employed ? flags[i] | EMPLOYED : flags[i] & ~EMPLOYED);
    }

    /** Heap bytes per borrower held by this table (excluding accounts). */
    public static int bytesPerBorrower() {
        return 1 + 1 + 2 + 4 + 4 + 8 + 4 * 6 + 4 + 4 + 1 + 1 + 1 + 4 + 4 + 4 + 1;
    }
}
