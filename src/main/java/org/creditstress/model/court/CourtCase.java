package org.creditstress.model.court;

/**
 * A lawsuit over one account.
 *
 * @param account    the account sued
 * @param lender     the lender suing
 * @param borrower   the borrower sued
 * @param claim      the balance claimed at filing, yuan
 * @param filedMonth the month the case was filed
 */
record CourtCase(int account, int lender, int borrower, double claim, int filedMonth) implements java.io.Serializable {
}
