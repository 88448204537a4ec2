package io.slicer.engine.core;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.risk.RiskVerdict;

/**
 * The last gate before a child order leaves, in order: a valid reference price (fail closed: none, no child), the
 * maximum child quantity, a price collar around the reference price, the maximum notional (quantity x price x the
 * instrument's contract multiplier), capacity (the order's unresolved children and the engine's child pool), a
 * duplicate of the order's last child, and the venue's message throttle.
 *
 * <p>Allocation-free. Engine thread.
 */
final class PreTradeChecks {
    private final long maxChildQuantity;
    private final double maxChildNotional;
    private final double collar;
    private final long duplicateWindow;
    private final ChildBook children;
    private final MessageThrottle throttle;

    PreTradeChecks(final EngineConfig config, final ChildBook children, final MessageThrottle throttle) {
        if (config.maxChildQuantity <= 0 || !(config.maxChildNotional > 0) || !(config.priceCollar > 0)) {
            throw new IllegalArgumentException("pre-trade limits must be positive: max child quantity "
                    + config.maxChildQuantity + ", max notional " + config.maxChildNotional + ", collar "
                    + config.priceCollar);
        }
        this.maxChildQuantity = config.maxChildQuantity;
        this.maxChildNotional = config.maxChildNotional;
        this.collar = config.priceCollar;
        this.duplicateWindow = config.duplicateWindowNanos;
        this.children = children;
        this.throttle = throttle;
    }

    /** The verdict on a child of {@code quantity} (> 0) at {@code limitPrice} for order {@code o} at {@code now}. */
    RiskVerdict check(final ParentOrder o, final long quantity, final double limitPrice, final double referencePrice,
                      final long now) {
        if (!(referencePrice > 0) || Double.isInfinite(referencePrice)) {
            return RiskVerdict.NO_REFERENCE_PRICE;
        }
        if (!o.hasChildCapacity() || !children.hasCapacity()) {
            return RiskVerdict.CHILD_CAPACITY;
        }
        if (quantity > maxChildQuantity) {
            return RiskVerdict.MAX_CHILD_QUANTITY;
        }
        if (!(limitPrice > 0) || Double.isInfinite(limitPrice)
                || Math.abs(limitPrice - referencePrice) > collar * referencePrice) {
            return RiskVerdict.PRICE_COLLAR;
        }
        final Instrument instrument = o.instrument();
        if (instrument.notional(quantity, limitPrice) > maxChildNotional) {
            return RiskVerdict.MAX_NOTIONAL;
        }
        if (o.duplicateGuard().isDuplicate(quantity, limitPrice, now, duplicateWindow)) {
            return RiskVerdict.DUPLICATE_CHILD;
        }
        if (!throttle.allows(now)) {
            return RiskVerdict.THROTTLE;
        }
        return RiskVerdict.ACCEPTED;
    }
}
