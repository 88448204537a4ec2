package io.slicer.journal;

import io.slicer.journal.audit.JournalAudit;
import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.FillDecoder;
import io.slicer.journal.sbe.QuoteDecoder;
import io.slicer.tools.day.DayRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliberate damage to a real journaled day, each caught by the hash chain, the chain head file or the seal, and each
 * reported as one line that names the record: the tamper cases of issue #18 (a forged FILL with its CRC recomputed, a
 * cut at a record boundary, a queue cut to 0 bytes, reordered records) and what a forger does next (recomputing the
 * whole chain). Replay and recovery refuse what verify refuses.
 */
class JournalTamperTest {
    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static Path pristine;
    private Path journal;

    @BeforeAll
    static void journalADay() {
        pristine = shared.resolve("pristine");
        DayRunner.run(pristine, shared.resolve("oms.log"), 11, 0, second -> {
        });
    }

    @BeforeEach
    void copyTheDay() throws IOException {
        journal = tmp.resolve("journal");
        try (Stream<Path> walk = Files.walk(pristine)) {
            for (final Path from : walk.toList()) {
                final Path to = journal.resolve(pristine.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    private Path queue() {
        return JournalDirectory.queue(journal);
    }

    private Path cycleFile() throws IOException {
        return JournalFiles.onlyCycleFile(queue());
    }

    private JournalCorruptException verifyFails() {
        return assertThrows(JournalCorruptException.class, () -> JournalVerifier.verify(journal, JournalKey.NONE));
    }

    private static void assertOneLineNaming(final String message, final String... parts) {
        assertFalse(message.contains("\n"), message);
        for (final String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void theUntouchedDayVerifiesSealedWithItsChainHeadOnDisk() {
        final JournalVerifier.Report r = JournalVerifier.verify(journal, JournalKey.NONE);
        assertTrue(r.sealed());
        assertEquals(1, r.sessions());
        assertEquals(1, r.seals());
        assertEquals(0, r.restarts());
        assertEquals(r.records(), r.recorded().records(), "the close forced everything, the seal last");
        assertEquals(r.head().hash(), r.recorded().hash());
    }

    @Test
    void aForgedFillPriceWithItsCrcRecomputedBreaksTheChainAtThatRecord() throws Exception {
        final List<Long> all = JournalFiles.recordOffsets(cycleFile());
        final List<Long> fills = fills();
        final long victim = fills.get(fills.size() / 2);
        final int index = all.indexOf(victim);
        JournalFiles.editAndReseal(cycleFile(), victim, FillDecoder.priceEncodingOffset(),
                bits -> Double.doubleToRawLongBits(Double.longBitsToDouble(bits) * 1.05));

        final JournalCorruptException e = verifyFails();
        assertEquals(index, e.validRecords());
        assertOneLineNaming(e.getMessage(), queue().toString(), "record #" + index + " ", "breaks the hash chain");
        // Replay and the audit (whose implementation shortfall the forged price would have moved) refuse it too.
        final JournalCorruptException replay = assertThrows(JournalCorruptException.class, () -> {
            try (JournalReplayer replayer = new JournalReplayer(journal)) {
                replayer.run();
            }
        });
        assertEquals(e.getMessage(), replay.getMessage());
        assertThrows(JournalCorruptException.class, () -> JournalAudit.read(journal, null));
        final JournalCorruptException restart = assertThrows(JournalCorruptException.class,
                () -> DayRunner.run(journal, tmp.resolve("oms.log"), 11, 0, second -> {
                }));
        assertEquals(e.getMessage(), restart.getMessage());
    }

    @Test
    void aForgerWhoRecomputesTheWholeChainIsCaughtByTheChainHeadFile() throws Exception {
        final long victim = fills().get(3);
        JournalFiles.editAndReseal(cycleFile(), victim, FillDecoder.priceEncodingOffset(),
                bits -> Double.doubleToRawLongBits(Double.longBitsToDouble(bits) * 1.05));
        JournalFiles.rechain(cycleFile(), null);
        final long records = JournalFiles.recordOffsets(cycleFile()).size();

        final JournalCorruptException e = verifyFails();
        assertEquals(records - 1, e.validRecords(), "caught at the record the chain head file names: the seal");
        assertOneLineNaming(e.getMessage(), "record #" + (records - 1) + " ", "but the chain head file recorded",
                "the chain was rewritten");
    }

    @Test
    void recordsZeroedFromARecordBoundaryToTheEndAreACutTheChainHeadFileReveals() throws Exception {
        final List<Long> all = JournalFiles.recordOffsets(cycleFile());
        final int keep = all.size() - 300;
        final long from = all.get(keep) - Integer.BYTES;
        final long to = all.get(all.size() - 1) + JournalFiles.recordLength(cycleFile(), all.get(all.size() - 1));
        JournalFiles.writeBytes(cycleFile(), from, new byte[(int) (to - from)]);

        final JournalCorruptException e = verifyFails();
        assertEquals(keep, e.validRecords());
        assertOneLineNaming(e.getMessage(), queue().toString(), "at record #" + keep + ":",
                "chain head file says " + all.size() + " records were forced to disk",
                "records #" + keep + " to #" + (all.size() - 1) + " were cut off");
        // Recovery refuses to continue a cut journal instead of writing a restart after the cut.
        final JournalCorruptException restart = assertThrows(JournalCorruptException.class,
                () -> DayRunner.run(journal, tmp.resolve("oms.log"), 11, 0, second -> {
                }));
        assertEquals(e.getMessage(), restart.getMessage());
    }

    @Test
    void aQueueFileCutToZeroBytesIsRefusedNotReplayedAsAnEmptyDay() throws Exception {
        final long records = JournalFiles.recordOffsets(cycleFile()).size();
        try (RandomAccessFile raf = new RandomAccessFile(cycleFile().toFile(), "rw")) {
            raf.setLength(0);
        }
        final JournalCorruptException e = verifyFails();
        assertEquals(0, e.validRecords());
        assertOneLineNaming(e.getMessage(), queue().toString(), "at record #0:", "chain head file says " + records
                + " records were forced to disk", "records #0 to #" + (records - 1) + " were cut off");
        final JournalCorruptException replay = assertThrows(JournalCorruptException.class, () -> {
            try (JournalReplayer replayer = new JournalReplayer(journal)) {
                replayer.run();
            }
        });
        assertEquals(e.getMessage(), replay.getMessage());
    }

    @Test
    void twoRecordsSwappedShowAsOutOfSequenceAtTheFirst() throws Exception {
        final List<Long> quotes = quotes();
        final List<Long> all = JournalFiles.recordOffsets(cycleFile());
        final long a = quotes.get(10);
        final long b = quotes.get(11);
        final byte[] first = JournalFiles.readRecord(cycleFile(), a);
        final byte[] second = JournalFiles.readRecord(cycleFile(), b);
        JournalFiles.writeBytes(cycleFile(), a, second);
        JournalFiles.writeBytes(cycleFile(), b, first);

        final JournalCorruptException e = verifyFails();
        assertEquals(all.indexOf(a), e.validRecords());
        assertOneLineNaming(e.getMessage(), "record #" + all.indexOf(a) + " ", "carries journal sequence "
                + all.indexOf(b) + " (records are missing before it)");
    }

    @Test
    void twoRecordsSwappedWithTheirSequencesAndCrcsRewrittenBreakTheChainAtTheFirst() throws Exception {
        final List<Long> quotes = quotes();
        final List<Long> all = JournalFiles.recordOffsets(cycleFile());
        final long a = quotes.get(10);
        final long b = quotes.get(11);
        final byte[] first = JournalFiles.readRecord(cycleFile(), a);
        final byte[] second = JournalFiles.readRecord(cycleFile(), b);
        // Keep each position's frame (sequence), move the messages: the forger's reorder.
        System.arraycopy(second, JournalFrame.MESSAGE_OFFSET, first, JournalFrame.MESSAGE_OFFSET,
                first.length - JournalFrame.MESSAGE_OFFSET);
        final byte[] original = JournalFiles.readRecord(cycleFile(), a);
        System.arraycopy(original, JournalFrame.MESSAGE_OFFSET, second, JournalFrame.MESSAGE_OFFSET,
                second.length - JournalFrame.MESSAGE_OFFSET);
        JournalFiles.writeBytes(cycleFile(), a, first);
        JournalFiles.writeBytes(cycleFile(), b, second);
        JournalFiles.recomputeCrc(cycleFile(), a);
        JournalFiles.recomputeCrc(cycleFile(), b);

        final JournalCorruptException e = verifyFails();
        assertEquals(all.indexOf(a), e.validRecords());
        assertOneLineNaming(e.getMessage(), "record #" + all.indexOf(a) + " ", "breaks the hash chain");
    }

    @Test
    void aDeletedChainHeadFileIsRefusedRatherThanTrustingTheQueueLength() throws Exception {
        Files.delete(queue().resolve(ChainHeadFile.NAME));
        final JournalCorruptException e = verifyFails();
        assertEquals(0, e.validRecords());
        assertOneLineNaming(e.getMessage(), "record #0 ", "has no chain head file", "refusing the journal");
    }

    @Test
    void aDamagedChainHeadFileIsOneLineNamingIt() throws Exception {
        Files.write(queue().resolve(ChainHeadFile.NAME), new byte[128]);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JournalVerifier.verify(journal, JournalKey.NONE));
        assertOneLineNaming(e.getMessage(), queue().resolve(ChainHeadFile.NAME).toString(),
                "holds no valid entry");
    }

    @Test
    void aDamagedChronicleHeaderIsOneLineNamingTheQueue() throws Exception {
        JournalFiles.writeBytes(cycleFile(), 0, new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 2, 3, 4});
        final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JournalVerifier.verify(journal, JournalKey.NONE));
        assertOneLineNaming(e.getMessage(), queue().toString());
    }

    @Test
    void salvageCopiesTheValidPrefixWhichThenReplaysAndRecovers() throws Exception {
        final List<Long> all = JournalFiles.recordOffsets(cycleFile());
        final long victim = fills().get(5);
        final int index = all.indexOf(victim);
        JournalFiles.editAndReseal(cycleFile(), victim, FillDecoder.priceEncodingOffset(),
                bits -> Double.doubleToRawLongBits(Double.longBitsToDouble(bits) * 1.05));
        final Path out = tmp.resolve("salvaged");

        final JournalSalvage.Report report = JournalSalvage.salvage(journal, out, JournalKey.NONE);
        assertEquals(index, report.copied());
        assertTrue(report.problem().contains("record #" + index + " "), report.problem());
        final JournalVerifier.Report copy = JournalVerifier.verify(out, JournalKey.NONE);
        assertEquals(index, copy.records());
        assertFalse(copy.sealed());
        assertEquals(copy.records(), copy.recorded().records());
        // The copy recovers like a crashed day: the rest of the day runs, and the whole replays bit for bit.
        final DayRunner.Outcome resumed = DayRunner.run(out, tmp.resolve("oms.log"), 11, 0, second -> {
        });
        assertTrue(resumed.recovered());
        try (JournalReplayer replayer = new JournalReplayer(out)) {
            final ReplaySummary summary = replayer.run();
            assertTrue(summary.matched(), () -> summary.divergence().describe());
            assertEquals(2, summary.sessions());
        }
        final IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> JournalSalvage.salvage(journal, out, JournalKey.NONE));
        assertOneLineNaming(again.getMessage(), out.toString(), "is not empty");
    }

    private List<Long> fills() throws IOException {
        return ofTemplate(FillDecoder.TEMPLATE_ID);
    }

    private List<Long> quotes() throws IOException {
        return ofTemplate(QuoteDecoder.TEMPLATE_ID);
    }

    private List<Long> ofTemplate(final int template) throws IOException {
        final java.nio.ByteBuffer content = java.nio.ByteBuffer.wrap(Files.readAllBytes(cycleFile()))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return JournalFiles.recordOffsets(cycleFile(), RecordType.INPUT).stream()
                .filter(o -> (content.getShort((int) (o + JournalFrame.MESSAGE_OFFSET + 2)) & 0xFFFF) == template)
                .toList();
    }
}
