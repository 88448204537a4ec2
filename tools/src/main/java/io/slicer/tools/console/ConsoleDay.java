package io.slicer.tools.console;

import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderTerms;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.tools.sim.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A demonstration day for the console: {@code orders} parent orders of a scenario's terms (same symbol, size and
 * window; alternating sides from the scenario's) traded through the engine against a simple simulated market, paced
 * {@code speed} times faster than real time so a person can watch. Each tick (a tenth of a slice) the market quotes a
 * random-walk mid (the scenario's volatility per slice) +/- a one-tick half-spread, prints the scenario's expected
 * volume for the tick, and the timer ticks; the venue fills every child in full at its limit (or the far touch) one
 * millisecond later. The publisher is this thread; the venue reads children only after {@link SlicerEngine#flush()}.
 *
 * <p>A demo, not a simulator: the scenario's own episodes (impact, volume curves) are what {@code slicer run} trades
 * against. Event time is the scenario's session; {@link #now()} is readable from any thread (the console stamps an
 * operator's control with it).
 */
public final class ConsoleDay {
    private static final int TICKS_PER_SLICE = 10;
    private static final long VENUE_LATENCY = 1_000_000L;

    private final OrderTerms terms;
    private final int orders;
    private final double speed;
    private final SplittableRandom random;
    private final Venue venue = new Venue();
    private volatile long now;

    public ConsoleDay(final Scenario scenario, final int orders, final double speed, final long seed) {
        if (orders < 1) {
            throw new IllegalArgumentException("--orders must be at least 1, got " + orders);
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--speed must be positive, got " + speed);
        }
        this.terms = scenario.terms();
        this.orders = orders;
        this.speed = speed;
        this.random = new SplittableRandom(seed);
        this.now = terms.startTime();
    }

    /** The venue the engine sends children to: give it to the engine as its {@link ChildOrderSink}. */
    public ChildOrderSink venue() {
        return venue;
    }

    /** The day's event time now, nanoseconds. */
    public long now() {
        return now;
    }

    public OrderTerms terms() {
        return terms;
    }

    public String symbol() {
        return terms.instrument().symbol();
    }

    /** Order {@code i} (from 1): its side. */
    public Side side(final long orderId) {
        return orderId % 2 == 1 ? terms.side() : terms.side() == Side.BUY ? Side.SELL : Side.BUY;
    }

    /**
     * Sends the orders and trades the day to its end (or until {@code stop} says so), pacing event time at
     * {@code speed} x real time.
     */
    public void play(final SlicerEngine engine, final java.util.function.BooleanSupplier stop)
            throws InterruptedException {
        final int slices = terms.slices();
        final long sliceNanos = (terms.endTime() - terms.startTime()) / slices;
        final long tickNanos = sliceNanos / TICKS_PER_SLICE;
        final double tickSigma = terms.sigmaPerSlice() / Math.sqrt(TICKS_PER_SLICE);
        final double tickSize = terms.instrument().tickSize();
        double mid = terms.arrivalPrice();
        final long start = terms.startTime();
        quote(engine, start, mid, tickSize);
        for (long id = 1; id <= orders; id++) {
            engine.newOrder(start, NewOrder.of(id, 0, side(id), terms.quantity(), start, terms.endTime(), slices, 0,
                    terms.sigmaPerSlice(), terms.expectedVolume(0)));
        }
        final long wallStart = System.nanoTime();
        for (long t = start; t <= terms.endTime() && !stop.getAsBoolean(); t += tickNanos) {
            final long due = wallStart + (long) ((t - start) / speed);
            final long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            now = t;
            mid = Math.max(tickSize, mid + tickSigma * random.nextGaussian());
            quote(engine, t, mid, tickSize);
            final int k = (int) Math.min(slices - 1, (t - start) / sliceNanos);
            final long volume = Math.max(1, Math.round(terms.expectedVolume(k) / TICKS_PER_SLICE * orders));
            engine.trade(t, 0, mid, volume, 0);
            engine.timer(t);
            engine.flush();
            final long reported = t + VENUE_LATENCY;
            // The console stamps an operator's control with now(): advance it before publishing later timestamps, so
            // a control is (almost always) not earlier than what this thread already published.
            now = reported;
            for (final Venue.Child c : venue.take()) {
                engine.childAck(reported, c.parentId(), c.childId());
                final double price = Double.isNaN(c.limitPrice())
                        ? mid + (c.side() == Side.BUY ? tickSize : -tickSize) : c.limitPrice();
                engine.fill(reported, c.parentId(), c.childId(), c.childId(), c.quantity(), price);
            }
        }
    }

    private static void quote(final SlicerEngine engine, final long t, final double mid, final double tick) {
        final double bid = Math.floor(mid / tick) * tick;
        engine.quote(t, 0, bid, bid + tick, 1_000, 1_000);
    }

    /** Collects the engine's children (engine thread) for the day's thread to execute after a flush. */
    private static final class Venue implements ChildOrderSink {
        record Child(long childId, long parentId, Side side, long quantity, double limitPrice) {
        }

        private final List<Child> children = new ArrayList<>();

        @Override
        public synchronized void onNewChild(final long childId, final long parentId, final int symbol,
                                            final Side side, final long quantity, final double limitPrice) {
            children.add(new Child(childId, parentId, side, quantity, limitPrice));
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
            // Children fill in full at once: a cancel finds nothing left to cancel.
        }

        synchronized List<Child> take() {
            final List<Child> out = new ArrayList<>(children);
            children.clear();
            return out;
        }
    }
}
