package org.creditstress.experiment.stress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditstress.run.MetricExpression;

/**
 * A breaking condition {@code EXPR OP VALUE}: a {@link MetricExpression}, a comparison
 * ({@code <}, {@code <=}, {@code >}, {@code >=}) and a number, e.g.
 * {@code min(lender.PlatformB.capital_ratio)<0.08} or {@code peak(m3plus_ratio)>0.03}.
 * An undefined value (NaN) never meets the condition.
 */
public record Condition(String text, MetricExpression expression, Op op, double value) {
    private static final Pattern FORM = Pattern.compile("^(.*?)\\s*(<=|>=|<|>)\\s*(.*)$");

    /** The comparison. */
    public enum Op {
        LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether larger values of the expression tend to meet the condition. */
        public boolean upward() {
            return this == GT || this == GE;
        }
    }

    /**
     * Parses {@code EXPR OP VALUE}.
     *
     * @throws IllegalArgumentException saying what is malformed and what is expected
     */
    public static Condition parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches() || m.group(1).isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not a condition; expected EXPR OP VALUE with OP one of < <= > >=, "
                    + "e.g. 'min(lender.PlatformB.capital_ratio)<0.08'");
        }
        MetricExpression expr = MetricExpression.parse(m.group(1).strip());
        Op op = switch (m.group(2)) {
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            default -> Op.GE;
        };
        double v;
        try {
            v = Double.parseDouble(m.group(3).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': '" + m.group(3).strip() + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("'" + text + "': the value must be finite");
        }
        return new Condition(text.strip(), expr, op, v);
    }

    /** Whether {@code x} meets the condition (never for NaN). */
    public boolean test(double x) {
        if (Double.isNaN(x)) {
            return false;
        }
        return switch (op) {
            case LT -> x < value;
            case LE -> x <= value;
            case GT -> x > value;
            case GE -> x >= value;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
