package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.market.Side;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.TradingState;
import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.JournalLayout;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.AmendOrderDecoder;
import io.slicer.journal.sbe.AmendTermsDecoder;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.NewOrderDecoder;
import io.slicer.journal.sbe.QuoteDecoder;
import io.slicer.journal.sbe.TransitionDecoder;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalReaderTest {
    private static final int RECORDS = 50;

    @TempDir
    Path dir;

    private final EngineRecords records = new EngineRecords();

    /** Quotes whose every field differs from record to record, NaN bids included. */
    private static EngineEvent quote(final int i) {
        return new EngineEvent().quote(1_000_000L * i, 3, i % 7 == 0 ? Double.NaN : 100.25 + i / 64.0, 0.1 * i,
                100 + i, -i);
    }

    private void writeQuotes(final JournalWriter writer, final int count, final long firstInput) {
        for (int i = 0; i < count; i++) {
            writer.commit(records.encodeInput(writer.stage(), firstInput + i, quote((int) firstInput + i)));
        }
    }

    /** The 16-byte frame of format 3 plus the 32-byte chain hash, the message of 60 bytes. */
    @Test
    void aQuoteRecordIsOneHundredAndEightBytesNotTheTwoHundredAndTwentyFourOfOneRecordForEveryEvent() {
        try (JournalWriter writer = JournalWriter.open(dir)) {
            writeQuotes(writer, 1, 0);
        }
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            assertTrue(reader.next(record));
            assertEquals(JournalFrame.BODY_OFFSET + QuoteDecoder.BLOCK_LENGTH, record.length());
            assertEquals(108, record.length());
        }
    }

    @Test
    void anAmendOfQuantityOrHorizonIsAnAmendTermsRecordAndAnyOtherAmendKeepsTheAmendOrderRecord() {
        try (JournalWriter writer = JournalWriter.open(dir)) {
            writer.commit(records.encodeInput(writer.stage(), 0, new EngineEvent().amendOrder(12, 7, 99.5,
                    Double.NaN, Double.NaN, Double.NaN, 6_000, EngineEvent.UNCHANGED)));
            writer.commit(records.encodeInput(writer.stage(), 1, new EngineEvent().amendOrder(13, 7, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, EngineEvent.UNCHANGED, 90_000_000_000L)));
            writer.commit(records.encodeInput(writer.stage(), 2, new EngineEvent().amendOrder(14, 7, 99.0,
                    Double.NaN)));
        }
        final JournalRecord record = new JournalRecord();
        final EngineEvent e = new EngineEvent();
        try (JournalReader reader = JournalReader.open(dir)) {
            assertTrue(reader.next(record));
            assertEquals(AmendTermsDecoder.TEMPLATE_ID, record.templateId());
            records.decodeInput(record, e);
            assertEquals(EventType.AMEND_ORDER, e.type());
            assertEquals(6_000, e.quantity());
            assertEquals(EngineEvent.UNCHANGED, e.endTime());
            assertEquals(99.5, e.limitPrice());
            assertTrue(reader.next(record));
            assertEquals(AmendTermsDecoder.TEMPLATE_ID, record.templateId());
            records.decodeInput(record, e);
            assertEquals(EngineEvent.UNCHANGED, e.quantity());
            assertEquals(90_000_000_000L, e.endTime());
            assertTrue(RecordText.describe(record).contains("end=90000000000"), RecordText.describe(record));
            assertTrue(reader.next(record));
            // Byte for byte what a journal written before AmendTerms existed holds for a limit amend.
            assertEquals(AmendOrderDecoder.TEMPLATE_ID, record.templateId());
            assertEquals(JournalFrame.BODY_OFFSET + AmendOrderDecoder.BLOCK_LENGTH, record.length());
            records.decodeInput(record, e);
            assertEquals(99.0, e.limitPrice());
            assertEquals(EngineEvent.UNCHANGED, e.quantity());
        }
    }

    @Test
    void aNewOrderAndAnAmendCarryTheExpectedRemainingVolumeThroughTheJournalBitForBit() {
        final double remaining = 1_234_567.891;
        final double amended = 654_321.0625;
        try (JournalWriter writer = JournalWriter.open(dir)) {
            final EngineEvent order = new EngineEvent().newOrder(5, 7, 0, Side.SELL, 10_000, 10, 20, 4, 0, Double.NaN,
                    Double.NaN, Double.NaN, 0.05, 2_500.5, remaining);
            writer.commit(records.encodeInput(writer.stage(), 0, order));
            final EngineEvent amend = new EngineEvent().amendOrder(12, 7, Double.NaN, Double.NaN, 3_000, amended);
            writer.commit(records.encodeInput(writer.stage(), 1, amend));
            final EngineEvent plain = new EngineEvent().amendOrder(13, 7, 99.5, Double.NaN);
            writer.commit(records.encodeInput(writer.stage(), 2, plain));
        }
        final JournalRecord record = new JournalRecord();
        final EngineEvent e = new EngineEvent();
        try (JournalReader reader = JournalReader.open(dir)) {
            assertTrue(reader.next(record));
            assertEquals(NewOrderDecoder.TEMPLATE_ID, record.templateId());
            records.decodeInput(record, e);
            assertEquals(EventType.NEW_ORDER, e.type());
            assertEquals(Side.SELL, e.side());
            assertEquals(Double.doubleToRawLongBits(remaining), Double.doubleToRawLongBits(e.expectedRemainingVolume()));
            assertEquals(Double.doubleToRawLongBits(2_500.5), Double.doubleToRawLongBits(e.expectedVolume()));
            assertTrue(reader.next(record));
            records.decodeInput(record, e);
            assertEquals(EventType.AMEND_ORDER, e.type());
            assertEquals(Double.doubleToRawLongBits(amended), Double.doubleToRawLongBits(e.expectedRemainingVolume()));
            assertEquals(3_000.0, e.expectedVolume());
            assertTrue(reader.next(record));
            records.decodeInput(record, e);
            assertTrue(Double.isNaN(e.expectedRemainingVolume()), "an amend without it leaves it unchanged (NaN)");
            assertEquals(99.5, e.limitPrice());
            assertTrue(RecordText.describe(record).contains("expectedRemaining=NaN"), RecordText.describe(record));
        }
        assertEquals("NewOrder.expectedRemainingVolume", JournalLayout.fieldAt(NewOrderDecoder.TEMPLATE_ID,
                MessageHeaderDecoder.ENCODED_LENGTH + NewOrderDecoder.expectedRemainingVolumeEncodingOffset() + 3));
    }

    @Test
    void aJournalOfFormatTwoIsRefusedSayingWhichBuildWroteIt() throws Exception {
        try (JournalWriter writer = JournalWriter.open(dir)) {
            writeQuotes(writer, 3, 0);
        }
        final Path cycle = JournalFiles.onlyCycleFile(dir);
        for (final long offset : JournalFiles.recordOffsets(cycle)) {
            JournalFiles.rewriteMagic(cycle, offset, "SLJ1");
        }
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            final JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> reader.next(record));
            assertEquals(0, e.validRecords());
            assertTrue(e.getMessage().contains("is in journal format 1 or 2 (magic \"SLJ1\"), written by an older"
                    + " build; this build reads format " + JournalFrame.FORMAT + ": replay it with the build that wrote"
                    + " it"), e.getMessage());
        }
    }

    @Test
    void aRecordOfAnotherSchemaVersionIsRefusedNamingBoth() throws Exception {
        try (JournalWriter writer = JournalWriter.open(dir)) {
            writeQuotes(writer, 3, 0);
        }
        final Path cycle = JournalFiles.onlyCycleFile(dir);
        JournalFiles.rewriteMessageHeader(cycle, JournalFiles.recordOffsets(cycle).get(1),
                MessageHeaderDecoder.versionEncodingOffset(), 2);
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            assertTrue(reader.next(record));
            final JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> reader.next(record));
            assertEquals(1, e.validRecords());
            assertTrue(e.getMessage().contains("is of schema 83 version 2, this build reads schema 83 version "
                    + JournalFrame.SCHEMA_VERSION), e.getMessage());
        }
    }

    @Test
    void recordsReadBackBitForBitInSequence() {
        try (JournalWriter writer = JournalWriter.open(dir)) {
            writeQuotes(writer, RECORDS, 0);
            assertEquals(RECORDS, writer.commit(records.encodeTransition(writer.stage(), RECORDS - 1, 99, HaltScope.ORDER,
                    42, TradingState.HALTED, false, HaltReason.FEATURE_OUT_OF_DOMAIN, 3.75, 5)));
        }
        final JournalRecord record = new JournalRecord();
        final EngineEvent e = new EngineEvent();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (int i = 0; i < RECORDS; i++) {
                assertTrue(reader.next(record));
                assertEquals(RecordType.INPUT, record.type());
                assertEquals(i, record.sequence());
                assertEquals(i, EngineRecords.inputSequence(record));
                records.decodeInput(record, e);
                final EngineEvent expected = quote(i);
                assertEquals(EventType.QUOTE, e.type());
                assertEquals(expected.timestamp(), e.timestamp());
                assertEquals(Double.doubleToRawLongBits(expected.bid()), Double.doubleToRawLongBits(e.bid()));
                assertEquals(Double.doubleToRawLongBits(expected.ask()), Double.doubleToRawLongBits(e.ask()));
                assertEquals(expected.bidSize(), e.bidSize());
                assertEquals(expected.askSize(), e.askSize());
            }
            assertTrue(reader.next(record));
            assertEquals(RecordType.TRANSITION, record.type());
            final TransitionDecoder t = records.transition(record);
            assertEquals(3.75, t.detail());
            assertEquals(42, t.id());
            assertEquals(HaltReason.FEATURE_OUT_OF_DOMAIN, HaltReason.ofCode(t.reason()));
            assertFalse(reader.next(record));
            assertEquals(RECORDS + 1, reader.validRecords());
        }
    }

    @Test
    void flippedBitIsReportedAtItsRecordAndThePrefixStaysReadable() throws Exception {
        try (JournalWriter writer = JournalWriter.open(dir)) {
            writeQuotes(writer, RECORDS, 0);
        }
        final Path cycle = JournalFiles.onlyCycleFile(dir);
        final List<Long> offsets = JournalFiles.recordOffsets(cycle);
        assertEquals(RECORDS, offsets.size());
        final int victim = 31;
        JournalFiles.flipBit(cycle, offsets.get(victim) + JournalFrame.BODY_OFFSET
                + QuoteDecoder.askEncodingOffset() + 3, 5);

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
        try (JournalWriter writer = JournalWriter.open(dir)) {
            writeQuotes(writer, 11, 0);
        }
        final JournalRecord last = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            while (reader.next(last)) {
                assertTrue(last.sequence() <= 10);
            }
        }
        // A twelfth record reaches the queue cut short, as a torn write would leave it.
        final byte[] cut = new byte[JournalFrame.BODY_OFFSET + 20];
        System.arraycopy(last.bytes(), 0, cut, 0, cut.length);
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
            assertTrue(e.getMessage().contains("is truncated: a Quote record needs at least 108 bytes, the queue holds"
                    + " 76"), e.getMessage());
        }
    }

    @Test
    void missingRecordShowsAsASequenceGap() {
        try (JournalWriter writer = JournalWriter.open(dir)) {
            writeQuotes(writer, 5, 0);
        }
        final ChainHead five = chainHead(dir);
        try (JournalWriter writer = JournalWriter.open(dir, new ChainHead(7, five.hash(), 0), JournalKey.NONE)) {
            writeQuotes(writer, 1, 5);
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
        try (JournalWriter writer = JournalWriter.open(dir)) {
            writeQuotes(writer, 5, 0);
        }
        try (JournalWriter writer = JournalWriter.open(dir, chainHead(dir), JournalKey.NONE)) {
            writeQuotes(writer, 5, 5);
        }
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            int n = 0;
            while (reader.next(record)) {
                assertEquals(n, record.sequence());
                assertEquals(n, EngineRecords.inputSequence(record));
                n++;
            }
            assertEquals(10, n);
        }
    }

    /** Where the journal in {@code queueDir} ends, read and verified to the end. */
    static ChainHead chainHead(final Path queueDir) {
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(queueDir)) {
            while (reader.next(record)) {
                assertTrue(record.length() > 0);
            }
            return reader.chainHead();
        }
    }

    @Test
    void missingJournalIsAClearError() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JournalReader.open(dir.resolve("nope")));
        assertTrue(e.getMessage().startsWith("no journal queue at "), e.getMessage());
    }
}
