/**
 * The command line: one picocli command per file ({@code run}, {@code compare}, {@code sweep},
 * {@code attribute}, {@code sensitivity}, {@code reverse-stress}, {@code calibrate}, {@code
 * trace}, {@code network}, {@code bench}, {@code serve}, {@code validate}, {@code docs}). A command parses its
 * options, runs an experiment or a replication set, stores the results and asks the report package
 * to render them; it holds no model or report logic of its own. Top layer (7): may depend on every
 * other package; nothing depends on it.
 */
package org.creditstress.cli;
