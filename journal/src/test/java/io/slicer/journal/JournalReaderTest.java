package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.market.Side;
import io.slicer.journal.format.JournalRecordDescriptor;
import io.slicer.journal.format.RecordType;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalReaderTest {
    private static final int RECORDS = 50;

    @TempDir
    Path dir;

    private static void writeInputs(final JournalWriter writer, final int count, final long firstInput) {
        for (int i = 0; i < count; i++) {
            final JournalRecord r = writer.stage();
            r.putLong(JournalRecordDescriptor.INPUT_SEQUENCE, firstInput + i)
                    .putInt(JournalRecordDescriptor.INPUT_EVENT_TYPE, 10)
                    .putInt(JournalRecordDescriptor.INPUT_SIDE, 1)
                    .putLong(JournalRecordDescriptor.INPUT_TIMESTAMP, 1_000_000L * (firstInput + i))
                    .putLong(JournalRecordDescriptor.INPUT_ORDER_ID, 42)
                    .putLong(JournalRecordDescriptor.INPUT_CHILD_ID, 0)
                    .putLong(JournalRecordDescriptor.INPUT_QUANTITY, 100 + i)
                    .putDouble(JournalRecordDescriptor.INPUT_PRICE, 100.25 + i / 64.0)
                    .putDouble(JournalRecordDescriptor.INPUT_BID, Double.NaN)
                    .putDouble(JournalRecordDescriptor.INPUT_ASK, 0.1 * i)
                    .putLong(JournalRecordDescriptor.INPUT_SCOPE_ID, -i);
            writer.commit(RecordType.INPUT, JournalRecordDescriptor.INPUT_LENGTH);
        }
    }

    @Test
    void aNewOrderAndAnAmendCarryTheExpectedRemainingVolumeThroughTheJournalBitForBit() {
        final double remaining = 1_234_567.891;
        final double amended = 654_321.0625;
        try (JournalWriter writer = JournalWriter.open(dir, 0)) {
            final EngineEvent order = new EngineEvent().newOrder(5, 7, 0, Side.SELL, 10_000, 10, 20, 4, 0, Double.NaN,
                    Double.NaN, Double.NaN, 0.05, 2_500.5, remaining);
            writer.commit(RecordType.INPUT, EngineRecords.encodeInput(writer.stage(), 0, order));
            final EngineEvent amend = new EngineEvent().amendOrder(12, 7, Double.NaN, Double.NaN, 3_000, amended);
            writer.commit(RecordType.INPUT, EngineRecords.encodeInput(writer.stage(), 1, amend));
            final EngineEvent plain = new EngineEvent().amendOrder(13, 7, 99.5, Double.NaN);
            writer.commit(RecordType.INPUT, EngineRecords.encodeInput(writer.stage(), 2, plain));
        }
        final JournalRecord record = new JournalRecord();
        final EngineEvent e = new EngineEvent();
        try (JournalReader reader = JournalReader.open(dir)) {
            assertTrue(reader.next(record));
            assertEquals(JournalRecordDescriptor.INPUT_LENGTH, record.payloadLength());
            EngineRecords.decodeInput(record, e);
            assertEquals(EventType.NEW_ORDER, e.type());
            assertEquals(Double.doubleToRawLongBits(remaining), Double.doubleToRawLongBits(e.expectedRemainingVolume()));
            assertEquals(Double.doubleToRawLongBits(2_500.5), Double.doubleToRawLongBits(e.expectedVolume()));
            assertTrue(reader.next(record));
            EngineRecords.decodeInput(record, e);
            assertEquals(EventType.AMEND_ORDER, e.type());
            assertEquals(Double.doubleToRawLongBits(amended), Double.doubleToRawLongBits(e.expectedRemainingVolume()));
            assertEquals(3_000.0, e.expectedVolume());
            assertTrue(reader.next(record));
            EngineRecords.decodeInput(record, e);
            assertTrue(Double.isNaN(e.expectedRemainingVolume()), "an amend without it leaves it unchanged (NaN)");
            assertEquals(99.5, e.limitPrice());
            assertTrue(RecordText.describe(record).contains("expectedRemaining=NaN"), RecordText.describe(record));
        }
        assertEquals("expectedRemainingVolume",
                EngineRecords.fieldAt(RecordType.INPUT, JournalRecordDescriptor.INPUT_EXPECTED_REMAINING_VOLUME));
    }

    @Test
    void aJournalOfTheLayoutBeforeExpectedRemainingVolumeIsRefusedSayingWhichBuildWroteIt() throws Exception {
        // Layout 1 INPUT records ended at byte 192, before expectedRemainingVolume.
        final int layoutOneInputLength = JournalRecordDescriptor.INPUT_EXPECTED_REMAINING_VOLUME;
        try (JournalWriter writer = JournalWriter.open(dir, 0)) {
            for (int i = 0; i < 3; i++) {
                writer.stage().putLong(JournalRecordDescriptor.INPUT_SEQUENCE, i)
                        .putInt(JournalRecordDescriptor.INPUT_SIDE, 1);
                writer.commit(RecordType.INPUT, layoutOneInputLength);
            }
        }
        final Path cycle = JournalFiles.onlyCycleFile(dir);
        for (final long offset : JournalFiles.recordOffsets(cycle)) {
            JournalFiles.rewriteLayout(cycle, offset, (short) 1);
        }
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            final JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> reader.next(record));
            assertEquals(0, e.validRecords());
            assertTrue(e.getMessage().contains("has layout version 1, this reader knows "
                    + JournalRecordDescriptor.LAYOUT_VERSION), e.getMessage());
            assertTrue(e.getMessage().contains("written by an older build: replay it with that build"),
                    e.getMessage());
        }
    }

    @Test
    void recordsReadBackBitForBitInSequence() {
        try (JournalWriter writer = JournalWriter.open(dir, 0)) {
            writeInputs(writer, RECORDS, 0);
            final JournalRecord halt = writer.stage();
            halt.putLong(JournalRecordDescriptor.HALT_INPUT_SEQUENCE, RECORDS - 1)
                    .putLong(JournalRecordDescriptor.HALT_ID, 42)
                    .putInt(JournalRecordDescriptor.HALT_REASON, 3)
                    .putDouble(JournalRecordDescriptor.HALT_DETAIL, 3.75);
            assertEquals(RECORDS, writer.commit(RecordType.HALT, JournalRecordDescriptor.HALT_LENGTH));
        }
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (int i = 0; i < RECORDS; i++) {
                assertTrue(reader.next(record));
                assertEquals(RecordType.INPUT, record.type());
                assertEquals(i, record.sequence());
                assertEquals(i, record.getLong(JournalRecordDescriptor.INPUT_SEQUENCE));
                assertEquals(100 + i, record.getLong(JournalRecordDescriptor.INPUT_QUANTITY));
                assertEquals(Double.doubleToRawLongBits(100.25 + i / 64.0),
                        Double.doubleToRawLongBits(record.getDouble(JournalRecordDescriptor.INPUT_PRICE)));
                assertTrue(Double.isNaN(record.getDouble(JournalRecordDescriptor.INPUT_BID)));
                assertEquals(-i, record.getLong(JournalRecordDescriptor.INPUT_SCOPE_ID));
            }
            assertTrue(reader.next(record));
            assertEquals(RecordType.HALT, record.type());
            assertEquals(3.75, record.getDouble(JournalRecordDescriptor.HALT_DETAIL));
            assertEquals(42, record.getLong(JournalRecordDescriptor.HALT_ID));
            assertFalse(reader.next(record));
            assertEquals(RECORDS + 1, reader.validRecords());
        }
    }

    @Test
    void flippedBitIsReportedAtItsRecordAndThePrefixStaysReadable() throws Exception {
        try (JournalWriter writer = JournalWriter.open(dir, 0)) {
            writeInputs(writer, RECORDS, 0);
        }
        final Path cycle = JournalFiles.onlyCycleFile(dir);
        final List<Long> offsets = JournalFiles.recordOffsets(cycle);
        assertEquals(RECORDS, offsets.size());
        final int victim = 31;
        JournalFiles.flipBit(cycle, offsets.get(victim) + JournalRecordDescriptor.HEADER_LENGTH
                + JournalRecordDescriptor.INPUT_PRICE + 3, 5);

        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (int i = 0; i < victim; i++) {
                assertTrue(reader.next(record));
                assertEquals(i, record.sequence());
            }
            final JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> reader.next(record));
            assertEquals(victim, e.validRecords());
            assertEquals(victim, e.expectedSequence());
            assertTrue(e.getMessage().contains("record #31"), e.getMessage());
            assertTrue(e.getMessage().contains("fails its checksum"), e.getMessage());
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        }
    }

    @Test
    void truncatedTailRecordIsReportedAfterTheValidPrefix() {
        try (JournalWriter writer = JournalWriter.open(dir, 0)) {
            writeInputs(writer, 10, 0);
            // The eleventh record reaches the queue cut short, as a torn write would leave it.
            writeInputs(writer, 1, 10);
        }
        final JournalRecord last = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            while (reader.next(last)) {
                assertTrue(last.sequence() <= 10);
            }
        }
        final byte[] cut = new byte[JournalRecordDescriptor.HEADER_LENGTH + 20];
        System.arraycopy(last.buffer(), 0, cut, 0, cut.length);
        try (SingleChronicleQueue queue = JournalQueues.openForWriting(dir);
             ExcerptAppender appender = queue.createAppender()) {
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().bytes().write(cut, 0, cut.length);
            }
        }
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (int i = 0; i <= 10; i++) {
                assertTrue(reader.next(record));
            }
            final JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> reader.next(record));
            assertEquals(11, e.validRecords());
            assertTrue(e.getMessage().contains("is truncated: its header announces "
                    + (JournalRecordDescriptor.HEADER_LENGTH + JournalRecordDescriptor.INPUT_LENGTH)
                    + " bytes, the queue holds 44"), e.getMessage());
        }
    }

    @Test
    void missingRecordShowsAsASequenceGap() {
        try (JournalWriter writer = JournalWriter.open(dir, 0)) {
            writeInputs(writer, 5, 0);
        }
        try (JournalWriter writer = JournalWriter.open(dir, 7)) {
            writeInputs(writer, 1, 5);
        }
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (int i = 0; i < 5; i++) {
                assertTrue(reader.next(record));
            }
            final JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> reader.next(record));
            assertTrue(e.getMessage().contains("carries journal sequence 7 (records are missing before it)"),
                    e.getMessage());
        }
    }

    @Test
    void restartedWriterContinuesTheSequence() {
        try (JournalWriter writer = JournalWriter.open(dir, 0)) {
            writeInputs(writer, 5, 0);
        }
        try (JournalWriter writer = JournalWriter.open(dir, 5)) {
            writeInputs(writer, 5, 5);
        }
        final JournalRecord record = new JournalRecord();
        final byte[] firstPrice = new byte[8];
        try (JournalReader reader = JournalReader.open(dir)) {
            int n = 0;
            while (reader.next(record)) {
                assertEquals(n, record.getLong(JournalRecordDescriptor.INPUT_SEQUENCE));
                if (n == 0) {
                    System.arraycopy(record.getBytes(JournalRecordDescriptor.INPUT_PRICE, 8), 0, firstPrice, 0, 8);
                }
                n++;
            }
            assertEquals(10, n);
        }
        assertArrayEquals(new byte[]{0, 0, 0, 0, 0, 16, 89, 64}, firstPrice);
    }

    @Test
    void missingJournalIsAClearError() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JournalReader.open(dir.resolve("nope")));
        assertTrue(e.getMessage().startsWith("no journal queue at "), e.getMessage());
    }
}
