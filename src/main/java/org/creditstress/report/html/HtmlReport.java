package org.creditstress.report.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.creditstress.run.store.AtomicFiles;

/**
 * Builds one self-contained HTML page: inline CSS, charts embedded as base64 PNG data URIs, no
 * scripts, no external resources, so the file opens offline and can be mailed or archived alone.
 * Every text passed in is HTML-escaped; callers never write markup.
 *
 * <pre>{@code
 * new HtmlReport("Scenario baseline")
 *     .paragraph("Calm economy")
 *     .heading("Headline")
 *     .table(List.of("headline", "mean"), rows)
 *     .chartsOf(dir.resolve("charts"), List.of())
 *     .write(dir.resolve("report.html"));
 * }</pre>
 */
public final class HtmlReport {
    /** File name of the report inside a results folder. */
    public static final String FILE = "report.html";

    private static final Pattern NUMERIC = Pattern.compile("[-+]?[0-9.,]+(E[-+]?[0-9]+)?( ?(%|pp))?|n/a");

    private static final String CSS = String.join("\n",
            "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#202020;margin:0;background:#fafafa}",
            "main{max-width:1000px;margin:0 auto;padding:24px 28px 48px;background:#fff}",
            "h1{font-size:1.7em;margin:0.2em 0 0.3em}",
            "h2{font-size:1.25em;margin:1.6em 0 0.5em;border-bottom:1px solid #e3e3e3;padding-bottom:0.2em}",
            "p.lead{font-size:1.05em;color:#404040}",
            "p.note{color:#606060;font-size:0.92em}",
            "table{border-collapse:collapse;margin:0.5em 0 1em;font-size:0.92em}",
            "th,td{border:1px solid #d9d9d9;padding:4px 9px;vertical-align:top}",
            "th{background:#f2f2f2;text-align:left}",
            "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
            "table.facts th{width:13em;font-weight:600}",
            "tr.failed td{color:#a01010}",
            "figure{margin:1em 0 1.6em}",
            "figure img{max-width:100%;height:auto;border:1px solid #eee}",
            "figcaption{color:#606060;font-size:0.9em}",
            "code,pre{font-family:Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:0.88em}",
            "pre{background:#f6f6f6;border:1px solid #e3e3e3;padding:10px;overflow-x:auto;white-space:pre}",
            "details{margin:0.8em 0}",
            "summary{cursor:pointer;font-weight:600}",
            "footer{margin-top:2.5em;color:#808080;font-size:0.85em}");

    private final String title;
    private final StringBuilder body = new StringBuilder();

    public HtmlReport(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append("&#xFFFD;");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A second-level heading. */
    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** A paragraph of the larger "lead" style (e.g. a scenario description); skipped when blank. */
    public HtmlReport lead(String text) {
        if (text != null && !text.isBlank()) {
            body.append("<p class=\"lead\">").append(escape(text)).append("</p>\n");
        }
        return this;
    }

    /** A paragraph; skipped when blank. */
    public HtmlReport paragraph(String text) {
        if (text != null && !text.isBlank()) {
            body.append("<p>").append(escape(text)).append("</p>\n");
        }
        return this;
    }

    /** A small grey note; skipped when blank. */
    public HtmlReport note(String text) {
        if (text != null && !text.isBlank()) {
            body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        }
        return this;
    }

    /** A two-column table of facts (name, value), in map order; blank values are left out. */
    public HtmlReport facts(Map<String, String> facts) {
        body.append("<table class=\"facts\">\n");
        facts.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                body.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(v)).append("</td></tr>\n");
            }
        });
        body.append("</table>\n");
        return this;
    }

    /** A table with a header row; cells that look like numbers are right-aligned. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        return table(header, rows, List.of());
    }

    /**
     * A table with a header row; cells that look like numbers are right-aligned, and rows whose index
     * is in {@code highlighted} are shown in red (e.g. failed sweep points).
     */
    public HtmlReport table(List<String> header, List<List<String>> rows, List<Integer> highlighted) {
        body.append("<table>\n<thead><tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            body.append(highlighted.contains(r) ? "<tr class=\"failed\">" : "<tr>");
            for (String cell : rows.get(r)) {
                String c = cell == null ? "" : cell;
                body.append(NUMERIC.matcher(c.strip()).matches() ? "<td class=\"num\">" : "<td>")
                        .append(escape(c)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /** Preformatted text (e.g. a command line or a plain-text table). */
    public HtmlReport preformatted(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** A collapsed section that opens to show preformatted text (e.g. the resolved scenario). */
    public HtmlReport details(String summary, String text) {
        body.append("<details><summary>").append(escape(summary)).append("</summary>\n<pre>")
                .append(escape(text)).append("</pre></details>\n");
        return this;
    }

    /** A relative link, e.g. to a sub-folder's report or a CSV file next to the report. */
    public HtmlReport link(String href, String text) {
        body.append("<p><a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a></p>\n");
        return this;
    }

    /** A list of relative links (href, text). */
    public HtmlReport links(List<Map.Entry<String, String>> hrefAndText) {
        body.append("<ul>\n");
        for (Map.Entry<String, String> e : hrefAndText) {
            body.append("<li><a href=\"").append(escape(e.getKey())).append("\">").append(escape(e.getValue()))
                    .append("</a></li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    /** A PNG embedded as a data URI, with a caption. */
    public HtmlReport image(Path png, String caption) throws IOException {
        String data = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        body.append("<figure><img src=\"data:image/png;base64,").append(data).append("\" alt=\"")
                .append(escape(caption)).append("\">");
        body.append("<figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /**
     * Embeds every PNG in {@code chartsDir}: first those named in {@code order} (in that order), then
     * the rest by file name. Returns how many were embedded (0 if the folder is missing).
     */
    public int chartsOf(Path chartsDir, List<String> order) throws IOException {
        return chartsOf(chartsDir, order, name -> null);
    }

    /**
     * As {@link #chartsOf(Path, List)}, with a caption saying what to read in each chart:
     * {@code captions} maps a file name to its text, or to null for the file name alone.
     */
    public int chartsOf(Path chartsDir, List<String> order, Function<String, String> captions) throws IOException {
        if (!Files.isDirectory(chartsDir)) {
            return 0;
        }
        List<Path> pngs;
        try (Stream<Path> s = Files.list(chartsDir)) {
            pngs = s.filter(p -> p.getFileName().toString().endsWith(".png") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        List<Path> ordered = new ArrayList<>();
        for (String name : order) {
            pngs.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().ifPresent(ordered::add);
        }
        pngs.stream().filter(p -> !ordered.contains(p)).forEach(ordered::add);
        for (Path p : ordered) {
            String text = captions.apply(p.getFileName().toString());
            image(p, text == null || text.isBlank() ? caption(p) : caption(p) + ": " + text);
        }
        return ordered.size();
    }

    /** A caption from a chart file name: {@code overdue_fan.png} gives "charts/overdue_fan.png". */
    private static String caption(Path png) {
        Path parent = png.getParent();
        return (parent == null ? "" : parent.getFileName() + "/") + png.getFileName();
    }

    /** The whole page. */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + CSS + "\n</style>\n</head>\n<body>\n<main>\n"
                + body
                + "<footer>Written by creditstress. Self-contained: charts are embedded, no network access needed.</footer>\n"
                + "</main>\n</body>\n</html>\n";
    }

    /** Writes the page (UTF-8) via a temporary file, so a reader never sees half a report. */
    public Path write(Path file) throws IOException {
        AtomicFiles.writeString(file, html());
        return file;
    }
}
