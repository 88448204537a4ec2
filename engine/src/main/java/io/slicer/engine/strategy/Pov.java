package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.decision.SliceVolumeForecast;

/**
 * Percentage of volume: trade a target fraction rho of the market's realised volume each slice, catch up what the
 * order fell behind rho of the volume realised since it started, raise the rate when needed to finish on the expected
 * volume still to come, and never go above a hard cap. The decision asks for everything that remains with a
 * participation cap, so the fill follows the slice's volume as the market measures it: the simulators apply the cap
 * to the slice's own volume, the live engine to the volume printed over the slice before (the engine cannot know a
 * slice's volume before it happens). The last slice sweeps whatever is left (the simulator and engine guarantee it),
 * so the order completes.
 *
 * <p>Per slice k, with V the market volume realised since the order started ({@link
 * DecisionContext#marketVolumeSinceStart}), E what the order executed, and B the volume the cap will be measured on
 * (the last slice's realised volume; its expectation before the first):
 * <pre>
 *   behind   = rho * V - E                                        shares short of rho of the realised volume
 *   tracking = rho + behind / B, at most the desk's limit and the hard cap (rho when less than a share behind)
 *   rate_k   = min(hardCap, max(tracking, remaining / expected market volume of slices k..N-1))
 * </pre>
 * The catch-up stays within the desk's participation limit ({@link DecisionContext#participationLimit}, when the
 * order has one at or above rho): only the raise to finish may go up to the hard cap, as it always could. Less than
 * a share behind is the rounding of whole-share fills, not a shortfall to catch up.
 * So a volume surprise that the last slice's cap could not follow (the live engine sizes on the slice before) is
 * caught up at the next decision, and so are a partial fill and a child the minimum size held back. Being ahead of
 * rho (after a raise to stay on course to finish) never slows the order below rho. No state between slices:
 * everything it needs is in the context. Allocation-free after construction.
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
        final double behind = rate * ctx.marketVolumeSinceStart() - ctx.executedTotal();
        final double base = k > 0 ? ctx.lastSliceMarketVolume() : ctx.expectedSliceVolume();
        final double catchUpCap = ctx.hasParticipationLimit() && ctx.participationLimit() >= rate
                ? Math.min(hardCap, ctx.participationLimit()) : hardCap;
        final double tracking = behind < 1 ? rate : base > 0 ? Math.min(catchUpCap, rate + behind / base) : catchUpCap;
        out.shares(ctx.remaining());
        out.participationCap(Math.min(hardCap, Math.max(tracking, needed)));
    }
}
