package io.slicer.bench.journal;

import io.slicer.engine.core.SlicerCore;
import io.slicer.engine.event.EventType;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.engine.event.EngineEvent;
import io.slicer.journal.ChainHead;
import io.slicer.journal.EngineRecords;
import io.slicer.journal.EngineSettings;
import io.slicer.journal.JournalKey;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.JournalWriter;
import io.slicer.journal.JournalingHook;
import io.slicer.journal.RecordSink;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * What journaling adds on the decision thread: runs the same {@link SyntheticDay} through a {@link SlicerCore}
 * without a journal and with the Chronicle Queue journal written from the decision thread, timing every
 * {@code onEvent} call. Prints percentiles for market events (quotes, trades, venue reports: one INPUT record
 * each) and for decision timers (an INPUT plus one DECISION per working order), with and without the journal, and
 * with the journal's chain keyed (HMAC-SHA256) instead of plain SHA-256. Market data is forced to disk every
 * {@link JournalWriter#BATCH} records, so those percentiles include the batched forces. Last, what one
 * {@link JournalWriter#forceToDisk()} costs after one record (what a child send or a control record waits for).
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.journal.JournalLatencyHarness [seconds]
 * </pre>
 *
 * <p>{@code fixed} mode instead feeds the day at a fixed rate for a wall-clock length, with or without the journal,
 * as a long soak: every event has a scheduled time ({@code start + n / rate}), the thread parks or spins until then,
 * and an event's latency runs from its scheduled time to the end of its {@code onEvent}, so a stall delays every event
 * scheduled during it and coordinated omission cannot hide it. Prints, after a warm-up of a tenth of the run (at most
 * a minute), the decision timers' and market events' latency and service time (the {@code onEvent} call alone), and
 * every journal append's own time ({@link RecordSink#commit}) with the count of appends slower than 1 ms, to compare
 * with the machine's own stalls of that size ({@code PlatformFloorHarness hiccup} for the same length).
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.journal.JournalLatencyHarness \
 *       fixed [journal|none] [events per second] [seconds]
 * </pre>
 */
public final class JournalLatencyHarness {
    private JournalLatencyHarness() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("fixed")) {
            fixedRate(args.length > 1 && args[1].equals("journal"), args.length > 2 ? Integer.parseInt(args[2]) : 5_000,
                    args.length > 3 ? Integer.parseInt(args[3]) : 60);
            return;
        }
        final int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        for (int round = 0; round < 2; round++) {
            final boolean report = round == 1;
            run("no journal", seconds, null, report);
            final Path dir = Files.createTempDirectory("slicer-latency-journal");
            try (JournalWriter writer = JournalWriter.open(dir, ChainHead.GENESIS, JournalKey.NONE)) {
                run("chronicle journal", seconds, writer, report);
            }
            final Path keyed = Files.createTempDirectory("slicer-latency-journal-keyed");
            final JournalKey key = JournalKey.of("a benchmark key, 32 bytes or more".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
            try (JournalWriter writer = JournalWriter.open(keyed, ChainHead.GENESIS, key)) {
                run("chronicle journal, keyed chain", seconds, writer, report);
            }
        }
        forces(2_000);
    }

    /** One record, then a force: the wait a child send or a control record adds. */
    private static void forces(final int count) throws Exception {
        final Path dir = Files.createTempDirectory("slicer-latency-force");
        final Histogram h = new Histogram(1, 10_000_000_000L, 3);
        final EngineRecords records = new EngineRecords();
        final EngineEvent timer = new EngineEvent();
        try (JournalWriter writer = JournalWriter.open(dir, ChainHead.GENESIS, JournalKey.NONE)) {
            for (int i = 0; i < count; i++) {
                writer.commit(records.encodeInput(writer.stage(), i, timer.timer(i)));
                final long start = System.nanoTime();
                writer.forceToDisk();
                h.recordValue(Math.max(1, System.nanoTime() - start));
            }
        }
        print("forceToDisk after one record (fdatasync x2)", h);
    }

    private static void run(final String label, final int seconds, final JournalWriter writer, final boolean report) {
        final SyntheticDay day = new SyntheticDay(7);
        final EngineJournal journal = writer == null ? EngineJournal.NONE : new JournalingHook(writer);
        final SlicerCore core = new SlicerCore(EngineSettings.parse("maxOrders=4096").toConfig(),
                List.of(RegisteredStrategy.schedule("twap", StrategyRegistry.standard().factory("twap"))), day, journal);
        final Histogram market = new Histogram(1, 10_000_000_000L, 3);
        final Histogram timers = new Histogram(1, 10_000_000_000L, 3);
        final long[] decisionsBefore = {0};
        for (long t = 0; t < seconds; t++) {
            day.second(t, e -> {
                final EventType type = e.type();
                final long before = core.decisions();
                final long start = System.nanoTime();
                core.onEvent(e);
                final long took = System.nanoTime() - start;
                if (type == EventType.TIMER) {
                    if (core.decisions() > before) {
                        timers.recordValue(Math.max(1, took));
                    }
                } else {
                    market.recordValue(Math.max(1, took));
                }
                decisionsBefore[0] = core.decisions();
            });
        }
        if (report) {
            print(label + ", market event", market);
            print(label + ", decision timer (" + String.format("%.1f", (double) decisionsBefore[0]
                    / Math.max(1, timers.getTotalCount())) + " decisions each)", timers);
        }
    }

    /** Times every append of the journal it wraps. */
    private static final class TimedAppends implements RecordSink {
        private final RecordSink sink;
        private final Histogram appends = new Histogram(1, 10_000_000_000L, 3);

        TimedAppends(final RecordSink sink) {
            this.sink = sink;
        }

        @Override
        public JournalRecord stage() {
            return sink.stage();
        }

        @Override
        public long commit(final int messageLength) {
            final long start = System.nanoTime();
            final long sequence = sink.commit(messageLength);
            appends.recordValue(Math.max(1, System.nanoTime() - start));
            return sequence;
        }
    }

    private static void fixedRate(final boolean journaled, final int rate, final int seconds) throws Exception {
        final Path dir = journaled ? Files.createTempDirectory("slicer-fixed-rate-journal") : null;
        final JournalWriter writer = journaled ? JournalWriter.open(dir, ChainHead.GENESIS, JournalKey.NONE) : null;
        final TimedAppends appends = journaled ? new TimedAppends(writer) : null;
        final SyntheticDay day = new SyntheticDay(7);
        final SlicerCore core = new SlicerCore(EngineSettings.parse("maxOrders=4096").toConfig(),
                List.of(RegisteredStrategy.schedule("twap", StrategyRegistry.standard().factory("twap"))), day,
                journaled ? new JournalingHook(appends) : EngineJournal.NONE);
        final Histogram decisionLatency = new Histogram(1, 100_000_000_000L, 3);
        final Histogram decisionService = new Histogram(1, 100_000_000_000L, 3);
        final Histogram marketLatency = new Histogram(1, 100_000_000_000L, 3);
        final Histogram marketService = new Histogram(1, 100_000_000_000L, 3);
        final long period = 1_000_000_000L / rate;
        final long start = System.nanoTime();
        final long warmUp = Math.min(60, seconds / 10) * 1_000_000_000L;
        final long measureFrom = start + warmUp;
        final long end = measureFrom + seconds * 1_000_000_000L;
        final long[] n = {0};
        final boolean[] measuring = {false};
        for (long t = 0; System.nanoTime() < end; t++) {
            day.second(t, e -> {
                final long scheduled = start + n[0]++ * period;
                long now = System.nanoTime();
                while (now < scheduled) {
                    if (scheduled - now > 120_000) {
                        LockSupport.parkNanos(scheduled - now - 100_000); // leave the CPU to the other runs
                    } else {
                        Thread.onSpinWait();
                    }
                    now = System.nanoTime();
                }
                final boolean timer = e.type() == EventType.TIMER;
                final long before = core.decisions();
                core.onEvent(e);
                final long done = System.nanoTime();
                if (timer && core.decisions() > before) {
                    decisionLatency.recordValue(Math.max(1, done - scheduled));
                    decisionService.recordValue(Math.max(1, done - now));
                } else if (!timer) {
                    marketLatency.recordValue(Math.max(1, done - scheduled));
                    marketService.recordValue(Math.max(1, done - now));
                }
            });
            if (!measuring[0] && System.nanoTime() >= measureFrom) {
                measuring[0] = true;
                decisionLatency.reset();
                decisionService.reset();
                marketLatency.reset();
                marketService.reset();
                if (appends != null) {
                    appends.appends.reset();
                }
            }
        }
        System.out.printf(Locale.ROOT, "fixed rate: %,d events/s for %d s after %d s of warm-up, journal %s%n", rate,
                seconds, warmUp / 1_000_000_000L, journaled ? "on (" + dir + ")" : "off");
        print("decision timer, latency from scheduled time", decisionLatency);
        print("decision timer, service time (onEvent)", decisionService);
        print("market event, latency from scheduled time", marketLatency);
        print("market event, service time (onEvent)", marketService);
        System.out.printf(Locale.ROOT, "decision timers > 1 ms (latency): %d; market events > 1 ms: %d%n",
                decisionLatency.getCountBetweenValues(1_000_001, Long.MAX_VALUE / 2),
                marketLatency.getCountBetweenValues(1_000_001, Long.MAX_VALUE / 2));
        if (journaled) {
            final Histogram a = appends.appends;
            print("journal append (commit)", a);
            System.out.printf(Locale.ROOT, "appends > 1 ms: %d of %,d; forces %d (background or inline), journal "
                    + "records %,d%n", a.getCountBetweenValues(1_000_001, Long.MAX_VALUE / 2), a.getTotalCount(),
                    writer.forces(), writer.nextSequence());
            writer.close();
        }
    }

    private static void print(final String label, final Histogram h) {
        System.out.printf("%-52s n=%,10d  p50 %,8d ns  p90 %,8d ns  p99 %,8d ns  p99.9 %,9d ns  max %,11d ns%n",
                label, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }

}
