package org.creditstress.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import org.creditstress.scenario.schema.Key;
import org.creditstress.scenario.schema.Section;

/** Writes a resolved scenario tree in schema order, so resolved files read like the reference. */
final class ResolvedScenario {
    private static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private ResolvedScenario() {
    }

    static ObjectNode canonical(Section section, ObjectNode node) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Key key : section.keys()) {
            if (node.has(key.name())) {
                out.set(key.name(), node.get(key.name()));
            }
        }
        for (Section child : section.sections()) {
            JsonNode value = node.get(child.name());
            if (value instanceof ObjectNode o && !child.list()) {
                out.set(child.name(), canonical(child, o));
            } else if (value instanceof ArrayNode a && child.list()) {
                ArrayNode list = out.putArray(child.name());
                a.forEach(e -> list.add(e instanceof ObjectNode eo ? canonical(child, eo) : e));
            }
        }
        return out;
    }

    static String toYaml(ObjectNode tree) {
        try {
            return WRITER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
