package org.creditstress.model.trace;

import java.util.EnumMap;
import java.util.Map;

/**
 * Remembers, for each kind of event, the first borrower it happened to in a recorded month
 * (earliest month, then lowest borrower index, so the answer does not depend on thread order).
 * Used to pick a borrower worth tracing.
 */
public final class EventWatch {

    /** Events worth a story. */
    public enum Kind { SUED, WRITTEN_OFF, STACKED, RESTRUCTURED }

    private final Map<Kind, long[]> first = new EnumMap<>(Kind.class);

    /** Records that {@code kind} happened to {@code borrower} in {@code month} (ignored in burn-in). */
    public synchronized void record(Kind kind, int month, int borrower) {
        if (month < 1) {
            return;
        }
        long[] f = first.get(kind);
        if (f == null || month < f[0] || (month == f[0] && borrower < f[1])) {
            first.put(kind, new long[] {month, borrower});
        }
    }

    /** The first borrower the event happened to, or -1. */
    public synchronized int first(Kind kind) {
        long[] f = first.get(kind);
        return f == null ? -1 : (int) f[1];
    }
}
