package io.slicer.tools.day;

import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.risk.HaltReason;
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
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The market-data fault on a live LOBSTER day: the real AMZN day (2012-06-21) played into the journaled engine with
 * one row spoiled twenty minutes into a one-hour TWAP order. The run must not throw; the order halts with a journaled
 * reason that names the anomaly and the refused price; the shares it did not work are accounted for by that record;
 * and a replay of the journal reproduces the anomaly and the halt bit for bit. Skipped when the shared data is absent.
 */
class LobsterDayBadMarketDataTest {
    private static final long QUANTITY = 6_200;
    private static final int SLICES = 12;
    /** 09:50:00: the order (09:30 to 10:30) has worked four of its twelve slices. */
    private static final double SPOILED_AFTER_SECONDS = 35_400;

    @TempDir
    Path dir;

    /** The AMZN day copied with the first execution row after 09:50 rewritten by {@code spoil}; its line number. */
    private LobsterDay spoiledDay(final UnaryOperator<String[]> spoil, final int[] line) throws IOException {
        final LobsterDay real = LobsterTestData.amzn();
        final List<String> messages = new ArrayList<>(Files.readAllLines(real.messageFile()));
        for (int i = 0; i < messages.size(); i++) {
            final String[] f = messages.get(i).split(",");
            if (Double.parseDouble(f[0]) >= SPOILED_AFTER_SECONDS && (f[1].equals("4") || f[1].equals("5"))) {
                messages.set(i, String.join(",", spoil.apply(f)));
                line[0] = i + 1;
                break;
            }
        }
        final Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve(real.messageFile().getFileName()), messages);
        Files.copy(real.orderbookFile(), data.resolve(real.orderbookFile().getFileName()));
        return LobsterDay.ofMessageFile(data.resolve(real.messageFile().getFileName()));
    }

    private static List<String> journal(final Path journalDir) {
        final List<String> lines = new ArrayList<>();
        final JournalRecord r = new JournalRecord();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journalDir))) {
            while (reader.next(r)) {
                lines.add(RecordText.describe(r));
            }
        }
        return lines;
    }

    private void assertHaltedWithARecordAndReplayed(final UnaryOperator<String[]> spoil, final InputAnomaly anomaly)
            throws IOException {
        final int[] line = {0};
        final LobsterDay day = spoiledDay(spoil, line);
        assertTrue(line[0] > 1_000, "an execution row after 09:50 was spoiled: line " + line[0]);
        final Path journalDir = dir.resolve("journal");
        final ParentOrder order;
        final long filled;
        final long refused;
        try (OmsLog oms = new OmsLog(Files.createDirectories(journalDir).resolve("oms.log"));
             JournaledEngine engine = JournaledEngine.open(journalDir, "test", EngineSettings.parse(""),
                     List.of("twap"), oms)) {
            new LobsterDayDriver(day, Side.BUY, QUANTITY, SLICES).play(engine, oms);
            order = engine.core().order(LobsterDayDriver.orderId());
            filled = order.filled();
            refused = engine.core().marketDataRefused();
            assertEquals(0, engine.core().liveChildren(), "no child is left working");
        }
        assertEquals(OrderStatus.HALTED, order.status());
        assertEquals(HaltReason.BAD_MARKET_DATA, order.killSwitchState().reason());
        assertTrue(filled > 0 && filled < QUANTITY, "traded before the bad row, not after: " + filled);
        assertTrue(refused >= 1, "refused " + refused);

        final List<String> records = journal(journalDir);
        final List<String> anomalies = records.stream().filter(s -> s.startsWith("ANOMALY")).toList();
        final List<String> halts = records.stream().filter(s -> s.startsWith("TRANSITION")).toList();
        assertTrue(anomalies.get(0).contains(" " + anomaly.name() + " "), anomalies.toString());
        assertEquals(1, halts.size(), halts.toString());
        assertTrue(halts.get(0).contains("ORDER 1 -> HALTED BAD_MARKET_DATA") && halts.get(0)
                .endsWith(" anomaly=" + anomaly.name()), halts.get(0));
        // The halt is the record of why the rest was not worked: nothing was decided after it.
        final int haltAt = records.indexOf(halts.get(0));
        assertTrue(records.subList(haltAt, records.size()).stream().noneMatch(s -> s.startsWith("DECISION")),
                "no decision after the halt");
        assertEquals(QUANTITY - filled, order.quantity() - order.filled() - order.inFlight());

        final ReplaySummary replay;
        try (JournalReplayer replayer = new JournalReplayer(journalDir)) {
            replay = replayer.run();
        }
        assertTrue(replay.matched(), () -> replay.divergence().describe());
        assertEquals(anomalies.size(), replay.anomalies());
        assertEquals(1, replay.transitions());
    }

    @Test
    void aRowStampedBeforeThePreviousOneHaltsTheOrderWithAJournaledReasonAndReplaysBitForBit() throws IOException {
        assertHaltedWithARecordAndReplayed(f -> {
            f[0] = "34300.000000000";
            return f;
        }, InputAnomaly.OUT_OF_ORDER_MARKET_DATA);
    }

    @Test
    void aTradeAtTenTimesThePriceHaltsTheOrderWithAJournaledReasonAndReplaysBitForBit() throws IOException {
        assertHaltedWithARecordAndReplayed(f -> {
            f[4] = Long.toString(Long.parseLong(f[4]) * 10);
            return f;
        }, InputAnomaly.PRICE_JUMP);
    }
}
