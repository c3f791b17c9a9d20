package org.creditstress.experiment;

import java.util.function.Consumer;

/**
 * Test helper around {@link ModelEvaluator#beforePoint}: runs an action in each point's own thread
 * before its model run (to block a point or make it fail). Close it to take the hook away.
 */
public final class PointHook implements AutoCloseable {
    private PointHook(Consumer<double[]> action) {
        ModelEvaluator.beforePoint = action;
    }

    public static PointHook before(Consumer<double[]> action) {
        return new PointHook(action);
    }

    @Override
    public void close() {
        ModelEvaluator.beforePoint = point -> { };
    }
}
