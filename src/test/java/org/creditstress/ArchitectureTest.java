package org.creditstress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers and dependencies point down only: a package may use its own layer and
 * the layers below, never one above. Read from the source: every {@code import} and every fully
 * qualified {@code org.creditstress.x.} name in code (comments and strings are left out). Sibling
 * packages of one layer may use each other, but no two top-level packages may depend on each other
 * in a cycle. Each package's {@code package-info.java} says which packages it may use.
 */
class ArchitectureTest {
    private static final String ROOT = "org.creditstress.";

    /** The one table of layers: top-level package under {@code org.creditstress} -> layer, higher uses lower. */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("spark", 8),
            Map.entry("cli", 7),
            Map.entry("bench", 6),
            Map.entry("serve", 6),
            Map.entry("report", 5),
            Map.entry("experiment", 4),
            Map.entry("run", 3),
            Map.entry("model", 2),
            Map.entry("scenario", 1),
            Map.entry("metric", 1),
            Map.entry("network", 1));

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b" + Pattern.quote(ROOT) + "([a-z]\\w*)\\b");
    private static final Pattern COMMENT_OR_STRING = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);

    /** Packages outside the core: Spark is a provided dependency, on the class path only under spark-submit. */
    private static final Set<String> OUTSIDE_CORE = Set.of("spark");
    private static final Pattern SPARK_IMPORT = Pattern.compile("\\b(org\\.apache\\.spark|org\\.creditstress\\.spark)\\b");

    /** One use of another top-level package: in which file, at which line, what text. */
    record Use(Path file, int line, String text, String from, String to) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + from + " (layer " + LAYERS.get(from) + ") uses " + to + " (layer "
                    + LAYERS.get(to) + "): " + text;
        }
    }

    private static List<Use> uses;
    private static Set<String> packages;
    /** Lines of core packages that name Spark or the spark package. */
    private static List<String> sparkInCore;

    @BeforeAll
    static void scan() throws IOException {
        uses = new ArrayList<>();
        packages = new TreeSet<>();
        sparkInCore = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(ArchitectureTest::read);
        }
    }

    private static void read(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher p = PACKAGE.matcher(source);
        assertTrue(p.find(), file + " has no package declaration");
        String from = topLevel(p.group(1));
        packages.add(from);
        String code = blankCommentsAndStrings(source);
        String[] lines = code.split("\n", -1);
        String[] original = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("package ")) {
                continue;
            }
            if (!OUTSIDE_CORE.contains(from) && SPARK_IMPORT.matcher(lines[i]).find()) {
                sparkInCore.add(file + ":" + (i + 1) + ": " + original[i].strip());
            }
            Matcher m = REFERENCE.matcher(lines[i]);
            while (m.find()) {
                String to = m.group(1);
                if (!to.equals(from)) {
                    uses.add(new Use(file, i + 1, original[i].strip(), from, to));
                }
            }
        }
    }

    /** The source with comments and string literals replaced by spaces, line breaks kept. */
    private static String blankCommentsAndStrings(String source) {
        Matcher m = COMMENT_OR_STRING.matcher(source);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
        }
        return m.appendTail(sb).toString();
    }

    private static String topLevel(String pkg) {
        if (!pkg.startsWith(ROOT) && !pkg.equals(ROOT.substring(0, ROOT.length() - 1))) {
            return pkg;
        }
        String rest = pkg.length() > ROOT.length() ? pkg.substring(ROOT.length()) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> all = new TreeSet<>(packages);
        uses.forEach(u -> all.add(u.to()));
        List<String> unknown = all.stream().filter(p -> !LAYERS.containsKey(p)).toList();
        assertEquals(List.of(), unknown, "packages missing from the layer table in ArchitectureTest");
    }

    @Test
    void noPackageUsesAHigherLayer() {
        List<String> upward = uses.stream()
                .filter(u -> LAYERS.containsKey(u.from()) && LAYERS.containsKey(u.to()))
                .filter(u -> LAYERS.get(u.to()) > LAYERS.get(u.from()))
                .map(Use::toString)
                .toList();
        if (!upward.isEmpty()) {
            fail("dependencies must point down (spark > cli > bench, serve > report > experiment > run > model > scenario, metric, "
                    + "network):\n  " + String.join("\n  ", upward));
        }
    }

    /**
     * The command line runs without Spark on the class path (the launcher's {@code target/lib}
     * has none), so no core package may name a Spark class or the spark package: Spark enters only
     * through {@code org.creditstress.spark}, started by spark-submit.
     */
    @Test
    void noCorePackageUsesSpark() {
        assertEquals(List.of(), sparkInCore, "core code naming org.apache.spark or org.creditstress.spark");
        assertTrue(uses.stream().anyMatch(u -> u.from().equals("spark")), "the scan sees the spark package");
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        Map<String, Use> example = new TreeMap<>();
        for (Use u : uses) {
            graph.computeIfAbsent(u.from(), k -> new TreeSet<>()).add(u.to());
            example.putIfAbsent(u.from() + ">" + u.to(), u);
        }
        for (String start : graph.keySet()) {
            List<String> cycle = cycleFrom(start, start, graph, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (cycle != null) {
                List<String> edges = new ArrayList<>();
                for (int i = 0; i + 1 < cycle.size(); i++) {
                    edges.add(example.get(cycle.get(i) + ">" + cycle.get(i + 1)).toString());
                }
                fail("packages depend on each other in a cycle " + String.join(" -> ", cycle) + ":\n  "
                        + String.join("\n  ", edges));
            }
        }
    }

    /** A path from {@code at} back to {@code start}, or null. */
    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> graph, List<String> path,
                                          Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, graph, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    /**
     * Mechanisms get their settings through their constructors; only the wiring reads the whole
     * scenario: the replication that wires the phases, the market builder, the catalogue, what the
     * channels wire with (each channel reads its own switch and settings), and the policy-event
     * kinds' checks (a kind checks its event against the scenario it is in, at load time).
     */
    @Test
    void onlyTheWiringReadsTheWholeScenario() throws IOException {
        Set<String> wiring = Set.of("CreditMarket.java", "MarketBuilder.java", "BorrowerPhases.java", "Wiring.java",
                "Catalogue.java", "FundingNetwork.java", "SharedStart.java");
        List<String> readers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/creditstress/model"))) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> {
                String source;
                try {
                    source = Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                boolean channel = f.getParent().endsWith("channel") || f.getParent().endsWith("policy");
                if (!channel && !wiring.contains(f.getFileName().toString())
                        && Pattern.compile("\\bimport\\s+org\\.creditstress\\.scenario\\.Scenario\\s*;").matcher(source).find()) {
                    readers.add(f.toString());
                }
            });
        }
        assertEquals(List.of(), readers, "model classes that read the whole scenario instead of the settings they use");
    }

    @Test
    void scanSeesTheWholeSource() {
        assertTrue(packages.containsAll(LAYERS.keySet()), "every package of the table is found in src/main/java: " + packages);
        assertTrue(uses.stream().anyMatch(u -> u.from().equals("cli") && u.to().equals("run")),
                "the scan finds imports (cli imports run)");
    }
}
