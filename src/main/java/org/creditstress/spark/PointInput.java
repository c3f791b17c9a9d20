package org.creditstress.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import org.creditstress.experiment.sweep.SweepPoint;

/** A sweep point as shipped to an executor: its id and the value of each varied key, in --vary order. */
record PointInput(String id, LinkedHashMap<String, String> values) implements Serializable {
    static PointInput of(SweepPoint p) {
        return new PointInput(p.id(), new LinkedHashMap<>(p.values()));
    }

    SweepPoint point() {
        return new SweepPoint(id, values);
    }
}
