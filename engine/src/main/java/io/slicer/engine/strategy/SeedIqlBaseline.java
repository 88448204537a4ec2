package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;

/**
 * The constrained-IQL seed's "TWAP" baseline, for reproducing its claim only ({@code twap-iql-seed}): it turns the
 * even share of what remains into a participation RATE, {@code p = (x / X) / (T - t + 1)} (the seed's behaviour policy
 * without its noise, ../shared/reference/seed-iql-environment.md), and trades {@code p * V_t}. That is a fraction of
 * inventory used as a fraction of market volume, so it is not equal slices: with X = 500 and V = 800 it sells about
 * 26 shares at the start where TWAP sells 16.7, and then fewer and fewer. No per-order state; allocation-free.
 */
public final class SeedIqlBaseline implements SliceStrategy {
    public static final String NAME = "twap-iql-seed";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        final double fraction = (double) ctx.remaining() / Math.max(1, ctx.parentQuantity());
        final double rate = fraction / (ctx.slicesLeft() + 1);
        out.shares(ctx.remaining()).participationCap(rate);
    }
}
