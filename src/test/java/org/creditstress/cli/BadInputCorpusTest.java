package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.creditstress.scenario.KeyPath;
import org.creditstress.scenario.ScenarioLoader;
import org.creditstress.scenario.YamlDocument;
import org.creditstress.scenario.schema.Key;
import org.creditstress.scenario.schema.KeyType;
import org.creditstress.scenario.schema.ScenarioSchema;
import org.creditstress.scenario.schema.Section;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of bad inputs: seeded mutations of the shipped scenarios (unknown keys, wrong
 * types, out-of-range values, anchors, aliases, tags, second documents, broken YAML, bad --set
 * paths and values, bad list indexes, bad CSV rows, bad and oversized paths, policy events after
 * the horizon, unknown commands). Every case is one mistake, run through the command line
 * in-process ({@code validate} or {@code run}, alternately), and must end with exit 2, exactly one
 * error line that names the file (or --set) and key, no stack trace, and nothing in the output
 * folder. The seed makes the corpus reproducible; a failing case's name says what was done.
 */
class BadInputCorpusTest {
    private static final long SEED = 20_250_611L;
    private static final int CASES = 1_000;
    private static final Pattern LEAF_LINE = Pattern.compile("^(\\s*)(- )?([A-Za-z_][A-Za-z0-9_]*):[ ]+([^#\\s{\\[][^#]*?)\\s*(#.*)?$");
    private static final List<String> COMMANDS = List.of("run", "validate", "trace", "compare", "sweep", "attribute",
            "reverse-stress", "sensitivity", "calibrate", "bench", "network", "docs");

    @TempDir
    static Path tmp;

    private static TempHome home;

    /** One generated mistake: the command-line arguments after the command and what its error line must contain. */
    record Case(String name, List<String> args, List<String> expected, long sizeLimit, boolean commandLine) {
        Case {
            name = name.replace("\u0000", "\\0"); // a NUL in a test name breaks the test report
        }
    }

    /** A shipped scenario copied into the temporary tree, with its leaf keys (one per line, block style). */
    record Base(Path file, List<String> lines, List<Leaf> leaves, int horizon) {
    }

    /** A scalar key on a line of its own: its key path, schema key, line (1-based) and the text of that line. */
    record Leaf(String path, Key key, int line, Matcher text) {
    }

    @BeforeAll
    static void pointHomeAtTempDir() throws IOException {
        home = new TempHome(tmp.resolve("home"));
    }

    @AfterAll
    static void restoreHome() {
        home.close();
        System.clearProperty(BadInputTest.LIMIT_PROPERTY);
    }

    @TestFactory
    Stream<DynamicTest> everyMistakeEndsWithOneErrorLineAndExitTwo() throws IOException {
        Path tree = tmp.resolve("scenarios");
        copyTree(Path.of("scenarios"), tree);
        List<Base> bases = bases(tree);
        Generator g = new Generator(new Random(SEED), bases, tree);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Case c = g.next(i);
            int index = i;
            tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c, index)));
        }
        return tests.stream();
    }

    private static void check(Case c, int index) throws IOException {
        boolean run = !c.commandLine() && index % 2 == 1;
        List<String> argv = new ArrayList<>();
        if (!c.commandLine()) {
            argv.add(run ? "run" : "validate");
        }
        argv.addAll(c.args());
        if (c.sizeLimit() > 0) {
            System.setProperty(BadInputTest.LIMIT_PROPERTY, Long.toString(c.sizeLimit()));
        }
        CliTest.Result r;
        try {
            if (run) {
                assertRejected(c);
            }
            r = CliTest.cli(argv.toArray(String[]::new));
        } finally {
            System.clearProperty(BadInputTest.LIMIT_PROPERTY);
        }
        String context = c.name() + "\n" + String.join(" ", argv) + "\n" + r.err();
        assertEquals(2, r.exitCode(), context);
        assertFalse(r.err().contains("Exception") || r.err().contains("at org."), "stack trace: " + context);
        List<String> errors = r.errLines().stream().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), "one error line for one mistake: " + context);
        if (!c.commandLine()) {
            assertEquals(1, r.errLines().size(), "nothing but the error line: " + context);
        }
        for (String fragment : c.expected()) {
            assertTrue(errors.get(0).contains(fragment), "'" + fragment + "' not in: " + context);
        }
        assertEquals(List.of(), home.output(), "a failed command left files in the output folder");
    }

    /** Guards {@code run}: a mutation that left the scenario valid must fail here, not start a simulation. */
    private static void assertRejected(Case c) {
        List<String> sets = new ArrayList<>();
        for (int i = 1; i + 1 < c.args().size(); i += 2) {
            sets.add(c.args().get(i + 1));
        }
        try {
            ScenarioLoader.load(Path.of(c.args().get(0)), sets);
        } catch (RuntimeException expected) {
            return;
        }
        throw new AssertionError(c.name() + ": the mutation left a valid scenario");
    }

    /** Makes one case at a time from a seeded generator; the mix of kinds is uniform. */
    private static final class Generator {
        private final Random rnd;
        private final List<Base> bases;
        private final List<Base> csvBases;
        private final Path tree;

        Generator(Random rnd, List<Base> bases, Path tree) {
            this.rnd = rnd;
            this.bases = bases;
            this.csvBases = bases.stream().filter(b -> b.file().getParent().endsWith("supervisory")).toList();
            this.tree = tree;
        }

        Case next(int i) throws IOException {
            Base b = bases.get(rnd.nextInt(bases.size()));
            Path file = b.file().resolveSibling(String.format("case-%04d.yaml", i));
            String id = String.format("#%04d ", i);
            return switch (rnd.nextInt(13)) {
                case 0 -> extraKey(id, b, file);
                case 1 -> wrongType(id, b, file);
                case 2 -> outOfRange(id, b, file);
                case 3 -> yamlFeature(id, b, file);
                case 4 -> brokenYaml(id, b, file);
                case 5, 6 -> badSet(id, b);
                case 7, 8 -> badCsv(id, csvBases.get(rnd.nextInt(csvBases.size())), i);
                case 9, 10 -> badPath(id, b, file);
                case 11 -> policyAfterHorizon(id, b);
                default -> unknownCommand(id);
            };
        }

        private Leaf leaf(Base b) {
            return b.leaves().get(rnd.nextInt(b.leaves().size()));
        }

        private Case yamlCase(String name, Base b, Path file, List<String> lines, List<String> expected) {
            write(file, String.join("\n", lines) + "\n");
            List<String> all = new ArrayList<>(expected);
            all.add(0, file.toString());
            return new Case(name + " in " + tree.relativize(file), List.of(file.toString()), all, 0, false);
        }

        private List<String> replaceValue(Base b, Leaf leaf, String value) {
            List<String> lines = new ArrayList<>(b.lines());
            Matcher m = leaf.text();
            lines.set(leaf.line() - 1, m.group(1) + (m.group(2) == null ? "" : m.group(2)) + m.group(3) + ": " + value);
            return lines;
        }

        private Case extraKey(String id, Base b, Path file) {
            Leaf leaf = leaf(b);
            Matcher m = leaf.text();
            String indent = m.group(1) + (m.group(2) == null ? "" : "  ");
            String name = m.group(3) + "_" + (char) ('a' + rnd.nextInt(26)) + "x";
            List<String> lines = new ArrayList<>(b.lines());
            lines.add(leaf.line(), indent + name + ": 1");
            String path = KeyPath.child(KeyPath.parent(leaf.path()), name);
            return yamlCase(id + "unknown key " + path, b, file, lines, List.of(":" + (leaf.line() + 1) + ": " + path + ": unknown key"));
        }

        private Case wrongType(String id, Base b, Path file) {
            Leaf leaf = leaf(b);
            String value = switch (leaf.key().type()) {
                case INTEGER, NUMBER -> pick("\"abc\"", "true", "[1, 2]", "{a: 1}", "0x", "1,5");
                case BOOLEAN -> pick("maybe", "1", "[true]", "\"yes please\"");
                default -> pick("[1, 2]", "{a: 1}", "12", "true");
            };
            return yamlCase(id + "wrong type " + leaf.path() + "=" + value, b, file, replaceValue(b, leaf, value),
                    List.of(":" + leaf.line() + ": " + leaf.path() + ": must be"));
        }

        private Case outOfRange(String id, Base b, Path file) {
            Leaf leaf = b.leaves().stream().filter(l -> outside(l.key()).isPresent()).skip(rnd.nextInt(20)).findFirst()
                    .orElseGet(() -> b.leaves().stream().filter(l -> outside(l.key()).isPresent()).findFirst().orElseThrow());
            String value = outside(leaf.key()).orElseThrow();
            return yamlCase(id + "out of range " + leaf.path() + "=" + value, b, file, replaceValue(b, leaf, value),
                    List.of(":" + leaf.line() + ": " + leaf.path() + ": must be"));
        }

        /** A value just outside a number key's range, or a choice that is not offered. */
        private Optional<String> outside(Key key) {
            boolean integer = key.type() == KeyType.INTEGER;
            if (key.type() == KeyType.CHOICE) {
                return Optional.of("nonesuch");
            }
            if (!integer && key.type() != KeyType.NUMBER) {
                return Optional.empty();
            }
            if (Double.isFinite(key.max()) && key.max() < 1e12) {
                return Optional.of(integer ? Long.toString((long) key.max() + 1) : Double.toString(key.max() + 0.5 + Math.abs(key.max())));
            }
            if (Double.isFinite(key.min()) && key.min() > -1e12) {
                return Optional.of(integer ? Long.toString((long) key.min() - 1) : Double.toString(key.min() - 1));
            }
            return Optional.empty();
        }

        private Case yamlFeature(String id, Base b, Path file) {
            Leaf leaf = leaf(b);
            String value = leaf.text().group(4);
            return switch (rnd.nextInt(5)) {
                case 0 -> yamlCase(id + "alias at " + leaf.path(), b, file, replaceValue(b, leaf, "*ref" + rnd.nextInt(9)),
                        List.of(":" + leaf.line() + ": " + leaf.path() + ": YAML aliases are not supported"));
                case 1 -> yamlCase(id + "anchor at " + leaf.path(), b, file, replaceValue(b, leaf, "&a" + rnd.nextInt(9) + " " + value),
                        List.of(":" + leaf.line() + ": " + leaf.path() + ": YAML anchors are not supported"));
                case 2 -> yamlCase(id + "tag at " + leaf.path(), b, file, replaceValue(b, leaf, pick("!foo ", "!!str ", "!!float ", "!x ") + value),
                        List.of(":" + leaf.line() + ": " + leaf.path() + ": explicit YAML tags are not supported"));
                case 3 -> {
                    List<String> lines = new ArrayList<>(b.lines());
                    lines.addAll(List.of("---", "name: second"));
                    yield yamlCase(id + "second document", b, file, lines, List.of(": a second YAML document"));
                }
                default -> {
                    List<String> lines = new ArrayList<>(b.lines());
                    lines.add("extra: &x [1, 2]");
                    lines.add("again: *x");
                    yield yamlCase(id + "anchor and alias at the end", b, file, lines, List.of(":" + (lines.size() - 1) + ": extra: YAML anchors"));
                }
            };
        }

        private Case brokenYaml(String id, Base b, Path file) {
            Leaf leaf = leaf(b);
            List<String> lines = new ArrayList<>(b.lines());
            String what;
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    lines.set(leaf.line() - 1, lines.get(leaf.line() - 1).replaceFirst(":\\s+", ": [1, 2"));
                    what = "unclosed flow list";
                }
                case 1 -> {
                    lines.add(leaf.line(), lines.get(leaf.line() - 1).replaceFirst("^(\\s*)- ", "$1  "));
                    what = "duplicate key";
                }
                case 2 -> {
                    lines.set(leaf.line() - 1, "\t" + lines.get(leaf.line() - 1));
                    what = "tab indentation";
                }
                default -> {
                    lines.set(leaf.line() - 1, lines.get(leaf.line() - 1).replaceFirst(":\\s+", ": a: "));
                    what = "a mapping value where none is allowed";
                }
            }
            return yamlCase(id + what + " at line " + leaf.line(), b, file, lines, List.of(": malformed YAML: "));
        }

        private Case setCase(String name, String override, List<String> expected) {
            List<String> all = new ArrayList<>(expected);
            all.add(0, "--set " + override + ": ");
            Base b = bases.get(0);
            return new Case(name + ": --set " + override, List.of(b.file().toString(), "--set", override), all, 0, false);
        }

        private Case badSet(String id, Base b) {
            Leaf leaf = leaf(bases.get(0));
            String p = leaf.path();
            return switch (rnd.nextInt(9)) {
                case 0 -> {
                    String typo = p + (char) ('a' + rnd.nextInt(26));
                    yield setCase(id + "unknown key", typo + "=1", List.of(typo + ": unknown key"));
                }
                case 1 -> {
                    String v = outside(leaf.key()).orElse("[1, 2]");
                    yield setCase(id + "bad value", p + "=" + v, List.of(p + ": "));
                }
                case 2 -> setCase(id + "wrong type", p + "=" + pick("{a: 1}", "[x]"), List.of(p + ": must be"));
                case 3 -> {
                    String broken = pick(p + "[", p + ".", "." + p, "[0]." + p, p + "]", p + "[x]", p + "[1", p + "[]", p + "[0]]");
                    yield setCase(id + "malformed path", broken + "=1", List.of(broken + ": malformed key path"));
                }
                case 4 -> {
                    String list = p.contains("[") ? p.replaceFirst("\\[\\d+\\]", "[" + (50 + rnd.nextInt(900)) + "]") : "lenders[77].model_quality";
                    yield setCase(id + "index out of range", list + "=" + (p.contains("[") ? leaf.text().group(4) : "0.5"),
                            List.of(list + ": index "));
                }
                case 5 -> setCase(id + "value not YAML", p + "=" + pick("[1,", "{a", "\"x", "a: b: c"), List.of(p + ": value is not valid YAML"));
                case 6 -> setCase(id + "no '='", pick("seed", "lenders[0].model_quality", "horizon.months 12"), List.of("expected KEY=VALUE"));
                case 7 -> setCase(id + "a section set to a value", pick("population", "economy", "courts") + "=5", List.of("is a section"));
                default -> setCase(id + "a list without an index", pick("lenders", "products") + ".name=x", List.of("is a list: give an index"));
            };
        }

        private Case badCsv(String id, Base b, int i) throws IOException {
            Path csvSource = b.file().resolveSibling(b.file().getFileName().toString().replace(".yaml", ".csv"));
            List<String> csv = new ArrayList<>(Files.readAllLines(csvSource));
            String csvName = String.format("case-%04d.csv", i);
            Path csvFile = b.file().resolveSibling(csvName);
            Path yaml = b.file().resolveSibling(String.format("case-%04d.yaml", i));
            String yamlText = String.join("\n", b.lines()).replace(csvSource.getFileName().toString(), csvName) + "\n";
            int header = 0;
            while (csv.get(header).startsWith("#")) {
                header++;
            }
            int rows = csv.size() - header - 1;
            int r = 1 + rnd.nextInt(rows - 1); // a data row that has a successor
            int line = header + 1 + r; // 1-based line of data row r
            String where = csvFile + ":";
            List<String> expected;
            String what;
            byte[] bytes = null;
            switch (rnd.nextInt(10)) {
                case 0 -> {
                    csv.remove(line - 1);
                    what = "row " + r + " deleted";
                    expected = List.of(where + line + ": economy.", r == 1 ? "start at 1" : "is missing");
                }
                case 1 -> {
                    csv.add(line, csv.get(line - 1));
                    what = "row " + r + " repeated";
                    expected = List.of(where + (line + 1) + ": economy.", "is repeated");
                }
                case 2 -> {
                    String row = csv.remove(line - 1);
                    csv.add(line, row);
                    what = "rows " + r + " and " + (r + 1) + " swapped";
                    expected = List.of(where + (line + 1) + ": economy.", "rows must be in date order");
                }
                case 3 -> {
                    int col = 1 + rnd.nextInt(3);
                    String[] cells = csv.get(line - 1).split(",", -1);
                    cells[col] = pick("n/a", "", "1.2.3", "NaN", "--", "5 %");
                    csv.set(line - 1, String.join(",", cells));
                    what = "cell " + col + " of row " + r + " is '" + cells[col] + "'";
                    expected = List.of(where + line + ": economy.", "row " + r + ", column ");
                }
                case 4 -> {
                    int col = 1 + rnd.nextInt(3);
                    for (int k = header + 1; k < csv.size(); k++) {
                        String[] cells = csv.get(k).split(",", -1);
                        cells[col] = Double.toString(Double.parseDouble(cells[col]) * 100 + (cells[col].startsWith("-") ? -100 : 100));
                        csv.set(k, String.join(",", cells));
                    }
                    what = "column " + col + " in percent";
                    expected = List.of(where + (header + 2) + ": economy.", "must be in", "more row(s) of this column");
                }
                case 5 -> {
                    csv.set(header, csv.get(header).replace("quarter", pick("qtr", "period", "month", "")));
                    what = "date column renamed";
                    expected = List.of(where + (header + 1) + ": economy.", "date column");
                }
                case 6 -> {
                    String column = pick("unemployment", "income_growth", "funding_rate");
                    csv.set(header, csv.get(header).replace(column, column.substring(0, column.length() - 1)));
                    what = "column " + column + " renamed";
                    expected = List.of(yaml + ":", "economy." + column + ".file: " + csvFile + ": no column '" + column + "'");
                }
                case 7 -> {
                    String text = String.join("\n", csv) + "\n";
                    int at = text.indexOf('\n', text.indexOf(csv.get(line - 1))) ;
                    bytes = (text.substring(0, at) + "\u00e9" + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
                    what = "Latin-1 byte on row " + r;
                    expected = List.of(where + line + ": economy.", "not valid UTF-8");
                }
                case 8 -> {
                    String[] cells = csv.get(line - 1).split(",", -1);
                    cells[0] = pick("Q" + cells[0], cells[0] + ".0", "2024-0" + cells[0], "");
                    csv.set(line - 1, String.join(",", cells));
                    what = "date of row " + r + " is '" + cells[0] + "'";
                    expected = List.of(where + line + ": economy.", "is not a quarter");
                }
                default -> {
                    String path = pick("unemployment", "income_growth", "funding_rate");
                    yamlText = yamlText.replaceFirst(path + ": \\{file:", path + ": {values: [0.05], file:");
                    what = "values beside file in " + path;
                    expected = List.of(yaml + ":", "economy." + path + ".file: give either file or values, not both");
                }
            }
            write(yaml, yamlText);
            if (bytes != null) {
                Files.write(csvFile, bytes);
            } else {
                write(csvFile, String.join("\n", csv) + "\n");
            }
            return new Case(id + "CSV: " + what + " in " + tree.relativize(csvFile), List.of(yaml.toString()), expected, 0, false);
        }

        private Case badPath(String id, Base b, Path file) throws IOException {
            String huge = tmp.resolve("huge").toString();
            String bad = pick("/dev/zero", "/dev/null", tmp.toString(), "nowhere/none.yaml", "a\u0000b", huge);
            String reason = bad.equals(huge) ? "larger than the input file limit" : switch (bad) {
                case "/dev/zero", "/dev/null" -> "not a regular file";
                case "nowhere/none.yaml" -> "file not found";
                case "a\u0000b" -> "not a valid path: it contains a NUL character";
                default -> "a folder, not a file";
            };
            long limit = 0;
            if (bad.equals(huge)) {
                if (!Files.exists(Path.of(huge))) {
                    write(Path.of(huge), "# padding\n".repeat(4_000));
                }
                limit = 30_000; // above every shipped scenario, below the 40 kB stand-in for a huge file
            }
            String quoted = "\"" + bad.replace("\u0000", "\\0") + "\"";
            return switch (rnd.nextInt(4)) {
                case 0 -> {
                    Path child = file;
                    write(child, "name: child\nextends: " + quoted + "\n");
                    yield new Case(id + "extends " + quoted, List.of(child.toString()),
                            List.of(child + ":2: extends: ", reason), limit, false);
                }
                case 1 -> {
                    write(file, "extends: " + b.file() + "\neconomy:\n  funding_rate: {file: " + quoted + "}\n");
                    yield new Case(id + "economy file " + quoted, List.of(file.toString()),
                            List.of(file + ":3: economy.funding_rate.file: ", reason), limit, false);
                }
                case 2 -> {
                    // funding_rate: no shipped scenario gives it as values, which a file beside them would contradict
                    String override = "economy.funding_rate.file=" + quoted;
                    yield new Case(id + "--set " + override, List.of(b.file().toString(), "--set", override),
                            List.of("--set " + override + ": economy.funding_rate.file: ", reason), limit, false);
                }
                default -> {
                    if (bad.contains("\u0000")) {
                        yield unknownCommand(id); // a NUL cannot be passed as an argument
                    }
                    Path top = bad.equals("nowhere/none.yaml") ? tmp.resolve(bad) : Path.of(bad);
                    yield new Case(id + "scenario " + top, List.of(top.toString()), List.of(top + ": ", reason), limit, false);
                }
            };
        }

        private Case policyAfterHorizon(String id, Base b) {
            int month = b.horizon() + 1 + rnd.nextInt(100);
            String kind = pick("apr_cap", "income_support", "bureau_mandate", "court_capacity");
            String override = "policy_events=[{month: " + month + ", kind: " + kind + ", value: 0.2}]";
            return new Case(id + "policy event in month " + month + " of " + tree.relativize(b.file()),
                    List.of(b.file().toString(), "--set", override),
                    List.of("--set " + override + ": policy_events[0].month: month " + month + " is after the horizon of " + b.horizon() + " months"),
                    0, false);
        }

        private Case unknownCommand(String id) {
            String command = COMMANDS.get(rnd.nextInt(COMMANDS.size()));
            char[] c = command.toCharArray();
            int k = rnd.nextInt(c.length - 1);
            char t = c[k];
            c[k] = c[k + 1];
            c[k + 1] = t;
            String typo = new String(c) + (new String(c).equals(command) ? "x" : "");
            List<String> args = rnd.nextBoolean() ? List.of(typo, "--help") : List.of(typo, "scenarios/baseline.yaml");
            return new Case(id + "unknown command " + String.join(" ", args), args, List.of("unknown command '" + typo + "'"), 0, true);
        }

        private String pick(String... options) {
            return options[rnd.nextInt(options.length)];
        }
    }

    private static List<Base> bases(Path tree) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(tree)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<Base> out = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            YamlDocument doc = YamlDocument.parse(f.toString(), text);
            List<String> lines = text.lines().toList();
            Map<Integer, Long> perLine = doc.lines().values().stream().collect(Collectors.groupingBy(l -> l, Collectors.counting()));
            List<Leaf> leaves = new ArrayList<>();
            doc.lines().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                JsonNode node = at(doc, e.getKey());
                Optional<Key> key = schemaKey(e.getKey());
                Matcher m = LEAF_LINE.matcher(lines.get(e.getValue() - 1));
                if (node != null && node.isValueNode() && key.isPresent() && perLine.get(e.getValue()) == 1 && m.matches()
                        && e.getKey().endsWith(m.group(3))) {
                    leaves.add(new Leaf(e.getKey(), key.get(), e.getValue(), m));
                }
            });
            leaves.sort(Comparator.comparingInt(Leaf::line));
            int horizon = ScenarioLoader.load(f, List.of()).scenario().horizon().months();
            out.add(new Base(f, lines, leaves, horizon));
        }
        return out;
    }

    private static JsonNode at(YamlDocument doc, String path) {
        JsonNode node = doc.tree();
        for (Object seg : KeyPath.split(path)) {
            node = node == null ? null : seg instanceof Integer i ? node.get(i) : node.get((String) seg);
        }
        return node;
    }

    private static Optional<Key> schemaKey(String path) {
        Section section = ScenarioSchema.root();
        List<Object> segs = KeyPath.split(path);
        for (int i = 0; i < segs.size(); i++) {
            if (segs.get(i) instanceof Integer) {
                continue;
            }
            String name = (String) segs.get(i);
            if (i == segs.size() - 1) {
                return section.key(name);
            }
            Optional<Section> next = section.section(name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            section = next.get();
        }
        return Optional.empty();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
