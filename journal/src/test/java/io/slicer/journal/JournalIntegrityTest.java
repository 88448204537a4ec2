package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.journal.format.JournalFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal's integrity rules one by one, on small journals written by the real writer into a real Chronicle Queue:
 * the keyed chain (HMAC-SHA256, RFC 2104, checked against {@code javax.crypto.Mac}), journals chained with another key
 * or none, the order of sessions, inputs, outputs and seals that {@link JournalVerifier} enforces, and bad key files.
 * Every refusal is one line that names the record (or the file).
 */
class JournalIntegrityTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef-desk-key".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final EngineRecords records = new EngineRecords();

    private Path queue() {
        return JournalDirectory.queue(dir);
    }

    private static void assertOneLineNaming(final String message, final String... parts) {
        assertFalse(message.contains("\n"), message);
        for (final String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    private JournalCorruptException verifyFails(final JournalKey key) {
        return assertThrows(JournalCorruptException.class, () -> JournalVerifier.verify(dir, key));
    }

    /** A SESSION, {@code inputs} timers, nothing sealed: the writer left open for the test to add to. */
    private JournalWriter session(final JournalKey key, final int inputs) {
        final JournalWriter writer = JournalWriter.open(queue(), ChainHead.GENESIS, key);
        new SessionRecord("test", "", 0, List.of("twap"), List.of()).write(writer);
        for (int i = 0; i < inputs; i++) {
            writer.commit(records.encodeInput(writer.stage(), i, new EngineEvent().timer(1_000L * i)));
        }
        return writer;
    }

    /** A journaled engine's day of timers, closed: SESSION, inputs, SEAL. */
    private void sealedDay(final int timers) {
        try (JournaledEngine engine = JournaledEngine.open(dir, "test", EngineSettings.parse(""), List.of("twap"),
                ChildOrderSink.NONE)) {
            for (int i = 0; i < timers; i++) {
                engine.onEvent(new EngineEvent().timer(1_000_000_000L * (i + 1)));
            }
        }
    }

    @Test
    void theKeyedChainIsHmacSha256AsJavaxCryptoComputesIt() throws Exception {
        final JournalKey key = JournalKey.of(KEY);
        try (JournalWriter writer = session(key, 3)) {
            assertEquals(4, writer.nextSequence());
        }
        final JournalRecord record = new JournalRecord();
        byte[] previous = new byte[JournalFrame.CHAIN_LENGTH];
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        try (JournalReader reader = JournalReader.open(queue(), key)) {
            while (reader.next(record)) {
                final byte[] bytes = Arrays.copyOf(record.buffer().byteArray(), record.length());
                mac.update(previous);
                mac.update(bytes, JournalFrame.SEQUENCE_OFFSET, Long.BYTES);
                mac.update(bytes, JournalFrame.MESSAGE_OFFSET, bytes.length - JournalFrame.MESSAGE_OFFSET);
                final byte[] expected = mac.doFinal();
                assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(bytes,
                        JournalFrame.CHAIN_OFFSET, JournalFrame.CHAIN_OFFSET + JournalFrame.CHAIN_LENGTH));
                previous = expected;
            }
            assertEquals(HexFormat.of().formatHex(previous), reader.chainHead().hash());
            assertEquals(key.id(), reader.recordedHead().keyId());
        }
    }

    @Test
    void aKeyedJournalReadWithoutTheKeyIsRefusedAtRecordZeroSayingAKeyIsNeeded() {
        session(JournalKey.of(KEY), 2).close();
        final JournalCorruptException e = verifyFails(JournalKey.NONE);
        assertEquals(0, e.validRecords());
        assertOneLineNaming(e.getMessage(), queue().toString(), "record #0 ", "breaks the hash chain",
                "chained with a key (key id " + HexFormat.of().toHexDigits(JournalKey.of(KEY).id()) + ")",
                JournalKey.ENV);
    }

    @Test
    void aJournalReadWithAnotherKeyIsRefusedAtRecordZeroNamingBothKeys() {
        session(JournalKey.of(KEY), 2).close();
        final JournalKey other = JournalKey.of(Arrays.copyOf(KEY, 40));
        final JournalCorruptException e = verifyFails(other);
        assertOneLineNaming(e.getMessage(), "record #0 ", "with key id "
                + HexFormat.of().toHexDigits(JournalKey.of(KEY).id()), other.describe() + " is configured");
    }

    @Test
    void withAKeyAForgerWhoRecomputesTheChainFromHisEditIsCaughtAtTheEditedRecord() throws Exception {
        session(JournalKey.of(KEY), 20).close();
        final Path cycle = JournalFiles.onlyCycleFile(queue());
        final long victim = JournalFiles.recordOffsets(cycle).get(12);
        JournalFiles.editAndReseal(cycle, victim, 8, t -> t + 1);
        JournalFiles.rechain(cycle, null, 12);
        final JournalCorruptException e = verifyFails(JournalKey.of(KEY));
        assertEquals(12, e.validRecords());
        assertOneLineNaming(e.getMessage(), "record #12 ", "breaks the hash chain: HMAC-SHA256");
    }

    @Test
    void aJournalOfFormatThreeIsRefusedByName() throws Exception {
        sealedDay(2);
        final Path cycle = JournalFiles.onlyCycleFile(queue());
        JournalFiles.rewriteMagic(cycle, JournalFiles.recordOffsets(cycle).get(0), "SLJ3");
        final JournalCorruptException e = verifyFails(JournalKey.NONE);
        assertOneLineNaming(e.getMessage(), "record #0 ", "is in journal format 3 (magic \"SLJ3\", no hash chain)",
                "this build reads format 5");
    }

    @Test
    void aClosedEngineSealsItsSessionAndARestartAfterACrashCountsAsOne() {
        sealedDay(3);
        JournalVerifier.Report r = JournalVerifier.verify(dir, JournalKey.NONE);
        assertTrue(r.sealed());
        assertEquals(5, r.records());
        assertEquals(3, r.inputs());
        // Reopened and left without close (as a crash leaves it), then reopened: a restart SESSION after no seal.
        final JournaledEngine crashed = JournaledEngine.open(dir, "test", EngineSettings.parse(""), List.of("twap"),
                ChildOrderSink.NONE);
        crashed.onEvent(new EngineEvent().timer(9_000_000_000L));
        // The restart SESSION was forced with everything before it; the timer after it waits for its batch.
        assertEquals(r.records() + 1, crashed.durableChainHead().records());
        assertEquals(r.records() + 2, crashed.journalRecords());
        sealedDay(1);
        r = JournalVerifier.verify(dir, JournalKey.NONE);
        assertEquals(3, r.sessions());
        assertEquals(1, r.restarts());
        assertEquals(2, r.seals());
        assertEquals(5, r.inputs());
        assertTrue(r.sealed());
    }

    @Test
    void aRecordAfterASealThatIsNotASessionIsRefused() {
        sealedDay(2);
        final ChainHead head = JournalReaderTest.chainHead(queue());
        try (JournalWriter writer = JournalWriter.open(queue(), head, JournalKey.NONE)) {
            writer.commit(records.encodeInput(writer.stage(), 2, new EngineEvent().timer(5)));
        }
        final JournalCorruptException e = verifyFails(JournalKey.NONE);
        assertEquals(head.records(), e.validRecords());
        assertOneLineNaming(e.getMessage(), "record #" + head.records() + " ", "is a INPUT after the SEAL of record #"
                + (head.records() - 1), "only a new SESSION may follow a seal");
    }

    @Test
    void aSealThatMiscountsTheInputsIsRefused() {
        try (JournalWriter writer = session(JournalKey.NONE, 3)) {
            new SealRecord(0, 5).write(writer);
        }
        final JournalCorruptException e = verifyFails(JournalKey.NONE);
        assertOneLineNaming(e.getMessage(), "record #4 ", "is a SEAL of the SESSION at record #0 after 5 inputs,"
                + " expected the SESSION at record #0 after 3 inputs");
    }

    @Test
    void aJournalThatDoesNotOpenWithASessionIsRefused() {
        try (JournalWriter writer = JournalWriter.open(queue(), ChainHead.GENESIS, JournalKey.NONE)) {
            writer.commit(records.encodeInput(writer.stage(), 0, new EngineEvent().timer(5)));
        }
        final JournalCorruptException e = verifyFails(JournalKey.NONE);
        assertOneLineNaming(e.getMessage(), "record #0 ", "is a INPUT: a journal opens with a SESSION");
    }

    @Test
    void aMissingInputNumberIsRefusedAtTheInputAfterTheGap() {
        try (JournalWriter writer = session(JournalKey.NONE, 2)) {
            writer.commit(records.encodeInput(writer.stage(), 3, new EngineEvent().timer(5)));
        }
        final JournalCorruptException e = verifyFails(JournalKey.NONE);
        assertOneLineNaming(e.getMessage(), "record #3 ", "is INPUT #3, expected input #2 (inputs are missing)");
    }

    @Test
    void anOutputOfAnEarlierInputIsRefused() {
        try (JournalWriter writer = session(JournalKey.NONE, 3)) {
            writer.commit(records.encodeAnomaly(writer.stage(), 1, 5, io.slicer.engine.event.InputAnomaly.values()[0],
                    7, 0));
        }
        final JournalCorruptException e = verifyFails(JournalKey.NONE);
        assertOneLineNaming(e.getMessage(), "record #4 ", "is a ANOMALY of input #1, but the last input is #2");
    }

    @Test
    void aRestartSessionThatDoesNotContinueTheInputCountIsRefused() {
        try (JournalWriter writer = session(JournalKey.NONE, 3)) {
            new SessionRecord("test", "", 1, List.of("twap"), List.of()).write(writer);
        }
        final JournalCorruptException e = verifyFails(JournalKey.NONE);
        assertOneLineNaming(e.getMessage(), "record #4 ", "is a SESSION starting at input 1, the journal holds 3"
                + " inputs before it");
    }

    @Test
    void anUnknownTemplateAndAWrongBlockLengthAreRefusedAtTheirRecord() throws Exception {
        sealedDay(3);
        final Path cycle = JournalFiles.onlyCycleFile(queue());
        final List<Long> offsets = JournalFiles.recordOffsets(cycle);
        JournalFiles.rewriteMessageHeader(cycle, offsets.get(2),
                io.slicer.journal.sbe.MessageHeaderDecoder.templateIdEncodingOffset(), 99);
        assertOneLineNaming(verifyFails(JournalKey.NONE).getMessage(), "record #2 ", "has unknown message template 99");
        JournalFiles.rewriteMessageHeader(cycle, offsets.get(2),
                io.slicer.journal.sbe.MessageHeaderDecoder.templateIdEncodingOffset(),
                io.slicer.journal.sbe.TimerDecoder.TEMPLATE_ID);
        JournalFiles.rewriteMessageHeader(cycle, offsets.get(2),
                io.slicer.journal.sbe.MessageHeaderDecoder.blockLengthEncodingOffset(), 50);
        assertOneLineNaming(verifyFails(JournalKey.NONE).getMessage(), "record #2 ", "announces a Timer block of 50");
    }

    @Test
    void aNewWriterNeverStartsOverAJournalThatHoldsRecords() {
        sealedDay(2);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JournalWriter.open(queue(), ChainHead.GENESIS, JournalKey.NONE));
        assertOneLineNaming(e.getMessage(), queue().toString(), "already holds 4 records", "never from record #0");
        assertTrue(JournalVerifier.verify(dir, JournalKey.NONE).sealed(), "the journal is untouched");
    }

    @Test
    void aKeyFileTooShortOrMissingIsOneLineNamingIt() throws Exception {
        final Path shortKey = dir.resolve("short.key");
        Files.write(shortKey, new byte[16]);
        final IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> JournalKey.fromFile(shortKey));
        assertOneLineNaming(tooShort.getMessage(), shortKey.toString(), "holds 16 bytes, expected at least 32");
        final Path missing = dir.resolve("missing.key");
        final IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> JournalKey.fromFile(missing));
        assertOneLineNaming(absent.getMessage(), missing.toString(), "cannot be read");
    }

    @Test
    void aDamagedChainHeadFileRefusesVerifyAndRecoveryInOneLine() throws Exception {
        sealedDay(1);
        Files.write(ChainHeadFile.path(queue()), "not a chain head".getBytes(StandardCharsets.US_ASCII));
        final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JournalVerifier.verify(dir, JournalKey.NONE));
        assertOneLineNaming(e.getMessage(), ChainHeadFile.path(queue()).toString(), "holds no valid entry");
        final IllegalStateException restart = assertThrows(IllegalStateException.class,
                () -> JournaledEngine.open(dir, "test", EngineSettings.parse(""), List.of("twap"),
                        ChildOrderSink.NONE));
        assertEquals(e.getMessage(), restart.getMessage());
    }
}
