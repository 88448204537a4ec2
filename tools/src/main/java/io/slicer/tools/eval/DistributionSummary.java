package io.slicer.tools.eval;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Location and spread of one sample.
 *
 * <p>Definitions: {@code std} is the sample standard deviation (divisor n - 1). Percentiles use linear
 * interpolation between closest ranks, Hyndman and Fan's type 7 ({@code numpy.percentile}'s and R's default, and
 * Excel's PERCENTILE.INC): for probability p over the sorted sample x(1..n), h = (n - 1) p + 1 and
 * q = x(floor h) + (h - floor h) (x(floor h + 1) - x(floor h)).
 */
public record DistributionSummary(double mean, double std, double median, double p5, double p95,
                                  double min, double max) {

    public static DistributionSummary of(final double[] sample) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("empty sample");
        }
        final Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(sample);
        double min = sample[0];
        double max = sample[0];
        for (final double x : sample) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return new DistributionSummary(
                new Mean().evaluate(sample),
                sample.length > 1 ? new StandardDeviation(true).evaluate(sample) : 0.0,
                percentile.evaluate(50),
                percentile.evaluate(5),
                percentile.evaluate(95),
                min, max);
    }

    /** Sample variance (divisor n - 1). */
    public double variance() {
        return std * std;
    }
}
