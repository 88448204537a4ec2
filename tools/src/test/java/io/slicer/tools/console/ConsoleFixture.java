package io.slicer.tools.console;

import io.slicer.journal.RingJournal;
import io.slicer.tools.day.ScenarioDay;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * Test fixture: a real ring engine journaling into a temporary directory, a {@link ConsoleDay} of {@code orders}
 * orders playing on its own thread at {@code speed}, and the console on an ephemeral port of 127.0.0.1.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String TRADER = "trader-secret-1";
    static final String VIEWER = "viewer-secret-2";

    final Path journal;
    final ConsoleDay day;
    final RingJournal ring;
    final OperatorConsole console;
    private final Thread player;
    private volatile boolean stop;
    private final HttpClient http = HttpClient.newHttpClient();

    ConsoleFixture(final Path journal, final int orders, final double speed) {
        this.journal = journal;
        final Scenario scenario = Scenarios.byName("liquid-stock");
        this.day = new ConsoleDay(scenario, orders, speed, 7);
        this.ring = RingJournal.open(journal, "console-test", ScenarioDay.settings(scenario, ""), List.of("twap"),
                day.venue());
        this.console = OperatorConsole.builder(ring.engine(), ConsoleAccess.of(TRADER, VIEWER), day::now)
                .symbol(day.symbol(), 0).journal(journal, ring::journalRecords).build().start();
        for (long id = 1; id <= orders; id++) {
            console.watch(id, day.symbol(), day.side(id), day.terms().quantity(), day.terms().startTime(),
                    day.terms().endTime(), "twap", "");
        }
        this.player = new Thread(() -> {
            try {
                day.play(ring.engine(), () -> stop);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "console-test-day");
        player.start();
    }

    String url(final String path) {
        return "http://127.0.0.1:" + console.port() + path;
    }

    HttpResponse<String> get(final String path, final String token) throws IOException, InterruptedException {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(final String path, final String token, final String body)
            throws IOException, InterruptedException {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the day to reach its end; the engine is then quiet. */
    void finishDay() throws InterruptedException {
        player.join();
        ring.engine().flush();
    }

    /** Waits until order {@code id} has fills (the day's thread makes them; no time limit of our own). */
    void awaitFills(final long id) throws InterruptedException {
        final io.slicer.engine.order.OrderProgress p = new io.slicer.engine.order.OrderProgress();
        while (!ring.engine().progress(id, p) || p.filled() == 0) {
            if (!player.isAlive()) {
                throw new IllegalStateException("the day ended with no fill on order " + id);
            }
            Thread.sleep(5);
        }
    }

    /** Stops the day where it is and waits for its thread; the engine is then quiet. */
    void stopDay() throws InterruptedException {
        stop = true;
        player.join();
        ring.engine().flush();
    }

    @Override
    public void close() throws Exception {
        stopDay();
        console.close();
        ring.close();
    }
}
