package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;

/**
 * The seed notebook's {@code execute_vwap}, for reproduction only. Its "U-shaped" profile is, as written,
 * {@code x = linspace(0, 1, T); p = 1.5 * |x - 0.5| * 2; p /= p.sum()} (a V that is nearly zero at midday). Each
 * slice it wants Q * p[t] shares, turns that into a fraction of the remaining shares and picks the nearest
 * {@link SeedActionMap} fraction. The arithmetic follows numpy's order (linspace as k * (1 / (T-1)), pairwise
 * summation) so the chosen actions match the seed's bit for bit. Allocation-free after construction.
 */
public final class VwapSeed implements SliceStrategy {
    public static final String NAME = "vwap-seed";

    private final double[] profile;

    public VwapSeed(final int slices) {
        this.profile = seedProfile(slices);
    }

    /** The seed's normalised profile for {@code slices} slices, computed in numpy's order. */
    public static double[] seedProfile(final int slices) {
        final double[] p = new double[slices];
        final double step = slices > 1 ? 1.0 / (slices - 1) : 0.0;
        for (int k = 0; k < slices; k++) {
            final double x = k == slices - 1 && slices > 1 ? 1.0 : k * step;
            p[k] = 1.5 * Math.abs(x - 0.5) * 2;
        }
        final double sum = numpyPairwiseSum(p);
        for (int k = 0; k < slices; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** numpy's pairwise_sum for up to 128 elements: eight accumulators, then a tree, then the tail. */
    static double numpyPairwiseSum(final double[] a) {
        final int n = a.length;
        if (n < 8) {
            double r = 0.0;
            for (final double v : a) {
                r += v;
            }
            return r;
        }
        if (n > 128) {
            throw new IllegalArgumentException("seed profile: more than 128 slices is not supported, found " + n);
        }
        final double[] r = new double[8];
        System.arraycopy(a, 0, r, 0, 8);
        int i = 8;
        for (; i < n - (n % 8); i += 8) {
            for (int j = 0; j < 8; j++) {
                r[j] += a[i + j];
            }
        }
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) {
            res += a[i];
        }
        return res;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void begin(final DecisionContext ctx) {
        if (ctx.slices() != profile.length) {
            throw new IllegalArgumentException("vwap-seed: the order has " + ctx.slices() + " slices, the profile "
                    + profile.length);
        }
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        final long remaining = ctx.remaining();
        final int action;
        if (remaining == 0) {
            action = 0;
        } else {
            final double target = ctx.parentQuantity() * profile[Math.min(ctx.slice(), profile.length - 1)];
            action = SeedActionMap.nearest(target / remaining);
        }
        out.shares(SeedActionMap.shares(remaining, action, ctx.isLastSlice()))
                .action(action, SeedActionMap.fraction(action));
    }
}
