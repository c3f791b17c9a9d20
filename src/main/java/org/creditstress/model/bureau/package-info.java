/**
 * The credit bureau: what lenders can see of a borrower's accounts at other lenders, and the
 * bureau-style credit score. Part of the model layer (2): may depend on the rest of {@code model}
 * and {@code scenario}.
 */
package org.creditstress.model.bureau;
