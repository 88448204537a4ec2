package io.slicer.engine.core;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.order.SliceSizer;

/**
 * The decision's second stage: the child a proposal becomes. Its quantity is the {@link SliceSizer}'s (urgency,
 * I-would, participation cap, what is available, lots and child limits); its limit price is a marketable limit on
 * the instrument's tick:
 * <pre>
 *   buy:  roundUp(ask * (1 + offset)),    never above roundDown(the parent's limit)
 *   sell: roundDown(bid * (1 - offset)),  never below roundUp(the parent's limit)
 * </pre>
 * Rounding away from the mid keeps a marketable child marketable when the touch itself is off tick (a simulated
 * quote); rounding the parent's limit towards the mid keeps every child within it. A touch on tick with no offset
 * is sent as it is, bit for bit. A child that rests (its order's {@link ChildTactic} is passive) is priced by the
 * tactic from the touch in whole ticks ({@link ChildTactic#passiveTicks}), never through the parent's limit; when
 * the book offers no passive price (crossed or locked) it is sent marketable.
 *
 * <p>Allocation-free after construction. Engine thread.
 */
final class ChildSizing {
    private final SliceSizer[] sizers;
    private final double offset;

    ChildSizing(final EngineConfig config) {
        this.sizers = new SliceSizer[config.maxSymbols];
        for (int i = 0; i < sizers.length; i++) {
            sizers[i] = new SliceSizer(config.instrument(i).lotSize(), config.minChild, config.maxChild,
                    config.participationCap);
        }
        this.offset = config.marketableOffsetBps * 1e-4;
    }

    /**
     * The child quantity for {@code proposed} units in slice {@code slice}; {@code strategyCap} the strategy's own
     * participation cap (NaN: none), {@code lastVolume} the market volume since the last boundary.
     */
    long quantity(final ParentOrder o, final SymbolState sym, final int slice, final boolean boundary,
                  final long proposed, final double strategyCap, final double lastVolume) {
        final boolean buy = o.side() == Side.BUY;
        final double touch = buy ? sym.ask() : sym.bid();
        final double would = o.wouldPrice();
        final boolean wouldTriggered = !Double.isNaN(would) && (buy ? touch <= would : touch >= would);
        // Slice 0 has no slice behind it: the OMS's expectation stands in for the volume printed since the last boundary.
        final double volumeEstimate = slice > 0 ? lastVolume : o.expectedVolume();
        // A decision between boundaries (an I-would touch) shares the slice's participation cap with the boundary's.
        final long sentThisSlice = boundary ? 0 : o.filled() - o.sliceClock().filledAtBoundary() + o.inFlight();
        return sizers[o.symbol()].size(proposed, o.urgency(), o.remaining(), slice == o.slices() - 1, wouldTriggered,
                strategyCap, volumeEstimate, sentThisSlice);
    }

    /** The child's limit price on the instrument's tick (see the class comment); {@code rests}: a passive child. */
    double limitPrice(final ParentOrder o, final SymbolState sym, final boolean rests) {
        final Instrument instrument = o.instrument();
        final boolean buy = o.side() == Side.BUY;
        final double passive = rests ? passivePrice(o, sym) : Double.NaN;
        final double marketable = !Double.isNaN(passive) ? passive
                : buy ? instrument.roundUp(sym.ask() * (1 + offset))
                : instrument.roundDown(sym.bid() * (1 - offset));
        final double limit = o.limitOnTick();
        if (Double.isNaN(limit)) {
            return marketable;
        }
        return buy ? Math.min(marketable, limit) : Math.max(marketable, limit);
    }

    /**
     * Where the order's tactic rests a child on the symbol's touch now, on tick; NaN when the book offers no passive
     * price. The touch is rounded to whole ticks away from the mid first, so an off-tick quote never puts a child
     * through it.
     */
    static double passivePrice(final ParentOrder o, final SymbolState sym) {
        final long ticks = o.tactic().passiveTicks(o.side() == Side.BUY ? 1 : -1, sym.bidTicks(), sym.askTicks());
        return ticks == Long.MIN_VALUE ? Double.NaN : o.instrument().price(ticks);
    }
}
