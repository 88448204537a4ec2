package io.slicer.tools.eval;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;

/** Paired comparison of two samples taken on the same episodes (common random numbers). */
public final class PairedStatistics {
    /** Two-sided confidence level of the savings interval. */
    public static final double CONFIDENCE = 0.95;

    private PairedStatistics() {
    }

    /**
     * Compares {@code candidate} with {@code baseline}; element i of both must come from episode i.
     *
     * @throws IllegalArgumentException if the samples differ in length or hold fewer than two episodes
     */
    public static PairedComparison compare(final double[] baseline, final double[] candidate) {
        if (baseline.length != candidate.length) {
            throw new IllegalArgumentException("paired samples differ in length: baseline has " + baseline.length
                    + " episodes, candidate " + candidate.length);
        }
        final int n = baseline.length;
        if (n < EvaluationConfig.MIN_EPISODES) {
            throw new IllegalArgumentException("a paired comparison needs at least " + EvaluationConfig.MIN_EPISODES
                    + " episodes, got " + n);
        }
        final double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = baseline[i] - candidate[i];
        }
        final DistributionSummary d = DistributionSummary.of(diff);
        // A null RandomGenerator: the distribution is only inverted, never sampled, so no seedless RNG is made.
        final double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        final double halfWidth = t * d.std() / Math.sqrt(n);
        final TTest tTest = new TTest();
        final double pairedP = d.std() > 0 ? tTest.pairedTTest(baseline, candidate) : Double.NaN;
        final double welchP = hasSpread(baseline) || hasSpread(candidate)
                ? tTest.tTest(baseline, candidate)
                : Double.NaN;
        return new PairedComparison(d.mean(), d.mean() - halfWidth, d.mean() + halfWidth, pairedP, welchP, d.std());
    }

    private static boolean hasSpread(final double[] x) {
        for (final double v : x) {
            if (v != x[0]) {
                return true;
            }
        }
        return false;
    }
}
