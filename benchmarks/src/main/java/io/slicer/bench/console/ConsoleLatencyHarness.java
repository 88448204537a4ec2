package io.slicer.bench.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.journal.EngineSettings;
import io.slicer.journal.RingJournal;
import io.slicer.tools.console.ConsoleAccess;
import io.slicer.tools.console.OperatorConsole;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * The operator console's latency as an operator meets it, over HTTP on 127.0.0.1, closed loop, beside a journaled ring
 * engine working {@code orders} live TWAP parents on one symbol (the set-up of {@code slicer console}: the console
 * tails the journal, a control is acknowledged only once journaled and forced to disk):
 * <pre>
 *   client ──GET /api/orders──────────────▶ console          A: request sent → whole blotter snapshot received
 *   client ──POST /api/orders/{id}/halt───▶ console ─▶ ring   B: request sent → 200 (engine acknowledged, journal forced)
 *   harness ──fill──▶ ring ─▶ progress ─▶ blotter (250 ms) ─▶ /api/stream (500 ms) ─▶ client
 *                                                           C: fill published → first stream event showing it
 * </pre>
 * C is bounded by the console's refresh periods (the blotter samples every 250 ms, the stream sends every 500 ms):
 * fills are published every {@value #FILL_PERIOD_MILLIS} ms, a period prime to both, so they land at every phase.
 * Prints one line per path in the percentile format {@code slicer bench} reads (the FIX harness's).
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.console.ConsoleLatencyHarness \
 *       [orders] [requests] [fills]
 * </pre>
 */
public final class ConsoleLatencyHarness {
    static final long FILL_PERIOD_MILLIS = 53;
    private static final String TOKEN = "latency-harness-trader";
    private static final int SLICES = 100;
    private static final long CHILD = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleLatencyHarness() {
    }

    public static void main(final String[] args) throws Exception {
        // Before anything logs: the console's lifecycle line per action would bury the percentiles.
        System.setProperty("logback.configurationFile", "io/slicer/bench/console/logback-harness.xml");
        final int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        final int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        final int fills = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        if (orders < 2 || requests < 1 || fills < 1 || fills > orders) {
            System.err.println("ConsoleLatencyHarness: expected [orders >= 2] [requests >= 1] [fills 1..orders], "
                    + "found " + String.join(" ", args));
            System.exit(2);
        }
        System.exit(run(orders, requests, fills, System.out));
    }

    /** Measures the three paths and prints them to {@code out}; 0, or 1 when a path failed (said on {@code out}). */
    static int run(final int orders, final int requests, final int fills, final PrintStream out) throws Exception {
        final Path dir = Files.createTempDirectory("slicer-console-latency");
        final Venue venue = new Venue(orders);
        final Instrument instrument = Instrument.equity("DESK", 0.01, 1, "USD");
        final EngineSettings settings = EngineSettings.parse("")
                .set("instrument.0", instrument.spec())
                .set("maxOrders", Integer.toString(orders + 8))
                .set("minChild", "1")
                .set("staleAfterNanos", Long.toString(3_600_000_000_000L))
                .set("throttle", "100000000/1000000000");
        try (RingJournal ring = RingJournal.open(dir, "console-latency-harness", settings, List.of("twap"), venue)) {
            final SlicerEngine engine = ring.engine();
            final long start = System.nanoTime();
            engine.quote(start, 0, 99.99, 100.01, 1_000_000, 1_000_000);
            engine.trade(start, 0, 100.0, 1_000_000, 0);
            for (int id = 1; id <= orders; id++) {
                engine.newOrder(start, NewOrder.of(id, 0, Side.BUY, CHILD * SLICES, start,
                        start + 3_600_000_000_000L, SLICES, 0, 0.01, 1e9));
            }
            engine.timer(System.nanoTime());
            engine.flush();
            if (!venue.awaitChildren(orders, 10_000)) {
                out.println("console latency: expected a first child for each of " + orders + " orders, found "
                        + venue.count() + " after 10 s");
                return 1;
            }
            final long acked = System.nanoTime();
            for (int id = 1; id <= orders; id++) {
                engine.childAck(acked, id, venue.childOf(id));
            }
            try (OperatorConsole console = OperatorConsole.builder(engine, ConsoleAccess.of(TOKEN, null),
                    System::nanoTime).symbol("DESK", 0).journal(dir, ring::journalRecords).build().start()) {
                for (int id = 1; id <= orders; id++) {
                    console.watch(id, "DESK", Side.BUY, CHILD * SLICES, start, start + 3_600_000_000_000L, "twap",
                            "");
                }
                final String base = "http://127.0.0.1:" + console.port();
                final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                final Histogram toStream = fillToStream(engine, venue, http, base, orders, fills);
                final Histogram snapshot = snapshots(http, base, requests);
                final Histogram halts = halts(http, base, orders);
                print(out, "console GET /api/orders (" + orders + " orders) -> body", snapshot);
                print(out, "console POST halt -> 200 acknowledged", halts);
                print(out, "engine fill -> console stream event showing it", toStream);
                final boolean complete = snapshot.getTotalCount() > 0 && halts.getTotalCount() > 0
                        && toStream.getTotalCount() > 0;
                if (!complete) {
                    out.println("console latency: a path recorded no sample (see above)");
                }
                return complete ? 0 : 1;
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** A: whole blotter snapshots, closed loop, after a warm-up of a third as many. */
    private static Histogram snapshots(final HttpClient http, final String base, final int requests)
            throws IOException, InterruptedException {
        final Histogram h = new Histogram(1, 60_000_000_000L, 3);
        final HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                .header("Authorization", "Bearer " + TOKEN).build();
        final int warmUp = Math.max(1, requests / 3);
        for (int i = 0; i < warmUp + requests; i++) {
            final long sent = System.nanoTime();
            final HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
            final long received = System.nanoTime();
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /api/orders answered " + r.statusCode() + ", expected 200");
            }
            if (i >= warmUp) {
                h.recordValue(Math.max(1, received - sent));
            }
        }
        return h;
    }

    /**
     * B: one halt per order, each to its acknowledgement. The warm-up pauses and resumes every order first: the same
     * route, the same journaled and forced control.
     */
    private static Histogram halts(final HttpClient http, final String base, final int orders)
            throws IOException, InterruptedException {
        final Histogram h = new Histogram(1, 60_000_000_000L, 3);
        for (int id = 1; id <= orders; id++) {
            post(http, base + "/api/orders/" + id + "/pause");
            post(http, base + "/api/orders/" + id + "/resume");
        }
        for (int id = 1; id <= orders; id++) {
            final long sent = System.nanoTime();
            post(http, base + "/api/orders/" + id + "/halt");
            h.recordValue(Math.max(1, System.nanoTime() - sent));
        }
        return h;
    }

    private static void post(final HttpClient http, final String url) throws IOException, InterruptedException {
        final HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"risk_limit\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /**
     * C: one fill per order, every {@value #FILL_PERIOD_MILLIS} ms, each timed from its publication to the first
     * stream event whose row for that order shows the filled quantity. The first tenth are warm-up.
     */
    private static Histogram fillToStream(final SlicerEngine engine, final Venue venue, final HttpClient http,
                                          final String base, final int orders, final int fills) throws Exception {
        final AtomicLongArray publishedAt = new AtomicLongArray(orders + 1);
        final Histogram h = new Histogram(1, 60_000_000_000L, 3);
        final int warmUp = Math.min(orders - fills, Math.max(1, fills / 10));
        final HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(base
                + "/api/stream")).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofLines());
        final int[] seen = new int[1];
        final Thread reader = new Thread(() -> {
            final Iterator<String> lines = stream.body().iterator();
            while (seen[0] < warmUp + fills && lines.hasNext()) {
                final String line = lines.next();
                if (!line.startsWith("data: ")) {
                    continue;
                }
                final long arrived = System.nanoTime();
                final JsonNode rows;
                try {
                    rows = JSON.readTree(line.substring(6));
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (final JsonNode row : rows) {
                    final int id = row.get("id").asInt();
                    final long at = publishedAt.get(id);
                    if (at > 0 && row.get("filled").asLong() >= venue.quantityOf(id)) {
                        publishedAt.set(id, 0);
                        if (id > warmUp) {
                            synchronized (h) {
                                h.recordValue(Math.max(1, arrived - at));
                            }
                        }
                        seen[0]++;
                    }
                }
            }
        }, "console-stream-client");
        reader.setDaemon(true);
        reader.start();
        long next = System.nanoTime();
        for (int id = 1; id <= warmUp + fills; id++) {
            next += FILL_PERIOD_MILLIS * 1_000_000L;
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            final long t = System.nanoTime();
            publishedAt.set(id, t);
            engine.fill(t, id, venue.childOf(id), id, venue.quantityOf(id), 100.0);
        }
        reader.join(10_000);
        stream.body().close();
        synchronized (h) {
            return h.copy();
        }
    }

    /** Prints one path in the percentile line {@code slicer bench} reads (as {@code FixLatencyHarness} does). */
    static void print(final PrintStream out, final String label, final Histogram h) {
        out.printf("%-50s n=%,7d  p50 %,9d ns  p90 %,9d ns  p99 %,10d ns  max %,11d ns%n", label,
                h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getMaxValue());
    }

    private static void deleteTree(final Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    /** Remembers each parent's first child (engine thread) for the harness to fill. */
    private static final class Venue implements ChildOrderSink {
        private final AtomicLongArray children;
        private final AtomicLongArray quantities;
        private int count;

        Venue(final int orders) {
            this.children = new AtomicLongArray(orders + 1);
            this.quantities = new AtomicLongArray(orders + 1);
        }

        @Override
        public synchronized void onNewChild(final long childId, final long parentId, final int symbol,
                                            final Side side, final long quantity, final double limitPrice) {
            if (parentId < children.length() && children.get((int) parentId) == 0) {
                quantities.set((int) parentId, quantity);
                children.set((int) parentId, childId);
                count++;
                notifyAll();
            }
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
        }

        synchronized boolean awaitChildren(final int n, final long millis) throws InterruptedException {
            final long end = System.currentTimeMillis() + millis;
            while (count < n && System.currentTimeMillis() < end) {
                wait(Math.max(1, end - System.currentTimeMillis()));
            }
            return count >= n;
        }

        synchronized int count() {
            return count;
        }

        long childOf(final int parentId) {
            return children.get(parentId);
        }

        long quantityOf(final int parentId) {
            return quantities.get(parentId);
        }
    }
}
