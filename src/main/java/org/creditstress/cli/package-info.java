/**
 * The command line: one picocli command per file ({@code run}, {@code compare}, {@code sweep},
 * {@code attribute}, {@code sensitivity}, {@code reverse-stress}, {@code calibrate}, {@code
 * trace}, {@code network}, {@code bench}, {@code serve}, {@code validate}, {@code docs}). A command parses its
 * options, runs an experiment or a replication set, stores the results and asks the report package
 * to render them; it holds no model or report logic of its own. Layer 7: may depend on every
 * other core package; only the Spark entry point ({@code spark}, layer 8, outside the core) depends on it.
 */
package org.creditstress.cli;
