package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code slicer run}, {@code replay} and {@code audit} on a real journal of the simulated day. */
class JournalCommandsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Cancel requests the journaled day sent (its run's {@code cancelsSent}). */
    private long cancelsSent;

    private Path journalADay() throws Exception {
        final Path journal = tmp.resolve("day");
        final CliRun run = CliRun.of("run", "--scenario", "small-day", "--strategy", "twap", "--journal",
                journal.toString(), "--seed", "4", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode doc = MAPPER.readTree(run.out());
        assertTrue(doc.get("childrenSent").asLong() > 0, run.out());
        // Each cancel sent is a record of its own, journaled before it left.
        assertEquals(doc.get("inputs").asLong() + doc.get("decisions").asLong() + doc.get("cancelsSent").asLong()
                + 1, doc.get("journalRecords").asLong());
        cancelsSent = doc.get("cancelsSent").asLong();
        return journal;
    }

    @Test
    void runTradesAScenarioEpisodeThroughTheRingAtTheSimulatorsTwapCostAndItsJournalReplays() throws Exception {
        final Path journal = tmp.resolve("scenario");
        final CliRun run = CliRun.of("run", "--scenario", "stochastic-liquidity", "--strategy", "twap", "--journal",
                journal.toString(), "--seed", "9", "--episode", "2", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode doc = MAPPER.readTree(run.out());
        assertEquals(500_000, doc.get("filled").asLong());
        assertEquals("FILLED", doc.get("status").asText());
        assertEquals(26, doc.get("childrenSent").asLong());
        assertEquals(doc.get("simulatorTwapIsBps").asDouble(), doc.get("isBps").asDouble(), 1e-9);
        assertEquals(doc.get("inputs").asLong() + doc.get("decisions").asLong() + 1,
                doc.get("journalRecords").asLong());

        final CliRun replay = CliRun.of("replay", "--journal", journal.toString(), "--json");
        assertEquals(0, replay.exitCode(), replay.err() + replay.out());
        assertTrue(MAPPER.readTree(replay.out()).get("matched").asBoolean());

        final CliRun again = CliRun.of("run", "--scenario", "stochastic-liquidity", "--strategy", "twap",
                "--journal", journal.toString());
        assertEquals(2, again.exitCode(), again.out());
        assertTrue(again.err().contains("already holds records"), again.err());
    }

    @Test
    void replayOfARunJournalMatchesAndReportsItsSpeed() throws Exception {
        final Path journal = journalADay();
        final CliRun replay = CliRun.of("replay", "--journal", journal.toString(), "--json");
        assertEquals(0, replay.exitCode(), replay.err() + replay.out());
        final JsonNode doc = MAPPER.readTree(replay.out());
        assertTrue(doc.get("matched").asBoolean());
        assertTrue(doc.get("inputsPerSecond").asDouble() > 0);
        assertTrue(doc.get("decisions").asLong() > 0);
        assertTrue(cancelsSent > 0, "the small day cancels at slice ends");
        assertEquals(cancelsSent, doc.get("childCancels").asLong(), "every cancel record replayed and matched");
    }

    @Test
    void replayExitsOneAtTheFirstDivergence() throws Exception {
        final Path journal = journalADay();
        // A decision's child quantity edited, the chain recomputed from there: the replay stops at the decision.
        tamperWithLastDecision(cycleFile(journal), true);
        final CliRun replay = CliRun.of("replay", "--journal", journal.toString());
        assertEquals(ReplayCommand.EXIT_DIVERGED, replay.exitCode(), replay.out());
        assertTrue(replay.out().contains("DIVERGED"), replay.out());
        assertTrue(replay.out().contains("field Decision.childQuantity"), replay.out());
    }

    @Test
    void auditPrintsTheTraceTheDecompositionAndAChart() throws Exception {
        final Path journal = journalADay();
        final CliRun audit = CliRun.of("audit", "--journal", journal.toString(), "--order", "1", "--json");
        assertEquals(0, audit.exitCode(), audit.err());
        final JsonNode order = MAPPER.readTree(audit.out()).get("orders").get(0);
        assertEquals(1, order.get("orderId").asLong());
        assertEquals(30_000, order.get("filled").asLong());
        assertEquals(order.get("impactBps").asDouble() + order.get("timingBps").asDouble()
                + order.get("opportunityBps").asDouble(), order.get("totalBps").asDouble(), 1e-9);
        final double arrival = order.get("arrivalPrice").asDouble();
        final double average = order.get("averagePrice").asDouble();
        assertEquals((average - arrival) / arrival * 1e4, order.get("totalBps").asDouble(), 1e-6);
        assertEquals(30, order.get("decisions").size());
        final JsonNode cancels = order.get("cancels");
        assertTrue(cancels.size() > 0 && cancels.size() <= cancelsSent, cancels.toString());
        for (final JsonNode cancel : cancels) {
            assertTrue(cancel.asText().contains(" SLICE_END") || cancel.asText().contains(" ORDER_EXPIRED"),
                    cancel.toString());
        }
        final Path png = Path.of(order.get("chart").asText());
        final byte[] head = new byte[8];
        try (RandomAccessFile f = new RandomAccessFile(png.toFile(), "r")) {
            f.readFully(head);
        }
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);

        final CliRun table = CliRun.of("audit", "--journal", journal.toString(), "--order", "1");
        assertTrue(table.out().contains("IS decomposition (bps of arrival value): impact"), table.out());
        assertTrue(table.out().contains("cancel: t="), table.out());
    }

    @Test
    void auditOfAnUnknownOrderIsAClearError() throws Exception {
        final Path journal = journalADay();
        final CliRun audit = CliRun.of("audit", "--journal", journal.toString(), "--order", "99");
        assertEquals(SlicerCli.EXIT_USAGE, audit.exitCode());
        assertTrue(audit.err().contains("has no parent order 99"), audit.err());
    }

    /**
     * Flips bit 6 of the last DECISION's child quantity, then does what a forger who knows the format does: recomputes
     * the chain hash (SHA-256, no key) and CRC32C of that record and of every record after it (lengths from the
     * Chronicle document header in front of each). Only the chain head file beside the queue still differs.
     */
    private static void tamperWithLastDecision(final Path cycle, final boolean rechain) throws Exception {
        final byte[] content = Files.readAllBytes(cycle);
        final java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        final int templateAt = JournalFrame.MESSAGE_OFFSET + MessageHeaderDecoder.templateIdEncodingOffset();
        final java.util.List<Integer> records = new java.util.ArrayList<>();
        int last = -1;
        for (int i = 4; i + JournalFrame.BODY_OFFSET <= content.length; i++) {
            if (content[i] == 'S' && content[i + 1] == 'L' && content[i + 2] == 'J'
                    && content[i + 3] == '0' + JournalFrame.FORMAT) {
                records.add(i);
                if (buf.getShort(i + templateAt) == DecisionDecoder.TEMPLATE_ID) {
                    last = i;
                }
            }
        }
        assertTrue(last >= 0, "no DECISION record found");
        final int qtyAt = last + JournalFrame.BODY_OFFSET + DecisionDecoder.childQuantityEncodingOffset();
        buf.putLong(qtyAt, buf.getLong(qtyAt) ^ 64);
        final int from = records.indexOf(last);
        for (final int at : records.subList(from, rechain ? records.size() : from + 1)) {
            final int length = buf.getInt(at - 4) & 0x3FFFFFFF;
            if (rechain) {
                final int previous = records.get(records.indexOf(at) - 1);
                final java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                sha.update(content, previous + JournalFrame.CHAIN_OFFSET, JournalFrame.CHAIN_LENGTH);
                sha.update(content, at + JournalFrame.SEQUENCE_OFFSET, Long.BYTES);
                sha.update(content, at + JournalFrame.MESSAGE_OFFSET, length - JournalFrame.MESSAGE_OFFSET);
                System.arraycopy(sha.digest(), 0, content, at + JournalFrame.CHAIN_OFFSET, JournalFrame.CHAIN_LENGTH);
            }
            final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(content, at + JournalFrame.SEQUENCE_OFFSET, length - JournalFrame.SEQUENCE_OFFSET);
            buf.putInt(at + JournalFrame.CRC_OFFSET, (int) crc.getValue());
        }
        Files.write(cycle, content);
    }

    private static Path cycleFile(final Path journal) throws Exception {
        try (Stream<Path> files = Files.list(JournalDirectory.queue(journal))) {
            return files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    @Test
    void journalVerifyReportsAnIntactSealedJournal() throws Exception {
        final Path journal = journalADay();
        final CliRun verify = CliRun.of("journal", "verify", "--journal", journal.toString());
        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().contains("sealed     yes"), verify.out());
        assertTrue(verify.out().contains("hash matches"), verify.out());
        assertTrue(verify.out().contains("result     valid"), verify.out());
    }

    @Test
    void anEditWithItsCrcRecomputedIsRefusedByVerifyAndReplayInOneLineExitTwo() throws Exception {
        final Path journal = journalADay();
        tamperWithLastDecision(cycleFile(journal), false);
        for (final String[] command : new String[][]{{"journal", "verify"}, {"replay"}, {"audit"}}) {
            final String[] args = java.util.Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--journal";
            args[command.length + 1] = journal.toString();
            final CliRun run = CliRun.of(args);
            assertEquals(SlicerCli.EXIT_USAGE, run.exitCode(), run.out());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("slicer " + String.join(" ", command) + ": "
                    + JournalDirectory.queue(journal) + ": record #"), run.err());
            assertTrue(run.err().contains("breaks the hash chain"), run.err());
        }
    }

    @Test
    void aDamagedChronicleFileHeaderIsOneLineAndExitTwoNotAStackTrace() throws Exception {
        final Path journal = journalADay();
        try (RandomAccessFile f = new RandomAccessFile(cycleFile(journal).toFile(), "rw")) {
            f.write(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 2, 3, 4});
        }
        for (final String[] command : new String[][]{{"journal", "verify"}, {"replay"}, {"audit"}}) {
            final String[] args = java.util.Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--journal";
            args[command.length + 1] = journal.toString();
            final CliRun run = CliRun.of(args);
            assertEquals(SlicerCli.EXIT_USAGE, run.exitCode(), run.err());
            assertEquals(java.util.List.of("slicer " + String.join(" ", command) + ": cannot read the journal queue at "
                    + JournalDirectory.queue(journal) + ": StreamCorruptedException: Unexpected magic number 7fffffff"
                    + " (a damaged queue file header)"), run.err().lines().toList());
        }
    }

    @Test
    void salvageCopiesTheValidPrefixAndSaysWhatItLeft() throws Exception {
        final Path journal = journalADay();
        tamperWithLastDecision(cycleFile(journal), false);
        final Path out = tmp.resolve("salvaged");
        final CliRun salvage = CliRun.of("journal", "salvage", "--journal", journal.toString(), "--out",
                out.toString());
        assertEquals(0, salvage.exitCode(), salvage.err());
        assertTrue(salvage.out().contains("left       " + JournalDirectory.queue(journal) + ": record #"),
                salvage.out());
        final CliRun verify = CliRun.of("journal", "verify", "--journal", out.toString());
        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().contains("sealed     no"), verify.out());
        final CliRun again = CliRun.of("journal", "salvage", "--journal", journal.toString(), "--out",
                out.toString());
        assertEquals(SlicerCli.EXIT_USAGE, again.exitCode());
        assertTrue(again.err().contains("is not empty"), again.err());
    }
}
