package org.creditstress.network;

/**
 * A network input file is missing, unreadable or malformed. The message is one line naming the file, the
 * row/column where relevant, and the reason, so that a command line can show it as is.
 */
public class NetworkInputException extends IllegalArgumentException {

    public NetworkInputException(String message) {
        super(message);
    }

    public NetworkInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
