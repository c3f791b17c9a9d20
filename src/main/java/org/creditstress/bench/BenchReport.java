package org.creditstress.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a benchmark run found: the machine, one table per section, and the targets, each
 * met or not. Printed as aligned text, written as Markdown or as CSV (one row per table cell:
 * {@code section,row,column,value}).
 */
public final class BenchReport {
    /** One table of results. The first column names the row. */
    public record Table(String section, String title, List<String> header, List<List<String>> rows, List<String> notes) {
        public Table {
            header = List.copyOf(header);
            rows = new ArrayList<>(rows);
            notes = new ArrayList<>(notes);
        }

        public Table(String section, String title, String... header) {
            this(section, title, List.of(header), List.of(), List.of());
        }

        public Table row(String... cells) {
            if (cells.length != header.size()) {
                throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
            }
            rows.add(List.of(cells));
            return this;
        }

        public Table note(String note) {
            notes.add(note);
            return this;
        }
    }

    /** One target of the issue; {@code met} is null when it was not measured in this run. */
    public record Target(String name, String goal, String measured, Boolean met, String comment) {
        public String verdict() {
            return met == null ? "not measured" : met ? "met" : "NOT met";
        }
    }

    private final List<String> environment = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    public List<String> environment() {
        return environment;
    }

    public List<Table> tables() {
        return tables;
    }

    public List<Target> targets() {
        return targets;
    }

    public void environment(String line) {
        environment.add(line);
    }

    public Table add(Table t) {
        tables.add(t);
        return t;
    }

    public void target(Target t) {
        targets.add(t);
    }

    /** The table of a section, or null. */
    public Table table(String section) {
        return tables.stream().filter(t -> t.section().equals(section)).findFirst().orElse(null);
    }

    // ---- text ----

    public void print(PrintStream out) {
        out.println("creditstress benchmark");
        environment.forEach(e -> out.println("  " + e));
        for (Table t : tables) {
            out.println();
            out.println(t.title());
            printAligned(out, t.header(), t.rows());
            t.notes().forEach(n -> out.println("  note: " + n));
        }
        out.println();
        out.println("Targets (issue 16)");
        List<List<String>> rows = new ArrayList<>();
        for (Target g : targets) {
            rows.add(List.of(g.name(), g.goal(), g.measured(), g.verdict()));
        }
        printAligned(out, List.of("target", "goal", "measured", "verdict"), rows);
        for (Target g : targets) {
            if (!g.comment().isEmpty()) {
                out.println("  " + g.name() + ": " + g.comment());
            }
        }
        out.flush();
    }

    private static void printAligned(PrintStream out, List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = header.get(j).length();
            for (List<String> r : rows) {
                w[j] = Math.max(w[j], r.get(j).length());
            }
        }
        out.println("  " + line(header, w));
        StringBuilder rule = new StringBuilder();
        for (int j = 0; j < w.length; j++) {
            rule.append(j == 0 ? "" : "  ").append("-".repeat(w[j]));
        }
        out.println("  " + rule);
        for (List<String> r : rows) {
            out.println("  " + line(r, w));
        }
    }

    private static String line(List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < cells.size(); j++) {
            String c = cells.get(j);
            if (j > 0) {
                sb.append("  ");
            }
            // first column left-aligned, numbers right-aligned
            sb.append(j == 0 ? pad(c, w[j], false) : pad(c, w[j], true));
        }
        return sb.toString().stripTrailing();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    // ---- files ----

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# creditstress benchmark\n\n");
        environment.forEach(e -> sb.append("- ").append(e).append('\n'));
        for (Table t : tables) {
            sb.append("\n## ").append(t.title()).append("\n\n");
            markdownTable(sb, t.header(), t.rows());
            if (!t.notes().isEmpty()) {
                sb.append('\n');
                t.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
            }
        }
        sb.append("\n## Targets (issue 16)\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Target g : targets) {
            rows.add(List.of(g.name(), g.goal(), g.measured(), g.verdict(), g.comment()));
        }
        markdownTable(sb, List.of("target", "goal", "measured", "verdict", "comment"), rows);
        return sb.toString();
    }

    private static void markdownTable(StringBuilder sb, List<String> header, List<List<String>> rows) {
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        sb.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        }
    }

    public String csv() {
        StringBuilder sb = new StringBuilder("section,row,column,value\n");
        for (Table t : tables) {
            for (List<String> r : t.rows()) {
                for (int j = 1; j < r.size(); j++) {
                    sb.append(csvCell(t.section())).append(',').append(csvCell(r.get(0))).append(',')
                            .append(csvCell(t.header().get(j))).append(',').append(csvCell(r.get(j))).append('\n');
                }
            }
        }
        for (Target g : targets) {
            sb.append("targets,").append(csvCell(g.name())).append(",measured,").append(csvCell(g.measured())).append('\n');
            sb.append("targets,").append(csvCell(g.name())).append(",verdict,").append(csvCell(g.verdict())).append('\n');
        }
        return sb.toString();
    }

    private static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** Writes CSV if the file name ends in {@code .csv}, Markdown otherwise. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String text = file.getFileName().toString().toLowerCase().endsWith(".csv") ? csv() : markdown();
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
