/**
 * Funders of the lenders: co-lending, receivable purchases, committed lines with covenants, funder
 * stress and losses on failed lenders, and the network measures (DebtRank, Eisenberg-Noe) of the
 * funding network each month. Part of the model layer (2): may depend on the rest of {@code
 * model}, {@code scenario} and {@code network}.
 */
package org.creditstress.model.funder;
