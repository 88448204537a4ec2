package io.slicer.engine.risk;

import java.util.Arrays;

/**
 * The feature ranges a learned policy was trained on (mean and standard deviation per feature, from its model card).
 * A live feature more than {@code k} standard deviations from the training mean means the policy is extrapolating:
 * the kill switch halts the order. Schedules have no training domain.
 *
 * <p>Immutable; {@link #firstViolation} is allocation-free.
 */
public final class TrainingDomain {
    private final double[] mean;
    private final double[] std;
    private final double sigmas;

    public TrainingDomain(final double[] mean, final double[] std, final double sigmas) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("training domain: " + mean.length + " means but " + std.length
                    + " standard deviations");
        }
        if (!(sigmas > 0)) {
            throw new IllegalArgumentException("training domain width must be > 0 sigma, got " + sigmas);
        }
        for (int i = 0; i < std.length; i++) {
            if (!Double.isFinite(mean[i]) || !(std[i] >= 0) || Double.isInfinite(std[i])) {
                throw new IllegalArgumentException("training domain feature " + i + ": mean " + mean[i] + ", std "
                        + std[i] + "; expected finite mean and std >= 0");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
        this.sigmas = sigmas;
    }

    /**
     * Index of the first feature outside mean +- k*std (a NaN feature is outside), or -1. A feature with std 0 was
     * constant in training and is held to that constant (within 1e-9).
     */
    public int firstViolation(final float[] features) {
        for (int i = 0; i < mean.length; i++) {
            final double x = features[i];
            if (Double.isNaN(x)) {
                return i;
            }
            final double tolerance = std[i] > 0 ? sigmas * std[i] : 1e-9;
            if (Math.abs(x - mean[i]) > tolerance) {
                return i;
            }
        }
        return -1;
    }

    /** (x - mean) / std of feature {@code i}; infinite when std is 0 and x differs. */
    public double zScore(final int i, final float[] features) {
        final double d = features[i] - mean[i];
        return std[i] > 0 ? d / std[i] : (d == 0 ? 0 : Double.POSITIVE_INFINITY * Math.signum(d));
    }

    public int width() {
        return mean.length;
    }

    public double sigmas() {
        return sigmas;
    }

    @Override
    public String toString() {
        return "TrainingDomain{mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ", k=" + sigmas
                + "}";
    }
}
