package io.slicer.tools.day;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.journal.JournaledEngine;
import io.slicer.tools.marketdata.lobster.LobsterBook;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterFormat;
import io.slicer.tools.marketdata.lobster.LobsterMessage;
import io.slicer.tools.marketdata.lobster.LobsterReader;
import io.slicer.tools.sim.queue.CancelAttribution;
import io.slicer.tools.sim.queue.QueuePosition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Plays a historical LOBSTER day into a {@link JournaledEngine}: every top-of-book change as a quote, every execution
 * as a trade, a timer each second, and one parent order submitted at the first two-sided quote and sliced into
 * five-minute slices. The venue acknowledges each child one second after it was decided. A child that was marketable
 * when it was decided (a buy's limit at or above the ask) fills completely at its limit price then (a
 * simplification: the touch's depth is not checked). "When it was decided" is the book the engine decided on: a
 * timer fires only once a row of a later second arrives, and the reader hands that row over with its book already
 * applied, so the driver runs the seconds before a row (timers, what they decided, acknowledgements, queue joins,
 * cancels) before the row moves its own copy of the touch ({@code LobsterDayVenueClockTest}). A child that rested when it was decided (a passive
 * {@link io.slicer.engine.order.ChildTactic}: {@code twap/join}) joins the day's queue at its price when acknowledged
 * and fills, message by message, by the rules of {@link QueuePosition} (pro-rata cancellations); a cancel is
 * confirmed one second after it was decided, with what the child had filled by then, so an execution that races it
 * still fills. Like {@link SimulatedDay}, the venue's answers derive from the {@link OmsLog}, so a recovered engine
 * resumes at the input the journal ended on. Rows the reader passes as well-formed but implausible (out of time
 * order, a crossed book, a price jump) reach the engine as they are; its market-data check refuses them and halts the
 * order with a journaled reason.
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
        try (LobsterReader reader = LobsterReader.open(day)) {
            feed.replay(reader);
        }
        feed.finish();
    }

    /** A child at the venue: marketable when decided, or resting in the queue once acknowledged. */
    private static final class VenueChild {
        final OmsLog.SentChild sent;
        final boolean marketable;
        final QueuePosition queue = new QueuePosition();
        boolean resting;
        long filled;
        int fills;

        VenueChild(final OmsLog.SentChild sent, final boolean marketable) {
            this.sent = sent;
            this.marketable = marketable;
        }
    }

    private final class Feed {
        private final EngineEvent event;
        private final Consumer<EngineEvent> out;
        private final OmsLog oms;
        private final Map<Long, VenueChild> venue = new TreeMap<>();
        private long second = Long.MIN_VALUE;
        private boolean submitted;
        private long askTicks = LobsterFormat.EMPTY_ASK;
        private long askSize;
        private long bidTicks = LobsterFormat.EMPTY_BID;
        private long bidSize;

        Feed(final EngineEvent event, final Consumer<EngineEvent> out, final OmsLog oms) {
            this.event = event;
            this.out = out;
            this.oms = oms;
        }

        /**
         * Each row: first the seconds that passed before it (timers, acknowledgements, cancels, and whether what a
         * timer decided is marketable, all judged on the book as it stood before this row), then the trade (an
         * execution), then what it did to our resting children, then the top of book when it changed (as
         * {@link LobsterReader#replayRemaining} reports them). The reader's book is already this row's, so the driver
         * keeps its own copy of the touch and moves it only after the clock has caught up with the row.
         */
        void replay(final LobsterReader reader) {
            final LobsterMessage m = reader.message();
            final LobsterBook b = reader.book();
            while (reader.next()) {
                advance(m.timeNanos());
                if (m.isExecution()) {
                    out.accept(event.trade(m.timeNanos(), 0, m.price(), m.size(), m.aggressorSign()));
                    if (tca != null) {
                        tca.trade(m.timeNanos(), m.price(), m.size());
                    }
                }
                rest(m);
                final boolean changed = b.askTicks() != askTicks || b.askSize() != askSize
                        || b.bidTicks() != bidTicks || b.bidSize() != bidSize;
                askTicks = b.askTicks();
                askSize = b.askSize();
                bidTicks = b.bidTicks();
                bidSize = b.bidSize();
                if (changed) {
                    onQuote(m.timeNanos(), b.bid(), b.bidSize(), b.ask(), b.askSize());
                }
            }
        }

        /** The message moves every resting child's queue; what reaches a child fills it at its price. */
        private void rest(final LobsterMessage m) {
            for (final VenueChild c : venue.values()) {
                if (!c.resting) {
                    continue;
                }
                final long qty = c.queue.onMessage(m.type(), m.direction(), m.priceTicks(), m.size());
                if (qty > 0) {
                    c.filled += qty;
                    c.fills++;
                    if (tca != null && c.sent.parentId() == ORDER_ID) {
                        tca.fill(m.timeNanos(), qty, c.sent.limitPrice());
                    }
                    out.accept(event.fill(m.timeNanos(), c.sent.parentId(), c.sent.childId(),
                            c.sent.childId() * 1_000 + c.fills, qty, c.sent.limitPrice()));
                    c.resting = c.queue.leaves() > 0;
                }
            }
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
                final List<VenueChild> due = new ArrayList<>();
                for (final VenueChild c : venue.values()) {
                    if (c.sent.second() == second - 1) {
                        due.add(c);
                    }
                }
                if (tca != null) {
                    tca.time(ts);
                }
                for (final VenueChild c : due) {
                    final OmsLog.SentChild sent = c.sent;
                    out.accept(event.childAck(ts, sent.parentId(), sent.childId()));
                    if (c.marketable) {
                        c.filled = sent.quantity();
                        if (tca != null && sent.parentId() == ORDER_ID) {
                            tca.fill(sent.second() * SimulatedDay.SECOND, sent.quantity(), sent.limitPrice());
                        }
                        out.accept(event.fill(ts, sent.parentId(), sent.childId(), 2 * sent.childId(),
                                sent.quantity(), sent.limitPrice()));
                    } else {
                        final long price = Math.round(sent.limitPrice() * LobsterFormat.PRICE_SCALE);
                        final int sign = sent.side().sign();
                        final long shown = sign > 0 ? (price == bidTicks ? bidSize : 0)
                                : (price == askTicks ? askSize : 0);
                        c.queue.join(sign, price, shown, sent.quantity(), CancelAttribution.PRO_RATA_MODEL);
                        c.resting = true;
                    }
                }
                for (final Map.Entry<Long, Long> cancel : oms.cancels().entrySet()) {
                    final VenueChild c = venue.get(cancel.getKey());
                    if (cancel.getValue() == second - 1 && c != null && c.resting) {
                        c.resting = false;
                        c.queue.cancel();
                        out.accept(event.childCancelled(ts, c.sent.parentId(), c.sent.childId(), c.filled));
                    }
                }
                oms.second(second);
                out.accept(event.timer(ts));
                // What the timer decided reaches the venue next second; whether it would rest is read off the book
                // it was decided on.
                for (final OmsLog.SentChild c : oms.sent().values()) {
                    if (c.second() == second && !venue.containsKey(c.childId())) {
                        final boolean marketable = c.side() == Side.BUY
                                ? bidTicks != LobsterFormat.EMPTY_BID && askTicks != LobsterFormat.EMPTY_ASK
                                        && Math.round(c.limitPrice() * LobsterFormat.PRICE_SCALE) >= askTicks
                                : askTicks != LobsterFormat.EMPTY_ASK && bidTicks != LobsterFormat.EMPTY_BID
                                        && Math.round(c.limitPrice() * LobsterFormat.PRICE_SCALE) <= bidTicks;
                        venue.put(c.childId(), new VenueChild(c, marketable));
                    }
                }
            }
        }

        void onQuote(final long tsNanos, final double bid, final long bidSize, final double ask,
                     final long askSize) {
            // An empty book side (NaN) is LOBSTER's normal way of saying "no quote", not bad data. Everything else,
            // crossed, out of order or far from the last price, goes to the engine, whose market-data check halts
            // the order on it and journals why: the driver does not filter what a live feed would deliver.
            if (Double.isNaN(bid) || Double.isNaN(ask)) {
                return;
            }
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

        void finish() {
            advance((second + 2) * SimulatedDay.SECOND);
        }
    }
}
