package io.slicer.engine.order;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tactic chooser's 30-second buy/sell window: what enters, what leaves, and a full ring. */
class TradeFlowTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theWindowKeepsTheLastThirtySecondsOfBuyerAndSellerInitiatedVolume() {
        final TradeFlow flow = new TradeFlow(8);
        flow.record(0, 1, 100);
        flow.record(10 * SECOND, -1, 300);
        flow.record(10 * SECOND, -1, 200);
        flow.record(10 * SECOND, 1, 50);
        flow.record(20 * SECOND, 0, 10_000);
        flow.window(30 * SECOND);
        assertEquals(150, flow.buyVolume(), "a print exactly 30 s old is still inside");
        assertEquals(500, flow.sellVolume());
        flow.window(30 * SECOND + 1);
        assertEquals(50, flow.buyVolume(), "older than 30 s: out");
        flow.window(40 * SECOND + 1);
        assertEquals(0, flow.buyVolume());
        assertEquals(0, flow.sellVolume());
        assertEquals(0, flow.dropped());
    }

    @Test
    void aQuietBookDropsNothingEarlyWhenTheWindowIsNotReadForHours() {
        final TradeFlow flow = new TradeFlow(4);
        for (int i = 0; i < 1_000; i++) {
            flow.record(i * 10 * SECOND, i % 2 == 0 ? 1 : -1, 100);
        }
        flow.window(9_990 * SECOND);
        assertEquals(0, flow.dropped(), "each print let go of those 30 s older than itself");
        // 9,960 s (exactly 30 s old) to 9,990 s: the last four prints, two bought and two sold.
        assertEquals(200, flow.buyVolume());
        assertEquals(200, flow.sellVolume());
    }

    @Test
    void aBurstThatFillsTheRingDropsTheOldestPrintsEarlyAndCountsThem() {
        final TradeFlow flow = new TradeFlow(4);
        for (int i = 0; i < 6; i++) {
            flow.record(i, i % 2 == 0 ? 1 : -1, 10 + i);
        }
        flow.window(6);
        // Prints 0 and 1 (10 bought, 11 sold) were dropped to make room.
        assertEquals(12 + 14, flow.buyVolume());
        assertEquals(13 + 15, flow.sellVolume());
        assertEquals(2, flow.dropped());
        flow.clear();
        flow.window(7);
        assertEquals(0, flow.buyVolume() + flow.sellVolume() + flow.dropped());
    }
}
