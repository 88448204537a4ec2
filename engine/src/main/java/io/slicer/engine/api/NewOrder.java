package io.slicer.engine.api;

import io.slicer.engine.market.Side;

/**
 * A parent order as the OMS hands it over. {@code strategy} is the index returned by the engine for a registered
 * strategy name ({@link SlicerEngine#strategyIndex}). Times are event-time nanoseconds; the order is cut into
 * {@code slices} equal slices between start and end. {@code referenceVolatility} (price units per slice) and
 * {@code expectedVolumePerSlice} (shares) are the OMS's estimates that the features and strategies need;
 * {@code expectedRemainingVolume} is the market volume it expects from the slice the order arrives in (its first,
 * before it starts) to its end, e.g. the sum of an intraday volume curve, NaN when unknown: the engine then
 * extrapolates the per-slice expectation flat. Limit and "I would" prices are NaN when absent; urgency multiplies the strategy's slice sizes
 * (NaN = 1).
 */
public record NewOrder(long orderId, int symbol, Side side, long quantity, long startTime, long endTime, int slices,
                       int strategy, double limitPrice, double wouldPrice, double urgency,
                       double referenceVolatility, double expectedVolumePerSlice, double expectedRemainingVolume) {

    /** An order without an expected remaining volume (the engine extrapolates flat). */
    public NewOrder(final long orderId, final int symbol, final Side side, final long quantity, final long startTime,
                    final long endTime, final int slices, final int strategy, final double limitPrice,
                    final double wouldPrice, final double urgency, final double referenceVolatility,
                    final double expectedVolumePerSlice) {
        this(orderId, symbol, side, quantity, startTime, endTime, slices, strategy, limitPrice, wouldPrice, urgency,
                referenceVolatility, expectedVolumePerSlice, Double.NaN);
    }

    /** A market order (no limit, no I-would price, default urgency, no expected remaining volume). */
    public static NewOrder of(final long orderId, final int symbol, final Side side, final long quantity,
                              final long startTime, final long endTime, final int slices, final int strategy,
                              final double referenceVolatility, final double expectedVolumePerSlice) {
        return of(orderId, symbol, side, quantity, startTime, endTime, slices, strategy, referenceVolatility,
                expectedVolumePerSlice, Double.NaN);
    }

    /** A market order with the market volume expected over its whole life (NaN: unknown). */
    public static NewOrder of(final long orderId, final int symbol, final Side side, final long quantity,
                              final long startTime, final long endTime, final int slices, final int strategy,
                              final double referenceVolatility, final double expectedVolumePerSlice,
                              final double expectedRemainingVolume) {
        return new NewOrder(orderId, symbol, side, quantity, startTime, endTime, slices, strategy, Double.NaN,
                Double.NaN, Double.NaN, referenceVolatility, expectedVolumePerSlice, expectedRemainingVolume);
    }

}
