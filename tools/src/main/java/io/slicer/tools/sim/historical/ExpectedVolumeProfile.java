package io.slicer.tools.sim.historical;

import io.slicer.tools.marketdata.BarSeries;

/**
 * Per-bar expected market volume: the intraday shape of a volume curve, smoothed with a centred moving average of
 * {@value #HALF_WINDOW} bars either side, scaled to the replayed day's total volume.
 *
 * <p>Lookahead caveat: the level (the replayed day's own total) stands in for the average daily volume forecast a
 * desk would have before the open. The shape is lookahead-free only when it comes from another day; a second symbol
 * on the same date still shares that date's market-wide events, so it is less, not none, of a peek.
 */
final class ExpectedVolumeProfile {
    static final int HALF_WINDOW = 2;

    private ExpectedVolumeProfile() {
    }

    /**
     * @param shape bars whose volumes give the shape (the replayed day itself, or another day on the same bar grid)
     * @param level total volume the profile sums to
     */
    static double[] of(final BarSeries shape, final long level) {
        final int n = shape.size();
        final double[] smoothed = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            final int from = Math.max(0, k - HALF_WINDOW);
            final int to = Math.min(n - 1, k + HALF_WINDOW);
            double v = 0;
            for (int j = from; j <= to; j++) {
                v += shape.volume(j);
            }
            smoothed[k] = v / (to - from + 1);
            sum += smoothed[k];
        }
        if (sum <= 0) {
            throw new IllegalArgumentException(shape.label() + ": no traded volume, no volume profile");
        }
        for (int k = 0; k < n; k++) {
            smoothed[k] = smoothed[k] / sum * level;
        }
        return smoothed;
    }
}
