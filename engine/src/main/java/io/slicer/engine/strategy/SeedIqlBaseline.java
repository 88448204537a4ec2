package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;

/**
 * The constrained-IQL seed's "TWAP" baseline as its notebook ran it ({@code twap-iql-seed}; {@code evaluate_and_plot}
 * in {@code notebooks/Master_Script.ipynb}, restated in ../shared/reference/seed-iql-environment.md): at step t it
 * computes {@code a = x / (T - t)}, the even SHARE COUNT of what remains, and passes it straight in as the
 * participation RATE, which the environment clips to {@code p_max = 0.2}. With x in the hundreds of shares, a is far
 * above 0.2 until the last few shares, so this sells {@code 0.2 * V_t} a step and is done in about four steps: the
 * seed's "TWAP 8.24" is the cost of dumping the order, not of equal slices. At the last step (T - t = 1) the action
 * is x, clipped to 0.2 like any other, and the environment sweeps whatever is left. A negative a cannot occur
 * (x is never negative), so only the upper clip acts. No per-order state; allocation-free.
 */
public final class SeedIqlBaseline implements SliceStrategy {
    public static final String NAME = "twap-iql-seed";

    /** The seed environment's action bound p_max: its actions are clipped to [-0.2, 0.2]. */
    public static final double ACTION_BOUND = 0.2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        // The notebook: a = x / (T - t) if T - t > 0 else x; the environment: p = clip(a, -p_max, p_max).
        final int stepsLeft = ctx.slicesLeft();
        final double action = stepsLeft > 0 ? (double) ctx.remaining() / stepsLeft : ctx.remaining();
        out.shares(ctx.remaining()).participationCap(Math.max(-ACTION_BOUND, Math.min(ACTION_BOUND, action)));
    }
}
