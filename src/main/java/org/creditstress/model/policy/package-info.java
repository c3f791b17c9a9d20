/**
 * Policy events of the scenario (APR caps, bureau mandates, court capacity, capital and liquidity
 * requirements, income support) and the policies in force each month. Part of the model layer (2):
 * may depend on the rest of {@code model} and {@code scenario}.
 */
package org.creditstress.model.policy;
