package org.creditstress.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run has pushed to the page, as Server-Sent Event frames numbered from 0. A page that
 * connects, or reconnects with {@code Last-Event-ID}, is sent the frames it has not seen, then each
 * new one as it is published; nothing is lost when the connection drops, and a second tab sees the
 * same run. Thread-safe: the worker publishes, each subscriber's connection waits.
 */
final class EventLog {
    private final List<String> frames = new ArrayList<>();
    private boolean closed;

    /** Appends an event of {@code type} with its JSON {@code data} (one line). */
    synchronized void publish(String type, String json) {
        if (closed) {
            return;
        }
        frames.add("id: " + frames.size() + "\nevent: " + type + "\ndata: " + json + "\n\n");
        notifyAll();
    }

    /** No more events: waiting subscribers return and their streams end. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean closed() {
        return closed;
    }

    synchronized int size() {
        return frames.size();
    }

    /**
     * The frames from number {@code next} on, waiting up to {@code waitMillis} for one when there
     * are none yet; empty after the wait, or when the log is closed and all were sent.
     */
    synchronized List<String> from(int next, long waitMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + waitMillis;
        while (frames.size() <= next && !closed) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return next < frames.size() ? new ArrayList<>(frames.subList(Math.max(0, next), frames.size())) : List.of();
    }
}
