/**
 * Litigation and the courts: lenders sue accounts far past due, cases queue for the courts'
 * capacity and end in judgments and recoveries. Part of the model layer (2): may depend on the
 * rest of {@code model} and {@code scenario}.
 */
package org.creditstress.model.court;
