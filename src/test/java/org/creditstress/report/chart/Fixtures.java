package org.creditstress.report.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Test fixtures: a realistic run with 3 replications, 12 months and 2 lenders. */
public final class Fixtures {

    static final String RUN = "/report/chart/run-basic/";

    private Fixtures() {
    }

    public static Path resource(String name) {
        URL url = Fixtures.class.getResource(RUN + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + RUN + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fixture run into {@code dir} and returns {@code dir}. */
    static Path copyRun(Path dir) throws IOException {
        Files.copy(resource(RunCharts.SUMMARY_FILE), dir.resolve(RunCharts.SUMMARY_FILE));
        Files.copy(resource(RunCharts.METRICS_FILE), dir.resolve(RunCharts.METRICS_FILE));
        return dir;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** Rewrites {@code file} keeping only the lines (header always kept) that {@code keep} accepts. */
    static void filterLines(Path file, Predicate<String> keep) throws IOException {
        List<String> lines = lines(file);
        List<String> out = lines.stream().skip(1).filter(keep).collect(Collectors.toList());
        out.add(0, lines.get(0));
        write(file, out);
    }

    /** Rewrites line {@code lineNumber} (1-based) of {@code file}. */
    static void editLine(Path file, int lineNumber, UnaryOperator<String> edit) throws IOException {
        List<String> lines = lines(file);
        lines.set(lineNumber - 1, edit.apply(lines.get(lineNumber - 1)));
        write(file, lines);
    }
}
