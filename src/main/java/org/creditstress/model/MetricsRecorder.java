package org.creditstress.model;

import java.util.List;
import java.util.Set;
import org.creditstress.metric.Metric;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 9b of the month: evaluates every registered metric for months 1..horizon into a
 * month-by-metric table, and checks that every share lies in [0, 1] and nothing is infinite.
 */
public final class MetricsRecorder implements Steppable {
    /**
     * Shares of amounts that are not parts of the whole they are divided by, so above 1 is possible
     * in a small population: receivables over limits (one account over its limit after interest and
     * fees), cumulative write-offs over mean receivables (one borrower's balance written off).
     * Only their lower bound is checked.
     */
    static final Set<String> MAY_EXCEED_ONE = Set.of("credit_utilisation", "loss_rate_cumulative");

    private static final long serialVersionUID = 1L;
    private final Market market;
    private final MarketMonthView view;
    private final List<Metric> metrics;
    private final double[][] values;

    MetricsRecorder(Market market, MarketMonthView view, List<Metric> metrics, int months) {
        this.market = market;
        this.view = view;
        this.metrics = metrics;
        this.values = new double[months][metrics.size()];
    }

    @Override
    public void step(SimState state) {
        view.advance();
        int month = market.month();
        if (month < 1) {
            return;
        }
        double[] row = values[month - 1];
        for (int j = 0; j < metrics.size(); j++) {
            Metric metric = metrics.get(j);
            double x = metric.value().applyAsDouble(view);
            if (Double.isInfinite(x) || (metric.unit() == Metric.Unit.SHARE && (x < -1e-12 || x > 1 + 1e-12 && !MAY_EXCEED_ONE.contains(metric.name())))) {
                throw new InvariantViolation(month, "metric " + metric.name(),
                        metric.unit() == Metric.Unit.SHARE ? "a share must lie in [0, 1], got " + x : "value is infinite");
            }
            row[j] = x;
        }
    }

    /** The recorded table: [month - 1][metric index]. */
    public double[][] values() {
        return values;
    }
}
