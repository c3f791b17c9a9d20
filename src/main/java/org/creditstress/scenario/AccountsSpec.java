package org.creditstress.scenario;

import java.util.List;

/** Which lenders and products borrowers apply to; see {@code population.accounts}. */
public record AccountsSpec(List<Double> lendersHeld, double cashLoanShare, int slotsPerBorrower, double closureMonthly) {
}
