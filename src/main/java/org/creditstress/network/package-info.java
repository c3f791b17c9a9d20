/**
 * Financial network contagion on an exposure matrix: DebtRank, the Eisenberg-Noe clearing vector,
 * reading exposure networks from CSV and tabulating results. Used by the model's funding network
 * and by the {@code network} command. Bottom layer (1): depends on no other package of the tool.
 */
package org.creditstress.network;
