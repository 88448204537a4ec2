package io.slicer.journal;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.ChildCancelDecoder;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.tools.day.DayRunner;
import io.slicer.tools.day.OmsLog;
import io.slicer.tools.day.SimulatedDay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every cancel the engine sends is a journal record: on a whole simulated day (which cancels what each slice left
 * working at its end) each cancel reaches the OMS only once its own CHILD_CANCEL record is the last one written and on
 * disk, and replay compares the cancel records bit for bit, so an edited or a missing one is a divergence.
 */
class ChildCancelReplayTest {
    @TempDir
    Path tmp;

    private Path journal;
    /** Per cancel sent, in order: the child, and the journal's record count and durable count when it left. */
    private final List<long[]> cancels = new ArrayList<>();

    /** The OMS, noting where the journal stood at each cancel. */
    private final class NotingOms implements ChildOrderSink {
        private final OmsLog log;
        private final Path queue;
        private JournaledEngine engine;

        NotingOms(final OmsLog log, final Path queue) {
            this.log = log;
            this.queue = queue;
        }

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            log.onNewChild(childId, parentId, symbol, side, quantity, limitPrice);
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
            cancels.add(new long[]{childId, engine.journalRecords(), ChainHeadFile.read(queue).records()});
            log.onCancelChild(childId, parentId);
        }
    }

    @BeforeEach
    void journalASimulatedDay() {
        journal = tmp.resolve("journal");
        try (OmsLog log = new OmsLog(tmp.resolve("oms.log"))) {
            final NotingOms oms = new NotingOms(log, JournalDirectory.queue(journal));
            try (JournaledEngine engine = JournaledEngine.open(journal, DayRunner.ENGINE_VERSION,
                    EngineSettings.parse(""), DayRunner.STRATEGIES, oms)) {
                oms.engine = engine;
                SimulatedDay.standard(11, DayRunner.STRATEGIES.size()).play(engine, log, second -> {
                });
                assertEquals(log.cancels().size(), cancels.size());
            }
        }
        assertTrue(cancels.size() > 5, "cancels sent: " + cancels.size());
    }

    private static ReplaySummary replay(final Path dir) {
        try (JournalReplayer replayer = new JournalReplayer(dir)) {
            return replayer.run();
        }
    }

    /** Every record of the journal, in order (copies). */
    private List<JournalRecord> records() {
        final List<JournalRecord> all = new ArrayList<>();
        final JournalRecord r = new JournalRecord();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journal))) {
            while (reader.next(r)) {
                final JournalRecord copy = new JournalRecord();
                copy.copyFrom(r);
                all.add(copy);
            }
        }
        return all;
    }

    @Test
    void eachCancelLeavesOnlyOnceItsOwnRecordIsTheLastWrittenAndOnDisk() {
        final List<JournalRecord> all = records();
        final EngineRecords decode = new EngineRecords();
        final List<Long> journaled = new ArrayList<>();
        for (final JournalRecord r : all) {
            if (r.type() == RecordType.CHILD_CANCEL) {
                journaled.add(decode.childCancel(r).childId());
            }
        }
        assertEquals(cancels.stream().map(c -> c[0]).toList(), journaled, "one record per cancel, in send order");
        for (final long[] c : cancels) {
            final JournalRecord last = all.get((int) c[1] - 1);
            assertEquals(RecordType.CHILD_CANCEL, last.type(), "the record before cancel of child " + c[0]);
            final ChildCancelDecoder d = decode.childCancel(last);
            assertEquals(c[0], d.childId());
            assertEquals(CancelReason.SLICE_END, CancelReason.ofCode(d.reason()), RecordText.describe(last));
            assertEquals(0, d.haltReason());
            assertTrue(d.openQuantity() > 0, RecordText.describe(last));
            assertEquals(c[1], c[2], "records on disk when child " + c[0] + "'s cancel left");
        }
        final ReplaySummary summary = replay(journal);
        assertTrue(summary.matched(), () -> summary.divergence().describe());
        assertEquals(cancels.size(), summary.childCancels());
    }

    @Test
    void anEditedCancelReasonIsTheFirstDivergence() throws Exception {
        final Path cycle = JournalFiles.onlyCycleFile(JournalDirectory.queue(journal));
        final List<Long> offsets = JournalFiles.recordOffsets(cycle, RecordType.CHILD_CANCEL);
        // The reason byte of the third cancel, rewritten to PEG_REPRICE, the hash chain recomputed by a forger.
        final int reasonAt = ChildCancelDecoder.reasonEncodingOffset();
        final int wordAt = ChildCancelDecoder.BLOCK_LENGTH - Long.BYTES; // the last eight bytes hold the reason
        final int shift = (reasonAt - wordAt) * Byte.SIZE;
        JournalFiles.editAndReseal(cycle, offsets.get(2), wordAt,
                word -> (word & ~(0xFFL << shift)) | ((long) CancelReason.PEG_REPRICE.code() << shift));
        JournalFiles.rechain(cycle, null);
        final ReplaySummary summary = replay(journal);
        assertFalse(summary.matched());
        assertEquals("ChildCancel.reason", summary.divergence().field(), summary.divergence().describe());
        assertTrue(summary.divergence().kind().startsWith("CHILD_CANCEL differs at message byte "
                + (MessageHeaderDecoder.ENCODED_LENGTH + reasonAt)), summary.divergence().kind());
        assertTrue(summary.divergence().expected().contains("PEG_REPRICE"), summary.divergence().expected());
        assertTrue(summary.divergence().found().contains("SLICE_END"), summary.divergence().found());
        assertEquals(2, summary.childCancels());
    }

    @Test
    void aJournalMissingACancelRecordDivergesWhereTheCancelWasSent() {
        // A forger with the key copies the journal without the first cancel record, chaining every record again.
        final Path forged = tmp.resolve("forged");
        long dropped = -1;
        try (JournalWriter writer = JournalWriter.open(JournalDirectory.queue(forged), ChainHead.GENESIS,
                JournalKey.configured())) {
            for (final JournalRecord r : records()) {
                if (dropped < 0 && r.type() == RecordType.CHILD_CANCEL) {
                    dropped = r.sequence();
                    continue;
                }
                writer.stage().copyFrom(r);
                writer.commit(r.length() - JournalFrame.LENGTH);
            }
        }
        assertTrue(dropped > 0);
        final ReplaySummary summary = replay(forged);
        assertFalse(summary.matched());
        assertEquals(dropped, summary.divergence().journalSequence(), summary.divergence().describe());
        assertTrue(summary.divergence().found().startsWith("CHILD_CANCEL"), summary.divergence().describe());
        assertEquals(0, summary.childCancels());
    }
}
