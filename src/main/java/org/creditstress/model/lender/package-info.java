/**
 * Lenders: underwriting, pricing, collection, restructuring, write-off and recoveries,
 * credit-supply tightening, and each lender's books, funding and liquidity. Part of the model
 * layer (2): may depend on the rest of {@code model} and {@code scenario}.
 */
package org.creditstress.model.lender;
