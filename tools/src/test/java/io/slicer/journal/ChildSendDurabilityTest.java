package io.slicer.journal;

import io.slicer.engine.market.Side;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.tools.day.DayRunner;
import io.slicer.tools.day.OmsLog;
import io.slicer.tools.day.SimulatedDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durability policy for children: when a child order or a cancel reaches the OMS, every record journaled so far
 * (the input that decided it included) is already forced to disk. Observed from the OMS's side on a whole simulated
 * day: at each send the chain head file, written only after the queue is forced, names every record written so far.
 */
class ChildSendDurabilityTest {
    @TempDir
    Path tmp;

    /** The OMS, checking the journal's durable head at every send. */
    private static final class CheckingOms implements ChildOrderSink {
        private final OmsLog log;
        private final Path queue;
        private JournaledEngine engine;
        private long sends;
        private long behind;

        CheckingOms(final OmsLog log, final Path queue) {
            this.log = log;
            this.queue = queue;
        }

        private void check() {
            sends++;
            if (ChainHeadFile.read(queue).records() != engine.journalRecords()) {
                behind++;
            }
        }

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            check();
            log.onNewChild(childId, parentId, symbol, side, quantity, limitPrice);
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
            check();
            log.onCancelChild(childId, parentId);
        }
    }

    @Test
    void everyChildAndCancelLeavesOnlyAfterTheJournalIsOnDisk() {
        final Path journal = tmp.resolve("journal");
        final CheckingOms oms;
        try (OmsLog log = new OmsLog(tmp.resolve("oms.log"))) {
            oms = new CheckingOms(log, JournalDirectory.queue(journal));
            try (JournaledEngine engine = JournaledEngine.open(journal, DayRunner.ENGINE_VERSION,
                    EngineSettings.parse(""), DayRunner.STRATEGIES, oms)) {
                oms.engine = engine;
                SimulatedDay.standard(11, DayRunner.STRATEGIES.size()).play(engine, log, second -> {
                });
                assertTrue(log.sent().size() > 10, "children sent: " + log.sent().size());
                assertEquals(log.sent().size() + log.cancels().size(), oms.sends);
            }
        }
        assertEquals(0, oms.behind, oms.behind + " of " + oms.sends + " sends left before the journal was forced");
    }
}
