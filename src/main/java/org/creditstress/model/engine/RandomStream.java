package org.creditstress.model.engine;

/**
 * The purposes that get their own random stream per chunk. Separate streams keep mechanisms on
 * common random numbers: switching one mechanism off does not shift the draws of another.
 */
public enum RandomStream {
    POPULATION,
    EMPLOYMENT,
    INCOME,
    CONSUMPTION,
    UNDERWRITING,
    COLLECTION,
    RESTRUCTURING,
    COURTS
}
