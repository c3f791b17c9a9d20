/**
 * The engine under the phases: borrower chunks with their own random streams, the chunk executor,
 * the seed plan that derives a seed per replication, subsystem and chunk, counter-based random
 * draws, and the month's ledger of money flows. Part of the model layer (2): may depend on {@code
 * scenario}.
 */
package org.creditstress.model.engine;
