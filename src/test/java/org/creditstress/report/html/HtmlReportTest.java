package org.creditstress.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path tmp;

    @Test
    void escapesEveryText() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
                HtmlReport.escape("<script>alert(\"x\" & 'y')</script>"));
        String html = new HtmlReport("A <b>title</b>")
                .lead("lead & <i>")
                .facts(Map.of("<k>", "<v>"))
                .table(List.of("<h>"), List.of(List.of("<c>")))
                .details("<s>", "key: <value>")
                .html();
        assertFalse(html.contains("<b>") || html.contains("<i>") || html.contains("<k>") || html.contains("<v>")
                || html.contains("<h>") || html.contains("<c>") || html.contains("<s>") || html.contains("<value>"), html);
        assertTrue(html.contains("<title>A &lt;b&gt;title&lt;/b&gt;</title>"));
    }

    @Test
    void aPageIsSelfContained() throws IOException {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        Path charts = Files.createDirectories(tmp.resolve("charts"));
        Files.write(charts.resolve("b.png"), png);
        Files.write(charts.resolve("a.png"), png);
        HtmlReport r = new HtmlReport("t");
        assertEquals(2, r.chartsOf(charts, List.of("b.png")));
        Path file = r.write(tmp.resolve("report.html"));
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html"));
        assertTrue(html.endsWith("</html>\n"));
        assertTrue(html.indexOf("charts/b.png") < html.indexOf("charts/a.png"), "the given order first");
        assertTrue(html.contains("<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\""));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resources");
        assertEquals(html.split("<table", -1).length - 1, html.split("</table>", -1).length - 1);
        assertEquals(0, r.chartsOf(tmp.resolve("none"), List.of()));
    }
}
