package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;

/**
 * What the OMS's NEW_ORDER and AMEND_ORDER must carry before the engine acts on them. A new order needs a known
 * symbol and strategy, a side, a positive quantity, an end after its start, 1 to {@code maxSlices} slices, a finite
 * non-negative reference volatility and expected volume; optional fields are NaN when not given, otherwise a price is
 * positive and finite, an urgency positive and finite, a volume non-negative and finite. An amend carries only the
 * optional fields, under the same rules, and a quantity that is 0 (unchanged) or positive; whether its quantity and
 * end fit the order is the order's own check ({@code ParentOrder#checkTermsAmend}).
 *
 * <p>Allocation-free. Engine thread.
 */
final class OrderCommandChecks {
    private final MarketState market;
    private final int maxSlices;
    private final int strategies;

    OrderCommandChecks(final MarketState market, final int maxSlices, final int strategies) {
        this.market = market;
        this.maxSlices = maxSlices;
        this.strategies = strategies;
    }

    boolean validNewOrder(final EngineEvent e) {
        return market.known(e.symbol())
                && e.side() != null
                && e.quantity() > 0
                && e.endTime() > e.startTime()
                && e.slices() >= 1 && e.slices() <= maxSlices
                && e.strategy() >= 0 && e.strategy() < strategies
                && Double.isFinite(e.referenceVolatility()) && e.referenceVolatility() >= 0
                && Double.isFinite(e.expectedVolume()) && e.expectedVolume() >= 0
                && optionalVolume(e.expectedRemainingVolume())
                && optionalPrice(e.limitPrice()) && optionalPrice(e.wouldPrice())
                && optionalUrgency(e.urgency());
    }

    static boolean validAmend(final EngineEvent e) {
        return optionalPrice(e.limitPrice())
                && e.quantity() >= 0
                && optionalUrgency(e.urgency())
                && optionalVolume(e.expectedVolume()) && optionalVolume(e.expectedRemainingVolume());
    }

    private static boolean optionalPrice(final double p) {
        return Double.isNaN(p) || (p > 0 && !Double.isInfinite(p));
    }

    private static boolean optionalVolume(final double v) {
        return Double.isNaN(v) || (v >= 0 && !Double.isInfinite(v));
    }

    private static boolean optionalUrgency(final double u) {
        return Double.isNaN(u) || (u > 0 && !Double.isInfinite(u));
    }
}
