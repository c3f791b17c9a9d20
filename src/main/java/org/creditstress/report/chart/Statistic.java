package org.creditstress.report.chart;

/** The statistics across replications stored in {@code summary.csv}, in column order. */
public enum Statistic {
    MEAN("mean"),
    P5("p5"),
    P50("p50"),
    P95("p95");

    private final String column;

    Statistic(String column) {
        this.column = column;
    }

    /** The column name in {@code summary.csv}. */
    public String column() {
        return column;
    }
}
