package io.slicer.engine.strategy;

/**
 * Volume-weighted average price: slices proportional to an expected volume profile, fixed at the start. The
 * cumulative target after slice k is floor(Q * C_k / C_N), C_k the profile's cumulative volume, so slices are whole
 * shares, non-negative and sum exactly to Q.
 */
public final class Vwap extends ScheduleStrategy {
    public static final String NAME = "vwap";

    private final double[] cumulativeProfile;

    /** @param profile expected market volume per slice (any scale), e.g. {@code Scenario#expectedVolumeProfile()} */
    public Vwap(final double[] profile) {
        super(profile.length);
        this.cumulativeProfile = new double[profile.length + 1];
        for (int k = 0; k < profile.length; k++) {
            if (!(profile[k] >= 0) || Double.isInfinite(profile[k])) {
                throw new IllegalArgumentException("vwap: volume profile entry " + k + " must be finite and >= 0, found "
                        + profile[k]);
            }
            cumulativeProfile[k + 1] = cumulativeProfile[k] + profile[k];
        }
        if (!(cumulativeProfile[profile.length] > 0)) {
            throw new IllegalArgumentException("vwap: volume profile sums to zero");
        }
    }

    /**
     * A profile estimated from historical days: each day's volumes (one row, one entry per slice) are normalised to
     * fractions of that day, and the fractions averaged, so a heavy day does not outweigh a light one.
     */
    public static double[] profileFromHistory(final double[][] days) {
        if (days.length == 0) {
            throw new IllegalArgumentException("vwap: no historical days to estimate a volume profile from");
        }
        final int slices = days[0].length;
        final double[] profile = new double[slices];
        for (int d = 0; d < days.length; d++) {
            if (days[d].length != slices) {
                throw new IllegalArgumentException("vwap: historical day " + d + " has " + days[d].length
                        + " slices, day 0 has " + slices);
            }
            double total = 0;
            for (final double v : days[d]) {
                total += v;
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("vwap: historical day " + d + " has no volume");
            }
            for (int k = 0; k < slices; k++) {
                profile[k] += days[d][k] / total / days.length;
            }
        }
        return profile;
    }

    @Override
    protected void plan(final long quantity, final int slices, final long[] out) {
        if (slices != cumulativeProfile.length - 1) {
            throw new IllegalArgumentException("vwap: the order has " + slices + " slices, the volume profile "
                    + (cumulativeProfile.length - 1));
        }
        final double total = cumulativeProfile[slices];
        long before = 0;
        for (int k = 0; k < slices; k++) {
            final long after = k == slices - 1 ? quantity
                    : (long) Math.floor(quantity * (cumulativeProfile[k + 1] / total));
            out[k] = after - before;
            before = after;
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
