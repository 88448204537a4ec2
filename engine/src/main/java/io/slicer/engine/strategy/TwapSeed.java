package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;

/**
 * The seed notebook's {@code execute_twap}, for reproduction only: each slice it wants Q // T shares (the last
 * slice: all that remains), turns that into a fraction of the remaining shares and picks the nearest of the
 * {@link SeedActionMap} fractions. Because the action is a fraction of what remains, this is NOT TWAP: it falls
 * behind and sweeps a large block at the end. Use {@code twap} for an honest TWAP. Like the seed's, it keeps no state
 * beyond the environment's. Allocation-free.
 */
public final class TwapSeed implements SliceStrategy {
    public static final String NAME = "twap-seed";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        final long remaining = ctx.remaining();
        final boolean last = ctx.isLastSlice();
        final int action;
        if (remaining == 0) {
            action = 0;
        } else {
            final long target = last ? remaining : ctx.parentQuantity() / ctx.slices();
            action = SeedActionMap.nearest((double) target / remaining);
        }
        out.shares(SeedActionMap.shares(remaining, action, last)).action(action, SeedActionMap.fraction(action));
    }
}
