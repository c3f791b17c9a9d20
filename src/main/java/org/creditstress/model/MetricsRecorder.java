package org.creditstress.model;

import java.util.List;
import org.creditstress.metric.Metric;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 9b of the month: evaluates every registered metric for months 1..horizon into a
 * month-by-metric table, and checks that every share lies in [0, 1] and nothing is infinite.
 */
public final class MetricsRecorder implements Steppable {
    private static final long serialVersionUID = 1L;
    private final transient Market market;
    private final transient MarketMonthView view;
    private final transient List<Metric> metrics;
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
            if (Double.isInfinite(x) || (metric.unit() == Metric.Unit.SHARE && (x < -1e-12 || x > 1 + 1e-12))) {
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
