/**
 * The classroom page of {@code serve}: a what-if page, served by the JDK's HTTP server on the
 * loopback address, on which a class picks a shipped scenario, moves sliders generated from the
 * scenario schema, and watches fan charts fill in month by month as the replications of one or two
 * settings run side by side on common random numbers, with one borrower's story beside them.
 * Settings are {@code --set} overrides read by the same loader as the command line, so errors read
 * the same and a downloaded scenario reproduces the run with {@code ./creditstress run}. Points are
 * pushed to the page as Server-Sent Events. Layer 6, beside {@code bench}: may depend on {@code
 * report}, {@code experiment}, {@code run}, {@code model}, {@code scenario}, {@code metric} and
 * {@code network}; only {@code cli} depends on it.
 */
package org.creditstress.serve;
