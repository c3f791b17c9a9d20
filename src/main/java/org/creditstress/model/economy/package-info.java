/**
 * The economy each month: the scenario's macro paths, the labour market and employment
 * transitions, and the macro feedback channel from new credit to jobs. Part of the model layer
 * (2): may depend on the rest of {@code model} and {@code scenario}.
 */
package org.creditstress.model.economy;
