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
import io.slicer.journal.JournalWriter;
import io.slicer.journal.JournalingHook;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
 */
public final class JournalLatencyHarness {
    private JournalLatencyHarness() {
    }

    public static void main(final String[] args) throws Exception {
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

    private static void print(final String label, final Histogram h) {
        System.out.printf("%-52s n=%,10d  p50 %,8d ns  p90 %,8d ns  p99 %,8d ns  p99.9 %,9d ns  max %,11d ns%n",
                label, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }

}
