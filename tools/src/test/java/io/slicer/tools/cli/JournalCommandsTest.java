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

    private Path journalADay() throws Exception {
        final Path journal = tmp.resolve("day");
        final CliRun run = CliRun.of("run", "--scenario", "small-day", "--strategy", "twap", "--journal",
                journal.toString(), "--seed", "4", "--json");
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode doc = MAPPER.readTree(run.out());
        assertTrue(doc.get("childrenSent").asLong() > 0, run.out());
        assertEquals(doc.get("inputs").asLong() + doc.get("decisions").asLong() + 1,
                doc.get("journalRecords").asLong());
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
    }

    @Test
    void replayExitsOneAtTheFirstDivergence() throws Exception {
        final Path journal = journalADay();
        // A decision's child quantity edited and re-checksummed, as a tampered journal would be.
        final Path cycle;
        try (Stream<Path> files = Files.list(JournalDirectory.queue(journal))) {
            cycle = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        tamperWithLastDecision(cycle);
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
        final Path png = Path.of(order.get("chart").asText());
        final byte[] head = new byte[8];
        try (RandomAccessFile f = new RandomAccessFile(png.toFile(), "r")) {
            f.readFully(head);
        }
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);

        final CliRun table = CliRun.of("audit", "--journal", journal.toString(), "--order", "1");
        assertTrue(table.out().contains("IS decomposition (bps of arrival value): impact"), table.out());
    }

    @Test
    void auditOfAnUnknownOrderIsAClearError() throws Exception {
        final Path journal = journalADay();
        final CliRun audit = CliRun.of("audit", "--journal", journal.toString(), "--order", "99");
        assertEquals(SlicerCli.EXIT_USAGE, audit.exitCode());
        assertTrue(audit.err().contains("has no parent order 99"), audit.err());
    }

    /**
     * Flips bit 6 of the last DECISION's child quantity and recomputes that record's CRC32C (its length from the
     * Chronicle document header in front of it).
     */
    private static void tamperWithLastDecision(final Path cycle) throws Exception {
        final byte[] content = Files.readAllBytes(cycle);
        final java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        final int templateAt = JournalFrame.MESSAGE_OFFSET + MessageHeaderDecoder.templateIdEncodingOffset();
        int last = -1;
        for (int i = 4; i + JournalFrame.BODY_OFFSET <= content.length; i++) {
            if (content[i] == 'S' && content[i + 1] == 'L' && content[i + 2] == 'J'
                    && content[i + 3] == '0' + JournalFrame.FORMAT
                    && buf.getShort(i + templateAt) == DecisionDecoder.TEMPLATE_ID) {
                last = i;
            }
        }
        assertTrue(last >= 0, "no DECISION record found");
        final int length = buf.getInt(last - 4) & 0x3FFFFFFF;
        final int qtyAt = last + JournalFrame.BODY_OFFSET + DecisionDecoder.childQuantityEncodingOffset();
        buf.putLong(qtyAt, buf.getLong(qtyAt) ^ 64);
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(content, last + JournalFrame.SEQUENCE_OFFSET, length - JournalFrame.SEQUENCE_OFFSET);
        buf.putInt(last + JournalFrame.CRC_OFFSET, (int) crc.getValue());
        Files.write(cycle, content);
    }
}
