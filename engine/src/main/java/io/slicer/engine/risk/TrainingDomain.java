package io.slicer.engine.risk;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.ModelCard;

import java.util.Arrays;
import java.util.List;

/**
 * The feature values a learned policy was trained on, from its model card: per feature the mean, standard deviation
 * and the range [min, max] the trainer saw. A live feature outside that domain means the policy is extrapolating:
 * the kill switch halts the order. Schedules have no training domain.
 *
 * <p>Feature {@code i} is in the domain when it lies within the hull of the {@code k}-sigma band and the seen range:
 * <pre>
 *   min(mean - k*std, min)  <=  x  <=  max(mean + k*std, max)
 * </pre>
 * {@code k} sigma (default 3) is the width the issue asks for; the seen range is added because a value the network
 * was trained on is, by definition, not extrapolation. It matters for features whose training distribution is far
 * from normal: {@code price_drift_sigma} is a random walk whose spread grows with the square root of the time
 * elapsed, so its one training standard deviation, pooled over all times of day, is that of mid-morning; ordinary
 * late-day moves lie beyond 3 of them but within what the trainer saw late in its own days. Likewise the
 * policy-state features ({@code schedule_lead}, {@code participation_last}) are skewed by the policy's own actions.
 * A card without a range (constructed from mean and std alone) gives the band only. A feature with std 0 was
 * constant in training and is held to that constant (within 1e-9) or its seen range. NaN is always outside.
 *
 * <p>The domain is over the policy's own inputs, the features its card names ({@link #features()}); a domain built
 * from arrays alone is over the standard eight ({@link ExecutionFeatures#STANDARD}).
 *
 * <p>Immutable; {@link #firstViolation} is allocation-free.
 */
public final class TrainingDomain {
    private final double[] low;
    private final double[] high;
    private final double[] mean;
    private final double[] std;
    private final double sigmas;
    private final ExecutionFeatures features;

    /** The k-sigma band only (no seen range). */
    public TrainingDomain(final double[] mean, final double[] std, final double sigmas) {
        this(null, null, mean, std, sigmas);
    }

    /** {@code min} and {@code max}: the range the trainer saw per feature (null: unknown, the band alone). */
    public TrainingDomain(final double[] min, final double[] max, final double[] mean, final double[] std,
                          final double sigmas) {
        this(ExecutionFeatures.STANDARD, min, max, mean, std, sigmas);
    }

    /** Over the selection {@code features}: one entry per selected feature, in its order. */
    public TrainingDomain(final ExecutionFeatures features, final double[] min, final double[] max,
                          final double[] mean, final double[] std, final double sigmas) {
        if (mean.length != features.width()) {
            throw new IllegalArgumentException("training domain: " + mean.length + " features, the policy's inputs are "
                    + features.width() + " " + features.names());
        }
        this.features = features;
        if (mean.length != std.length || (min != null && min.length != mean.length)
                || (max != null && max.length != mean.length)) {
            throw new IllegalArgumentException("training domain: " + mean.length + " means, " + std.length
                    + " standard deviations, " + (min == null ? "no" : min.length) + " minima and "
                    + (max == null ? "no" : max.length) + " maxima; expected one of each per feature");
        }
        if (!(sigmas > 0)) {
            throw new IllegalArgumentException("training domain width must be > 0 sigma, got " + sigmas);
        }
        this.mean = mean.clone();
        this.std = std.clone();
        this.low = new double[mean.length];
        this.high = new double[mean.length];
        for (int i = 0; i < std.length; i++) {
            if (!Double.isFinite(mean[i]) || !(std[i] >= 0) || Double.isInfinite(std[i])) {
                throw new IllegalArgumentException("training domain feature " + i + ": mean " + mean[i] + ", std "
                        + std[i] + "; expected finite mean and std >= 0");
            }
            if (min != null && max != null && !(Double.isFinite(min[i]) && Double.isFinite(max[i])
                    && min[i] <= max[i])) {
                throw new IllegalArgumentException("training domain feature " + i + ": range [" + min[i] + ", "
                        + max[i] + "]; expected finite min <= max");
            }
            final double tolerance = std[i] > 0 ? sigmas * std[i] : 1e-9;
            low[i] = mean[i] - tolerance;
            high[i] = mean[i] + tolerance;
            if (min != null && max != null) {
                low[i] = Math.min(low[i], min[i]);
                high[i] = Math.max(high[i], max[i]);
            }
        }
        this.sigmas = sigmas;
    }

    /**
     * The training domain a model card gives, over the features the card names in their order; a card without the
     * domain of every feature is refused, naming the feature (the kill switch needs all of them).
     */
    public static TrainingDomain of(final String name, final ModelCard card, final double sigmas) {
        final List<FeatureDomain> domain = card.trainingDomain();
        final List<String> names = card.featureNames();
        final double[] min = new double[names.size()];
        final double[] max = new double[names.size()];
        final double[] mean = new double[names.size()];
        final double[] std = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            final String feature = names.get(i);
            final FeatureDomain d = domain == null ? null
                    : domain.stream().filter(x -> x.name().equals(feature)).findFirst().orElse(null);
            if (d == null) {
                throw new IllegalArgumentException("model '" + name + "': model card has no training domain for"
                        + " feature '" + feature + "'; the kill switch needs mean and std of every feature in "
                        + names + " (import it with a training domain: slicer model import-onnx --domain-scenario)");
            }
            min[i] = d.min();
            max[i] = d.max();
            mean[i] = d.mean();
            std[i] = d.std();
        }
        return new TrainingDomain(ExecutionFeatures.of(names), min, max, mean, std, sigmas);
    }

    /** The policy inputs this domain is over. */
    public ExecutionFeatures features() {
        return features;
    }

    /**
     * Index (in {@link #features()} order) of the first of {@code ctx}'s features outside the domain, or -1;
     * {@code scratch} (at least {@link #width()} long) receives the features, for {@link #zScore}.
     */
    public int firstViolation(final DecisionContext ctx, final float[] scratch) {
        features.compute(ctx, scratch);
        return firstViolation(scratch);
    }

    /** Index of the first feature outside its domain (a NaN feature is outside), or -1. */
    public int firstViolation(final float[] features) {
        for (int i = 0; i < mean.length; i++) {
            final double x = features[i];
            if (!(x >= low[i] && x <= high[i])) {
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

    @Override
    public String toString() {
        return "TrainingDomain{low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ", mean="
                + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ", k=" + sigmas + "}";
    }
}
