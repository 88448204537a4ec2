package io.slicer.tools.day;

import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterReader;
import io.slicer.tools.marketdata.lobster.LobsterTestData;
import io.slicer.tools.marketdata.lobster.TickListener;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real LOBSTER day (AMZN, 2012-06-21, level 1) through the real ring: every quote and trade of the session, a timer
 * at every second of exchange time, a TWAP parent order from 10:00 to 15:30 in 22 slices, and a venue that fills
 * each child at the far touch of the moment it sees it. Skipped when the shared data is absent.
 */
class LobsterDayThroughRingTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START = 10 * 3_600 * SECOND;
    private static final long END = START + 5 * 3_600 * SECOND + 1_800 * SECOND;

    /** Queues children on the consumer thread; the replay thread fills them at the touch it last published. */
    private static final class TouchVenue implements ChildOrderSink {
        private final ConcurrentLinkedQueue<long[]> inbox = new ConcurrentLinkedQueue<>();
        long execId = 1;

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            inbox.add(new long[]{childId, parentId, quantity, Double.doubleToLongBits(limitPrice)});
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
        }

        void answer(final SlicerEngine engine, final long t, final double ask) {
            long[] c;
            while ((c = inbox.poll()) != null) {
                engine.childAck(t, c[1], c[0]);
                engine.fill(t, c[1], c[0], execId++, c[2], Math.min(ask, Double.longBitsToDouble(c[3])));
            }
        }
    }

    @Test
    void aTwapOrderOnTheAmznDayFillsCompletelyThroughTheRing() {
        final LobsterDay day = LobsterTestData.amzn();
        final TouchVenue venue = new TouchVenue();
        final OrderProgress progress = new OrderProgress();
        try (SlicerEngine engine = SlicerEngine.builder()
                .strategy("twap")
                .config(c -> c.staleAfterNanos(120 * SECOND).marketableOffsetBps(5))
                .sink(venue)
                .build()) {
            final long[] state = {0, -1};
            final double[] touch = {Double.NaN};
            final long ticks = LobsterReader.replay(day, new TickListener() {
                @Override
                public void onQuote(final long ts, final double bid, final long bidSize, final double ask,
                                    final long askSize) {
                    if (!(bid > 0) || !(ask > 0)) {
                        return;
                    }
                    clock(ts);
                    engine.quote(ts, 0, bid, ask, bidSize, askSize);
                    touch[0] = ask;
                    if (state[0] == 0 && ts >= START - 60 * SECOND) {
                        state[0] = 1;
                        engine.newOrder(ts, NewOrder.of(1, 0, Side.BUY, 60_000, START, END, 22, 0,
                                0.5, 200_000));
                    }
                }

                @Override
                public void onTrade(final long ts, final double price, final long size, final int aggressorSign) {
                    clock(ts);
                    engine.trade(ts, 0, price, size, aggressorSign);
                }

                private void clock(final long ts) {
                    final long second = ts / SECOND;
                    if (second != state[1]) {
                        if (state[1] >= 0) {
                            engine.timer(second * SECOND);
                            engine.flush();
                            venue.answer(engine, second * SECOND, touch[0]);
                        }
                        state[1] = second;
                    }
                }
            });
            engine.flush();
            assertTrue(ticks > 50_000, "a full day of ticks: " + ticks);
            assertTrue(engine.progress(1, progress));
        }
        assertEquals(OrderStatus.FILLED, progress.status(), progress.toString());
        assertEquals(60_000, progress.filled());
        assertTrue(Math.abs(progress.shortfallBps()) < 300, progress.toString());
    }
}
