package org.creditstress.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.scenario.schema.ScenarioSchema;
import org.junit.jupiter.api.Test;

/** The checked-in reference documents are exactly what the code generates: they cannot drift. */
class ReferenceDocsTest {

    @Test
    void scenarioReferenceMatchesTheSchema() throws IOException {
        assertEquals(ReferenceDocs.scenarioReference(), Files.readString(Path.of("docs/scenario-reference.md")),
                "docs/scenario-reference.md is stale: run ./creditstress docs");
    }

    @Test
    void outputsReferenceMatchesTheMetricRegistry() throws IOException {
        assertEquals(ReferenceDocs.outputs(new MetricRegistry(List.of(), List.of(), true)), Files.readString(Path.of("docs/outputs.md")),
                "docs/outputs.md is stale: run ./creditstress docs");
    }

    @Test
    void everySchemaKeyIsDocumented() {
        String doc = ReferenceDocs.scenarioReference();
        ScenarioSchema.root().keys().forEach(k -> assertTrue(doc.contains("`" + k.name() + "`"), k.name()));
        ScenarioSchema.root().sections().forEach(s -> s.keys().forEach(k -> assertTrue(doc.contains("`" + k.name() + "`"), k.name())));
    }
}
