package io.slicer.engine.core;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.order.SliceClock;

/**
 * What a TIMER event does to each order, visited in entry order: at or after the order's end it expires (working
 * children cancelled, the TWAP benchmark completed); with market data older than {@code staleAfterNanos} it is
 * halted (the kill switch's stale-data trigger); the first timer at or after a slice boundary crosses the boundary
 * ({@link SliceBoundaries}, after cancelling what the last slice left working when {@code cancelAtSliceEnd}) and
 * decides the slice; in the last slice every timer with nothing in flight sweeps what remains; in any slice, a timer
 * with nothing in flight while the far touch is at or through the order's I-would price takes what is available,
 * within what the participation cap leaves of the slice (once that is nothing, not again until a fill, an amend or
 * the next boundary). An order whose children rest (a passive
 * {@link ChildTactic}) is worked by {@link #workTactic} between boundaries instead, and its resting child is always
 * cancelled at the next boundary. A slice skipped by the timer is never decided: the next
 * decision sees the volume and fills of the whole gap.
 *
 * <p>Allocation-free. Engine thread.
 */
final class SliceTimer {
    private final long staleAfter;
    private final boolean cancelAtSliceEnd;
    private final OrderBook book;
    private final EngineClock clock;
    private final MarketState market;
    private final OrderLifecycle lifecycle;
    private final KillSwitch killSwitch;
    private final SliceBoundaries boundaries;
    private final DecisionPipeline pipeline;

    SliceTimer(final CoreContext ctx, final DecisionPipeline pipeline) {
        this.staleAfter = ctx.config.staleAfterNanos;
        this.cancelAtSliceEnd = ctx.config.cancelAtSliceEnd;
        this.book = ctx.book;
        this.clock = ctx.outbox.clock();
        this.market = ctx.market;
        this.lifecycle = ctx.lifecycle;
        this.killSwitch = ctx.killSwitch;
        this.boundaries = new SliceBoundaries(ctx.benchmark, ctx.market);
        this.pipeline = pipeline;
    }

    void onTimer() {
        final long now = clock.now();
        for (int i = 0; i < book.size(); i++) {
            final ParentOrder o = book.at(i);
            if (o.isOpen()) {
                onTimer(o, now);
            } else if (o.status() == OrderStatus.FILLED && now >= o.endTime()) {
                completeBenchmark(o);
            }
        }
    }

    /** Completes a finished order's TWAP benchmark and publishes it. */
    private void completeBenchmark(final ParentOrder o) {
        if (boundaries.completeBenchmark(o)) {
            lifecycle.publish(o);
        }
    }

    private void onTimer(final ParentOrder o, final long now) {
        final SliceClock clock = o.sliceClock();
        final int p = clock.sliceAt(now);
        if (p < 0) {
            return;
        }
        if (p >= o.slices()) {
            completeBenchmark(o);
            lifecycle.cancelWorking(o, CancelReason.ORDER_EXPIRED, null);
            lifecycle.finish(o, OrderStatus.EXPIRED);
            lifecycle.publish(o);
            return;
        }
        final SymbolState sym = market.symbol(o.symbol());
        final long age = sym.lastUpdate() == Long.MIN_VALUE ? Long.MAX_VALUE : now - sym.lastUpdate();
        if (age > staleAfter) {
            killSwitch.staleMarketData(o, age == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : age);
            return;
        }
        if (p > clock.lastDecidedSlice()) {
            if (cancelAtSliceEnd || o.tactic().passive()) {
                lifecycle.cancelWorking(o, CancelReason.SLICE_END, null);
            }
            final double lastVolume = boundaries.cross(o, sym, p, now);
            pipeline.decide(o, sym, p, true, lastVolume);
        } else if (o.tactic().passive()) {
            workTactic(o, sym, p, now);
        } else if (o.inFlight() == 0 && o.remaining() > 0 && clock.lastDecisionTime() < now
                && !clock.sizedNothingAt(o.filled()) && (p == o.slices() - 1 || wouldTouched(o, sym))) {
            final double lastVolume = o.context().lastSliceMarketVolume();
            clock.decidedAgain(now);
            pipeline.decide(o, sym, p, false, lastVolume);
        }
    }

    /**
     * A passive child between boundaries: at the deadline ({@link ChildTactic#DEADLINE_FRACTION} of the slice) the
     * resting child is cancelled and, once the venue has confirmed, what it left is crossed; before it, a peg whose
     * price has moved is cancelled and, once confirmed, sent again at the new price. One decision per timer, none
     * while a child is in flight, and each decision is journaled like any other.
     */
    private void workTactic(final ParentOrder o, final SymbolState sym, final int p, final long now) {
        final SliceClock clock = o.sliceClock();
        final boolean due = now >= clock.timeInSlice(p, ChildTactic.DEADLINE_FRACTION);
        if (o.inFlight() > 0) {
            if (due) {
                lifecycle.cancelWorking(o, CancelReason.TACTIC_DEADLINE, null);
            } else if (o.tactic().reprices() && sym.hasReferencePrice() && moved(o, sym)) {
                lifecycle.cancelWorking(o, CancelReason.PEG_REPRICE, null);
            }
            return;
        }
        final boolean shortfall = o.sliceShortfall() > 0;
        if (o.remaining() == 0 || clock.lastDecisionTime() >= now || (!shortfall && p < o.slices() - 1)) {
            return;
        }
        clock.decidedAgain(now);
        // The slice's shortfall is the tactic's to work (rest again, or cross after the deadline); with none left
        // but units remaining in the last slice, the order sweeps them as every order does.
        o.tacticDecision(shortfall, due);
        pipeline.decide(o, sym, p, false, o.context().lastSliceMarketVolume());
        o.tacticDecision(false, false);
    }

    /** A working child of the order no longer rests where its tactic would put it now. */
    private static boolean moved(final ParentOrder o, final SymbolState sym) {
        final double price = ChildSizing.passivePrice(o, sym);
        for (int i = 0; i < o.liveChildCount(); i++) {
            if (o.liveChild(i).cancellable() && o.liveChild(i).limitPrice() != price) {
                return true;
            }
        }
        return false;
    }

    /**
     * The far touch is at or through the order's I-would price. Checked at every timer, not only at slice
     * boundaries, so an opportunity inside a slice is taken at the next tick (the OMS sets how often it ticks)
     * rather than at the next boundary; nothing is sent while a child is still working.
     */
    private static boolean wouldTouched(final ParentOrder o, final SymbolState sym) {
        final double would = o.wouldPrice();
        if (Double.isNaN(would) || !sym.hasReferencePrice()) {
            return false;
        }
        return o.side() == Side.BUY ? sym.ask() <= would : sym.bid() >= would;
    }
}
