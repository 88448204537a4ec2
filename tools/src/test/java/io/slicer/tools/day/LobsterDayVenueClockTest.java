package io.slicer.tools.day;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.journal.EngineSettings;
import io.slicer.journal.JournaledEngine;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The LOBSTER venue judges a child on the book it was decided on. A timer fires only when a row of a later second
 * arrives, and the reader hands over that row's book already applied; the venue must catch its clock up (the timer,
 * what it decided, the acknowledgement one second later) before the row moves the touch. Two hand-made days of one
 * 100-share slice, the order arriving at 09:30:00.5 on bid 99.99 x 300 / ask 100.01 x 300 and its child decided by
 * the 09:30:01 timer, each with a row in 09:30:02 that a venue reading the book too late would see first.
 */
class LobsterDayVenueClockTest {
    private static final String MESSAGE = "TEST_2012-06-21_34200000_57600000_message_1.csv";
    private static final String ORDERBOOK = "TEST_2012-06-21_34200000_57600000_orderbook_1.csv";
    /** time,type,id,size,price(x1e4),direction   /   askPrice,askSize,bidPrice,bidSize. */
    private static final String OPEN = "34200.5,1,1,300,1000100,-1|1000100,300,999900,300";

    @TempDir
    Path dir;

    private record Played(ParentOrder order, List<OmsLog.SentChild> sent, long fills) {
    }

    private Played play(final String tactic, final String... rows) throws IOException {
        final Path data = Files.createDirectories(dir.resolve("data"));
        final List<String> messages = new ArrayList<>();
        final List<String> books = new ArrayList<>();
        for (final String row : rows) {
            final String[] halves = row.split("\\|");
            messages.add(halves[0]);
            books.add(halves[1]);
        }
        Files.write(data.resolve(MESSAGE), messages);
        Files.write(data.resolve(ORDERBOOK), books);
        final Path journalDir = dir.resolve("journal");
        final LobsterDayDriver driver = new LobsterDayDriver(LobsterDay.ofMessageFile(data.resolve(MESSAGE)),
                Side.BUY, 100, 1);
        try (OmsLog oms = new OmsLog(Files.createDirectories(journalDir).resolve("oms.log"));
             JournaledEngine engine = JournaledEngine.open(journalDir, "test", EngineSettings.parse(""),
                     List.of(tactic), oms)) {
            driver.play(engine, oms);
            return new Played(engine.core().order(LobsterDayDriver.orderId()), new ArrayList<>(oms.sent().values()),
                    driver.tca().fills());
        }
    }

    @Test
    void aCrossChildIsMarketableOnTheAskItWasDecidedOnWhenTheNextRowDeletesThatAsk() throws IOException {
        // 09:30:02.5: the 100.01 offer is deleted; the ask is 100.03 from then on.
        final Played p = play("twap", OPEN, "34202.5,3,1,300,1000100,-1|1000300,300,999900,300");
        assertEquals(1, p.sent().size(), p.sent().toString());
        final OmsLog.SentChild child = p.sent().get(0);
        assertEquals(34_201, child.second(), "decided by the 09:30:01 timer: " + child);
        assertEquals(100.01, child.limitPrice(), 0.0, "through the touch it was decided on: " + child);
        // Marketable when decided: filled whole at its limit when acknowledged, not left resting inside the spread.
        assertEquals(OrderStatus.FILLED, p.order().status());
        assertEquals(100, p.order().filled());
        assertEquals(1, p.fills());
    }

    @Test
    void aJoinChildQueuesBehindWhatWasDisplayedWhenItArrivedNotBehindOrdersThatCameAfterIt() throws IOException {
        // The child, decided at 09:30:01 at the bid and acknowledged at 09:30:02, stands behind the 300 shown then.
        // 09:30:02.5: 500 more join the bid, behind it. 09:30:03.5: 300 trade at the bid, the queue ahead of it.
        // 09:30:04.5: 100 more trade there, and they are ours.
        final Played p = play("twap/join", OPEN,
                "34202.5,1,2,500,999900,1|1000100,300,999900,800",
                "34203.5,4,3,300,999900,1|1000100,300,999900,500",
                "34204.5,4,2,100,999900,1|1000100,300,999900,400");
        assertEquals(1, p.sent().size(), p.sent().toString());
        assertEquals(99.99, p.sent().get(0).limitPrice(), 0.0, "rests at the bid: " + p.sent());
        assertEquals(OrderStatus.FILLED, p.order().status());
        assertEquals(100, p.order().filled());
        assertEquals(1, p.fills());
    }
}
