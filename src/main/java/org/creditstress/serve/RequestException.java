package org.creditstress.serve;

import java.util.List;

/**
 * A request the page cannot serve, with the HTTP status and one line per problem, each as the
 * command line prints it ({@code error: ...}).
 */
final class RequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient List<String> lines;

    RequestException(int status, List<String> lines) {
        super(String.join("\n", lines));
        this.status = status;
        this.lines = List.copyOf(lines);
    }

    /** One problem: {@code error: } and the message. */
    static RequestException of(int status, String message) {
        return new RequestException(status, List.of("error: " + message));
    }

    int status() {
        return status;
    }

    List<String> lines() {
        return lines;
    }
}
