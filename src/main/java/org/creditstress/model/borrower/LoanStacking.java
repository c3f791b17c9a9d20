package org.creditstress.model.borrower;

/**
 * Borrowing to pay bills, and loan stacking (以贷养贷). A borrower whose savings do not cover
 * this month's essentials and bills draws a cash loan: first at a lender it owes a bill to
 * ({@code borrow_to_pay}), else, with {@code loan_stacking}, at another lender that will still
 * lend to it. A loan drawn at a lender the borrower owes nothing to is a stacked loan: one
 * lender's credit pays another's bill, spreading arrears from lender to lender.
 */
public final class LoanStacking implements java.io.Serializable {
    private final boolean borrowToPay;
    private final boolean stacking;

    public LoanStacking(boolean borrowToPay, boolean stacking) {
        this.borrowToPay = borrowToPay;
        this.stacking = stacking;
    }

    /**
     * The account to draw a loan on, or -1.
     *
     * @param lendable    bit mask over the borrower's slots from {@code a0}: cash-loan accounts that may draw now
     * @param owedLenders bit mask over lenders the borrower has a bill at this month
     * @return account index; {@link #stacked} tells whether it is a stacked loan
     */
    public int choose(AccountTable acc, int a0, long lendable, long owedLenders) {
        if (borrowToPay) {
            for (long m = lendable; m != 0; m &= m - 1) {
                int a = a0 + Long.numberOfTrailingZeros(m);
                if ((owedLenders & (1L << acc.lender[a])) != 0) {
                    return a;
                }
            }
        }
        if (stacking) {
            for (long m = lendable; m != 0; m &= m - 1) {
                int a = a0 + Long.numberOfTrailingZeros(m);
                if ((owedLenders & (1L << acc.lender[a])) == 0) {
                    return a;
                }
            }
        }
        return -1;
    }

    /** Whether a loan on account {@code a} is stacked: drawn at a lender the borrower owes nothing this month. */
    public static boolean stacked(AccountTable acc, int a, long owedLenders) {
        return (owedLenders & (1L << acc.lender[a])) == 0;
    }
}
