package io.slicer.tools.sim;

/**
 * Expected intraday market volume per slice.
 *
 * <p>US equity volume is U-shaped over the day: heavy at the open, light at lunch, heaviest into the close (Jain and
 * Joh 1988, "The dependence between hourly prices and trading volume", JFQA 23(3); Admati and Pfleiderer 1988,
 * RFS 1(1)). We use the symmetric quadratic
 * <pre>
 *   weight(k) = 1 + c * (2 t_k - 1)^2,   t_k = (k + 1/2) / N   (the middle of slice k as a fraction of the day)
 * </pre>
 * normalised to the day's volume. With c = 2 the first and last 15-minute bars carry about 2.8 times the midday bar,
 * the ratio typical of liquid US stocks' intraday curves (excluding the closing auction print).
 */
public final class VolumeProfile {
    /** Open and close about 2.8x the midday bar. */
    public static final double US_EQUITY_CURVATURE = 2.0;

    private VolumeProfile() {
    }

    /** A U-shaped profile of {@code slices} slices summing to {@code totalVolume}. */
    public static double[] uShape(final int slices, final double totalVolume, final double curvature) {
        final double[] v = new double[slices];
        double sum = 0;
        for (int k = 0; k < slices; k++) {
            final double x = 2.0 * (k + 0.5) / slices - 1.0;
            v[k] = 1.0 + curvature * x * x;
            sum += v[k];
        }
        for (int k = 0; k < slices; k++) {
            v[k] = v[k] / sum * totalVolume;
        }
        return v;
    }

    /** {@code slices} equal slices summing to {@code totalVolume}. */
    public static double[] flat(final int slices, final double totalVolume) {
        final double[] v = new double[slices];
        java.util.Arrays.fill(v, totalVolume / slices);
        return v;
    }
}
