package org.creditstress.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

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
     * no anchors or aliases (which Jackson would read as the anchor's name, silently, so there is
     * nothing to expand) and no explicit tags (which it would ignore); each is rejected with its line
     * and key.
     */
    public static YamlDocument parse(String source, String text) {
        JsonNode tree;
        Map<String, Integer> lines = new HashMap<>();
        try {
            scan(source, text, lines);
            tree = MAPPER.readTree(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ScenarioException(new ScenarioProblem(source, line, "", "malformed YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            throw new ScenarioException(new ScenarioProblem(source, 0, "", "malformed YAML: " + e.getMessage().lines().findFirst().orElse("")));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            String reason = e.getOriginalMessage().lines().findFirst().orElse("");
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
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

    /** Where a walk over YAML events stands inside a mapping or a list. */
    private static final class Frame {
        final String path;
        final boolean mapping;
        String key;
        int index;

        Frame(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }
    }

    /**
     * Walks the YAML events (SnakeYAML's, since Jackson drops the anchors of scalars): records the
     * line of every key path and rejects what a scenario does not use: a second document, anchors,
     * aliases and explicit tags, each at its line and key.
     */
    private static void scan(String source, String text, Map<String, Integer> lines) {
        Deque<Frame> stack = new ArrayDeque<>();
        int documents = 0;
        for (Event e : new Yaml().parse(new StringReader(text))) {
            int line = e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
            if (e instanceof DocumentStartEvent && ++documents > 1) {
                throw new ScenarioException(new ScenarioProblem(source, line, "",
                        "a second YAML document starts here ('---'); a scenario file holds exactly one"));
            }
            if (e instanceof CollectionEndEvent) {
                stack.pop();
                next(stack);
                continue;
            }
            if (!(e instanceof NodeEvent node)) {
                continue;
            }
            Frame top = stack.peek();
            if (top != null && top.mapping && top.key == null) {
                reject(source, line, top.path, node);
                if (!(e instanceof ScalarEvent key)) {
                    throw new ScenarioException(new ScenarioProblem(source, line, top.path, "a key must be a plain name"));
                }
                top.key = key.getValue();
                lines.put(KeyPath.child(top.path, top.key), line);
                continue;
            }
            String path = top == null ? "" : top.mapping ? KeyPath.child(top.path, top.key) : KeyPath.index(top.path, top.index);
            if (top != null && !top.mapping) {
                lines.put(path, line);
            }
            reject(source, line, path, node);
            if (e instanceof MappingStartEvent) {
                stack.push(new Frame(path, true));
            } else if (e instanceof SequenceStartEvent) {
                stack.push(new Frame(path, false));
            } else {
                next(stack);
            }
        }
    }

    /** A value is done: the mapping awaits its next key, the list its next element. */
    private static void next(Deque<Frame> stack) {
        Frame top = stack.peek();
        if (top != null && top.mapping) {
            top.key = null;
        } else if (top != null) {
            top.index++;
        }
    }

    private static void reject(String source, int line, String path, NodeEvent e) {
        String tag = e instanceof ScalarEvent s ? s.getTag() : e instanceof CollectionStartEvent c ? c.getTag() : null;
        String reason = null;
        if (e instanceof AliasEvent) {
            reason = "YAML aliases are not supported (*" + e.getAnchor() + "); write the value out";
        } else if (e.getAnchor() != null) {
            reason = "YAML anchors are not supported (&" + e.getAnchor() + "); write the value out where it is used";
        } else if (tag != null) {
            reason = "explicit YAML tags are not supported (" + tag.replace("tag:yaml.org,2002:", "!!") + "); write the plain value";
        }
        if (reason != null) {
            throw new ScenarioException(new ScenarioProblem(source, line, path, reason));
        }
    }
}
