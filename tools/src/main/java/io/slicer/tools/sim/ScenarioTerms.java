package io.slicer.tools.sim;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.MarketImpact;
import io.slicer.engine.order.OrderTerms;

/**
 * Builds a scenario's {@link OrderTerms}. A simulated order trades a nominal session, 09:30 to 16:00 in event-time
 * nanoseconds since midnight, in equal slices: what a scenario day through the engine ({@code ScenarioDay}) sends the
 * engine, so the terms a strategy is made from in the simulator and in the engine agree.
 */
public final class ScenarioTerms {
    public static final long SECOND = 1_000_000_000L;
    /** 09:30 in nanoseconds since midnight. */
    public static final long SESSION_START = 34_200 * SECOND;
    /** A 6.5-hour session. */
    public static final long SESSION_LENGTH = 23_400 * SECOND;

    private ScenarioTerms() {
    }

    /** Nanoseconds of one slice when the session is cut into {@code slices}. */
    public static long sliceNanos(final int slices) {
        return SESSION_LENGTH / slices;
    }

    /** A US equity in cents that the simulator trades in single shares. */
    public static Instrument simulatedEquity(final String symbol) {
        return Instrument.equity(symbol, 0.01, 1, "USD");
    }

    /**
     * Terms of {@code quantity} on {@code side} in {@code slices} slices of the nominal session, with the market inputs
     * a strategy is told: arrival price, volatility per slice, expected volume per slice, the participation limit
     * (NaN for none) and the impact model.
     */
    public static OrderTerms of(final Instrument instrument, final Side side, final long quantity, final int slices,
                                final double arrivalPrice, final double sigmaPerSlice, final double[] profile,
                                final double participationLimit, final MarketImpact impact) {
        return OrderTerms.builder(instrument, side, quantity, slices)
                .times(SESSION_START, SESSION_START + slices * sliceNanos(slices))
                .arrivalPrice(arrivalPrice)
                .sigmaPerSlice(sigmaPerSlice)
                .expectedVolume(profile)
                .participationLimit(participationLimit)
                .impact(impact)
                .build();
    }
}
