package io.slicer.engine.core;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.order.SliceClock;
import io.slicer.engine.order.TwapYardstick;

/**
 * What the engine records when an order crosses into a new slice, before deciding it: the market volume printed
 * since the last decided boundary (and, with the fills over the same span, the context's last-slice numbers), the
 * {@link TwapBenchmark}'s pricing of the slices now closed, the volatility estimator's update from the mid, the
 * schedule-deviation marks of every boundary passed, and the order's boundary snapshot (time, volume, mid,
 * half-spread) that the next boundary measures from. Also prices the benchmark's last slices at the order's end.
 *
 * <p>Allocation-free. Engine thread.
 */
final class SliceBoundaries {
    private final TwapBenchmark benchmark;
    private final MarketState market;

    SliceBoundaries(final TwapBenchmark benchmark, final MarketState market) {
        this.benchmark = benchmark;
        this.market = market;
    }

    /**
     * Crosses order {@code o} into slice {@code p} at time {@code now}; returns the market volume printed over the
     * slices since the last decided boundary (0 at the order's first).
     */
    double cross(final ParentOrder o, final SymbolState sym, final int p, final long now) {
        final double mid = sym.mid();
        final boolean priced = sym.hasReferencePrice();
        final DecisionContext ctx = o.context();
        final SliceClock clock = o.sliceClock();
        final double lastVolume;
        final int previous = clock.lastDecidedSlice();
        if (previous < 0) {
            clock.volumeAtStart(sym.cumulativeVolume());
            lastVolume = 0;
            if (priced) {
                // Slices the order started too late to see: TWAP traded them at today's market, base impact.
                benchmark.priceSlices(o, p, mid, sym.halfSpread(), 1.0);
            }
        } else {
            lastVolume = sym.cumulativeVolume() - clock.volumeAtBoundary();
            final int elapsed = p - previous;
            final double expected = o.expectedVolumeBefore(p) * elapsed;
            ctx.endSlice(o.filled() - clock.filledAtBoundary(), lastVolume, expected);
            if (clock.midAtBoundary() > 0) {
                benchmark.priceSlices(o, p, clock.midAtBoundary(), clock.halfSpreadAtBoundary(),
                        TwapBenchmark.liquidityMultiplier(expected, lastVolume));
            }
        }
        if (priced) {
            o.volatility().onBoundary(mid, previous < 0 ? 1 : p - previous);
        }
        final TwapYardstick twap = o.yardstick();
        for (int j = Math.max(1, previous + 1); j <= p; j++) {
            twap.addDeviationBoundary(j, o.filled());
        }
        clock.boundary(p, now, sym.cumulativeVolume(), o.filled(), priced ? mid : clock.midAtBoundary(),
                priced ? sym.halfSpread() : clock.halfSpreadAtBoundary());
        return lastVolume;
    }

    /**
     * At the order's end time, prices the benchmark's slices still open (the last one, whose volume is now known),
     * so that a finished order's published TWAP benchmark covers the whole day. False when there was nothing to
     * price.
     */
    boolean completeBenchmark(final ParentOrder o) {
        final SliceClock clock = o.sliceClock();
        if (o.yardstick().slicesCounted() >= o.slices() || !(clock.midAtBoundary() > 0)) {
            return false;
        }
        final int elapsed = o.slices() - clock.lastDecidedSlice();
        final double volume = market.symbol(o.symbol()).cumulativeVolume() - clock.volumeAtBoundary();
        benchmark.priceSlices(o, o.slices(), clock.midAtBoundary(), clock.halfSpreadAtBoundary(),
                TwapBenchmark.liquidityMultiplier(o.expectedVolumeBefore(o.slices()) * elapsed, volume));
        return true;
    }
}
