package io.slicer.engine.sim.historical;

import io.slicer.engine.marketdata.lobster.BarSeries;

/**
 * The volatility a trader could have measured at each bar's start: root mean square of the previous
 * {@value #WINDOW} bars' mid changes (fewer early in the day). Before {@value #MIN_BARS} bars have passed it falls
 * back to the reference volatility.
 */
final class RollingVolatility {
    static final int WINDOW = 12;
    static final int MIN_BARS = 3;

    private RollingVolatility() {
    }

    static double[] of(final BarSeries bars, final double reference) {
        final int n = bars.size();
        final double[] estimate = new double[n];
        for (int k = 0; k < n; k++) {
            final int from = Math.max(0, k - WINDOW);
            final int count = k - from;
            if (count < MIN_BARS) {
                estimate[k] = reference;
                continue;
            }
            double sumSq = 0;
            for (int j = from; j < k; j++) {
                final double dm = bars.midAtEnd(j) - bars.midAtStart(j);
                sumSq += dm * dm;
            }
            estimate[k] = Math.sqrt(sumSq / count);
        }
        return estimate;
    }
}
