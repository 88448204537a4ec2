package io.slicer.engine.decision;

/**
 * The market volume an order expects when it decides: the coming slice's, and the total of that slice and every
 * later one. The totals are suffix sums taken once, from the last slice back, so the simulators and the POV schedule
 * see the same doubles. Immutable; allocation-free after construction.
 */
public final class SliceVolumeForecast {
    private final double[] perSlice;
    /** toCome[k] = expected volume of slices k..N-1 (length N + 1, last entry 0). */
    private final double[] toCome;

    /** The forecast of an order of {@code perSlice.length} slices. */
    public SliceVolumeForecast(final double[] perSlice) {
        this.perSlice = perSlice.clone();
        this.toCome = new double[perSlice.length + 1];
        for (int k = perSlice.length - 1; k >= 0; k--) {
            toCome[k] = toCome[k + 1] + perSlice[k];
        }
    }

    /** N, the slices forecast. */
    public int slices() {
        return perSlice.length;
    }

    /** Expected volume of slices {@code k..N-1}, 0 <= k <= N. */
    public double toCome(final int k) {
        return toCome[k];
    }

    /** Expected volume of slice {@code k}, 0 <= k < N. */
    public double slice(final int k) {
        return perSlice[k];
    }

    /** Tells {@code context} what to expect at slice {@code k}'s decision; after the last slice, nothing. */
    public void publish(final DecisionContext context, final int k) {
        context.expectedSliceVolume(k < perSlice.length ? perSlice[k] : 0.0)
                .expectedRemainingVolume(toCome[Math.min(k, perSlice.length)]);
    }
}
