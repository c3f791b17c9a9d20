package org.creditstress.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The classroom page over HTTP: the JDK's {@link HttpServer} bound to the loopback address only,
 * serving the page and uPlot (from its WebJar on the class path: nothing is fetched from the
 * internet) and a small JSON API, with each run's months pushed as Server-Sent Events. The endpoints
 * are listed in {@code docs/classroom.md}.
 *
 * <p>A hostile or mistaken request gets a status and one line per problem, and the server stays
 * up: bodies are limited ({@link ClassroomLimits#maxBodyBytes()}), requests must name this server
 * as their host (no DNS rebinding), and a request that changes anything must be JSON from this
 * page's own origin (another site open in the same browser cannot drive it).
 */
public final class ClassroomServer implements AutoCloseable {
    /** The uPlot release served, as pinned in the pom. */
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    /** Event streams open at once (each holds a request thread). */
    static final int MAX_STREAMS = 16;
    /** A stream with nothing to send writes a comment this often, to notice a page that went away. */
    static final long KEEP_ALIVE_MILLIS = 15_000;
    /** Of a body over the limit, at most this much is read (and dropped) before answering 413. */
    static final long DRAIN_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "org/creditstress/serve/page/";

    private record Resource(byte[] bytes, String type) {
    }

    private final Classroom classroom;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Resource> files = new HashMap<>();
    private final Set<String> hosts;
    private final Set<String> origins;
    private final AtomicInteger streams = new AtomicInteger();
    private final Consumer<String> log;

    private ClassroomServer(Classroom classroom, HttpServer server, Consumer<String> log) {
        this.classroom = classroom;
        this.server = server;
        this.log = log;
        int port = server.getAddress().getPort();
        hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
        origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port);
        files.put("/", resource(PAGE + "index.html", "text/html; charset=utf-8"));
        files.put("/classroom.js", resource(PAGE + "classroom.js", "text/javascript; charset=utf-8"));
        files.put("/classroom.css", resource(PAGE + "classroom.css", "text/css; charset=utf-8"));
        files.put("/uplot/uPlot.iife.min.js", resource(UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"));
        files.put("/uplot/uPlot.min.css", resource(UPLOT + "uPlot.min.css", "text/css; charset=utf-8"));
        threads = Executors.newFixedThreadPool(MAX_STREAMS + 8, r -> {
            Thread t = new Thread(r, "classroom-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /**
     * Starts serving {@code classroom} on 127.0.0.1 at {@code port} (0: any free port).
     *
     * @throws java.net.BindException when the port is taken
     */
    public static ClassroomServer start(Classroom classroom, int port, Consumer<String> log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ClassroomServer s = new ClassroomServer(classroom, server, log);
        server.start();
        return s;
    }

    /** The page's address, {@code http://127.0.0.1:PORT/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static Resource resource(String path, String type) {
        try (InputStream in = ClassroomServer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path (the page or the uPlot WebJar is missing from the build)");
            }
            return new Resource(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            route(ex);
        } catch (RequestException e) {
            error(ex, e.status(), null, e.lines());
        } catch (Classroom.SettingException e) {
            error(ex, 400, e.setting(), e.lines());
        } catch (org.creditstress.run.Experiment.RunOutOfMemory e) {
            error(ex, 503, null, List.of("error: " + e.getMessage()));
        } catch (org.creditstress.model.InvariantViolation e) {
            error(ex, 500, null, List.of("error: the model broke an invariant, so the run was stopped: " + e.getMessage()));
        } catch (IOException e) {
            ex.close();
        } catch (RuntimeException e) {
            log.accept("classroom: internal error on " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + ": " + e);
            error(ex, 500, null, List.of("internal error: " + e));
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            throw RequestException.of(403, "this server answers only at " + url());
        }
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        Resource file = files.get(path);
        if (file != null) {
            requireMethod(method, "GET");
            send(ex, 200, file.type(), file.bytes(), null);
            return;
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        switch (path) {
            case "/api/scenarios" -> {
                requireMethod(method, "GET");
                ObjectNode o = JSON.createObjectNode();
                ArrayNode names = o.putArray("scenarios");
                classroom.scenarioNames().forEach(names::add);
                o.set("limits", JSON.valueToTree(classroom.limits()));
                json(ex, 200, o);
            }
            case "/api/scenario" -> {
                requireMethod(method, "GET");
                json(ex, 200, classroom.describe(required(query, "name")));
            }
            case "/api/events" -> {
                requireMethod(method, "GET");
                stream(ex, classroom.session(required(query, "session")));
            }
            case "/api/yaml" -> {
                requireMethod(method, "GET");
                Session s = classroom.session(required(query, "session"));
                String setting = query.getOrDefault("setting", "A");
                String yaml = classroom.yaml(s.id(), setting);
                String name = s.settings().stream().filter(x -> x.name().equals(setting)).findFirst()
                        .map(x -> Classroom.fileName(s, x)).orElseThrow();
                send(ex, 200, "application/yaml; charset=utf-8", yaml.getBytes(StandardCharsets.UTF_8),
                        "attachment; filename=\"" + name + "\"");
            }
            case "/api/setup" -> json(ex, 200, Classroom.describe(classroom.setup(post(ex))));
            case "/api/run" -> {
                JsonNode body = post(ex);
                classroom.run(session(body), speed(body, false));
                json(ex, 200, state(classroom.session(session(body))));
            }
            case "/api/pause" -> {
                String id = session(post(ex));
                classroom.pause(id);
                json(ex, 200, state(classroom.session(id)));
            }
            case "/api/step" -> {
                String id = session(post(ex));
                classroom.step(id);
                json(ex, 200, state(classroom.session(id)));
            }
            case "/api/speed" -> {
                JsonNode body = post(ex);
                classroom.speed(session(body), speed(body, true));
                json(ex, 200, state(classroom.session(session(body))));
            }
            case "/api/reset" -> {
                classroom.reset(session(post(ex)));
                json(ex, 200, JSON.createObjectNode().put("state", "closed"));
            }
            default -> throw RequestException.of(404, "no page at " + Classroom.clip(path));
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw RequestException.of(405, method.length() > 10 ? "method not allowed" : method + " is not allowed here; use " + allowed);
        }
    }

    private static String required(Map<String, String> query, String name) {
        String v = query.get(name);
        if (v == null || v.isEmpty()) {
            throw RequestException.of(400, "the request needs ?" + name + "=");
        }
        return v;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        if (raw.length() > 2000) {
            throw RequestException.of(414, "the query is longer than 2000 characters");
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw RequestException.of(400, "the query is not URL-encoded properly");
            }
        }
        return out;
    }

    /**
     * The JSON body of a request that changes something: POST, {@code Content-Type: application/json},
     * from this page's origin, at most {@link ClassroomLimits#maxBodyBytes()} bytes.
     */
    private JsonNode post(HttpExchange ex) throws IOException {
        requireMethod(ex.getRequestMethod(), "POST");
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origins.contains(origin.toLowerCase(java.util.Locale.ROOT))) {
            throw RequestException.of(403, "requests that change a run must come from the page at " + url());
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw RequestException.of(415, "the request body must be JSON (Content-Type: application/json)");
        }
        int max = classroom.limits().maxBodyBytes();
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > max) {
                    throw tooLarge(ex, max);
                }
            } catch (NumberFormatException e) {
                throw RequestException.of(400, "Content-Length is not a number");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = ex.getRequestBody()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                body.write(buffer, 0, n);
                if (body.size() > max) {
                    throw tooLarge(ex, max);
                }
            }
        }
        try {
            JsonNode node = JSON.readTree(body.toByteArray());
            if (node == null || !node.isObject()) {
                throw RequestException.of(400, "the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RequestException.of(400, "the request body is not valid JSON");
        }
    }

    /**
     * A body over the limit: the rest is read and dropped, up to {@link #DRAIN_BYTES}, so that the
     * client, still sending, reads the answer rather than a reset connection; then the connection
     * is closed.
     */
    private static RequestException tooLarge(HttpExchange ex, int max) {
        try (InputStream in = ex.getRequestBody()) {
            long left = DRAIN_BYTES;
            byte[] buffer = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client gave up; the answer may not reach it
        }
        ex.getResponseHeaders().set("Connection", "close");
        return RequestException.of(413, "the request body is larger than " + max + " bytes");
    }

    private static String session(JsonNode body) {
        JsonNode id = body.get("session");
        if (id == null || !id.isTextual()) {
            throw RequestException.of(400, "the request needs \"session\": the id Setup returned");
        }
        return id.asText();
    }

    private static Double speed(JsonNode body, boolean required) {
        JsonNode s = body.get("monthsPerSecond");
        if (s == null && !required) {
            return null;
        }
        if (s == null || !s.isNumber()) {
            throw RequestException.of(400, "monthsPerSecond must be a number");
        }
        return s.asDouble();
    }

    private static ObjectNode state(Session s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
        o.put("month", s.month());
        o.put("months", s.months());
        o.put("monthsPerSecond", s.monthsPerSecond());
        return o;
    }

    /**
     * Streams a session's events: those after {@code Last-Event-ID} (all on a first connection),
     * then each as it is published, until the session is closed or the page goes away.
     */
    private void stream(HttpExchange ex, Session session) throws IOException {
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            throw RequestException.of(503, "too many pages are watching runs (" + MAX_STREAMS + "); close one");
        }
        session.subscribe();
        try {
            int next = 0;
            String last = ex.getRequestHeaders().getFirst("Last-Event-ID");
            if (last != null && last.trim().matches("\\d{1,9}")) {
                next = Integer.parseInt(last.trim()) + 1;
            }
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                List<String> frames = session.events().from(next, KEEP_ALIVE_MILLIS);
                if (frames.isEmpty()) {
                    if (session.events().closed()) {
                        break;
                    }
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    for (String f : frames) {
                        out.write(f.getBytes(StandardCharsets.UTF_8));
                    }
                    next += frames.size();
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page went away; nothing to answer
        } finally {
            session.unsubscribe();
            streams.decrementAndGet();
            ex.close();
        }
    }

    private static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body), null);
    }

    private static void error(HttpExchange ex, int status, String setting, List<String> lines) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        if (setting != null && !setting.isEmpty()) {
            o.put("setting", setting);
        }
        ArrayNode errors = o.putArray("errors");
        lines.forEach(errors::add);
        try {
            json(ex, status, o);
        } catch (IOException e) {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, String disposition) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        if (disposition != null) {
            h.set("Content-Disposition", disposition);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops answering (open streams end) and closes every run. */
    @Override
    public void close() {
        classroom.close();
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
