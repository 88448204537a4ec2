package io.slicer.tools.day;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.journal.EngineSettings;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.JournalReplayer;
import io.slicer.journal.JournaledEngine;
import io.slicer.journal.RecordText;
import io.slicer.journal.ReplaySummary;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code twap/join} through the engine on the real AMZN day: each slice's child rests at the bid as a real limit
 * order, what it has not filled at the deadline is cancelled and crossed, everything is journaled, and the journal
 * replays bit for bit. Skipped when the shared data is absent.
 */
class LobsterJoinDayTest {
    private static final long QUANTITY = 6_200;
    private static final int SLICES = 12;

    @TempDir
    Path dir;

    @Test
    void twapJoinRestsAtTheBidCrossesTheRestAtTheDeadlineAndReplaysBitForBit() throws IOException {
        final LobsterDay day = LobsterTestData.amzn();
        final Path journalDir = dir.resolve("journal");
        final ParentOrder order;
        final List<OmsLog.SentChild> sent;
        final int cancels;
        try (OmsLog oms = new OmsLog(Files.createDirectories(journalDir).resolve("oms.log"));
             JournaledEngine engine = JournaledEngine.open(journalDir, "test", EngineSettings.parse(""),
                     List.of("twap/join"), oms)) {
            new LobsterDayDriver(day, Side.BUY, QUANTITY, SLICES).play(engine, oms);
            order = engine.core().order(LobsterDayDriver.orderId());
            assertEquals(0, engine.core().liveChildren(), "no child is left working");
            sent = new ArrayList<>(oms.sent().values());
            cancels = oms.cancels().size();
            assertEquals(List.of(), oms.duplicates());
        }
        assertEquals(ChildTactic.JOIN, order.tactic());
        assertEquals(OrderStatus.FILLED, order.status());
        assertEquals(QUANTITY, order.filled());

        final List<String> records = new ArrayList<>();
        final JournalRecord r = new JournalRecord();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journalDir))) {
            while (reader.next(r)) {
                records.add(RecordText.describe(r));
            }
        }
        final List<String> decisions = records.stream().filter(s -> s.startsWith("DECISION")).toList();
        // One boundary decision per slice, and one deadline cross for each slice whose resting child fell short.
        assertEquals(SLICES + cancels, decisions.size(), decisions.toString());
        // A second decision in a slice is the deadline's cross of what the resting child left; the rest filled resting.
        long crossed = 0;
        int lastSlice = -1;
        for (final String d : decisions) {
            final int slice = Integer.parseInt(field(d, "slice"));
            if (slice == lastSlice) {
                crossed += Long.parseLong(field(d, "qty"));
            }
            lastSlice = slice;
        }
        final long passive = QUANTITY - crossed;
        assertTrue(passive > QUANTITY / 4 && passive < QUANTITY, "filled resting: " + passive + " of " + QUANTITY);
        assertTrue(cancels > 0 && cancels < SLICES, "some resting children were cancelled at the deadline: " + cancels);
        // Each cancel sent is journaled as its own record, with why: the deadline pulled the resting child.
        final List<String> cancelRecords = records.stream().filter(s -> s.startsWith("CHILD_CANCEL")).toList();
        assertEquals(cancels, cancelRecords.size(), cancelRecords.toString());
        for (final String c : cancelRecords) {
            assertTrue(c.endsWith(" TACTIC_DEADLINE") || c.endsWith(" SLICE_END"), c);
        }
        assertTrue(cancelRecords.stream().anyMatch(c -> c.endsWith(" TACTIC_DEADLINE")), cancelRecords.toString());
        assertTrue(sent.size() > SLICES, "the deadline crosses are children of their own: " + sent.size());
        // The boundary children rest at the bid: below the ask they were decided on, on the cent.
        for (final OmsLog.SentChild c : sent) {
            assertEquals(Math.round(c.limitPrice() * 100) / 100.0, c.limitPrice(), 0.0, "on tick: " + c);
            assertTrue(c.quantity() % 100 == 0, "whole lots: " + c);
        }

        final ReplaySummary replay;
        try (JournalReplayer replayer = new JournalReplayer(journalDir)) {
            replay = replayer.run();
        }
        assertTrue(replay.matched(), () -> replay.divergence().describe());
        assertEquals(decisions.size(), replay.decisions());
        assertEquals(sent.size(), replay.childrenSent());
        assertEquals(cancels, replay.childCancels(), "every cancel record replayed and matched");
    }

    private static String field(final String record, final String name) {
        final int at = record.indexOf(" " + name + "=") + name.length() + 2;
        final int end = record.indexOf(' ', at);
        return record.substring(at, end < 0 ? record.length() : end);
    }
}
