package io.slicer.tools.sim.historical;

import io.slicer.engine.market.Side;

/**
 * How a LOBSTER day becomes a family of parent orders.
 *
 * @param sliceSeconds          decision slice (bar) length, seconds
 * @param slices                decision slices N per parent order
 * @param side                   side of every parent order
 * @param quantity               parent quantity Q in shares; 0 = {@code targetParticipation} of the mean market
 *                               volume over N bars, rounded to 100-share lots
 * @param targetParticipation    participation that sizes an automatic Q (e.g. 0.05 = 5% of horizon volume)
 * @param startStride            bars between the start times of consecutive episodes
 * @param participationCap       desk participation cap recorded by the result (fraction), NaN for none
 * @param referenceParticipation participation rate at which the linear temporary impact matches the 3/5-power law
 * @param impact                 whether temporary impact depends on our rate alone or on our share of the bar's volume
 */
public record HistoricalParams(int sliceSeconds, int slices, Side side, long quantity, double targetParticipation,
                               int startStride, double participationCap, double referenceParticipation,
                               HistoricalImpact impact) {
    public static final int DEFAULT_SLICE_SECONDS = 300;
    public static final int DEFAULT_SLICES = 12;
    public static final double DEFAULT_TARGET_PARTICIPATION = 0.05;
    public static final double DEFAULT_REFERENCE_PARTICIPATION = 0.10;

    public HistoricalParams {
        if (sliceSeconds <= 0) {
            throw new IllegalArgumentException("slice length must be positive, found " + sliceSeconds + " s");
        }
        if (slices <= 0) {
            throw new IllegalArgumentException("slices must be positive, found " + slices);
        }
        if (side == null) {
            throw new IllegalArgumentException("side is required");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must be >= 0 (0 = automatic), found " + quantity);
        }
        if (!(targetParticipation > 0 && targetParticipation < 1)) {
            throw new IllegalArgumentException("target participation must be in (0, 1), found " + targetParticipation);
        }
        if (startStride <= 0) {
            throw new IllegalArgumentException("start stride must be positive, found " + startStride + " bars");
        }
        if (!Double.isNaN(participationCap) && !(participationCap > 0 && participationCap <= 1)) {
            throw new IllegalArgumentException("participation cap must be in (0, 1] or NaN, found " + participationCap);
        }
        if (!(referenceParticipation > 0 && referenceParticipation < 1)) {
            throw new IllegalArgumentException("reference participation must be in (0, 1), found "
                    + referenceParticipation);
        }
        if (impact == null) {
            throw new IllegalArgumentException("impact model is required");
        }
    }

    /**
     * 5-minute slices, 12 per order (one hour), buy, Q = 5% of horizon volume, a new order every bar, no cap,
     * impact linear in our rate.
     */
    public static HistoricalParams defaults() {
        return new HistoricalParams(DEFAULT_SLICE_SECONDS, DEFAULT_SLICES, Side.BUY, 0,
                DEFAULT_TARGET_PARTICIPATION, 1, Double.NaN, DEFAULT_REFERENCE_PARTICIPATION, HistoricalImpact.RATE);
    }

    public HistoricalParams withSlices(final int sliceSeconds, final int slices) {
        return new HistoricalParams(sliceSeconds, slices, side, quantity, targetParticipation, startStride,
                participationCap, referenceParticipation, impact);
    }

    public HistoricalParams withOrder(final Side side, final long quantity) {
        return new HistoricalParams(sliceSeconds, slices, side, quantity, targetParticipation, startStride,
                participationCap, referenceParticipation, impact);
    }

    public HistoricalParams withStartStride(final int startStride) {
        return new HistoricalParams(sliceSeconds, slices, side, quantity, targetParticipation, startStride,
                participationCap, referenceParticipation, impact);
    }

    public HistoricalParams withImpact(final HistoricalImpact impact) {
        return new HistoricalParams(sliceSeconds, slices, side, quantity, targetParticipation, startStride,
                participationCap, referenceParticipation, impact);
    }
}
