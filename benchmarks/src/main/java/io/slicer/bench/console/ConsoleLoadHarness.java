package io.slicer.bench.console;

import io.slicer.engine.api.LatencySamples;
import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.tools.console.ConsoleAccess;
import io.slicer.tools.console.OperatorConsole;
import org.HdrHistogram.Histogram;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Does watching the engine slow it down? The ring engine trades {@value #ORDERS} live TWAP parent orders on one
 * symbol; every {@value #SLICE_MILLIS} ms of real time the publisher sends a TIMER that is a slice boundary for all of
 * them (one decision and one child each), with quotes and trades in between, and answers every child with an ack and
 * a fill. The engine's own decision-latency samples (its processing time per TIMER: the {@value #ORDERS} decisions of
 * one boundary) go into an HdrHistogram after a warm-up.
 *
 * <p>Run once with the console off and once on: on means the console watches all {@value #ORDERS} orders and
 * refreshes them every 250 ms, one client holds the live stream open (the blotter's, every 500 ms a JSON snapshot
 * of every order) and another scrapes {@code /metrics} every second.
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.console.ConsoleLoadHarness \
 *       [off|on] [seconds]
 * </pre>
 */
public final class ConsoleLoadHarness {
    static final int ORDERS = 1_000;
    static final long SLICE_MILLIS = 50;
    private static final int EVENTS_PER_SLICE = 20;
    private static final String TOKEN = "load-harness-viewer";
    private static volatile boolean stopping;

    private ConsoleLoadHarness() {
    }

    /** Collects children on the engine thread for the publisher to answer. */
    static final class Venue implements ChildOrderSink {
        final long[] children = new long[1 << 16];
        final long[] parents = new long[1 << 16];
        final long[] quantities = new long[1 << 16];
        final AtomicLong sent = new AtomicLong();

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            final long n = sent.getPlain();
            final int i = (int) (n & (children.length - 1));
            children[i] = childId;
            parents[i] = parentId;
            quantities[i] = quantity;
            sent.setRelease(n + 1);
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
        }
    }

    public static void main(final String[] args) throws Exception {
        final boolean consoleOn = args.length > 0 && args[0].equals("on");
        final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        final int warmUp = Math.max(10, seconds / 3);
        final Venue venue = new Venue();
        final long slice = SLICE_MILLIS * 1_000_000L;
        final long slices = (warmUp + seconds + 2) * 1_000_000_000L / slice;
        try (SlicerEngine engine = SlicerEngine.builder()
                .strategy("twap")
                .config(c -> c.defaultInstrument(Instrument.equity("LOAD", 0.01, 1, "USD")).minChild(1)
                        .maxOrders(ORDERS + 8).maxSlices((int) slices + 10).maxLiveChildren(1 << 20)
                        .maxLiveChildrenPerOrder(1_024).throttle(100_000_000, 1_000_000_000L)
                        .staleAfterNanos(60_000_000_000L))
                .sink(venue)
                .build()) {
            final long start = System.nanoTime();
            engine.quote(start, 0, 99.99, 100.01, 500, 500);
            for (int id = 1; id <= ORDERS; id++) {
                engine.newOrder(start, NewOrder.of(id, 0, id % 2 == 0 ? Side.SELL : Side.BUY, 100 * slices,
                        start + slice, start + slice * (slices + 1), (int) slices, 0, 0.01, 1e9));
            }
            OperatorConsole console = null;
            final Thread[] clients = new Thread[2];
            final AtomicLong streamBytes = new AtomicLong();
            final AtomicLong scrapes = new AtomicLong();
            if (consoleOn) {
                console = OperatorConsole.builder(engine, ConsoleAccess.of(null, TOKEN), System::nanoTime)
                        .symbol("LOAD", 0).build().start();
                for (int id = 1; id <= ORDERS; id++) {
                    console.watch(id, "LOAD", id % 2 == 0 ? Side.SELL : Side.BUY, 100 * slices, start + slice,
                            start + slice * (slices + 1), "twap", "");
                }
                final String base = "http://127.0.0.1:" + console.port();
                clients[0] = client(() -> {
                    final HttpClient http = HttpClient.newHttpClient();
                    final HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/stream")).header("Authorization", "Bearer " + TOKEN).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    final byte[] buffer = new byte[1 << 16];
                    try (InputStream in = r.body()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            streamBytes.addAndGet(n);
                        }
                    }
                });
                clients[1] = client(() -> {
                    final HttpClient http = HttpClient.newHttpClient();
                    while (!Thread.currentThread().isInterrupted()) {
                        http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                .header("Authorization", "Bearer " + TOKEN).build(),
                                HttpResponse.BodyHandlers.ofString());
                        scrapes.incrementAndGet();
                        Thread.sleep(1_000);
                    }
                });
            }
            final Histogram histogram = new Histogram(10_000_000_000L, 3);
            final LatencySamples.Reader samples = engine.decisionLatency().newReader();
            final long measureFrom = start + slice + warmUp * 1_000_000_000L;
            final long end = measureFrom + seconds * 1_000_000_000L;
            long answered = 0;
            long execId = 1;
            long k = 0;
            for (long t = start + slice; t < end; t = start + slice + (++k) * slice / EVENTS_PER_SLICE) {
                LockSupport.parkNanos(t - System.nanoTime());
                if (k % EVENTS_PER_SLICE == 0) {
                    engine.timer(t);
                } else if ((k & 1) == 0) {
                    engine.quote(t, 0, 99.99, 100.01, 500, 500);
                } else {
                    engine.trade(t, 0, 100.0, 10_000, 0);
                }
                final long sent = venue.sent.getAcquire();
                for (; answered < sent; answered++) {
                    final int i = (int) (answered & (venue.children.length - 1));
                    engine.childAck(t, venue.parents[i], venue.children[i]);
                    engine.fill(t, venue.parents[i], venue.children[i], execId++, venue.quantities[i], 100.0);
                }
                if (t >= measureFrom) {
                    samples.drain(histogram::recordValue);
                } else {
                    samples.drain(nanos -> { });
                }
            }
            engine.flush();
            stopping = true;
            for (final Thread c : clients) {
                if (c != null) {
                    c.interrupt();
                }
            }
            if (console != null) {
                console.close();
            }
            System.out.printf(Locale.ROOT, "console %s: %d orders, slice boundary every %d ms, %d s measured after "
                            + "%d s warm-up; children %d; stream bytes %d, scrapes %d%n", consoleOn ? "on" : "off",
                    ORDERS, SLICE_MILLIS, seconds, warmUp, venue.sent.get(), streamBytes.get(), scrapes.get());
            System.out.printf(Locale.ROOT, "engine time per slice boundary (%d decisions) us: p50=%.1f p90=%.1f "
                            + "p99=%.1f max=%.1f boundaries=%d%n", ORDERS, histogram.getValueAtPercentile(50) / 1e3,
                    histogram.getValueAtPercentile(90) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                    histogram.getMaxValue() / 1e3, histogram.getTotalCount());
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Thread client(final Body body) {
        final Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (final Exception e) {
                if (!stopping) {
                    System.err.println("console client: " + e);
                }
            }
        }, "console-client");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
