package org.creditstress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.creditstress.serve.ClassroomClient.Event;
import org.creditstress.serve.ClassroomClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classroom server's API over real HTTP: settings are validated exactly as the command line
 * validates them, hostile requests are refused with one line and leave the server up, and the
 * series pushed month by month equal what {@code creditstress run} writes for the same scenario
 * (and for the YAML the page offers for download).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClassroomApiTest {
    private static ClassroomClient client;

    @BeforeAll
    static void start() throws IOException {
        client = new ClassroomClient(ClassroomClient.smallLimits());
    }

    @AfterAll
    static void stop() {
        client.close();
        assertEquals(List.of(), client.log, "no internal errors were logged");
    }

    private static Reply setup(List<List<String>> settings) throws Exception {
        return client.post("/api/setup", ClassroomClient.setup("severe-downturn.yaml", settings));
    }

    /** What `creditstress validate scenarios/severe-downturn.yaml --set ...` prints on standard error. */
    private static List<String> cliErrors(String... sets) {
        List<String> args = new ArrayList<>(List.of("validate", "scenarios/severe-downturn.yaml"));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        ClassroomClient.Cli r = ClassroomClient.cli(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.out() + r.err());
        return r.errLines();
    }

    @Test
    void anOutOfRangeValueGetsTheCommandLinesMessage() throws Exception {
        Reply r = setup(List.of(List.of("population.size=1500", "economy.unemployment.shock_level=1.5")));
        assertEquals(400, r.status());
        assertEquals(cliErrors("population.size=1500", "economy.unemployment.shock_level=1.5"), r.errors());
        assertEquals(List.of("error: --set economy.unemployment.shock_level=1.5: economy.unemployment.shock_level: "
                + "must be in [0, 0.95] (share), got 1.5"), r.errors());
    }

    @Test
    void anUnknownKeyAndAMalformedValueGetTheCommandLinesMessages() throws Exception {
        List<String> sets = List.of("economy.unemployment.shock_levl=0.1", "lenders[7].model_quality=0.5",
                "population.behaviour.literacy.median=[1, 2", "replications=many");
        Reply r = setup(List.of(sets));
        assertEquals(400, r.status());
        assertEquals(cliErrors(sets.toArray(String[]::new)), r.errors());
        assertTrue(r.errors().get(0).contains("did you mean 'shock_level'?"), r.body());
    }

    @Test
    void aSettingBeyondTheClassroomLimitsIsRefusedNamingTheKeyThoughTheCommandLineWouldRunIt() throws Exception {
        Reply r = setup(List.of(List.of("population.size=50000", "replications=21")));
        assertEquals(400, r.status());
        assertEquals(List.of(
                "error: --set population.size=50000: population.size: the classroom page runs at most 20000 borrowers, got 50000 "
                        + "(./creditstress run has no such limit)",
                "error: --set replications=21: replications: the classroom page runs at most 20 replications, got 21 "
                        + "(./creditstress run has no such limit)"), r.errors());
        ClassroomClient.Cli cli = ClassroomClient.cli("validate", "scenarios/severe-downturn.yaml", "--set", "population.size=50000",
                "--set", "replications=21");
        assertEquals(0, cli.exitCode(), cli.err());
        Reply unset = setup(List.of(List.of()));
        assertEquals(400, unset.status(), "the shipped 100,000 borrowers are too many for the page when not overridden");
        assertTrue(unset.errors().get(0).matches("error: .*scenarios/baseline.yaml:\\d+: population.size: the classroom page runs at "
                + "most 20000 borrowers, got 100000 .*"), "named where the loader would name it (severe-downturn extends baseline): "
                + unset.body());
    }

    @Test
    void settingBMustShareSeedAndPopulationWithA() throws Exception {
        Reply r = setup(List.of(List.of("population.size=1500", "replications=2"),
                List.of("population.size=1500", "replications=2", "seed=7")));
        assertEquals(400, r.status());
        assertEquals("B", r.json().path("setting").asText());
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).startsWith("error: seed: setting B must run with setting A's seed"), r.body());
    }

    @Test
    void hostileRequestsAreRefusedWithOneLineAndTheServerStaysUp() throws Exception {
        Reply traversal = client.post("/api/setup", ClassroomClient.setup("../../../etc/passwd", List.of(List.of())));
        assertEquals(404, traversal.status());
        assertTrue(traversal.errors().get(0).startsWith("error: unknown scenario '../../../etc/passwd'; the page runs the shipped "
                + "scenarios: baseline.yaml"), traversal.body());
        assertEquals(404, client.get("/api/scenario?name=..%2Fpom.xml").status());

        String huge = "{\"scenario\":\"severe-downturn.yaml\",\"settings\":[[\"name=" + "x".repeat(100_000) + "\"]]}";
        Reply tooLarge = client.post("/api/setup", huge);
        assertEquals(413, tooLarge.status());
        assertEquals(List.of("error: the request body is larger than 65536 bytes"), tooLarge.errors());

        assertEquals(List.of("error: the request body is not valid JSON"), client.post("/api/setup", "{\"scenario\": ").errors());
        assertEquals(400, client.post("/api/setup", "[1, 2, 3]").status());
        assertEquals(400, client.post("/api/setup", "{\"scenario\":\"baseline.yaml\",\"settings\":[[],[],[]]}").status());
        assertEquals(List.of("error: settings[0][0] must be a KEY=VALUE string of at most 4000 characters"),
                client.post("/api/setup", "{\"scenario\":\"baseline.yaml\",\"settings\":[[{\"seed\":1}]]}").errors());
        assertEquals(List.of("error: unknown field 'threads' in the request; fields: scenario, settings, follow, monthsPerSecond"),
                client.post("/api/setup", "{\"scenario\":\"baseline.yaml\",\"settings\":[[]],\"threads\":64}").errors());
        assertEquals(415, client.post("/api/setup", "{}", "text/plain").status(), "a plain form post from another site is refused");
        assertEquals(405, client.get("/api/setup").status());
        assertEquals(404, client.get("/etc/passwd").status());
        assertEquals(404, client.post("/api/step", ClassroomClient.session("0000")).status());
        assertEquals(List.of("error: follow: 'richest' is not one of first-sued, first-written-off, first-stacked, "
                        + "first-restructured, fraudster, or a borrower number"),
                client.post("/api/setup", ClassroomClient.setup("baseline.yaml", List.of(List.of("population.size=1500")))
                        .put("follow", "richest")).errors());
        assertEquals(List.of("error: --borrower must be in [0, 1499], got 999999"),
                client.post("/api/setup", ClassroomClient.setup("baseline.yaml", List.of(List.of("population.size=1500")))
                        .put("follow", "999999")).errors());
        // YAML in a value is read as the command line reads it: a mapping where a number belongs is an error, not a key.
        Reply injected = setup(List.of(List.of("population.size=1500", "seed={evil: 1}")));
        assertEquals(cliErrors("population.size=1500", "seed={evil: 1}"), injected.errors());

        assertEquals(403, raw("POST /api/setup HTTP/1.1\r\nHost: localhost:" + client.url.getPort()
                + "\r\nOrigin: http://evil.example\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"));
        assertEquals(403, raw("GET /api/scenarios HTTP/1.1\r\nHost: rebound.example:" + client.url.getPort()
                + "\r\nConnection: close\r\n\r\n"), "a DNS-rebound name is not this server");

        assertEquals(200, client.get("/api/scenarios").status());
        Reply ok = setup(List.of(List.of("population.size=1500", "replications=2")));
        assertEquals(200, ok.status(), ok.body());
        assertEquals(200, client.post("/api/reset", ClassroomClient.session(ok.json().get("session").asText())).status());
    }

    /** The status of a request written by hand (the HTTP client will not set Host or send such headers). */
    private static int raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", client.url.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    /**
     * Two settings, run to the end: every pushed percentile equals summary.csv of `creditstress run`
     * on the scenario with the same --set overrides, and of `creditstress run` on the downloaded YAML;
     * the settings share their random numbers, so they agree until the downturn's depth matters.
     */
    @Test
    void thePushedSeriesEqualTheCommandLinesRunOfTheSameScenarioAndOfTheDownloadedYaml(@TempDir Path dir) throws Exception {
        List<String> a = List.of("population.size=1500", "replications=3", "horizon.months=24");
        List<String> b = new ArrayList<>(a);
        b.add("economy.unemployment.shock_level=0.16");
        b.add("policy_events=[{\"month\":10,\"kind\":\"apr_cap\",\"value\":0.12}]");
        Reply r = setup(List.of(a, b));
        assertEquals(200, r.status(), r.body());
        String id = r.json().get("session").asText();
        assertEquals(200, client.post("/api/run", ClassroomClient.session(id).put("monthsPerSecond", 0)).status());
        List<Event> events = client.events(id, -1, "done");
        Map<String, Map<String, double[][]>> pushed = pushed(events);
        List<String> charted = new ArrayList<>();
        r.json().get("charts").forEach(c -> charted.add(c.get("metric").asText()));
        assertTrue(charted.containsAll(List.of("m3plus_ratio", "loss_rate_cumulative", "lender.PlatformA.capital_ratio",
                "lender.PlatformB.cash")), charted.toString());

        Map<String, double[][]> cliA = summary(runCli(dir.resolve("a"), "scenarios/severe-downturn.yaml", a));
        Map<String, double[][]> cliB = summary(runCli(dir.resolve("b"), "scenarios/severe-downturn.yaml", b));
        for (String m : charted) {
            for (int month = 0; month < 24; month++) {
                for (int q = 0; q < 3; q++) {
                    assertEquals(cliA.get(m)[month][q], pushed.get("A").get(m)[month][q], 0.0, "A " + m + " month " + (month + 1));
                    assertEquals(cliB.get(m)[month][q], pushed.get("B").get(m)[month][q], 0.0, "B " + m + " month " + (month + 1));
                }
            }
        }
        for (int month = 0; month < 6; month++) {
            assertEquals(pushed.get("A").get("m3plus_ratio")[month][1], pushed.get("B").get("m3plus_ratio")[month][1], 0.0,
                    "common random numbers: the same until the downturn starts in month 7, month " + (month + 1));
        }
        assertTrue(pushed.get("B").get("unemployment_rate")[14][1] > pushed.get("A").get("unemployment_rate")[14][1] + 0.03);

        Reply yaml = client.get("/api/yaml?session=" + id + "&setting=B");
        assertEquals(200, yaml.status());
        assertTrue(yaml.body().contains("kind: apr_cap"), yaml.body());
        Path file = Files.writeString(dir.resolve("severe-downturn-B.yaml"), yaml.body());
        Map<String, double[][]> fromYaml = summary(runCli(dir.resolve("yaml"), file.toString(), List.of()));
        for (String m : charted) {
            for (int month = 0; month < 24; month++) {
                assertEquals(fromYaml.get(m)[month][1], pushed.get("B").get(m)[month][1], 0.0, "YAML " + m + " month " + (month + 1));
            }
        }
        long stories = events.stream().filter(e -> e.type().equals("story") && e.data().get("setting").asText().equals("A")
                && e.data().get("month").isInt() && e.data().get("month").asInt() >= 1).count();
        assertEquals(24, stories, "one line of the followed borrower's story a month");
        client.post("/api/reset", ClassroomClient.session(id));
    }

    private static Path runCli(Path out, String scenario, List<String> sets) {
        List<String> args = new ArrayList<>(List.of("run", scenario, "--out", out.toString(), "--quiet"));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        args.add("--set");
        args.add("outputs.charts=false");
        ClassroomClient.Cli r = ClassroomClient.cli(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return out.resolve("summary.csv");
    }

    /** summary.csv as metric -> [month - 1] -> {p5, p50, p95}. */
    private static Map<String, double[][]> summary(Path csv) throws IOException {
        Map<String, List<double[]>> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        assertEquals("metric,month,mean,p5,p50,p95", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new double[] {num(f[3]), num(f[4]), num(f[5])});
        }
        Map<String, double[][]> out = new HashMap<>();
        rows.forEach((k, v) -> out.put(k, v.toArray(double[][]::new)));
        return out;
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** The month events as setting -> metric -> [month - 1] -> {p5, p50, p95}. */
    private static Map<String, Map<String, double[][]>> pushed(List<Event> events) {
        Map<String, Map<String, double[][]>> out = new HashMap<>();
        for (Event e : events) {
            if (!e.type().equals("month")) {
                continue;
            }
            int month = e.data().get("month").asInt();
            Map<String, double[][]> setting = out.computeIfAbsent(e.data().get("setting").asText(), k -> new HashMap<>());
            e.data().get("series").fields().forEachRemaining(f -> {
                double[][] s = setting.computeIfAbsent(f.getKey(), k -> new double[120][]);
                JsonNode q = f.getValue();
                s[month - 1] = new double[] {q.get(0).isNull() ? Double.NaN : q.get(0).asDouble(),
                        q.get(1).isNull() ? Double.NaN : q.get(1).asDouble(), q.get(2).isNull() ? Double.NaN : q.get(2).asDouble()};
            });
        }
        return out;
    }

    @Test
    void stepMovesOneMonthPauseStopsAndResetCloses() throws Exception {
        Reply r = setup(List.of(List.of("population.size=1500", "replications=2", "horizon.months=12")));
        String id = r.json().get("session").asText();
        assertEquals(200, client.post("/api/step", ClassroomClient.session(id)).status());
        List<Event> first = client.events(id, -1, "paused");
        assertEquals(List.of(1), months(first));
        int last = first.get(first.size() - 1).id();
        assertEquals(200, client.post("/api/step", ClassroomClient.session(id)).status());
        List<Event> second = client.events(id, last, "paused");
        assertEquals(List.of(2), months(second), "a reconnecting page gets only what it has not seen (Last-Event-ID)");

        ObjectNode slow = ClassroomClient.session(id).put("monthsPerSecond", 2);
        assertEquals("running", client.post("/api/run", slow).json().get("state").asText());
        assertEquals(409, client.post("/api/step", ClassroomClient.session(id)).status());
        assertEquals("paused", client.post("/api/pause", ClassroomClient.session(id)).json().get("state").asText());
        int month = client.post("/api/speed", ClassroomClient.session(id).put("monthsPerSecond", 50)).json().get("month").asInt();
        assertTrue(month < 12, "paused before the end: month " + month);
        assertEquals(List.of("error: monthsPerSecond must be in [0, 100] (0: as fast as the machine goes), got 1000.0"),
                client.post("/api/speed", ClassroomClient.session(id).put("monthsPerSecond", 1000)).errors());

        assertEquals(200, client.post("/api/reset", ClassroomClient.session(id)).status());
        assertEquals(404, client.post("/api/step", ClassroomClient.session(id)).status());
        assertEquals(404, client.get("/api/yaml?session=" + id).status());
    }

    private static List<Integer> months(List<Event> events) {
        return events.stream().filter(e -> e.type().equals("month") && e.data().get("setting").asText().equals("A"))
                .map(e -> e.data().get("month").asInt()).toList();
    }

    @Test
    void whenAsManyRunsAreOpenAsAllowedTheLeastRecentlyUsedIdleOneIsClosed() throws Exception {
        ClassroomLimits s = ClassroomClient.smallLimits();
        try (ClassroomClient two = new ClassroomClient(new ClassroomLimits(s.maxBorrowers(), s.maxReplications(), s.maxMonths(),
                s.maxBurnInMonths(), 1000, 1, s.maxBodyBytes(), 2, 1, s.idleMinutes()))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Reply r = two.post("/api/setup", ClassroomClient.setup("baseline.yaml", List.of(List.of("population.size=1000",
                        "replications=1", "horizon.months=3"))));
                assertEquals(200, r.status(), r.body());
                ids.add(r.json().get("session").asText());
            }
            assertEquals(404, two.post("/api/step", ClassroomClient.session(ids.get(0))).status(), "the oldest was closed");
            assertEquals(200, two.post("/api/step", ClassroomClient.session(ids.get(1))).status());
            assertEquals(200, two.post("/api/step", ClassroomClient.session(ids.get(2))).status());
            assertNotEquals(ids.get(1), ids.get(2));
            assertFalse(two.log.stream().anyMatch(l -> l.contains("internal")), two.log.toString());
        }
    }

    @Test
    void thePageAndUplotAreServedFromTheClassPath() throws Exception {
        Reply page = client.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<script src=\"/uplot/uPlot.iife.min.js\"></script>"), page.body());
        Reply uplot = client.get("/uplot/uPlot.iife.min.js");
        assertEquals(200, uplot.status());
        assertTrue(uplot.body().contains("uPlot"), "the WebJar's script");
        assertEquals(200, client.get("/classroom.js").status());
        assertEquals(200, client.get("/uplot/uPlot.min.css").status());
    }
}
