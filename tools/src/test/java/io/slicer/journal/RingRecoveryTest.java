package io.slicer.journal;

import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.tools.day.DayRunner;
import io.slicer.tools.day.OmsLog;
import io.slicer.tools.day.SimulatedDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ring engine ({@link RingJournal}) reopened on its own journal: it recovers as the synchronous journaled engine
 * does, runs the recovered core on the ring, and the day it finishes is the uninterrupted day, in one journal that
 * replays bit for bit.
 */
class RingRecoveryTest {
    private static final long SEED = 2026;
    private static final int WHOLE_DAY = Integer.MAX_VALUE;

    @TempDir
    Path tmp;

    /** How an order ended, every number compared exactly. */
    record OrderEnd(long orderId, OrderStatus status, long filled, double averagePrice, double shortfallBps,
                    double twapShortfallBps, double participation) {
    }

    /** What one start of the ring did: its recovery (null when fresh) and, when it finished the day, how it ended. */
    record Run(JournaledEngine.RecoveryReport recovery, List<String> reconciled, long inputs, long children,
               List<OrderEnd> orders) {
    }

    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /**
     * Opens the ring on {@code journal} (recovering what is there), reconciles the OMS and plays the standard day;
     * after second {@code stopAfter} the publisher stops and the ring is closed as an operator's stop would.
     */
    private static Run runOnRing(final Path journal, final Path omsLog, final int stopAfter) {
        final SimulatedDay day = SimulatedDay.standard(SEED, DayRunner.STRATEGIES.size());
        try (OmsLog oms = new OmsLog(omsLog);
             RingJournal ring = RingJournal.open(journal, DayRunner.ENGINE_VERSION, EngineSettings.parse(""),
                     DayRunner.STRATEGIES, oms)) {
            final List<String> reconciled = SimulatedDay.reconcile(ring, oms);
            try {
                day.play(ring, oms, second -> {
                    if (second == stopAfter) {
                        throw new Stop();
                    }
                });
            } catch (final Stop stop) {
                ring.engine().flush();
            }
            final SlicerEngine engine = ring.engine();
            final List<OrderEnd> orders = new ArrayList<>();
            final OrderProgress p = new OrderProgress();
            for (final SimulatedDay.ParentSpec parent : day.parents()) {
                if (engine.progress(parent.orderId(), p)) {
                    orders.add(new OrderEnd(p.orderId(), p.status(), p.filled(), p.averagePrice(), p.shortfallBps(),
                            p.twapShortfallBps(), p.participation()));
                }
            }
            return new Run(ring.recovery(), reconciled, engine.core().sequence(), engine.core().childrenSent(),
                    orders);
        }
    }

    private static ReplaySummary replay(final Path journal) {
        try (JournalReplayer replayer = new JournalReplayer(journal)) {
            return replayer.run();
        }
    }

    @Test
    void aRingDayStoppedTwiceAndReopenedEndsExactlyAsTheUninterruptedDayInOneReplayableJournal() {
        final Path baselineJournal = tmp.resolve("baseline");
        final Path baselineOms = tmp.resolve("baseline-oms.log");
        final Run baseline = runOnRing(baselineJournal, baselineOms, WHOLE_DAY);
        assertNull(baseline.recovery());
        assertEquals(3, baseline.orders().size());

        final Path journal = tmp.resolve("stopped");
        final Path omsLog = tmp.resolve("stopped-oms.log");
        final Run morning = runOnRing(journal, omsLog, 150);
        final Run midday = runOnRing(journal, omsLog, 400);
        final Run rest = runOnRing(journal, omsLog, WHOLE_DAY);

        // Each restart replayed exactly the inputs the previous run journaled and continued from there.
        assertEquals(morning.inputs(), midday.recovery().inputsReplayed());
        assertEquals(midday.inputs(), rest.recovery().inputsReplayed());
        assertTrue(morning.inputs() > 0 && midday.inputs() > morning.inputs(), morning + " / " + midday);
        // A clean stop leaves nothing cut off and nothing for the OMS to send: every child it decided reached it.
        assertEquals(0, midday.recovery().outputsAppended());
        assertEquals(List.of(), midday.reconciled());
        assertEquals(List.of(), rest.reconciled());

        assertEquals(baseline.inputs(), rest.inputs());
        assertEquals(baseline.children(), rest.children());
        assertEquals(baseline.orders(), rest.orders(), "how the orders ended (status, fills, average price, IS)");
        try (OmsLog expected = new OmsLog(baselineOms); OmsLog actual = new OmsLog(omsLog)) {
            assertEquals(List.of(), actual.duplicates(), "children sent twice");
            assertEquals(expected.sent(), actual.sent());
            assertEquals(expected.cancels(), actual.cancels());
            assertTrue(expected.sent().size() > 50, "children: " + expected.sent().size());
        }
        assertEquals(CrashRecoveryTest.decisions(baselineJournal), CrashRecoveryTest.decisions(journal));

        final ReplaySummary summary = replay(journal);
        assertTrue(summary.matched(), () -> summary.divergence().describe());
        assertEquals(3, summary.sessions());
        assertEquals(baseline.inputs(), summary.inputs());
        assertEquals(baseline.children(), summary.childrenSent());
    }

    @Test
    void theRingAndTheSynchronousJournaledEngineTradeTheSameDayIdentically() {
        final Path ringOms = tmp.resolve("ring-oms.log");
        final Run ring = runOnRing(tmp.resolve("ring"), ringOms, WHOLE_DAY);
        final Path syncOms = tmp.resolve("sync-oms.log");
        final DayRunner.Outcome sync = DayRunner.run(tmp.resolve("sync"), syncOms, SEED, 0, second -> {
        });
        assertEquals(sync.inputs(), ring.inputs());
        assertEquals(sync.children(), ring.children());
        try (OmsLog expected = new OmsLog(syncOms); OmsLog actual = new OmsLog(ringOms)) {
            assertEquals(expected.sent(), actual.sent());
            assertEquals(expected.cancels(), actual.cancels());
        }
        assertEquals(CrashRecoveryTest.decisions(tmp.resolve("sync")), CrashRecoveryTest.decisions(tmp.resolve("ring")));
    }

    @Test
    void aJournalStartedOnTheSynchronousEngineIsRecoveredAndFinishedOnTheRing() {
        final Path baselineOms = tmp.resolve("baseline-oms.log");
        final Run baseline = runOnRing(tmp.resolve("baseline"), baselineOms, WHOLE_DAY);
        final Path journal = tmp.resolve("mixed");
        final Path omsLog = tmp.resolve("mixed-oms.log");
        final SimulatedDay day = SimulatedDay.standard(SEED, DayRunner.STRATEGIES.size());
        try (OmsLog oms = new OmsLog(omsLog);
             JournaledEngine engine = JournaledEngine.open(journal, DayRunner.ENGINE_VERSION,
                     EngineSettings.parse(""), DayRunner.STRATEGIES, oms)) {
            assertThrows(Stop.class, () -> day.play(engine, oms, second -> {
                if (second == 222) {
                    throw new Stop();
                }
            }));
        }
        final Run rest = runOnRing(journal, omsLog, WHOLE_DAY);
        assertEquals(baseline.orders(), rest.orders());
        try (OmsLog expected = new OmsLog(baselineOms); OmsLog actual = new OmsLog(omsLog)) {
            assertEquals(List.of(), actual.duplicates());
            assertEquals(expected.sent(), actual.sent());
        }
        final ReplaySummary summary = replay(journal);
        assertTrue(summary.matched(), () -> summary.divergence().describe());
        assertEquals(2, summary.sessions());
    }

    @Test
    void aRestartWithAnotherSetUpIsRefusedWithBothSetUpsAndWritesNothing() {
        final Path journal = tmp.resolve("journal");
        final Path omsLog = tmp.resolve("oms.log");
        final Run morning = runOnRing(journal, omsLog, 100);
        final long records = replay(journal).records();

        final IllegalArgumentException strategies = assertThrows(IllegalArgumentException.class,
                () -> RingJournal.open(journal, DayRunner.ENGINE_VERSION, EngineSettings.parse(""),
                        List.of("twap", "pov:0.2"), io.slicer.engine.port.ChildOrderSink.NONE));
        assertTrue(strategies.getMessage().contains("was written by engine " + DayRunner.ENGINE_VERSION
                + " with config '" + EngineSettings.parse("") + "' and strategies [twap, pov:0.1]"),
                strategies.getMessage());
        assertTrue(strategies.getMessage().contains("the restart asks for engine " + DayRunner.ENGINE_VERSION),
                strategies.getMessage());
        assertTrue(strategies.getMessage().contains("strategies [twap, pov:0.2]: recover with the journal's set-up"),
                strategies.getMessage());

        final IllegalArgumentException settings = assertThrows(IllegalArgumentException.class,
                () -> RingJournal.open(journal, DayRunner.ENGINE_VERSION, EngineSettings.parse("participationCap=0.2"),
                        DayRunner.STRATEGIES, io.slicer.engine.port.ChildOrderSink.NONE));
        assertTrue(settings.getMessage().contains("participationCap=0.2"), settings.getMessage());

        final IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
                () -> RingJournal.open(journal, "another-build", EngineSettings.parse(""), DayRunner.STRATEGIES,
                        io.slicer.engine.port.ChildOrderSink.NONE));
        assertTrue(version.getMessage().contains("the restart asks for engine another-build"), version.getMessage());

        final ReplaySummary after = replay(journal);
        assertTrue(after.matched(), () -> after.divergence().describe());
        assertEquals(records, after.records());
        assertEquals(1, after.sessions());
        assertEquals(morning.inputs(), after.inputs());
    }

    @Test
    void ringTuningThatTriesToSetUpTheEngineIsRefusedBeforeAnythingIsWritten() {
        final Path journal = tmp.resolve("journal");
        final IllegalStateException fresh = assertThrows(IllegalStateException.class,
                () -> RingJournal.open(journal, DayRunner.ENGINE_VERSION, EngineSettings.parse(""),
                        DayRunner.STRATEGIES, io.slicer.engine.port.ChildOrderSink.NONE,
                        builder -> builder.config(c -> c.maxOrders(8))));
        assertTrue(fresh.getMessage().contains("runs a prepared core, which brings its own config"),
                fresh.getMessage());
        assertTrue(!JournalDirectory.hasRecords(journal), "the refused start wrote a journal");

        final Run morning = runOnRing(journal, tmp.resolve("oms.log"), 50);
        final long records = replay(journal).records();
        final IllegalStateException recovering = assertThrows(IllegalStateException.class,
                () -> RingJournal.open(journal, DayRunner.ENGINE_VERSION, EngineSettings.parse(""),
                        DayRunner.STRATEGIES, io.slicer.engine.port.ChildOrderSink.NONE,
                        builder -> builder.sink(io.slicer.engine.port.ChildOrderSink.NONE)));
        assertTrue(recovering.getMessage().contains("brings its own sink"), recovering.getMessage());
        final ReplaySummary after = replay(journal);
        assertTrue(after.matched(), () -> after.divergence().describe());
        assertEquals(records, after.records());
        assertEquals(morning.inputs(), after.inputs());
    }
}
