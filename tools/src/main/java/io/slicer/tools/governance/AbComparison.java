package io.slicer.tools.governance;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two arms of an A/B test on their orders' IS: an unpaired Welch t-test (unequal variances), a matched
 * comparison (each order of the smaller arm paired, without replacement, with the nearest order of the other arm on
 * standardised log size, horizon and time of day; the paired differences' mean and paired t-test), and the power
 * calculation: orders per arm needed to detect an effect of {@code effectBps} at 80% power and two-sided 5%,
 * {@code n = 2 (z_0.975 + z_0.8)^2 s^2 / effect^2} with s^2 the mean of the two arms' variances.
 */
public final class AbComparison {
    /** Power and significance of the orders-needed figure. */
    public static final double POWER = 0.8;
    public static final double ALPHA = 0.05;

    /** One order of an arm: its size, horizon (s), start time of day (s) and IS (bps, cost positive). */
    public record Order(String arm, long orderId, long quantity, double horizonSeconds, double startSecondOfDay,
                        double isBps) {
    }

    /**
     * The result, {@code b} against {@code a}: differences are b - a (positive: b cost more).
     */
    public record Result(String a, String b, long nA, long nB, double meanA, double meanB, double sdA, double sdB,
                         double welchT, double welchP, long matchedPairs, double matchedMeanDifference,
                         double matchedP, double effectBps, long ordersPerArmForEffect) {
    }

    private AbComparison() {
    }

    public static Result compare(final String a, final String b, final List<Order> orders, final double effectBps) {
        final List<Order> as = new ArrayList<>();
        final List<Order> bs = new ArrayList<>();
        for (final Order o : orders) {
            if (o.arm().equals(a)) {
                as.add(o);
            } else if (o.arm().equals(b)) {
                bs.add(o);
            }
        }
        if (as.size() < 2 || bs.size() < 2) {
            throw new IllegalArgumentException("an A/B comparison needs at least two orders per arm; " + a + " has "
                    + as.size() + ", " + b + " has " + bs.size());
        }
        final double[] x = is(as);
        final double[] y = is(bs);
        final SummaryStatistics sx = stats(x);
        final SummaryStatistics sy = stats(y);
        final TTest t = new TTest();
        final boolean spread = sx.getVariance() + sy.getVariance() > 0;
        final double welchT = spread ? t.t(y, x) : Double.NaN;
        final double welchP = spread ? t.tTest(y, x) : Double.NaN;
        final double[][] pairs = matched(as, bs, orders);
        final double[] diff = new double[pairs[0].length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = pairs[1][i] - pairs[0][i];
        }
        final SummaryStatistics sd = stats(diff);
        final double matchedP = diff.length >= 2 && sd.getVariance() > 0 ? t.pairedTTest(pairs[1], pairs[0])
                : Double.NaN;
        return new Result(a, b, as.size(), bs.size(), sx.getMean(), sy.getMean(), sx.getStandardDeviation(),
                sy.getStandardDeviation(), welchT, welchP, diff.length, sd.getMean(), matchedP, effectBps,
                ordersPerArm((sx.getVariance() + sy.getVariance()) / 2, effectBps));
    }

    /** Orders per arm to detect {@code effectBps} at {@link #POWER} and two-sided {@link #ALPHA}. */
    public static long ordersPerArm(final double variance, final double effectBps) {
        if (!(effectBps > 0)) {
            throw new IllegalArgumentException("the effect to detect must be > 0 bps, found " + effectBps);
        }
        final NormalDistribution z = new NormalDistribution();
        final double k = z.inverseCumulativeProbability(1 - ALPHA / 2) + z.inverseCumulativeProbability(POWER);
        return (long) Math.ceil(2 * k * k * variance / (effectBps * effectBps));
    }

    /** Pairs: row 0 the a-side IS, row 1 the b-side IS, nearest neighbours on standardised order terms. */
    private static double[][] matched(final List<Order> as, final List<Order> bs, final List<Order> all) {
        final double[] scale = {sd(all, 0), sd(all, 1), sd(all, 2)};
        final boolean aSmaller = as.size() <= bs.size();
        final List<Order> small = aSmaller ? as : bs;
        final List<Order> large = new ArrayList<>(aSmaller ? bs : as);
        final double[][] out = new double[2][small.size()];
        for (int i = 0; i < small.size(); i++) {
            final Order o = small.get(i);
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int j = 0; j < large.size(); j++) {
                double d = 0;
                for (int k = 0; k < 3; k++) {
                    final double e = (term(o, k) - term(large.get(j), k)) / scale[k];
                    d += e * e;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = j;
                }
            }
            final Order m = large.remove(best);
            out[aSmaller ? 0 : 1][i] = o.isBps();
            out[aSmaller ? 1 : 0][i] = m.isBps();
        }
        return out;
    }

    private static double term(final Order o, final int k) {
        return switch (k) {
            case 0 -> Math.log(o.quantity());
            case 1 -> o.horizonSeconds();
            default -> o.startSecondOfDay();
        };
    }

    private static double sd(final List<Order> all, final int k) {
        final SummaryStatistics s = new SummaryStatistics();
        for (final Order o : all) {
            s.addValue(term(o, k));
        }
        return s.getStandardDeviation() > 0 ? s.getStandardDeviation() : 1.0;
    }

    private static double[] is(final List<Order> orders) {
        final double[] v = new double[orders.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = orders.get(i).isBps();
        }
        return v;
    }

    private static SummaryStatistics stats(final double[] v) {
        final SummaryStatistics s = new SummaryStatistics();
        for (final double x : v) {
            s.addValue(x);
        }
        return s;
    }
}
