package org.creditstress.run;

import java.time.Instant;
import java.util.List;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.scenario.LoadedScenario;

/** Everything a finished run produced, before it is written to disk. */
public record RunResult(LoadedScenario loaded, MetricRegistry registry, List<ReplicationResult> replications,
                        int threads, Instant start, Instant end) {
}
