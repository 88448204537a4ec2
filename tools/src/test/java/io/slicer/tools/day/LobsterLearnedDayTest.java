package io.slicer.tools.day;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.testing.DemoModels;
import io.slicer.journal.EngineSettings;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.JournalReplayer;
import io.slicer.journal.JournaledEngine;
import io.slicer.journal.RecordText;
import io.slicer.journal.ReplaySummary;
import io.slicer.policy.seal.ModelKeys;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code twap/learned:DIR} through the engine on the real AMZN day: a sealed chooser (hand-made: join when more is
 * offered than bid, else cross) picks each slice's child's tactic from the book the engine sees, each decision
 * journals the tactic, and the journal replays bit for bit. Skipped when the shared data is absent.
 */
class LobsterLearnedDayTest {
    private static final long QUANTITY = 6_200;
    private static final int SLICES = 12;

    @TempDir
    Path dir;

    @Test
    void aLearnedTacticChoosesPerChildOnTheRealDayJournalsItsChoiceAndReplaysBitForBit() throws IOException {
        final LobsterDay day = LobsterTestData.amzn();
        final Path chooser = dir.resolve("chooser");
        DemoModels.tacticRule("l1_imbalance").save(chooser, ModelKeys.signingKey(ModelKeys.directory(), n -> { }));
        final Path journalDir = dir.resolve("journal");
        final ParentOrder order;
        final int sent;
        try (OmsLog oms = new OmsLog(Files.createDirectories(journalDir).resolve("oms.log"));
             JournaledEngine engine = JournaledEngine.open(journalDir, "test", EngineSettings.parse(""),
                     List.of("twap/learned:" + chooser), oms)) {
            new LobsterDayDriver(day, Side.BUY, QUANTITY, SLICES).play(engine, oms);
            order = engine.core().order(LobsterDayDriver.orderId());
            assertEquals(0, engine.core().liveChildren(), "no child is left working");
            sent = oms.sent().size();
            assertEquals(List.of(), oms.duplicates());
        }
        assertEquals(OrderStatus.FILLED, order.status());
        assertEquals(QUANTITY, order.filled());

        final List<String> decisions = new ArrayList<>();
        final JournalRecord r = new JournalRecord();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journalDir))) {
            while (reader.next(r)) {
                final String text = RecordText.describe(r);
                if (text.startsWith("DECISION")) {
                    decisions.add(text);
                }
            }
        }
        // The tactic of each slice's boundary child, as journaled: the chooser must have used more than one.
        final Map<Integer, String> bySlice = new TreeMap<>();
        for (final String d : decisions) {
            bySlice.putIfAbsent(Integer.parseInt(field(d, "slice")), field(d, "tactic"));
        }
        assertEquals(SLICES, bySlice.size(), decisions.toString());
        assertTrue(bySlice.containsValue("join") && bySlice.containsValue("cross"),
                "the chooser joined some children and crossed others: " + bySlice);
        // A joining slice whose child fell short crosses the rest at its deadline: a second decision in that slice.
        assertTrue(decisions.size() >= SLICES, decisions.toString());

        final ReplaySummary replay;
        try (JournalReplayer replayer = new JournalReplayer(journalDir)) {
            replay = replayer.run();
        }
        assertTrue(replay.matched(), () -> replay.divergence().describe());
        assertEquals(decisions.size(), replay.decisions());
        assertEquals(sent, replay.childrenSent());
    }

    @Test
    void aPolicyModelWithALearnedTacticArchivesBothModelsAndReplaysBitForBit() throws IOException {
        final LobsterDay day = LobsterTestData.amzn();
        final Path dqn = dir.resolve("dqn");
        final Path chooser = dir.resolve("chooser");
        DemoModels.randomDqn(3).save(dqn, ModelKeys.signingKey(ModelKeys.directory(), n -> { }));
        DemoModels.tacticRule("trade_flow").save(chooser, ModelKeys.signingKey(ModelKeys.directory(), n -> { }));
        final Path journalDir = dir.resolve("journal");
        try (OmsLog oms = new OmsLog(Files.createDirectories(journalDir).resolve("oms.log"));
             JournaledEngine engine = JournaledEngine.open(journalDir, "test", EngineSettings.parse(""),
                     List.of("dqn:" + dqn + "/learned:" + chooser), oms)) {
            new LobsterDayDriver(day, Side.BUY, QUANTITY, SLICES).play(engine, oms);
        }
        String session = null;
        final JournalRecord r = new JournalRecord();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journalDir))) {
            while (reader.next(r) && session == null) {
                session = RecordText.describe(r);
            }
        }
        // Journaled as policy:<sha256>/learned:<sha256>, both models archived and listed with their identities.
        assertTrue(session.matches("(?s).*policy:[0-9a-f]{64}/learned:[0-9a-f]{64}.*"), session);
        assertTrue(session.contains("dqn:" + dqn) && session.contains("learned:" + chooser), session);
        final ReplaySummary replay;
        try (JournalReplayer replayer = new JournalReplayer(journalDir)) {
            replay = replayer.run();
        }
        assertTrue(replay.matched(), () -> replay.divergence().describe());
        // The untrained demo DQN is no trader: how many slices it decides before the kill switch or the day stops it
        // is not what this test pins.
        assertTrue(replay.decisions() > 0, "decisions replayed: " + replay.decisions());
    }

    private static String field(final String record, final String name) {
        final int at = record.indexOf(" " + name + "=") + name.length() + 2;
        final int end = record.indexOf(' ', at);
        return record.substring(at, end < 0 ? record.length() : end);
    }
}
