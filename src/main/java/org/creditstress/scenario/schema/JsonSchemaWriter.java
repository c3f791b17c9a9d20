package org.creditstress.scenario.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario format as a JSON Schema (draft-07), for editors: YAML language servers complete
 * keys and show each key's type, range, default, unit and meaning from it. Generated from the same
 * {@link Section} tree as validation and the reference docs, so it cannot drift.
 *
 * <p>What it cannot say, the loader still checks (one line, file and line): cross-key rules
 * (market shares adding up, products a lender names existing) and what an {@code extends} chain
 * fills in. Required keys are required only in list elements (a list replaces the inherited one
 * whole) and, at the top, in a file without {@code extends}.
 */
public final class JsonSchemaWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSchemaWriter() {
    }

    /** The schema of {@code root} as pretty-printed JSON, ending with a newline. */
    public static String write(Section root) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("$id", "https://creditstress.org/scenario.schema.json");
        schema.put("title", "creditstress scenario (format version " + ScenarioSchema.FORMAT_VERSION + ")");
        object(schema, root, false);
        ObjectNode props = (ObjectNode) schema.get("properties");
        ObjectNode ext = JSON.createObjectNode();
        ext.put("type", "string");
        ext.put("description", "Another scenario file (path relative to this one) to start from: mappings merge key by key, "
                + "anything else replaces the other file's value whole.");
        props.set("extends", ext);
        List<String> required = required(root);
        if (!required.isEmpty()) {
            ObjectNode ifNode = JSON.createObjectNode();
            ObjectNode not = ifNode.putObject("not");
            not.putArray("required").add("extends");
            schema.set("if", ifNode);
            ArrayNode req = schema.putObject("then").putArray("required");
            required.forEach(req::add);
        }
        try {
            return JSON.writeValueAsString(schema) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> required(Section s) {
        List<String> names = new ArrayList<>();
        for (Key k : s.keys()) {
            if (k.required()) {
                names.add(k.name());
            }
        }
        for (Section c : s.sections()) {
            if (c.list() && c.minElements() > 0) {
                names.add(c.name());
            }
        }
        return names;
    }

    /** Fills {@code node} with the object schema of section {@code s}. */
    private static void object(ObjectNode node, Section s, boolean requireKeys) {
        node.put("type", "object");
        if (!s.doc().isEmpty()) {
            node.put("description", s.doc());
        }
        ObjectNode props = node.putObject("properties");
        for (Key k : s.keys()) {
            props.set(k.name(), key(k));
        }
        for (Section c : s.sections()) {
            ObjectNode child = JSON.createObjectNode();
            if (c.list()) {
                child.put("type", "array");
                child.put("description", c.doc());
                if (c.minElements() > 0) {
                    child.put("minItems", c.minElements());
                }
                object(child.putObject("items"), c, true);
            } else {
                object(child, c, false);
            }
            props.set(c.name(), child);
        }
        node.put("additionalProperties", false);
        if (requireKeys) {
            List<String> req = required(s);
            if (!req.isEmpty()) {
                ArrayNode r = node.putArray("required");
                req.forEach(r::add);
            }
        }
    }

    private static ObjectNode key(Key k) {
        ObjectNode n = JSON.createObjectNode();
        String doc = k.doc() + (k.unit().isEmpty() ? "" : " Unit: " + k.unit() + ".");
        n.put("description", doc);
        switch (k.type()) {
            case INTEGER -> {
                n.put("type", "integer");
                bounds(n, k);
            }
            case NUMBER -> {
                n.put("type", "number");
                bounds(n, k);
            }
            case BOOLEAN -> n.put("type", "boolean");
            case STRING -> n.put("type", "string");
            case CHOICE -> {
                n.put("type", "string");
                ArrayNode e = n.putArray("enum");
                k.choices().forEach(e::add);
            }
            case NUMBER_LIST -> {
                n.put("type", "array");
                ObjectNode items = n.putObject("items");
                items.put("type", "number");
                bounds(items, k);
                if (k.listLength() > 0) {
                    n.put("minItems", k.listLength());
                    n.put("maxItems", k.listLength());
                }
            }
            case STRING_LIST -> {
                n.put("type", "array");
                n.putObject("items").put("type", "string");
                if (k.min() > 0) {
                    n.put("minItems", (int) k.min());
                }
            }
        }
        Object d = k.defaultValue();
        if (d != null) {
            n.set("default", JSON.valueToTree(d));
        }
        return n;
    }

    private static void bounds(ObjectNode n, Key k) {
        if (Double.isFinite(k.min()) && k.min() > -1e18) {
            put(n, "minimum", k.min());
        }
        if (Double.isFinite(k.max()) && k.max() < 9.2e18) {
            put(n, "maximum", k.max());
        }
    }

    private static void put(ObjectNode n, String name, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            n.put(name, (long) v);
        } else {
            n.put(name, v);
        }
    }
}
