package io.slicer.engine.strategy;

/**
 * Time-weighted average price: exact equal slices. Q = N * base + remainder; the first {@code remainder} periods
 * trade one share more, so the slices differ by at most one share and the schedule is deterministic.
 */
public final class Twap extends ScheduleStrategy {
    public static final String NAME = "twap";

    public Twap(final int periods) {
        super(periods);
    }

    /** Writes the TWAP slices of {@code quantity} over {@code periods} into {@code out}. Allocation-free. */
    public static void schedule(final long quantity, final int periods, final long[] out) {
        final long base = quantity / periods;
        final long remainder = quantity % periods;
        for (int k = 0; k < periods; k++) {
            out[k] = base + (k < remainder ? 1 : 0);
        }
    }

    public static long[] schedule(final long quantity, final int periods) {
        final long[] out = new long[periods];
        schedule(quantity, periods, out);
        return out;
    }

    @Override
    protected void plan(final long quantity, final int periods, final long[] out) {
        schedule(quantity, periods, out);
    }

    @Override
    public String name() {
        return NAME;
    }
}
