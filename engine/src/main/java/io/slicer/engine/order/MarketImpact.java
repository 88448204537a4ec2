package io.slicer.engine.order;

/**
 * The linear market-impact model an order is planned with (Almgren and Chriss 2000): permanent impact gamma per unit
 * traded, temporary impact eta per unit of trading rate (units per {@code sliceLength}), half-spread epsilon per
 * unit, the length tau of one slice in the time unit eta is quoted in, and a price drift alpha per time unit.
 * {@code liquidityMultiplier} is the expected factor on eta over the order's first slice: 1 in a market of one
 * liquidity regime, the regime chain's expectation in a regime-switching one, the best a static schedule can assume.
 * Immutable.
 */
public record MarketImpact(double permanent, double temporary, double halfSpread, double sliceLength, double drift,
                           double liquidityMultiplier) {
    public MarketImpact {
        if (!(permanent >= 0) || !(temporary >= 0) || !(halfSpread >= 0) || !(sliceLength > 0)
                || !Double.isFinite(permanent + temporary + halfSpread + sliceLength) || !Double.isFinite(drift)
                || !(liquidityMultiplier > 0) || Double.isInfinite(liquidityMultiplier)) {
            throw new IllegalArgumentException("market impact needs gamma, eta, half-spread >= 0, slice length > 0,"
                    + " a finite drift and a liquidity multiplier > 0; got " + permanent + ", " + temporary + ", "
                    + halfSpread + ", " + sliceLength + ", " + drift + ", " + liquidityMultiplier);
        }
    }

    /** No drift, one liquidity regime. */
    public static MarketImpact of(final double permanent, final double temporary, final double halfSpread,
                                  final double sliceLength) {
        return new MarketImpact(permanent, temporary, halfSpread, sliceLength, 0.0, 1.0);
    }
}
