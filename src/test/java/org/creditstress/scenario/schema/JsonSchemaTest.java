package org.creditstress.scenario.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema editors use (docs/scenario.schema.json) is the one the code generates, every
 * shipped scenario validates against it with a JSON Schema validator, starts with the
 * yaml-language-server line that points to it, and the schema rejects what the loader rejects.
 */
class JsonSchemaTest {
    private static final Path SCHEMA = Path.of("docs/scenario.schema.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(Files.readString(SCHEMA));
    }

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theCheckedInSchemaIsTheGeneratedOne() throws IOException {
        assertEquals(JsonSchemaWriter.write(ScenarioSchema.root()), Files.readString(SCHEMA),
                "docs/scenario.schema.json is stale: run ./creditstress docs");
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyShippedScenarioValidatesAndPointsEditorsToTheSchema(Path file) throws IOException {
        List<Error> errors = schema().validate(YAML.readTree(file.toFile()));
        assertTrue(errors.isEmpty(), file + ": " + errors);
        String first = Files.readAllLines(file).get(0);
        Path relative = file.getParent().relativize(SCHEMA);
        assertEquals("# yaml-language-server: $schema=" + relative.toString().replace('\\', '/'), first, file.toString());
    }

    @Test
    void theSchemaRejectsUnknownKeysWrongTypesAndValuesOutOfRange() throws IOException {
        Schema schema = schema();
        JsonNode unknown = YAML.readTree("extends: baseline.yaml\npopulation: {sise: 100}\n");
        JsonNode outOfRange = YAML.readTree("extends: baseline.yaml\nlenders:\n  - {name: A, products: [p], market_share: 1.5}\n");
        JsonNode wrongChoice = YAML.readTree("extends: baseline.yaml\nproducts:\n  - {id: p, kind: mortgage}\n");
        JsonNode missingRequired = YAML.readTree("name: alone\n");
        for (JsonNode bad : List.of(unknown, outOfRange, wrongChoice, missingRequired)) {
            assertFalse(schema.validate(bad).isEmpty(), bad.toString());
        }
        assertTrue(schema.validate(YAML.readTree("extends: baseline.yaml\npopulation: {size: 100}\n")).isEmpty());
    }
}
