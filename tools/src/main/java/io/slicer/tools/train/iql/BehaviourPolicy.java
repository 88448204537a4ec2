package io.slicer.tools.train.iql;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.tools.sim.Scenario;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The policies whose logs offline IQL learns from: the desk's classic schedules with noise, so the data covers
 * actions around them. Noise comes from the caller's seeded generator.
 */
public enum BehaviourPolicy {
    /** The even rate remaining / slices left, times (1 + noise * N(0,1)), floored at zero. */
    NOISY_TWAP("noisy-twap"),
    /** Percentage of volume at a rate drawn per episode from [0.5, 2] x the rate that finishes on expected volume. */
    POV("pov"),
    /** The expected-volume profile's share of the order, times (1 + noise * N(0,1)). */
    NOISY_VWAP("noisy-vwap"),
    /**
     * The even rate scaled by the last slice's realised / expected market volume (clamped to [0.25, 3]), times
     * (1 + noise * N(0,1)): a desk's "trade more when the market is busy" schedule. Not in {@link #CLASSIC}.
     */
    VOLUME_FOLLOW("volume-follow");

    /** The default behaviours, in the order their episodes are dealt out. */
    public static final List<BehaviourPolicy> CLASSIC = List.of(NOISY_TWAP, POV, NOISY_VWAP);
    /**
     * Noisy TWAP next to volume-following: logs in which trading more after a busy bar is tried often enough for
     * IQL to learn when it pays (the demo preset's logs).
     */
    public static final List<BehaviourPolicy> ADAPTIVE = List.of(NOISY_TWAP, VOLUME_FOLLOW);

    /** Parses an id such as {@code noisy-twap}; the error lists the known ones. */
    public static BehaviourPolicy of(final String id) {
        for (final BehaviourPolicy b : values()) {
            if (b.id.equals(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown behaviour policy '" + id
                + "', expected one of noisy-twap, pov, noisy-vwap, volume-follow");
    }

    private final String id;

    BehaviourPolicy(final String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Per-episode parameter (POV's rate, around the order's share of {@code expectedTotalVolume}, the scenario's
     * expected market volume over the order); {@code NaN} for the others.
     */
    double beginEpisode(final Scenario scenario, final double expectedTotalVolume, final SplittableRandom rng) {
        if (this != POV) {
            return Double.NaN;
        }
        return scenario.terms().quantity() / expectedTotalVolume * (0.5 + 1.5 * rng.nextDouble());
    }

    void decide(final Scenario scenario, final double[] profileShare, final double rate, final double noise,
                final DecisionContext ctx, final SliceDecision out, final SplittableRandom rng) {
        switch (this) {
            case NOISY_TWAP: {
                final double even = (double) ctx.remaining() / Math.max(1, ctx.slicesLeft());
                out.shares(Math.max(0L, Math.round(even * (1 + noise * rng.nextGaussian()))));
                break;
            }
            case POV:
                out.shares(ctx.remaining()).participationCap(rate * (1 + 0.5 * noise * rng.nextGaussian()));
                break;
            case VOLUME_FOLLOW: {
                final double even = (double) ctx.remaining() / Math.max(1, ctx.slicesLeft());
                final double ratio = ctx.slice() == 0 || ctx.expectedLastSliceVolume() <= 0 ? 1.0
                        : ctx.lastSliceMarketVolume() / ctx.expectedLastSliceVolume();
                final double follow = Math.max(0.25, Math.min(3.0, ratio));
                out.shares(Math.max(0L, Math.round(even * follow * (1 + noise * rng.nextGaussian()))));
                break;
            }
            default: {
                final double target = scenario.terms().quantity() * profileShare[Math.min(ctx.slice(), profileShare.length - 1)];
                out.shares(Math.max(0L, Math.round(target * (1 + noise * rng.nextGaussian()))));
                break;
            }
        }
    }
}
