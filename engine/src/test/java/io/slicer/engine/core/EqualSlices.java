package io.slicer.engine.core;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;

/** Test strategy: what remains, spread evenly over the slices left (rounding up). */
final class EqualSlices implements SliceStrategy {
    @Override
    public String name() {
        return "equal-slices";
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        final long left = ctx.slicesLeft();
        out.shares((ctx.remaining() + left - 1) / left);
    }
}
