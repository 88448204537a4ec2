package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.TradeDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal of format 4 (magic "SLJ4", records of schema version 4: a TRADE without its aggressor, a DECISION
 * without its tactic) is still read, described and replayed bit for bit by this build of format 5. The format-4
 * journal is this build's day rewritten record by record as format 4 lays it out: the blocks cut where version 5
 * appended its fields, the headers saying version 4, the magic "SLJ4", the chain over the format-4 bytes.
 */
class FormatFourJournalTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private static void day(final Path journal) {
        try (JournaledEngine engine = JournaledEngine.open(journal, "test", EngineSettings.parse(""),
                List.of("twap"), ChildOrderSink.NONE)) {
            final EngineEvent e = new EngineEvent();
            engine.onEvent(e.quote(SECOND, 0, 99.99, 100.01, 500, 500));
            engine.onEvent(e.trade(2 * SECOND, 0, 100.01, 300, 1));
            engine.onEvent(e.newOrder(3 * SECOND, 1, 0, Side.BUY, 1_000, 10 * SECOND, 30 * SECOND, 2, 0,
                    Double.NaN, Double.NaN, Double.NaN, 0.05, 100_000));
            for (long s = 10; s <= 31; s++) {
                engine.onEvent(e.quote(s * SECOND, 0, 99.99, 100.01, 500, 500));
                engine.onEvent(e.trade(s * SECOND, 0, 99.99, 200, -1));
                engine.onEvent(e.timer(s * SECOND));
            }
        }
    }

    /** Rewrites every record of {@code from} as format 4 writes it, into a journal at {@code to}. */
    private static void asFormatFour(final Path from, final Path to) throws Exception {
        Files.createDirectories(to);
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(from));
             JournalWriter writer = JournalWriter.open(JournalDirectory.queue(to))) {
            final JournalRecord r = new JournalRecord();
            while (reader.next(r)) {
                if (r.type() == RecordType.CHILD_CANCEL) {
                    continue; // format 4 journaled no cancel requests
                }
                final JournalRecord staged = writer.stage();
                staged.copyFrom(r);
                staged.downgradeMessage(JournalFrame.FORMAT_4);
                writer.commit(staged.length() - JournalFrame.LENGTH);
            }
        }
        final Path cycle = JournalFiles.onlyCycleFile(JournalDirectory.queue(to));
        for (final long offset : JournalFiles.recordOffsets(cycle)) {
            // The magic is outside the CRC and the chain: format 4's frame differs from format 5's in it alone.
            JournalFiles.rewriteMagic(cycle, offset, "SLJ4");
        }
    }

    private static int countOf(final Path journal, final RecordType type) {
        int n = 0;
        final JournalRecord r = new JournalRecord();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journal))) {
            while (reader.next(r)) {
                n += r.type() == type ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void aFormatFourJournalIsReadWithUnknownAggressorsAndReplaysBitForBit() throws Exception {
        final Path five = dir.resolve("five");
        day(five);
        final Path four = dir.resolve("four");
        asFormatFour(five, four);

        final EngineRecords records = new EngineRecords();
        final List<Integer> aggressors = new ArrayList<>();
        final List<String> decisions = new ArrayList<>();
        final JournalRecord r = new JournalRecord();
        int read = 0;
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(four))) {
            while (reader.next(r)) {
                read++;
                assertEquals(JournalFrame.FORMAT_4, r.messageVersion());
                if (r.templateId() == TradeDecoder.TEMPLATE_ID) {
                    assertEquals(JournalFrame.BODY_OFFSET + TradeDecoder.BLOCK_LENGTH - 1, r.length());
                    aggressors.add(records.decodeInput(r, new EngineEvent()).aggressor());
                } else if (r.type() == RecordType.DECISION) {
                    decisions.add(RecordText.describe(r));
                    assertEquals(DecisionDecoder.tacticNullValue(), records.decision(r).tactic());
                }
            }
        }
        assertTrue(read > 60, "records read: " + read);
        assertEquals(23, aggressors.size());
        assertTrue(aggressors.stream().allMatch(a -> a == 0), "a format-4 trade's aggressor is unknown: "
                + aggressors);
        assertTrue(decisions.size() >= 2 && decisions.stream().allMatch(d -> d.contains(" tactic=? ")),
                decisions.toString());

        // The same day in format 5 journals the aggressors and the tactics.
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(five))) {
            int buys = 0;
            while (reader.next(r)) {
                if (r.templateId() == TradeDecoder.TEMPLATE_ID
                        && records.decodeInput(r, new EngineEvent()).aggressor() == 1) {
                    buys++;
                }
                if (r.type() == RecordType.DECISION) {
                    assertTrue(RecordText.describe(r).contains(" tactic=cross "), RecordText.describe(r));
                }
            }
            assertEquals(1, buys);
        }
        assertTrue(countOf(five, RecordType.CHILD_CANCEL) > 0, "the day's cancel requests, journaled in format 5");
        assertEquals(0, countOf(four, RecordType.CHILD_CANCEL));

        for (final Path journal : List.of(four, five)) {
            final ReplaySummary replay;
            try (JournalReplayer replayer = new JournalReplayer(journal)) {
                replay = replayer.run();
            }
            assertTrue(replay.matched(), () -> journal + ": " + replay.divergence().describe());
            assertEquals(decisions.size(), replay.decisions());
        }
    }
}
