/**
 * Tracing one borrower's month-by-month story through the phases, and watching for the first
 * borrower an event happens to. Part of the model layer (2): may depend on the rest of {@code
 * model} and {@code scenario}.
 */
package org.creditstress.model.trace;
