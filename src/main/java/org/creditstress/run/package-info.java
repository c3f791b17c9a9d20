/**
 * Running a scenario's replications and holding what they produced: {@link
 * org.creditstress.run.Experiment} runs the replications (each on its own seed) and estimates what
 * a command's runs need, {@link org.creditstress.run.SteppedRun} runs them side by side one month at
 * a time (for a page that shows each month), {@link org.creditstress.run.BorrowerPick} finds a
 * borrower worth following, {@link org.creditstress.run.RunResult} and {@link
 * org.creditstress.run.ReplicationResult} hold the metric tables, {@link
 * org.creditstress.run.Keep} says what an experiment keeps of each replication and {@link
 * org.creditstress.run.KeptRun} holds it (the tables themselves go to disk or nowhere), {@link
 * org.creditstress.run.MetricExpression} turns a replication's path into one number and {@link
 * org.creditstress.run.Quantiles} summarises across replications. The result store is {@code
 * run.store}. Layer 3: may depend on {@code model}, {@code scenario}, {@code metric} and {@code
 * network}; never on {@code experiment}, {@code report}, {@code bench} or {@code cli}.
 */
package org.creditstress.run;
