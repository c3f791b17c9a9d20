package org.creditstress.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.creditstress.scenario.schema.Key;
import org.creditstress.scenario.schema.Section;

/**
 * Reads a scenario file into a validated {@link Scenario}:
 * <ol>
 *   <li>reads the file and, following {@code extends:}, the files it builds on (paths relative
 *       to the file that names them);</li>
 *   <li>merges them, the extending file over the one it extends: mappings merge key by key,
 *       anything else (numbers, strings, lists) is replaced whole;</li>
 *   <li>applies {@code --set KEY=VALUE} overrides (dotted paths, list indexes as {@code [i]} or
 *       {@code .i}; the value is read as YAML);</li>
 *   <li>checks every key against the schema and fills in defaults, then checks the rules that
 *       span keys.</li>
 * </ol>
 * Every problem is collected and thrown together in one {@link ScenarioException}, each naming
 * its file, line and key path.
 */
public final class ScenarioLoader {
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ScenarioLoader() {
    }

    /** Loads a scenario file with overrides ({@code KEY=VALUE} strings, may be empty). */
    public static LoadedScenario load(Path file, List<String> overrides) {
        return load(ScenarioFormat.standard(), file, overrides);
    }

    /** Loads a scenario file in a given format (a model built from other registries, in tests). */
    public static LoadedScenario load(ScenarioFormat format, Path file, List<String> overrides) {
        Path normal = file.toAbsolutePath().normalize();
        List<YamlDocument> chain = readChain(YamlDocument.read(file), normal);
        String defaultName = baseName(file);
        return resolve(format, chain, overrides, defaultName);
    }

    /** Loads a scenario from YAML text (tests, tools); {@code extends} paths are relative to the working directory. */
    public static LoadedScenario fromYaml(String source, String yaml, List<String> overrides) {
        return fromYaml(ScenarioFormat.standard(), source, yaml, overrides);
    }

    /** Loads a scenario from YAML text in a given format. */
    public static LoadedScenario fromYaml(ScenarioFormat format, String source, String yaml, List<String> overrides) {
        List<YamlDocument> chain = readChain(YamlDocument.parse(source, yaml), null);
        return resolve(format, chain, overrides, baseName(Path.of(source.replaceAll("[^A-Za-z0-9_.-]", "_"))));
    }

    private static LoadedScenario resolve(ScenarioFormat format, List<YamlDocument> chain, List<String> overrides, String defaultName) {
        ObjectNode merged = chain.get(chain.size() - 1).tree().deepCopy();
        for (int i = chain.size() - 2; i >= 0; i--) {
            merge(merged, chain.get(i).tree());
        }
        List<ScenarioProblem> problems = new ArrayList<>();
        List<String> setPaths = new ArrayList<>();
        for (String override : overrides) {
            applyOverride(format.root(), merged, override, setPaths, problems);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        List<SchemaValidator.Finding> findings = new SchemaValidator().validateAndFill(format.root(), merged);
        throwIfAny(findings, chain, overrides, setPaths);
        List<ScenarioProblem> csvProblems = EconomyCsv.load(merged, chain,
                (path, reason) -> locate(new SchemaValidator.Finding(path, reason), chain, overrides, setPaths));
        if (!csvProblems.isEmpty()) {
            throw new ScenarioException(csvProblems);
        }
        // Values read from CSV files are checked like values written in the scenario.
        throwIfAny(new SchemaValidator().validateAndFill(format.root(), merged), chain, overrides, setPaths);
        if (merged.path("name").asText().isEmpty()) {
            merged.put("name", defaultName);
        }
        Scenario scenario;
        try {
            scenario = BINDER.treeToValue(merged, Scenario.class);
        } catch (Exception e) {
            throw new IllegalStateException("validated scenario does not bind: " + e.getMessage(), e);
        }
        List<SchemaValidator.Finding> rules = new ScenarioChecks().check(scenario);
        for (ScenarioRule rule : format.rules()) {
            rule.check(scenario).forEach(p -> rules.add(new SchemaValidator.Finding(p.path(), p.reason())));
        }
        throwIfAny(rules, chain, overrides, setPaths);
        if (!scenario.population().book().isEmpty()) {
            scenario = withBook(merged, scenario, chain, overrides, setPaths);
        }
        return new LoadedScenario(scenario, ResolvedScenario.canonical(format.root(), merged),
                chain.get(0).source(), List.copyOf(chain));
    }

    /**
     * Reads and checks the loan tape of {@code population.book} (relative to the file that sets it,
     * or to the working directory for --set), then puts its absolute path and its borrower count
     * ({@code population.size}) into the tree and binds the scenario again: the resolved scenario
     * reruns the same book from anywhere, and the size is the book's.
     */
    private static Scenario withBook(ObjectNode merged, Scenario scenario, List<YamlDocument> chain, List<String> overrides,
                                     List<String> setPaths) {
        String book = scenario.population().book();
        ScenarioProblem at = locate(new SchemaValidator.Finding("population.book", ""), chain, overrides, setPaths);
        Path dir = at.source().startsWith("--set ") ? null : Path.of(at.source()).toAbsolutePath().getParent();
        Path file;
        try {
            file = InputFiles.resolve(dir, book).toAbsolutePath().normalize();
        } catch (InputFiles.Unreadable e) {
            throw new ScenarioException(locate(new SchemaValidator.Finding("population.book", e.getMessage()), chain, overrides, setPaths));
        }
        Path here = Path.of("").toAbsolutePath();
        String shown = file.startsWith(here) ? here.relativize(file).toString() : file.toString();
        LoanTape tape;
        try {
            tape = LoanTape.read(file, shown, scenario);
        } catch (ScenarioException e) {
            if (e.problems().size() == 1 && e.problems().get(0).line() == 0 && e.problems().get(0).keyPath().isEmpty()) {
                // The file as a whole (missing, too large): blame the scenario line that names it.
                throw new ScenarioException(locate(new SchemaValidator.Finding("population.book",
                        shown + ": " + e.problems().get(0).reason()), chain, overrides, setPaths));
            }
            throw e;
        }
        ObjectNode population = (ObjectNode) merged.get("population");
        population.put("book", file.toString());
        population.put("size", tape.borrowers().size());
        try {
            return BINDER.treeToValue(merged, Scenario.class);
        } catch (Exception e) {
            throw new IllegalStateException("validated scenario does not bind: " + e.getMessage(), e);
        }
    }

    private static void throwIfAny(List<SchemaValidator.Finding> findings, List<YamlDocument> chain,
                                   List<String> overrides, List<String> setPaths) {
        if (findings.isEmpty()) {
            return;
        }
        List<ScenarioProblem> problems = new ArrayList<>();
        for (SchemaValidator.Finding f : findings) {
            problems.add(locate(f, chain, overrides, setPaths));
        }
        throw new ScenarioException(problems);
    }

    /** Finds which file (or --set) a finding's key came from, and its line. */
    private static ScenarioProblem locate(SchemaValidator.Finding f, List<YamlDocument> chain,
                                          List<String> overrides, List<String> setPaths) {
        for (int i = setPaths.size() - 1; i >= 0; i--) {
            String sp = setPaths.get(i);
            if (f.path().equals(sp) || f.path().startsWith(sp + ".") || f.path().startsWith(sp + "[")) {
                return new ScenarioProblem("--set " + overrides.get(i), 0, f.path(), f.reason());
            }
        }
        YamlDocument best = owner(chain, f.path());
        return new ScenarioProblem(best.source(), best.lineOf(f.path()), f.path(), f.reason());
    }

    /**
     * The file a key path's value came from: the extending file first; a file that sets the key, or
     * replaces a list or value above it, owns it; otherwise the file that records most of the path.
     */
    static YamlDocument owner(List<YamlDocument> chain, String path) {
        for (YamlDocument d : chain) {
            if (d.match(path) == path.length() || d.replaces(path)) {
                return d;
            }
        }
        return chain.stream().max(Comparator.comparingInt(d -> d.match(path))).orElseThrow();
    }

    /**
     * The document and, following {@code extends:}, the files it builds on. {@code first} was read
     * from {@code firstPath} (absolute and normalised), or null when it did not come from a file.
     */
    private static List<YamlDocument> readChain(YamlDocument first, Path firstPath) {
        List<YamlDocument> chain = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        YamlDocument doc = first;
        Path normal = firstPath;
        while (true) {
            if (normal != null) {
                seen.add(normal);
            }
            chain.add(doc);
            JsonNode ext = doc.tree().remove("extends");
            if (ext == null) {
                return chain;
            }
            if (!ext.isTextual()) {
                throw new ScenarioException(extendsProblem(doc, "must be the path of another scenario file, got " + ext));
            }
            Path next = null;
            String text;
            try {
                next = InputFiles.resolve(normal == null ? null : normal.getParent(), ext.asText());
                normal = next.toAbsolutePath().normalize();
                if (seen.contains(normal)) {
                    throw new ScenarioException(extendsProblem(doc, "circular extends: " + next + " is already in the chain"));
                }
                text = InputFiles.readText(next);
            } catch (InputFiles.Unreadable e) {
                throw new ScenarioException(e.line() > 0 ? new ScenarioProblem(String.valueOf(next), e.line(), "", e.getMessage())
                        : extendsProblem(doc, (next == null ? "" : next + ": ") + e.getMessage()));
            }
            doc = YamlDocument.parse(next.toString(), text);
        }
    }

    private static ScenarioProblem extendsProblem(YamlDocument doc, String reason) {
        return new ScenarioProblem(doc.source(), doc.lineOf("extends"), "extends", reason);
    }

    /** Merges {@code over} into {@code base}: mappings key by key, everything else replaced. */
    static void merge(ObjectNode base, ObjectNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
                merge(eo, vo);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static void applyOverride(Section root, ObjectNode tree, String override, List<String> setPaths,
                                      List<ScenarioProblem> problems) {
        String source = "--set " + override;
        int eq = override.indexOf('=');
        if (eq <= 0) {
            problems.add(new ScenarioProblem(source, 0, "", "expected KEY=VALUE, e.g. economy.unemployment.shock_level=0.1"));
            setPaths.add("\u0000");
            return;
        }
        String keyText = override.substring(0, eq).trim();
        List<Object> segments;
        try {
            segments = KeyPath.split(keyText);
        } catch (IllegalArgumentException e) {
            problems.add(new ScenarioProblem(source, 0, keyText, e.getMessage()));
            setPaths.add("\u0000");
            return;
        }
        String path = KeyPath.join(segments);
        setPaths.add(path);
        JsonNode value;
        try {
            value = YamlDocument.MAPPER.readTree(override.substring(eq + 1));
        } catch (Exception e) {
            problems.add(new ScenarioProblem(source, 0, path, "value is not valid YAML"));
            return;
        }
        if (value == null || value.isMissingNode()) {
            value = YamlDocument.MAPPER.getNodeFactory().textNode("");
        }
        Optional<String> error = checkPath(root, segments, value);
        if (error.isPresent()) {
            problems.add(new ScenarioProblem(source, 0, path, error.get()));
            return;
        }
        JsonNode node = tree;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object seg = segments.get(i);
            Object next = segments.get(i + 1);
            JsonNode child = seg instanceof Integer idx ? node.get(idx) : node.get((String) seg);
            boolean wrongKind = child != null && !child.isNull()
                    && (next instanceof Integer ? !child.isArray() : !child.isObject());
            if (wrongKind && next instanceof Integer) {
                problems.add(new ScenarioProblem(source, 0, path, "'" + KeyPath.join(segments.subList(0, i + 1))
                        + "' in the scenario is not a list, so it cannot be indexed"));
                return;
            }
            if (wrongKind) {
                child = null;
            }
            if (child == null || child.isNull()) {
                if (seg instanceof Integer idx) {
                    problems.add(new ScenarioProblem(source, 0, path, "index " + idx + " is out of range: the list has "
                            + node.size() + " element(s)"));
                    return;
                }
                if (next instanceof Integer) {
                    problems.add(new ScenarioProblem(source, 0, path, "the scenario has no list '" + seg + "' to index"));
                    return;
                }
                if (!(node instanceof ObjectNode parentMap)) {
                    problems.add(new ScenarioProblem(source, 0, path, "'" + KeyPath.join(segments.subList(0, i))
                            + "' in the scenario is not a mapping"));
                    return;
                }
                child = parentMap.putObject((String) seg);
            }
            node = child;
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer idx) {
            if (!(node instanceof ArrayNode array) || idx >= array.size()) {
                problems.add(new ScenarioProblem(source, 0, path, "index " + idx + " is out of range"));
                return;
            }
            array.set(idx, value);
        } else if (node instanceof ObjectNode map) {
            map.set((String) last, value);
        } else {
            problems.add(new ScenarioProblem(source, 0, path, "the scenario has no mapping to set '" + last + "' in"));
        }
    }

    /** Checks that a --set path names a key of the schema and its value is valid there. */
    private static Optional<String> checkPath(Section root, List<Object> segments, JsonNode value) {
        Section section = root;
        for (int i = 0; i < segments.size(); i++) {
            Object seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (seg instanceof Integer) {
                if (!section.list()) {
                    return Optional.of("'" + KeyPath.join(segments.subList(0, i)) + "' is not a list");
                }
                if (last) {
                    return value.isObject() ? Optional.empty() : Optional.of("a list element must be a mapping");
                }
                continue;
            }
            String name = (String) seg;
            if (section.list() && (i == 0 || !(segments.get(i - 1) instanceof Integer))) {
                return Optional.of("'" + section.name() + "' is a list: give an index, e.g. " + section.name() + "[0]." + name);
            }
            Optional<Key> key = section.key(name);
            if (key.isPresent()) {
                if (last) {
                    return SchemaValidator.checkValue(key.get(), value);
                }
                boolean element = i == segments.size() - 2 && segments.get(i + 1) instanceof Integer
                        && key.get().type() == org.creditstress.scenario.schema.KeyType.NUMBER_LIST;
                if (!element) {
                    return Optional.of("'" + name + "' is a value, not a section");
                }
                if (!value.isNumber()) {
                    return Optional.of("must be a number in " + key.get().rangeText() + ", got " + value);
                }
                double x = value.asDouble();
                return x < key.get().min() || x > key.get().max()
                        ? Optional.of("must be in " + key.get().rangeText() + ", got " + value) : Optional.empty();
            }
            Optional<Section> child = section.section(name);
            if (child.isEmpty()) {
                return Optional.of("unknown key" + SchemaValidator.suggestion(name, section.names()));
            }
            section = child.get();
            if (last && !(value.isObject() || (section.list() && value.isArray()))) {
                return Optional.of("'" + name + "' is a section; set one of its keys, e.g. " + name + "." + section.names().get(0));
            }
        }
        return Optional.empty();
    }

    /** The default scenario name: the file name without .yaml, made safe for a folder name. */
    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        n = n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n.endsWith(".yml") ? n.substring(0, n.length() - 4) : n;
        n = n.replaceAll("[^A-Za-z0-9_-]", "_");
        return n.isEmpty() ? "scenario" : n;
    }
}
