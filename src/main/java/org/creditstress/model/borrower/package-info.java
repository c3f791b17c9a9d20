/**
 * Borrowers and their accounts: the borrower and account tables (primitive arrays), incomes,
 * consumption and the credit it is financed with, loan stacking, and repayment with the borrower's
 * repayment priority. Part of the model layer (2): may depend on the rest of {@code model}, {@code
 * scenario} and {@code metric}.
 */
package org.creditstress.model.borrower;
