package org.creditstress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.creditstress.scenario.schema.Key;
import org.creditstress.scenario.schema.KeyType;
import org.creditstress.scenario.schema.Section;

/**
 * Checks a merged scenario tree against the {@link org.creditstress.scenario.schema.ScenarioSchema}
 * and fills in every default, in place. Unknown keys, wrong types and out-of-range values are
 * problems (never clamped); each is reported with the key path, and the caller adds the source
 * and line.
 */
final class SchemaValidator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    /** A problem before its source is known. */
    record Finding(String path, String reason) {
    }

    private final List<Finding> findings = new ArrayList<>();

    List<Finding> validateAndFill(Section root, ObjectNode tree) {
        section(root, tree, "");
        return findings;
    }

    /** Validates a single value against the key found at {@code path}, used for --set. */
    static Optional<String> checkValue(Key key, JsonNode value) {
        SchemaValidator v = new SchemaValidator();
        v.value(key, value, "");
        return v.findings.isEmpty() ? Optional.empty() : Optional.of(v.findings.get(0).reason());
    }

    /** "did you mean" text for an unknown name, or empty. */
    static String suggestion(String unknown, List<String> valid) {
        return nearest(unknown, valid).map(n -> "; did you mean '" + n + "'?")
                .orElse("; valid keys here: " + String.join(", ", valid));
    }

    /** The valid name closest to {@code unknown} by edit distance, if it is close enough to be a typo. */
    static Optional<String> nearest(String unknown, List<String> valid) {
        return valid.stream()
                .min(Comparator.comparingInt(v -> DISTANCE.apply(unknown, v)))
                .filter(best -> DISTANCE.apply(unknown, best) <= Math.max(2, unknown.length() / 3));
    }

    private void section(Section s, ObjectNode node, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!s.names().contains(name)) {
                findings.add(new Finding(KeyPath.child(path, name), "unknown key" + suggestion(name, s.names())));
            }
        }
        for (Key key : s.keys()) {
            String keyPath = KeyPath.child(path, key.name());
            JsonNode value = node.get(key.name());
            if (value == null || value.isNull()) {
                if (key.defaultValue() != null) {
                    node.set(key.name(), toNode(key.defaultValue()));
                } else if (key.defaultFrom() == null) {
                    findings.add(new Finding(keyPath, "missing required key (" + describe(key) + ")"));
                }
            } else {
                value(key, value, keyPath);
            }
        }
        for (Key key : s.keys()) {
            if (key.defaultFrom() != null && (node.get(key.name()) == null || node.get(key.name()).isNull())) {
                JsonNode from = node.get(key.defaultFrom());
                node.set(key.name(), from == null ? F.nullNode() : from.deepCopy());
            }
        }
        for (Section child : s.sections()) {
            String childPath = KeyPath.child(path, child.name());
            JsonNode value = node.get(child.name());
            if (child.list() && (value == null || value.isNull()) && child.minElements() == 0) {
                node.putArray(child.name());
            } else if (child.list()) {
                list(child, value, childPath);
            } else if (value == null || value.isNull()) {
                ObjectNode created = node.putObject(child.name());
                section(child, created, childPath);
            } else if (!value.isObject()) {
                findings.add(new Finding(childPath, "must be a mapping of keys to values, got " + kind(value)));
            } else {
                section(child, (ObjectNode) value, childPath);
            }
        }
    }

    private void list(Section s, JsonNode value, String path) {
        if (value == null || value.isNull()) {
            findings.add(new Finding(path, "missing required list (" + s.doc() + ")"));
            return;
        }
        if (!value.isArray()) {
            findings.add(new Finding(path, "must be a list, got " + kind(value)));
            return;
        }
        if (value.size() < s.minElements()) {
            findings.add(new Finding(path, "needs at least " + s.minElements() + " element(s), got " + value.size()));
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = KeyPath.index(path, i);
            if (!element.isObject()) {
                findings.add(new Finding(elementPath, "must be a mapping of keys to values, got " + kind(element)));
            } else {
                section(s, (ObjectNode) element, elementPath);
            }
        }
    }

    private void value(Key key, JsonNode v, String path) {
        switch (key.type()) {
            case INTEGER -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    bad(path, "must be an integer " + key.rangeText(), v);
                } else {
                    range(key, v.asLong(), path, v);
                }
            }
            case NUMBER -> {
                if (!v.isNumber()) {
                    bad(path, "must be a number in " + key.rangeText(), v);
                } else {
                    range(key, v.asDouble(), path, v);
                }
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    bad(path, "must be true or false", v);
                }
            }
            case STRING -> {
                if (!v.isTextual()) {
                    bad(path, "must be a string", v);
                }
            }
            case CHOICE -> {
                if (!v.isTextual() || !key.choices().contains(v.asText())) {
                    String hint = v.isTextual()
                            ? nearest(v.asText(), key.choices()).map(n -> " (did you mean '" + n + "'?)").orElse("") : "";
                    bad(path, "must be one of " + String.join(", ", key.choices()) + hint, v);
                }
            }
            case NUMBER_LIST -> numberList(key, v, path);
            case STRING_LIST -> {
                if (!v.isArray()) {
                    bad(path, "must be a list of strings", v);
                } else if (v.size() < key.min()) {
                    bad(path, "needs at least " + (int) key.min() + " element(s)", v);
                } else {
                    for (int i = 0; i < v.size(); i++) {
                        if (!v.get(i).isTextual()) {
                            bad(KeyPath.index(path, i), "must be a string", v.get(i));
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(key.type().toString());
        }
    }

    private void numberList(Key key, JsonNode v, String path) {
        if (!v.isArray()) {
            bad(path, "must be a list of numbers", v);
            return;
        }
        if (key.listLength() > 0 && v.size() != key.listLength()) {
            bad(path, "must have exactly " + key.listLength() + " numbers, got " + v.size(), null);
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber()) {
                bad(KeyPath.index(path, i), "must be a number in " + key.rangeText(), e);
            } else {
                range(key, e.asDouble(), KeyPath.index(path, i), e);
            }
        }
    }

    private void range(Key key, double x, String path, JsonNode v) {
        if (Double.isNaN(x) || x < key.min() || x > key.max()) {
            bad(path, "must be in " + key.rangeText() + (key.unit().isEmpty() ? "" : " (" + key.unit() + ")"), v);
        }
    }

    private void bad(String path, String reason, JsonNode got) {
        findings.add(new Finding(path, got == null ? reason : reason + ", got " + shortText(got)));
    }

    private static String describe(Key key) {
        return key.type().label() + (key.rangeText().isEmpty() ? "" : " " + key.rangeText());
    }

    private static String kind(JsonNode v) {
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        return shortText(v);
    }

    private static String shortText(JsonNode v) {
        String t = v.isTextual() ? "'" + v.asText() + "'" : v.toString();
        return t.length() > 40 ? t.substring(0, 37) + "..." : t;
    }

    static JsonNode toNode(Object value) {
        if (value instanceof Integer i) {
            return F.numberNode(i);
        }
        if (value instanceof Long l) {
            return F.numberNode(l);
        }
        if (value instanceof Double d) {
            return F.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (value instanceof String s) {
            return F.textNode(s);
        }
        if (value instanceof List<?> list) {
            ArrayNode a = F.arrayNode();
            list.forEach(e -> a.add(toNode(e)));
            return a;
        }
        throw new IllegalArgumentException("unsupported default " + value);
    }
}
