/**
 * The model of one replication: a MASON {@code SimState} that only wires the market (borrowers,
 * accounts, lenders, funders, bureau, courts, economy) and runs the month's phases in order, and
 * the portfolio views the metrics read. Each mechanism lives in a subpackage named for what it
 * models. Layer 2: may depend on {@code scenario} (its input), {@code metric} (it implements
 * {@code MonthView}) and {@code network} (contagion measures); never on {@code run}, {@code
 * experiment}, {@code report}, {@code bench} or {@code cli}.
 */
package org.creditstress.model;
