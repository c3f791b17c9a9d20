package org.creditstress.experiment;

/**
 * An experiment's inputs turned out unusable once the model ran: for example an output that is
 * undefined at some design point, or a target month beyond the horizon. The command line reports
 * the message on one line and exits with code 2.
 */
public class ExperimentInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExperimentInputException(String message) {
        super(message);
    }
}
