package org.creditstress.model.engine;

import java.util.Locale;

/**
 * The purposes that get their own random stream. Separate streams keep mechanisms on common
 * random numbers: switching one mechanism off does not shift the draws of another.
 *
 * <p>A stream is keyed by its purpose's name ({@link #key()}), never by its position in this
 * list: adding, removing or reordering purposes changes no other stream.
 */
public enum RandomStream {
    POPULATION,
    EMPLOYMENT,
    INCOME,
    CONSUMPTION,
    UNDERWRITING,
    COLLECTION,
    RESTRUCTURING,
    COURTS,
    /** Which borrower-lender pairs the bureau covers. */
    BUREAU_COVERAGE,
    /** Who takes up relief (a repayment holiday). */
    RELIEF,
    /** Who leaves the market, and the newcomers who take their place. */
    TURNOVER,
    /** Who applies to a lender that solicits applications, and which accounts close. */
    ACQUISITION,
    /** Who repays plans and loans early. */
    PREPAYMENT,
    /** Who starts a new stage of life, and its new traits. */
    LIFE_STAGES;

    /** {@link #nameKey()}, computed once: per-borrower streams (turnover, life stages) derive a seed from it per draw. */
    private final long nameKey;

    RandomStream() {
        nameKey = SeedPlan.nameKey(key());
    }

    /** The stable name the stream's seed is derived from, e.g. {@code employment}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A 64-bit key from the name alone ({@link SeedPlan#nameKey}). */
    long nameKey() {
        return nameKey;
    }
}
