package io.slicer.tools.train;

/**
 * Input normalisation {@code x' = (x - mean) / scale}, the same the policy kernel applies from a model card's
 * feature specs. Means and scales are float-representable (rounded once in {@link FeatureStatistics}) so training and
 * inference normalise with the same constants. Allocation-free.
 */
public final class Normalizer {
    private final double[] mean;
    private final double[] scale;

    public Normalizer(final double[] mean, final double[] scale) {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " entries, scale " + scale.length);
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
    }

    public int width() {
        return mean.length;
    }

    public double mean(final int i) {
        return mean[i];
    }

    public double scale(final int i) {
        return scale[i];
    }

    /** Normalises {@code width()} values from {@code src[srcOff..]} into {@code dst[dstOff..]}. */
    public void apply(final double[] src, final int srcOff, final double[] dst, final int dstOff) {
        for (int i = 0; i < mean.length; i++) {
            dst[dstOff + i] = (src[srcOff + i] - mean[i]) / scale[i];
        }
    }
}
