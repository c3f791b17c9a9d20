package org.creditstress.experiment.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of a sweep: its id ({@code p0001}, ...) and the value of each varied key, in the order
 * of the {@code --vary} options.
 */
public record SweepPoint(String id, Map<String, String> values) {
    public SweepPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The overrides that make this point from the base scenario: {@code KEY=VALUE} per varied key. */
    public List<String> overrides() {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    /** {@code key=value, key=value} for messages. */
    public String describe() {
        return String.join(", ", overrides());
    }
}
