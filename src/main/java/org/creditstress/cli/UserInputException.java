package org.creditstress.cli;

/**
 * Bad input from the user: a scenario, an option, or a file. The CLI prints the message on one
 * line (no stack trace) and exits with code 2. The message must name the file, the key or option,
 * and the reason.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
