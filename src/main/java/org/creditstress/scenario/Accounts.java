package org.creditstress.scenario;

/** Which lenders and products borrowers apply to; see {@code population.accounts}. */
public record Accounts(double secondLenderShare, double cashLoanShare) {
}
