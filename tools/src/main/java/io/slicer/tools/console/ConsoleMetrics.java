package io.slicer.tools.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.slicer.engine.api.LatencySamples;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.core.EngineCounters;
import io.slicer.engine.risk.HaltReason;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code GET /metrics}: the engine's counters and gauges in the Prometheus text format, through Micrometer. Every
 * number is read on the scraping thread from the engine's thread-safe views ({@link EngineCounters}, the ring's
 * backlog, {@code LatencySamples}); nothing is recorded or allocated on the decision thread for them.
 *
 * <pre>
 *   slicer_orders_total                 NEW_ORDER inputs
 *   slicer_children_total               child orders sent
 *   slicer_fills_total                  FILL reports
 *   slicer_rejections_total{kind}       parent orders refused at entry (order), children the venue rejected (child)
 *   slicer_halts_total{reason}          orders halted, by HaltReason
 *   slicer_decisions_total              slice decisions
 *   slicer_anomalies_total              inputs dropped, clamped or rejected
 *   slicer_open_orders                  watched orders still open
 *   slicer_ring_backlog                 events published, not yet processed
 *   slicer_journal_lag_records          journal records written that the console has not yet read
 *   slicer_decision_latency_seconds     histogram: the consumer's time per TIMER event (slice decisions)
 * </pre>
 */
final class ConsoleMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LatencySamples.Reader samples;
    private final Timer latency;
    private final Counter lost;

    ConsoleMetrics(final SlicerEngine engine, final Blotter blotter, final LongSupplier journalRecordsWritten) {
        this.samples = engine.decisionLatency().newReader();
        final EngineCounters c = engine.core().counters();
        FunctionCounter.builder("slicer.orders", c, EngineCounters::orders)
                .description("Parent orders received (NEW_ORDER inputs)").register(registry);
        FunctionCounter.builder("slicer.children", c, EngineCounters::children)
                .description("Child orders sent to the venue").register(registry);
        FunctionCounter.builder("slicer.fills", c, EngineCounters::fills)
                .description("Fills reported by the venue").register(registry);
        FunctionCounter.builder("slicer.rejections", c, EngineCounters::ordersRejected).tag("kind", "order")
                .description("Parent orders refused at entry, children rejected by the venue").register(registry);
        FunctionCounter.builder("slicer.rejections", c, EngineCounters::childRejects).tag("kind", "child")
                .description("Parent orders refused at entry, children rejected by the venue").register(registry);
        FunctionCounter.builder("slicer.decisions", c, EngineCounters::decisions)
                .description("Slice decisions, whatever their verdict").register(registry);
        FunctionCounter.builder("slicer.anomalies", c, EngineCounters::anomalies)
                .description("Inputs dropped, clamped or rejected").register(registry);
        for (final HaltReason reason : HaltReason.values()) {
            FunctionCounter.builder("slicer.halts", c, counters -> counters.halts(reason))
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .description("Parent orders halted, by reason").register(registry);
        }
        Gauge.builder("slicer.open.orders", blotter, Blotter::openOrders)
                .description("Watched parent orders still open").register(registry);
        Gauge.builder("slicer.ring.backlog", engine, SlicerEngine::backlog)
                .description("Events published to the ring and not yet processed").register(registry);
        Gauge.builder("slicer.journal.lag.records", blotter,
                        b -> Math.max(0, journalRecordsWritten.getAsLong() - b.journalRecordsRead()))
                .description("Journal records written that the console has not yet read back").register(registry);
        this.latency = Timer.builder("slicer.decision.latency")
                .description("The engine thread's processing time per TIMER event (slice decisions)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(500))
                .maximumExpectedValue(Duration.ofMillis(50))
                .register(registry);
        this.lost = Counter.builder("slicer.decision.latency.samples.lost")
                .description("Decision-latency samples overwritten before the console read them").register(registry);
    }

    /** Moves the engine's latency samples into the histogram; the console's thread or a scrape. */
    synchronized void drainLatency() {
        final long dropped = samples.drain(nanos -> latency.record(nanos, TimeUnit.NANOSECONDS));
        if (dropped > 0) {
            lost.increment(dropped);
        }
    }

    /** The Prometheus exposition text. */
    String scrape() {
        drainLatency();
        return registry.scrape();
    }
}
