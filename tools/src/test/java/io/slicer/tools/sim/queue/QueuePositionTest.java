package io.slicer.tools.sim.queue;

import io.slicer.engine.order.ChildTactic;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterTape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of {@link QueuePosition}, on a hand-written LOBSTER day read through the real reader: a buy child joins
 * the bid of $100.00 (300 shares displayed, ask $100.01) at 09:30:00.100 and is cancelled at 09:30:00.500.
 */
class QueuePositionTest {
    private static final String MESSAGE = "TEST_2012-06-21_34200000_57600000_message_1.csv";
    private static final String ORDERBOOK = "TEST_2012-06-21_34200000_57600000_orderbook_1.csv";
    private static final long BID = 1_000_000;
    private static final long ASK = 1_000_100;
    private static final long START = nanos("34200.100");
    private static final long DEADLINE = nanos("34200.500");
    private static final QueueModel NO_LATENCY = new QueueModel(CancelAttribution.PRO_RATA_MODEL, 0);

    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();
    private final List<String> books = new ArrayList<>();
    private long askSize = 200;
    private long bidSize = 300;
    private long bid = BID;
    private long ask = ASK;

    /** The book before the child: 300 shares bid at $100.00, 200 offered at $100.01. */
    private QueuePositionTest opening() {
        row("34200.000", 1, 1, 300, BID, 1);
        return this;
    }

    private void row(final String time, final int type, final long id, final long size, final long price,
                     final int direction) {
        messages.add(time + "," + type + "," + id + "," + size + "," + price + "," + direction);
        books.add(ask + "," + askSize + "," + bid + "," + bidSize);
    }

    private LobsterTape tape() throws IOException {
        Files.write(dir.resolve(MESSAGE), messages);
        Files.write(dir.resolve(ORDERBOOK), books);
        return LobsterTape.of(LobsterDay.ofMessageFile(dir.resolve(MESSAGE)));
    }

    private PassiveFills work(final QueueModel model, final ChildTactic tactic, final long quantity)
            throws IOException {
        return new QueueReplay(tape(), model, 100).work(1, quantity, tactic, START, DEADLINE);
    }

    private static long nanos(final String seconds) {
        final String[] parts = seconds.split("\\.");
        return Long.parseLong(parts[0]) * 1_000_000_000L + Long.parseLong((parts[1] + "000000000").substring(0, 9));
    }

    @Test
    void joiningTheBidStandsBehindTheDisplayedSizeAndLaterOrdersQueueBehindUs() throws IOException {
        opening();
        bidSize = 500;
        row("34200.200", 1, 2, 200, BID, 1);
        final QueueReplay replay = new QueueReplay(tape(), NO_LATENCY, 100);
        final PassiveFills fills = replay.work(1, 100, ChildTactic.JOIN, START, DEADLINE);
        assertTrue(fills.posted());
        assertEquals(BID, replay.position().priceTicks());
        assertEquals(300, replay.position().ahead());
        assertEquals(200, replay.position().behind());
        assertEquals(0, fills.shares());
        assertEquals(100, fills.leftover());
        assertEquals(100.01, fills.farTouchAtSubmission(), 1e-12);
    }

    @Test
    void executionsAtOurPriceTakeTheQueueAheadFirst() throws IOException {
        opening();
        bidSize = 200;
        row("34200.200", 4, 1, 100, BID, 1);
        bidSize = 50;
        row("34200.300", 4, 1, 150, BID, 1);
        final QueueReplay replay = new QueueReplay(tape(), NO_LATENCY, 100);
        final PassiveFills fills = replay.work(1, 100, ChildTactic.JOIN, START, DEADLINE);
        assertEquals(50, replay.position().ahead());
        assertEquals(0, fills.shares());
        assertEquals(100, fills.leftover());
    }

    @Test
    void cancellationsAtOurPriceReduceTheQueueAheadProRataOrOnlyPastWhatIsBehindWhenRiskAverse()
            throws IOException {
        opening();
        bidSize = 400;
        row("34200.200", 1, 2, 100, BID, 1);
        bidSize = 200;
        row("34200.300", 3, 1, 200, BID, 1);
        final QueueReplay proRata = new QueueReplay(tape(), NO_LATENCY, 100);
        proRata.work(1, 100, ChildTactic.JOIN, START, DEADLINE);
        // 200 cancelled with 300 ahead and 100 behind: 200 * 300 / 400 = 150 from ahead, 50 from behind.
        assertEquals(150, proRata.position().ahead());
        assertEquals(50, proRata.position().behind());

        final QueueReplay riskAverse = new QueueReplay(tape(),
                new QueueModel(CancelAttribution.RISK_AVERSE_MODEL, 0), 100);
        riskAverse.work(1, 100, ChildTactic.JOIN, START, DEADLINE);
        // Cancellations come from behind first: the level holds 200 after it, so at most 200 can be ahead.
        assertEquals(200, riskAverse.position().ahead());
        assertEquals(0, riskAverse.position().behind());

        final QueueReplay power = new QueueReplay(tape(),
                new QueueModel(CancelAttribution.parse("power:2"), 0), 100);
        power.work(1, 100, ChildTactic.JOIN, START, DEADLINE);
        // 200 * 300^2 / (300^2 + 100^2) = 180 from ahead.
        assertEquals(120, power.position().ahead());
    }

    @Test
    void weFillOnlyOnceTheQueueAheadIsGoneAndNeverMoreThanTradedAtOurPrice() throws IOException {
        opening();
        bidSize = 100;
        row("34200.200", 4, 1, 200, BID, 1);
        bidSize = 80;
        row("34200.250", 4, 1, 120, BID, 1);
        final PassiveFills partly = work(NO_LATENCY, ChildTactic.JOIN, 100);
        // 320 traded at our price after we joined, 300 of it ahead of us: 20 reach us, not 100.
        assertEquals(20, partly.shares());
        assertEquals(80, partly.leftover());
        assertEquals(20 * 100.00, partly.notional(), 1e-9);

        bid = 999_900;
        bidSize = 100;
        row("34200.300", 4, 1, 500, BID, 1);
        final PassiveFills full = work(NO_LATENCY, ChildTactic.JOIN, 100);
        assertEquals(100, full.shares());
        assertEquals(0, full.leftover());
    }

    @Test
    void ourCancelLosesTheRaceToAnExecutionStampedBeforeItArrives() throws IOException {
        // A two-tick spread: step bids $100.01, a level of its own with nobody ahead.
        ask = 1_000_200;
        opening();
        row("34200.5005", 4, 1, 30, BID, 1);
        row("34200.502", 4, 1, 40, BID, 1);
        final QueueModel oneMillisecond = new QueueModel(CancelAttribution.PRO_RATA_MODEL, 1_000_000);
        final QueueReplay replay = new QueueReplay(tape(), oneMillisecond, 100);
        final PassiveFills fills = replay.work(1, 100, ChildTactic.STEP, START, DEADLINE);
        assertEquals(1_000_100, replay.position().priceTicks());
        // The seller walking through $100.01 to the bid at 0.5005 s met us first: our cancel, sent at 0.500 s,
        // arrived at 0.501 s. The trade at 0.502 s came after it.
        assertEquals(30, fills.shares());
        assertEquals(30 * 100.01, fills.notional(), 1e-9);
        assertEquals(70, fills.leftover());
        assertEquals(1, fills.crossRow());

        final PassiveFills instant = work(NO_LATENCY, ChildTactic.STEP, 100);
        assertEquals(0, instant.shares());
        assertEquals(100, instant.leftover());
    }

    @Test
    void aPegFollowsTheBidAndLosesItsPlaceWhileAJoinStays() throws IOException {
        opening();
        bid = 1_000_100;
        ask = 1_000_200;
        bidSize = 50;
        row("34200.200", 1, 2, 50, 1_000_100, 1);
        final QueueReplay peg = new QueueReplay(tape(), NO_LATENCY, 100);
        final PassiveFills pegged = peg.work(1, 100, ChildTactic.PEG, START, DEADLINE);
        assertEquals(1_000_100, peg.position().priceTicks());
        assertEquals(50, peg.position().ahead());
        assertEquals(1, pegged.repricings());

        final QueueReplay join = new QueueReplay(tape(), NO_LATENCY, 100);
        join.work(1, 100, ChildTactic.JOIN, START, DEADLINE);
        assertEquals(BID, join.position().priceTicks());
        assertEquals(300, join.position().ahead());
    }

    @Test
    void aNewSellAtOurPriceTradesWithUsInsideTheSpread() throws IOException {
        ask = 1_000_200;
        opening();
        ask = 1_000_100;
        askSize = 60;
        row("34200.200", 1, 3, 60, 1_000_100, -1);
        final PassiveFills fills = work(NO_LATENCY, ChildTactic.STEP, 100);
        assertEquals(60, fills.shares());
        assertEquals(40, fills.leftover());
    }

    @Test
    void crossNeverRestsInTheBook() throws IOException {
        opening();
        final PassiveFills crossed = work(NO_LATENCY, ChildTactic.CROSS, 100);
        assertFalse(crossed.posted());
        assertEquals(100, crossed.leftover());
    }
}
