package org.creditstress.scenario;

/** Consumption and credit-use habits; see {@code population.behaviour}. */
public record Behaviour(Trait essentialShare, Trait discretionaryPropensity, Trait presentBias, Trait literacy,
                        double impulseCreditShare, double convenienceShare, double savingsDrawdown,
                        double instalmentUptake, double cashLoanDrawProbability, double cashLoanDrawShare,
                        boolean borrowToPay) {
}
