package org.creditstress.serve;

import org.creditstress.cli.Captured;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.creditstress.cli.Main;

/** A test's side of the classroom server: JSON requests, the event stream, and the command line for comparison. */
final class ClassroomClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCENARIOS = Path.of("scenarios");

    /** A response: status and body as JSON (or text when it is not JSON). */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        List<String> errors() {
            List<String> out = new ArrayList<>();
            json().path("errors").forEach(e -> out.add(e.asText()));
            return out;
        }
    }

    /** One Server-Sent Event: its id, type and JSON data. */
    record Event(int id, String type, JsonNode data) {
    }

    final Classroom classroom;
    final ClassroomServer server;
    final URI url;
    final HttpClient http = HttpClient.newHttpClient();
    final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());

    ClassroomClient(ClassroomLimits limits) throws IOException {
        classroom = new Classroom(SCENARIOS, limits, 2, log::add);
        server = ClassroomServer.start(classroom, 0, log::add);
        url = server.url();
    }

    /** Small runs: 1,500 borrowers and 3 replications to start. */
    static ClassroomLimits smallLimits() {
        ClassroomLimits s = ClassroomLimits.standard();
        return new ClassroomLimits(s.maxBorrowers(), s.maxReplications(), s.maxMonths(), s.maxBurnInMonths(), 1500, 3,
                s.maxBodyBytes(), s.maxSessions(), s.maxRunning(), s.idleMinutes());
    }

    Reply get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    Reply post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, "application/json");
    }

    Reply post(String path, String body, String contentType) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    Reply post(String path, JsonNode body) throws IOException, InterruptedException {
        return post(path, JSON.writeValueAsString(body));
    }

    /** A setup request: a scenario and one list of overrides per setting. */
    static ObjectNode setup(String scenario, List<List<String>> settings) {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", scenario);
        ArrayNode s = o.putArray("settings");
        for (List<String> overrides : settings) {
            ArrayNode a = s.addArray();
            overrides.forEach(a::add);
        }
        return o;
    }

    static ObjectNode session(String id) {
        return JSON.createObjectNode().put("session", id);
    }

    /**
     * Reads a session's event stream (from after {@code lastEventId}, or all when negative) until an
     * event of type {@code state} with state {@code until} arrives; returns every event read.
     */
    List<Event> events(String session, int lastEventId, String until) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve("/api/events?session=" + session)).GET();
        if (lastEventId >= 0) {
            b.header("Last-Event-ID", Integer.toString(lastEventId));
        }
        HttpResponse<Stream<String>> r = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        if (r.statusCode() != 200) {
            throw new AssertionError("event stream answered " + r.statusCode());
        }
        List<Event> out = new ArrayList<>();
        try (Stream<String> lines = r.body()) {
            Iterator<String> it = lines.iterator();
            int id = -1;
            String type = null;
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("id: ")) {
                    id = Integer.parseInt(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    Event e = new Event(id, type, JSON.readTree(line.substring(6)));
                    out.add(e);
                    if ("state".equals(type) && until.equals(e.data().path("state").asText())) {
                        return out;
                    }
                }
            }
        }
        throw new AssertionError("the stream ended before state " + until + ": " + out);
    }

    /** A command line run in this JVM: exit code, standard output and error. */
    record Cli(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Cli cli(String... args) {
        Captured c = Captured.run(() -> Main.execute(args));
        return new Cli(c.exitCode(), c.out(), c.err());
    }

    @Override
    public void close() {
        server.close();
    }
}
