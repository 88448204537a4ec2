package io.slicer.tools.day;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.journal.JournaledEngine;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterReader;
import io.slicer.tools.marketdata.lobster.TickListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Plays a historical LOBSTER day into a {@link JournaledEngine}: every top-of-book change as a quote, every execution
 * as a trade, a timer each second, and one parent order submitted at the first two-sided quote and sliced into
 * five-minute slices. The venue acknowledges each child one second after it was decided and fills it completely at
 * its limit price (a simplification: queue position and partial fills are not modelled). Like {@link SimulatedDay},
 * the venue's answers derive from the {@link OmsLog}, so a recovered engine resumes at the input the journal ended on.
 * Rows the reader passes as well-formed but implausible (out of time order, a crossed book, a price jump) reach the
 * engine as they are; its market-data check refuses them and halts the order with a journaled reason.
 * The day's transaction costs are kept by a {@link RecordedDayTca} fed the same tape and fills ({@link #tca()}).
 */
public final class LobsterDayDriver {
    private static final long SLICE_SECONDS = 300;
    private static final long ORDER_ID = 1;

    private final LobsterDay day;
    private final Side side;
    private final long quantity;
    private final int slices;
    private RecordedDayTca tca;

    public LobsterDayDriver(final LobsterDay day, final Side side, final long quantity, final int slices) {
        if (quantity <= 0 || slices <= 0) {
            throw new IllegalArgumentException("LOBSTER order needs quantity > 0 and slices > 0, got " + quantity
                    + " and " + slices);
        }
        this.day = day;
        this.side = side;
        this.quantity = quantity;
        this.slices = slices;
    }

    public LobsterDay day() {
        return day;
    }

    /** The id of the one parent order the driver submits. */
    public static long orderId() {
        return ORDER_ID;
    }

    /**
     * The order's costs as {@code run --scenario} and {@code evaluate} report them (IS, split, VWAP slippage,
     * participation) and its fill count, after {@link #play}; null when no two-sided quote ever came, so no order.
     */
    public RecordedDayTca tca() {
        return tca;
    }

    public void play(final JournaledEngine engine, final OmsLog oms) {
        tca = null;
        final long skip = engine.core().sequence();
        final EngineEvent event = new EngineEvent();
        final long[] generated = {0};
        final Feed feed = new Feed(event, e -> {
            if (generated[0]++ >= skip) {
                engine.onEvent(e);
            }
        }, oms);
        LobsterReader.replay(day, feed);
        feed.finish();
    }

    private final class Feed implements TickListener {
        private final EngineEvent event;
        private final java.util.function.Consumer<EngineEvent> out;
        private final OmsLog oms;
        private long second = Long.MIN_VALUE;
        private boolean submitted;

        Feed(final EngineEvent event, final java.util.function.Consumer<EngineEvent> out, final OmsLog oms) {
            this.event = event;
            this.out = out;
            this.oms = oms;
        }

        private void advance(final long tsNanos) {
            final long s = tsNanos / SimulatedDay.SECOND;
            if (second == Long.MIN_VALUE) {
                second = s;
                return;
            }
            while (second < s) {
                second++;
                final long ts = second * SimulatedDay.SECOND;
                final List<OmsLog.SentChild> due = new ArrayList<>();
                for (final OmsLog.SentChild c : oms.sent().values()) {
                    if (c.second() == second - 1) {
                        due.add(c);
                    }
                }
                if (tca != null) {
                    tca.time(ts);
                }
                for (final OmsLog.SentChild c : due) {
                    if (tca != null && c.parentId() == ORDER_ID) {
                        tca.fill(c.second() * SimulatedDay.SECOND, c.quantity(), c.limitPrice());
                    }
                    out.accept(event.childAck(ts, c.parentId(), c.childId()));
                    out.accept(event.fill(ts, c.parentId(), c.childId(), 2 * c.childId(), c.quantity(),
                            c.limitPrice()));
                }
                oms.second(second);
                out.accept(event.timer(ts));
            }
        }

        @Override
        public void onQuote(final long tsNanos, final double bid, final long bidSize, final double ask,
                            final long askSize) {
            // An empty book side (NaN) is LOBSTER's normal way of saying "no quote", not bad data. Everything else,
            // crossed, out of order or far from the last price, goes to the engine, whose market-data check halts
            // the order on it and journals why: the driver does not filter what a live feed would deliver.
            if (Double.isNaN(bid) || Double.isNaN(ask)) {
                return;
            }
            advance(tsNanos);
            out.accept(event.quote(tsNanos, 0, bid, ask, bidSize, askSize));
            if (tca != null && bid <= ask) {
                // A crossed book is the engine's to refuse; the cost accounting keeps the last sound mid.
                tca.quote(tsNanos, bid, ask);
            }
            if (!submitted) {
                submitted = true;
                final long start = (tsNanos / SimulatedDay.SECOND + 1) * SimulatedDay.SECOND;
                tca = new RecordedDayTca(side, quantity, start, slices, SLICE_SECONDS * SimulatedDay.SECOND);
                tca.quote(tsNanos, bid, ask);
                tca.arrival();
                // No intraday volume curve for this replayed day (NaN): the engine extrapolates 10,000 flat.
                out.accept(event.newOrder(tsNanos, ORDER_ID, 0, side, quantity, start,
                        start + slices * SLICE_SECONDS * SimulatedDay.SECOND, slices, 0, Double.NaN, Double.NaN,
                        Double.NaN, 0.35, 10_000, Double.NaN));
            }
        }

        @Override
        public void onTrade(final long tsNanos, final double price, final long size, final int aggressorSign) {
            advance(tsNanos);
            out.accept(event.trade(tsNanos, 0, price, size));
            if (tca != null) {
                tca.trade(tsNanos, price, size);
            }
        }

        void finish() {
            advance((second + 2) * SimulatedDay.SECOND);
        }
    }
}
