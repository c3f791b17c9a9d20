package org.creditstress.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML file read into a tree, with the line of every key path, so that errors can point at
 * the line a user has to fix. Key paths look like {@code lenders[1].collection.cost_per_account}.
 */
public record YamlDocument(String source, ObjectNode tree, Map<String, Integer> lines) {
    static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads a file; a missing, unreadable, oversized or malformed file is a {@link ScenarioException}. */
    public static YamlDocument read(Path file) {
        String source = file.toString();
        try {
            return parse(source, InputFiles.readText(file));
        } catch (InputFiles.Unreadable e) {
            throw new ScenarioException(new ScenarioProblem(source, e.line(), "", e.getMessage()));
        }
    }

    /**
     * Parses YAML text; {@code source} names it in errors. A scenario is plain YAML: one document,
     * no anchors or aliases (which Jackson would read as the anchor's name, silently) and no explicit
     * tags (which it would ignore); each is rejected with its line and key.
     */
    public static YamlDocument parse(String source, String text) {
        JsonNode tree;
        Map<String, Integer> lines = new HashMap<>();
        try {
            try (JsonParser p = MAPPER.getFactory().createParser(text)) {
                if (p.nextToken() != null) {
                    recordLines(source, p, "", lines);
                    if (p.nextToken() != null) {
                        throw new ScenarioException(new ScenarioProblem(source, p.currentTokenLocation().getLineNr(), "",
                                "a second YAML document starts here (after '---'); a scenario file holds exactly one"));
                    }
                }
            }
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            String reason = e.getOriginalMessage().lines().findFirst().orElse("");
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
                reason = m.getProblem();
            }
            throw new ScenarioException(new ScenarioProblem(source, line, "", "malformed YAML: " + reason));
        } catch (IOException e) {
            throw new ScenarioException(new ScenarioProblem(source, 0, "", "cannot read YAML: " + e.getMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ScenarioException(new ScenarioProblem(source, 0, "", "the file is empty"));
        }
        if (!tree.isObject()) {
            throw new ScenarioException(new ScenarioProblem(source, 1, "", "a scenario must be a YAML mapping of keys to values"));
        }
        return new YamlDocument(source, (ObjectNode) tree, lines);
    }

    /** Line of a key path, or of its nearest recorded ancestor; 0 if none. */
    public int lineOf(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            p = KeyPath.parent(p);
        }
    }

    /** Length of the longest prefix of {@code path} recorded in this document (for choosing a source). */
    int match(String path) {
        String p = path;
        while (!p.isEmpty()) {
            if (lines.containsKey(p)) {
                return p.length();
            }
            p = KeyPath.parent(p);
        }
        return -1;
    }

    /** Whether this file sets a list or a plain value at some prefix of {@code path} (replacing it whole). */
    boolean replaces(String path) {
        List<Object> segments;
        try {
            segments = KeyPath.split(path);
        } catch (IllegalArgumentException e) {
            return false; // a path made of unusual YAML keys: no file replaces it
        }
        JsonNode node = tree;
        for (Object seg : segments) {
            node = seg instanceof Integer i ? node.get(i) : node.get((String) seg);
            if (node == null) {
                return false;
            }
            if (!node.isObject()) {
                return true;
            }
        }
        return false;
    }

    private static void recordLines(String source, JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        rejectAliasesAndTags(source, (YAMLParser) p, path);
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = KeyPath.child(path, p.currentName());
                lines.put(child, p.currentTokenLocation().getLineNr());
                rejectAliasesAndTags(source, (YAMLParser) p, child);
                p.nextToken();
                recordLines(source, p, child, lines);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String child = KeyPath.index(path, i++);
                lines.put(child, p.currentTokenLocation().getLineNr());
                recordLines(source, p, child, lines);
            }
        }
    }

    /** Rejects the YAML features a scenario does not use: anchors, aliases and explicit tags. */
    private static void rejectAliasesAndTags(String source, YAMLParser p, String path) throws IOException {
        String reason = null;
        if (p.isCurrentAlias()) {
            reason = "YAML aliases are not supported (*" + p.getText() + "); write the value out";
        } else if (p.getObjectId() != null) {
            reason = "YAML anchors are not supported (&" + p.getObjectId() + "); write the value out where it is used";
        } else if (p.getTypeId() != null) {
            reason = "explicit YAML tags are not supported (!" + p.getTypeId().replace("tag:yaml.org,2002:", "!") + "); write the plain value";
        }
        if (reason != null) {
            throw new ScenarioException(new ScenarioProblem(source, p.currentTokenLocation().getLineNr(), path, reason));
        }
    }
}
