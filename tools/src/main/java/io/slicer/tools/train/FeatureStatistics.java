package io.slicer.tools.train;

import io.slicer.engine.decision.ExecutionFeatures;

/**
 * Running min, max, mean and standard deviation of each raw feature the trainer saw (Welford's algorithm). They become
 * the model's input normalisation ({@code mean}, {@code scale}) and its training domain, which the kill switch
 * checks live inputs against. Allocation-free after construction.
 */
public final class FeatureStatistics {
    /** Below this standard deviation a feature is treated as constant and gets scale 1. */
    private static final double CONSTANT = 1e-9;

    private final int width;
    private final double[] min;
    private final double[] max;
    private final double[] mean;
    private final double[] m2;
    private long count;

    public FeatureStatistics() {
        this(ExecutionFeatures.COUNT);
    }

    public FeatureStatistics(final int width) {
        this.width = width;
        min = new double[width];
        max = new double[width];
        mean = new double[width];
        m2 = new double[width];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    public void add(final double[] x, final int off) {
        count++;
        for (int i = 0; i < width; i++) {
            final double v = x[off + i];
            if (v < min[i]) {
                min[i] = v;
            }
            if (v > max[i]) {
                max[i] = v;
            }
            final double d = v - mean[i];
            mean[i] += d / count;
            m2[i] += d * (v - mean[i]);
        }
    }

    public long count() {
        return count;
    }

    public int width() {
        return width;
    }

    public double min(final int i) {
        return min[i];
    }

    public double max(final int i) {
        return max[i];
    }

    public double mean(final int i) {
        return mean[i];
    }

    public double std(final int i) {
        return count > 1 ? Math.sqrt(m2[i] / (count - 1)) : 0.0;
    }

    /** The normalisation these statistics imply; constant features pass through centred with scale 1. */
    public Normalizer normalizer() {
        if (count == 0) {
            throw new IllegalStateException("no feature vectors seen: cannot derive a normalisation");
        }
        final double[] m = new double[width];
        final double[] s = new double[width];
        for (int i = 0; i < width; i++) {
            m[i] = (float) mean[i];
            final double sd = std(i);
            s[i] = sd > CONSTANT ? (float) sd : 1.0;
        }
        return new Normalizer(m, s);
    }
}
