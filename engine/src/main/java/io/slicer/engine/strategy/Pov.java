package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.decision.SliceVolumeForecast;

/**
 * Percentage of volume: trade a target fraction rho of the market's realised volume each slice, raised when needed
 * to finish on the expected volume still to come, and never above a hard cap. The decision asks for everything
 * that remains with a participation cap, so the fill follows this slice's volume, which no strategy sees in advance.
 * The last slice sweeps whatever is left (the simulator and engine guarantee it), so the order completes.
 *
 * <p>Per slice k: rate = min(hardCap, max(rho, remaining / expected market volume of slices k..N-1)).
 * No state between slices: everything it needs is in the context. Allocation-free after construction.
 */
public final class Pov implements SliceStrategy {
    public static final String NAME = "pov";
    public static final double DEFAULT_RATE = 0.10;

    private final double rate;
    private final double hardCap;
    /** Expected market volume from each slice to the end: what POV must still participate in. */
    private final SliceVolumeForecast forecast;
    private final String name;

    /**
     * @param rate    target participation rho in (0, 1]
     * @param hardCap largest participation ever asked for, in [rate, 1]
     * @param profile expected market volume per slice
     */
    public Pov(final double rate, final double hardCap, final double[] profile) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("pov: participation rate must be in (0, 1], found " + rate);
        }
        if (!(hardCap >= rate && hardCap <= 1)) {
            throw new IllegalArgumentException("pov: hard cap must be in [rate " + rate + ", 1], found " + hardCap);
        }
        this.rate = rate;
        this.hardCap = hardCap;
        this.forecast = new SliceVolumeForecast(profile);
        this.name = NAME + ":" + rate + ":" + hardCap;
    }

    public double rate() {
        return rate;
    }

    public double hardCap() {
        return hardCap;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        final int k = ctx.slice();
        final double expectedToCome = k < forecast.slices() && ctx.slices() == forecast.slices()
                ? forecast.toCome(k)
                : ctx.expectedSliceVolume() * ctx.slicesLeft();
        final double needed = expectedToCome > 0 ? ctx.remaining() / expectedToCome : hardCap;
        out.shares(ctx.remaining());
        out.participationCap(Math.min(hardCap, Math.max(rate, needed)));
    }
}
