package io.slicer.engine.strategy;

import io.slicer.engine.order.TwapYardstick;

/**
 * Time-weighted average price: exact equal slices. Q = N * base + remainder; the first {@code remainder} slices
 * trade one share more, so the slices differ by at most one share and the schedule is deterministic.
 */
public final class Twap extends ScheduleStrategy {
    public static final String NAME = "twap";

    public Twap(final int slices) {
        super(slices);
    }

    /** Writes the TWAP slices of {@code quantity} over {@code slices} into {@code out}. Allocation-free. */
    public static void schedule(final long quantity, final int slices, final long[] out) {
        for (int k = 0; k < slices; k++) {
            out[k] = TwapYardstick.sliceShares(quantity, slices, k);
        }
    }

    public static long[] schedule(final long quantity, final int slices) {
        final long[] out = new long[slices];
        schedule(quantity, slices, out);
        return out;
    }

    @Override
    protected void plan(final long quantity, final int slices, final long[] out) {
        schedule(quantity, slices, out);
    }

    @Override
    public String name() {
        return NAME;
    }
}
