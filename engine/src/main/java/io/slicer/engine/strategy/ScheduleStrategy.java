package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;

/**
 * A strategy that follows a whole-share schedule fixed at the start of the order. Each slice it asks for what
 * brings its executed total up to the schedule's cumulative target, so a slice it could not fill (a participation
 * cap, a partial fill in the live engine) is caught up in the next one, and with full fills it trades exactly the
 * planned slices. Allocation-free after construction: the plan is kept while orders keep the same size and number
 * of slices (a simulator's episodes), recomputed in place for another size, and reallocated only for another
 * number of slices.
 */
public abstract class ScheduleStrategy implements SliceStrategy {
    private long[] trades;
    private long[] cumulative;
    private long plannedQuantity = -1;

    protected ScheduleStrategy(final int slices) {
        this.trades = new long[slices];
        this.cumulative = new long[slices + 1];
    }

    /**
     * Writes the order's planned trades, one per slice, summing to {@code quantity}, into {@code out}. Must be a
     * pure function of its arguments: the plan is reused while orders keep the same size and number of slices.
     */
    protected abstract void plan(long quantity, int slices, long[] out);

    @Override
    public void begin(final DecisionContext ctx) {
        final int slices = ctx.slices();
        if (trades.length == slices && plannedQuantity == ctx.parentQuantity()) {
            return;
        }
        if (trades.length != slices) {
            trades = new long[slices];
            cumulative = new long[slices + 1];
        }
        plannedQuantity = -1;
        plan(ctx.parentQuantity(), slices, trades);
        long sum = 0;
        cumulative[0] = 0;
        for (int k = 0; k < slices; k++) {
            if (trades[k] < 0) {
                throw new IllegalStateException(name() + ": planned a negative trade " + trades[k] + " in slice " + k);
            }
            sum += trades[k];
            cumulative[k + 1] = sum;
        }
        if (sum != ctx.parentQuantity()) {
            throw new IllegalStateException(name() + ": planned " + sum + " shares, the order is "
                    + ctx.parentQuantity());
        }
        plannedQuantity = ctx.parentQuantity();
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        final int k = Math.min(ctx.slice(), trades.length - 1);
        out.shares(Math.max(0L, Math.min(ctx.remaining(), cumulative[k + 1] - ctx.executedTotal())));
    }

}
