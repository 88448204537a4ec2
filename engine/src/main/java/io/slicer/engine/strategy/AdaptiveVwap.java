package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;

/**
 * VWAP that tracks the market's realised volume, {@code vwap:adaptive}: its schedule is re-cut at every slice so the
 * share of the order done follows the share of the day's volume done, with the day's volume re-estimated from what
 * has printed. The static {@link Vwap} fixes its cumulative targets from the expected profile at the start; when the
 * volume comes early it falls behind the market, when late it runs ahead of it.
 *
 * <p>The rule, per slice k: the volume realised since the order started, V ({@link
 * DecisionContext#marketVolumeSinceStart}), replaces the expected volume of the slices passed, and the slices to come
 * keep their expectation (R_k for slices k..N-1, r_k for slice k alone: {@link DecisionContext#expectedRemainingVolume}
 * and {@link DecisionContext#expectedSliceVolume}). The cumulative target after slice k is
 * <pre>
 *   target_k = floor(Q * (V + r_k) / (V + R_k))       and the slice asks for target_k - executed (at least 0)
 * </pre>
 * When every slice prints its expectation this is the static VWAP's {@code floor(Q * C_{k+1} / C_N)}
 * (up to the rounding of the doubles); volume that
 * came early raises the share done, volume that came late lowers it, and the last slice's target is Q. Without an
 * expectation of the volume to come (an engine order whose OMS sent none) the rule has nothing to re-scale and the
 * slice falls back to the static profile's target. No participation cap of its own. No state between slices beyond
 * the static plan; allocation-free after construction.
 */
public final class AdaptiveVwap implements SliceStrategy {
    public static final String SPEC = Vwap.NAME + ":adaptive";

    /** The static schedule, used when the order has no expectation of the volume to come. */
    private final Vwap fallback;

    /** @param profile expected market volume per slice (any scale), for the static fallback */
    public AdaptiveVwap(final double[] profile) {
        this.fallback = new Vwap(profile);
    }

    @Override
    public String name() {
        return SPEC;
    }

    @Override
    public void begin(final DecisionContext ctx) {
        fallback.begin(ctx);
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        final double toCome = ctx.expectedRemainingVolume();
        final double thisSlice = ctx.expectedSliceVolume();
        if (!(toCome > 0) || !(thisSlice >= 0) || ctx.isLastSlice()) {
            fallback.decide(ctx, out);
            return;
        }
        final double realised = Math.max(0.0, ctx.marketVolumeSinceStart());
        final double share = Math.min(1.0, (realised + Math.min(thisSlice, toCome)) / (realised + toCome));
        final long target = (long) Math.floor(ctx.parentQuantity() * share);
        out.shares(Math.max(0L, Math.min(ctx.remaining(), target - ctx.executedTotal())));
    }
}
