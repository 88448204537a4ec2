package io.slicer.journal;

import io.slicer.engine.market.Side;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.tools.day.DayRunner;
import io.slicer.tools.day.OmsLog;
import io.slicer.tools.day.SimulatedDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two exact places a crash can split a child order from its journal record, hit deterministically: the engine
 * dies after the triggering input is journaled but before the OMS receives the child (recovery must send it), or
 * after the OMS received it but before its DECISION is journaled (recovery must write the decision and not resend).
 */
class CrashWindowTest {
    private static final long SEED = 99;
    private static final long VICTIM = 10;

    @TempDir
    Path tmp;

    /** Thrown by the sink to stop the engine mid-decision, as a crash would. */
    private static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private static final class CrashingOms implements ChildOrderSink {
        private final OmsLog oms;
        private final boolean afterSend;

        CrashingOms(final OmsLog oms, final boolean afterSend) {
            this.oms = oms;
            this.afterSend = afterSend;
        }

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            if (childId == VICTIM && !afterSend) {
                throw new Crash();
            }
            oms.onNewChild(childId, parentId, symbol, side, quantity, limitPrice);
            if (childId == VICTIM) {
                throw new Crash();
            }
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
            oms.onCancelChild(childId, parentId);
        }
    }

    private void crashThenRecover(final boolean afterSend, final String expectedReconciliation) {
        final Path baselineOms = tmp.resolve("baseline.log");
        DayRunner.run(tmp.resolve("baseline"), baselineOms, SEED, 0, s -> {
        });
        final Path journal = tmp.resolve("journal");
        final Path omsPath = tmp.resolve("oms.log");
        try (OmsLog oms = new OmsLog(omsPath);
             JournaledEngine engine = JournaledEngine.open(journal, DayRunner.ENGINE_VERSION,
                     EngineSettings.parse(""), DayRunner.STRATEGIES, new CrashingOms(oms, afterSend))) {
            assertThrows(Crash.class, () -> SimulatedDay.standard(SEED, DayRunner.STRATEGIES.size())
                    .play(engine, oms, s -> {
                    }));
            assertEquals(afterSend, oms.knows(VICTIM));
        }

        final DayRunner.Outcome outcome = DayRunner.run(journal, omsPath, SEED, 0, s -> {
        });
        assertTrue(outcome.recovered());
        assertEquals(expectedReconciliation.isEmpty() ? List.of() : List.of(expectedReconciliation),
                outcome.reconciled());
        try (OmsLog expected = new OmsLog(baselineOms); OmsLog actual = new OmsLog(omsPath)) {
            assertEquals(List.of(), actual.duplicates());
            assertEquals(expected.sent(), actual.sent());
            assertEquals(expected.cancels(), actual.cancels());
        }
        try (JournalReplayer replayer = new JournalReplayer(journal)) {
            final ReplaySummary summary = replayer.run();
            assertTrue(summary.matched(), () -> summary.divergence().describe());
            assertEquals(2, summary.sessions());
        }
    }

    @Test
    void childDecidedButNeverSentIsSentOnceAfterRecovery() {
        crashThenRecover(false, "sent child " + VICTIM);
    }

    @Test
    void childSentButNotJournaledIsJournaledAndNotResent() {
        crashThenRecover(true, "");
    }
}
