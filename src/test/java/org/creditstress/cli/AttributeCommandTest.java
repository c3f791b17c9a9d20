package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attribute} on a small funding squeeze: one row per channel and measure, and the total. */
class AttributeCommandTest {

    private static int run(String... args) {
        return ExperimentCli.run(args).exitCode();
    }

    @Test
    void attributesEachChannelAndTheirTotal(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("attr");
        int code = run("attribute", "scenarios/funding-squeeze.yaml", "--replications", "2", "--set", "population.size=5000",
                "--channels", "funding,loan_stacking", "--out", out.toString(), "--quiet");
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out.resolve("attribution.csv"));
        assertEquals("channel,measure,all_on_mean,contribution_mean,contribution_p5,contribution_p95,share_of_all_on", lines.get(0));
        assertEquals(1 + 4 * 3, lines.size(), "4 measures x (2 channels + all channels)");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("funding,lenders failed,")));
        assertTrue(Files.exists(out.resolve("all-on/metrics.csv")));
        assertTrue(Files.exists(out.resolve("attribution_peak_m3_ratio.png")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("data:image/png;base64,") && html.contains("attribution.csv"),
                "a self-contained report with the table and the charts");
    }

    @Test
    void anUnknownChannelIsBadInput(@TempDir Path dir) {
        assertEquals(2, run("attribute", "scenarios/funding-squeeze.yaml", "--channels", "gossip", "--out", dir.resolve("x").toString()));
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
