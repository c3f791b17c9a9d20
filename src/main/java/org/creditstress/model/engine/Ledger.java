package org.creditstress.model.engine;

import java.util.Arrays;

/**
 * The month's flows, accumulated per chunk (so chunks never share a counter) and reduced in
 * chunk order (so totals are identical for any thread count). Reset at the start of each month.
 */
public final class Ledger implements java.io.Serializable {
    private final int lenders;
    private final double[][][] flows;       // [chunk][flow][lender]
    private final long[][][] counters;      // [chunk][counter][lender]
    private final double[][] borrowerFlows; // [chunk][borrowerFlow]

    public Ledger(int chunks, int lenders) {
        this.lenders = lenders;
        flows = new double[chunks][Flow.values().length][lenders];
        counters = new long[chunks][Counter.values().length][lenders];
        borrowerFlows = new double[chunks][BorrowerFlow.values().length];
    }

    public void reset() {
        for (int c = 0; c < flows.length; c++) {
            for (double[] f : flows[c]) {
                Arrays.fill(f, 0.0);
            }
            for (long[] k : counters[c]) {
                Arrays.fill(k, 0L);
            }
            Arrays.fill(borrowerFlows[c], 0.0);
        }
    }

    public void add(int chunk, Flow flow, int lender, double amount) {
        flows[chunk][flow.ordinal()][lender] += amount;
    }

    public void count(int chunk, Counter counter, int lender) {
        counters[chunk][counter.ordinal()][lender]++;
    }

    public void add(int chunk, BorrowerFlow flow, double amount) {
        borrowerFlows[chunk][flow.ordinal()] += amount;
    }

    /** Month total of a flow at one lender, summed in chunk order. */
    public double total(Flow flow, int lender) {
        double sum = 0;
        for (double[][] chunk : flows) {
            sum += chunk[flow.ordinal()][lender];
        }
        return sum;
    }

    /** Month total of a flow over all lenders. */
    public double total(Flow flow) {
        double sum = 0;
        for (int l = 0; l < lenders; l++) {
            sum += total(flow, l);
        }
        return sum;
    }

    public long total(Counter counter, int lender) {
        long sum = 0;
        for (long[][] chunk : counters) {
            sum += chunk[counter.ordinal()][lender];
        }
        return sum;
    }

    public long total(Counter counter) {
        long sum = 0;
        for (int l = 0; l < lenders; l++) {
            sum += total(counter, l);
        }
        return sum;
    }

    public double total(BorrowerFlow flow) {
        double sum = 0;
        for (double[] chunk : borrowerFlows) {
            sum += chunk[flow.ordinal()];
        }
        return sum;
    }
}
