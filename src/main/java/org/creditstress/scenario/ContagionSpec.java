package org.creditstress.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code contagion} section: one switch per contagion channel and the channels' own settings.
 * The keys are declared by the channels themselves (the model's channel registry); this record
 * only carries the validated values, so adding a channel adds no field here.
 */
public final class ContagionSpec {
    private final Map<String, Object> values;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ContagionSpec(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** Whether the channel switched by {@code key} is on. */
    public boolean on(String key) {
        Object v = values.get(key);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("no contagion switch '" + key + "'");
        }
        return b;
    }

    /** A channel's numeric setting. */
    public double number(String key) {
        Object v = values.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("no contagion setting '" + key + "'");
        }
        return n.doubleValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContagionSpec c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ContagionSpec" + values;
    }
}
