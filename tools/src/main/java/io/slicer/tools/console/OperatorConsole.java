package io.slicer.tools.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.engine.api.ControlAck;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.market.Side;
import io.slicer.engine.risk.ControlReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.OperatorRole;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator console: an embedded Jetty 12 server (its core API, no servlet layer: three small jars, Java 17, and
 * nothing of Kotlin that Javalin would bring) beside the engine, on threads of its own. It serves the blotter page,
 * its JSON API, a live stream and the Prometheus metrics:
 * <pre>
 *   GET  /                          the blotter (blotter.html)
 *   GET  /api/orders                every watched order: progress, IS vs benchmark, kill switch, last decision
 *   GET  /api/orders/{id}           one order with its chart history
 *   GET  /api/stream                server-sent events: the orders every 500 ms
 *   GET  /api/me                    {"role": "TRADER" | "VIEWER"}
 *   POST /api/orders/{id}/halt      also pause, resume       body: {"reason": "risk_limit"}   (trader only)
 *   POST /api/symbols/{sym}/halt    every order on a symbol                                  (trader only)
 *   POST /api/halt-all              everything                                                (trader only)
 *   GET  /metrics                   Prometheus text format
 * </pre>
 * Every request needs a bearer token ({@link ConsoleAccess}): none or an unknown one is 401, a viewer acting is 403.
 * An action answers 200 only once the engine acknowledged the control (journaled and forced to disk when the engine
 * journals: {@link ControlAck}); 504 when no acknowledgement came within 10 s. Binds to 127.0.0.1 unless told
 * otherwise.
 */
public final class OperatorConsole implements AutoCloseable {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    private static final long REFRESH_MILLIS = 250;
    private static final Pattern ORDER_ACTION = Pattern.compile("/api/orders/(\\d+)/(halt|pause|resume)");
    private static final Pattern ONE_ORDER = Pattern.compile("/api/orders/(\\d+)");
    private static final Pattern SYMBOL_HALT = Pattern.compile("/api/symbols/([^/]+)/halt");

    private final SlicerEngine engine;
    private final ConsoleAccess access;
    private final OperatorControls controls;
    private final Blotter blotter;
    private final ConsoleMetrics metrics;
    private final Map<String, Integer> symbols;
    private final ObjectMapper json = new ObjectMapper();
    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService sampler;
    private final byte[] page;
    private volatile boolean running = true;

    private OperatorConsole(final Builder b) {
        this.engine = b.engine;
        this.access = b.access;
        this.controls = b.controls != null ? b.controls : OperatorControls.direct(engine, b.eventTime);
        this.symbols = Map.copyOf(b.symbols);
        this.blotter = new Blotter(engine, b.eventTime, b.journalDir);
        this.metrics = new ConsoleMetrics(engine, blotter, b.journalRecordsWritten);
        this.page = resource("blotter.html");
        final QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("slicer-console");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(b.host);
        connector.setPort(b.port);
        server.addConnector(connector);
        server.setHandler(new Routes());
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "slicer-console-sampler");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder(final SlicerEngine engine, final ConsoleAccess access, final LongSupplier eventTime) {
        return new Builder(engine, access, eventTime);
    }

    /** Starts serving; the port is known afterwards ({@link #port()}). */
    public OperatorConsole start() {
        try {
            server.start();
        } catch (final Exception e) {
            throw new IllegalStateException("the console could not listen on " + connector.getHost() + ":"
                    + connector.getPort() + ": " + e.getMessage(), e);
        }
        sampler.scheduleWithFixedDelay(this::refresh, 0, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        LifecycleLog.event("console.started", "host", connector.getHost(), "port", port());
        return this;
    }

    private void refresh() {
        try {
            blotter.sample();
            metrics.drainLatency();
        } catch (final RuntimeException e) {
            LifecycleLog.event("console.refresh.failed", "error", e.toString());
        }
    }

    /** Shows a parent order on the blotter (the OMS or gateway calls this as it sends the order). */
    public void watch(final long orderId, final String symbol, final Side side, final long quantity,
                      final long startTime, final long endTime, final String strategy, final String modelHash) {
        blotter.watch(new WatchedOrder(orderId, symbol, symbols.getOrDefault(symbol, -1), side, quantity, startTime,
                endTime, strategy, modelHash));
    }

    /** The port the console listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The blotter's rows as {@code GET /api/orders} returns them (refreshed every 250 ms). */
    public List<Map<String, Object>> orders() {
        return blotter.rows(false);
    }

    @Override
    public void close() {
        running = false;
        sampler.shutdownNow();
        try {
            server.stop();
        } catch (final Exception e) {
            throw new IllegalStateException("stopping the console: " + e.getMessage(), e);
        } finally {
            blotter.close();
        }
    }

    // ------------------------------------------------------------------ HTTP

    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(final Request request, final Response response, final Callback callback) {
            final String path = Request.getPathInContext(request);
            final String method = request.getMethod();
            if (path.equals("/") || path.equals("/index.html")) {
                // The page itself holds no data: it asks for the token before it calls the API.
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                response.write(true, java.nio.ByteBuffer.wrap(page), callback);
                return true;
            }
            final ConsoleAccess.Role role = access.roleOf(request.getHeaders().get(HttpHeader.AUTHORIZATION));
            if (role == ConsoleAccess.Role.NONE) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"slicer\"");
                return error(response, callback, HttpStatus.UNAUTHORIZED_401,
                        "a bearer token is required (Authorization: Bearer <token>)");
            }
            try {
                if (method.equals("GET")) {
                    return get(path, role, response, callback);
                }
                if (method.equals("POST")) {
                    return post(path, role, request, response, callback);
                }
                return error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, method + " is not supported");
            } catch (final IllegalArgumentException e) {
                return error(response, callback, HttpStatus.BAD_REQUEST_400, e.getMessage());
            }
        }
    }

    private boolean get(final String path, final ConsoleAccess.Role role, final Response response,
                        final Callback callback) {
        switch (path) {
            case "/api/orders" -> {
                return send(response, callback, HttpStatus.OK_200, blotter.rows(false));
            }
            case "/api/me" -> {
                return send(response, callback, HttpStatus.OK_200, Map.of("role", role.name()));
            }
            case "/metrics" -> {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                Content.Sink.write(response, true, metrics.scrape(), callback);
                return true;
            }
            case "/api/stream" -> {
                stream(response, callback);
                return true;
            }
            default -> {
                final Matcher one = ONE_ORDER.matcher(path);
                if (one.matches()) {
                    final Map<String, Object> row = blotter.row(Long.parseLong(one.group(1)));
                    return row == null ? error(response, callback, HttpStatus.NOT_FOUND_404, "no parent order "
                            + one.group(1) + " on the blotter") : send(response, callback, HttpStatus.OK_200, row);
                }
                return error(response, callback, HttpStatus.NOT_FOUND_404, "no such resource " + path);
            }
        }
    }

    /**
     * Server-sent events: the blotter's rows every 500 ms, until the client goes or we stop. Without chart history:
     * with 1,000 orders that would be megabytes a second; the page fetches the history of the order it charts.
     */
    private void stream(final Response response, final Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        try {
            while (running) {
                final String event = "event: orders\ndata: " + json.writeValueAsString(blotter.rows(false)) + "\n\n";
                final FutureCallback written = new FutureCallback();
                Content.Sink.write(response, false, event, written);
                written.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(REFRESH_MILLIS * 2);
            }
            callback.succeeded();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (final Exception e) {
            callback.failed(e);
        }
    }

    private boolean post(final String path, final ConsoleAccess.Role role, final Request request,
                         final Response response, final Callback callback) {
        final Matcher order = ORDER_ACTION.matcher(path);
        final Matcher symbol = SYMBOL_HALT.matcher(path);
        final boolean known = order.matches() || symbol.matches() || path.equals("/api/halt-all");
        if (!known) {
            return error(response, callback, HttpStatus.NOT_FOUND_404, "no such action " + path);
        }
        if (role != ConsoleAccess.Role.TRADER) {
            return error(response, callback, HttpStatus.FORBIDDEN_403,
                    "the viewer token may only look: halting, pausing and resuming need the trader token");
        }
        final ControlReason reason = reason(request);
        final String action;
        final HaltScope scope;
        final long id;
        if (order.matches()) {
            id = Long.parseLong(order.group(1));
            if (blotter.order(id) == null) {
                return error(response, callback, HttpStatus.NOT_FOUND_404, "no parent order " + id
                        + " on the blotter");
            }
            action = order.group(2);
            scope = HaltScope.ORDER;
        } else if (symbol.matches()) {
            final Integer index = symbols.get(symbol.group(1));
            if (index == null) {
                return error(response, callback, HttpStatus.NOT_FOUND_404, "unknown symbol '" + symbol.group(1)
                        + "', expected one of " + symbols.keySet());
            }
            action = "halt";
            scope = HaltScope.SYMBOL;
            id = index;
        } else {
            action = "halt";
            scope = HaltScope.ALL;
            id = 0;
        }
        final ControlAck ack = controls.apply(OperatorControls.Action.valueOf(action.toUpperCase(Locale.ROOT)), scope,
                id, OperatorRole.TRADER, reason);
        final boolean acknowledged;
        try {
            acknowledged = ack.await(ACK_TIMEOUT);
        } catch (final IllegalStateException e) {
            return error(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, e.getMessage());
        }
        LifecycleLog.event("operator." + action, "role", OperatorRole.TRADER.name(), "scope", scope.name(), "id", id,
                "reason", reason.name(), "acknowledged", acknowledged, "ringSequence", ack.sequence());
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("scope", scope.name());
        body.put("id", id);
        body.put("reason", reason.name());
        body.put("acknowledged", acknowledged);
        body.put("ringSequence", ack.sequence());
        if (!acknowledged) {
            body.put("error", "the engine did not acknowledge within " + ACK_TIMEOUT.toSeconds()
                    + " s: the action may not have taken effect");
        }
        return send(response, callback, acknowledged ? HttpStatus.OK_200 : HttpStatus.GATEWAY_TIMEOUT_504, body);
    }

    private ControlReason reason(final Request request) {
        final String body;
        try {
            body = Content.Source.asString(request, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("an action needs a reason: send {\"reason\": \"...\"}, one of "
                    + List.of(ControlReason.values()).toString().toLowerCase(java.util.Locale.ROOT));
        }
        final JsonNode node;
        try {
            node = json.readTree(body);
        } catch (final IOException e) {
            throw new IllegalArgumentException("the body is not JSON: expected {\"reason\": \"...\"}, found "
                    + body.substring(0, Math.min(80, body.length())));
        }
        final JsonNode reason = node.get("reason");
        if (reason == null || !reason.isTextual()) {
            throw new IllegalArgumentException("the body has no \"reason\" text: expected {\"reason\": \"...\"}");
        }
        final ControlReason parsed = ControlReason.parse(reason.asText());
        if (parsed == ControlReason.UNSPECIFIED) {
            throw new IllegalArgumentException("an operator must give a reason other than unspecified");
        }
        return parsed;
    }

    private boolean send(final Response response, final Callback callback, final int status, final Object body) {
        final String text;
        try {
            text = json.writeValueAsString(body);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, text, callback);
        return true;
    }

    private boolean error(final Response response, final Callback callback, final int status, final String message) {
        return send(response, callback, status, Map.of("error", message));
    }

    private static byte[] resource(final String name) {
        try (InputStream in = OperatorConsole.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console's page " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets up a console; binds to 127.0.0.1 and an ephemeral port unless told otherwise. */
    public static final class Builder {
        private final SlicerEngine engine;
        private final ConsoleAccess access;
        private final LongSupplier eventTime;
        private String host = "127.0.0.1";
        private int port;
        private Path journalDir;
        private LongSupplier journalRecordsWritten = () -> 0;
        private OperatorControls controls;
        private final Map<String, Integer> symbols = new LinkedHashMap<>();

        private Builder(final SlicerEngine engine, final ConsoleAccess access, final LongSupplier eventTime) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.access = Objects.requireNonNull(access, "access");
            this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        }

        /** The address to bind (default 127.0.0.1: only this machine can reach the console). */
        public Builder host(final String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (0, the default: any free one). */
        public Builder port(final int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** A symbol's name and its engine index, for Halt symbol. */
        public Builder symbol(final String name, final int index) {
            symbols.put(name, index);
            return this;
        }

        /**
         * The journal the engine writes: the console tails it for each order's last decision, and reports how far
         * behind it reads ({@code recordsWritten}: the writer's count, e.g. {@code RingJournal::journalRecords}).
         */
        public Builder journal(final Path dir, final LongSupplier recordsWritten) {
            this.journalDir = Objects.requireNonNull(dir, "dir");
            this.journalRecordsWritten = Objects.requireNonNull(recordsWritten, "recordsWritten");
            return this;
        }

        /** Where operator actions enter the engine (default: {@link OperatorControls#direct}). */
        public Builder controls(final OperatorControls operatorControls) {
            this.controls = Objects.requireNonNull(operatorControls, "controls");
            return this;
        }

        public OperatorConsole build() {
            return new OperatorConsole(this);
        }
    }
}
