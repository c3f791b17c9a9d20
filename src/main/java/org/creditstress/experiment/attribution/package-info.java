/**
 * Attribution of a stress outcome to contagion channels: the scenario is run with all channels and
 * with each channel switched off in turn, on common random numbers, and each channel's
 * contribution is the paired difference. Part of the experiment layer (4): may depend on {@code
 * run}, {@code model}, {@code scenario} and {@code metric}.
 */
package org.creditstress.experiment.attribution;
