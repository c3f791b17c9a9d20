package org.creditstress.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A scenario as loaded: the typed, validated form the model reads, the resolved tree (every
 * default filled, schema order) written as {@code scenario.resolved.yaml}, the file it came from,
 * and the files read (for pointing later errors at a line).
 */
public record LoadedScenario(Scenario scenario, ObjectNode resolved, String source, List<YamlDocument> documents) {

    /** The resolved scenario as YAML, re-loadable to the same {@link Scenario}. */
    public String resolvedYaml() {
        return ResolvedScenario.toYaml(resolved);
    }

    /** A problem about key {@code keyPath}, located in the file that set it. */
    public ScenarioProblem problemAt(String keyPath, String reason) {
        if (documents.isEmpty()) {
            return new ScenarioProblem(source, 0, keyPath, reason);
        }
        YamlDocument d = ScenarioLoader.owner(documents, keyPath);
        return new ScenarioProblem(d.source(), d.lineOf(keyPath), keyPath, reason);
    }
}
