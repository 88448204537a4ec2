package io.slicer.tools.eval;

import io.slicer.tools.sim.EpisodeResult;

/**
 * The per-slice record of one episode of one strategy: what the charts draw (shares per slice against the price
 * path). Immutable.
 */
public final class EpisodeTrace {
    private final int episode;
    private final long[] shares;
    private final double[] midBefore;
    private final double[] executionPrice;
    private final double[] marketVolume;
    private final double isBps;

    private EpisodeTrace(final int episode, final long[] shares, final double[] midBefore,
                         final double[] executionPrice, final double[] marketVolume, final double isBps) {
        this.episode = episode;
        this.shares = shares;
        this.midBefore = midBefore;
        this.executionPrice = executionPrice;
        this.marketVolume = marketVolume;
        this.isBps = isBps;
    }

    /** Copies the record of a finished episode. */
    public static EpisodeTrace of(final int episode, final EpisodeResult r) {
        final int n = r.slicesRecorded();
        final long[] shares = new long[n];
        final double[] mid = new double[n];
        final double[] price = new double[n];
        final double[] volume = new double[n];
        for (int p = 0; p < n; p++) {
            shares[p] = r.shares(p);
            mid[p] = r.midBefore(p);
            price[p] = r.executionPrice(p);
            volume[p] = r.marketVolume(p);
        }
        return new EpisodeTrace(episode, shares, mid, price, volume, r.isBps());
    }

    public int episode() {
        return episode;
    }

    public int slices() {
        return shares.length;
    }

    public long shares(final int slice) {
        return shares[slice];
    }

    /** Mid before our trade in each slice. A copy. */
    public double[] midBefore() {
        return midBefore.clone();
    }

    /** Our average execution price per slice, NaN where we traded nothing. A copy. */
    public double[] executionPrice() {
        return executionPrice.clone();
    }

    public double[] marketVolume() {
        return marketVolume.clone();
    }

    public long[] shares() {
        return shares.clone();
    }

    public double isBps() {
        return isBps;
    }
}
