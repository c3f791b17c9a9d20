/**
 * Starting a run from a book and writing a run's book: a loan tape ({@code population.book},
 * read by {@link org.creditstress.scenario.LoanTape}) becomes a replication's borrower and
 * account tables ({@link org.creditstress.model.book.BookLoader}); a market's tables become a
 * tape ({@link org.creditstress.model.book.BookExport}). Uses the model and the scenario.
 */
package org.creditstress.model.book;
