package org.creditstress.experiment.calibration;

import org.creditstress.run.MetricExpression;

/**
 * A calibration target {@code EXPR=VALUE}: the mean across replications of a metric expression
 * should equal the value. Its error is relative, {@code (model - value) / value}, so targets of
 * different scales weigh alike; a target of 0 uses the absolute error.
 */
public record Target(MetricExpression expression, double value) {

    /**
     * Parses {@code EXPR=VALUE}, e.g. {@code peak(m3plus_ratio)=0.021}.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    public static Target parse(String text) {
        int eq = text.lastIndexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected EXPR=VALUE, e.g. peak(m3plus_ratio)=0.021");
        }
        MetricExpression expr = MetricExpression.parse(text.substring(0, eq).strip());
        String v = text.substring(eq + 1).strip();
        double value;
        try {
            value = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the target value must be finite");
        }
        return new Target(expr, value);
    }

    /** The error of a model value: relative, or absolute for a zero target. */
    public double error(double model) {
        return value == 0 ? model : (model - value) / value;
    }

    @Override
    public String toString() {
        return expression.text() + "=" + value;
    }
}
