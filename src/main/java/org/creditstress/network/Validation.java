package org.creditstress.network;

/** Argument checks shared by the network measures. All failures are {@link IllegalArgumentException}s. */
final class Validation {

    private Validation() {
    }

    /**
     * Checks that {@code matrix} is a non-null, non-empty square matrix of finite, non-negative entries
     * with a zero diagonal, and returns its size.
     */
    static int squareNonNegative(double[][] matrix, String name) {
        if (matrix == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        int n = matrix.length;
        if (n == 0) {
            throw new IllegalArgumentException(name + " must have at least one node");
        }
        for (int i = 0; i < n; i++) {
            if (matrix[i] == null || matrix[i].length != n) {
                throw new IllegalArgumentException(name + " must be square: row " + i + " has "
                        + (matrix[i] == null ? "no" : String.valueOf(matrix[i].length)) + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                double x = matrix[i][j];
                if (!Double.isFinite(x) || x < 0) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + x
                            + " must be a finite, non-negative number");
                }
            }
            if (matrix[i][i] != 0) {
                throw new IllegalArgumentException(name + "[" + i + "][" + i + "] = " + matrix[i][i]
                        + ": a node cannot be exposed to itself (the diagonal must be zero)");
            }
        }
        return n;
    }

    /** Checks that {@code vector} has length {@code n} and finite entries in {@code [0, max]}. */
    static void vectorInRange(double[] vector, int n, String name, double max) {
        if (vector == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (vector.length != n) {
            throw new IllegalArgumentException(name + " has " + vector.length + " entries, expected " + n);
        }
        for (int i = 0; i < n; i++) {
            double x = vector[i];
            if (!Double.isFinite(x) || x < 0 || x > max) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + x + " must be a finite number in [0, "
                        + (max == Double.MAX_VALUE ? "infinity)" : max + "]"));
            }
        }
    }

    static void nonNegative(double[] vector, int n, String name) {
        vectorInRange(vector, n, name, Double.MAX_VALUE);
    }

    static double sum(double[] vector) {
        double s = 0;
        for (double x : vector) {
            s += x;
        }
        return s;
    }

    static double[][] copy(double[][] matrix) {
        double[][] c = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            c[i] = matrix[i].clone();
        }
        return c;
    }
}
