package io.slicer.tools.marketdata;

/**
 * Bars of one instrument on a time grid, whatever the source (a LOBSTER day, CME minute bars): per bar the mid and
 * quoted spread at its start, the mid at its end, and the trades inside it. Immutable; built by the sources'
 * aggregators ({@code LobsterBars}, {@code CmeSessions}), which document where each number comes from.
 *
 * <p>Bars are in time order but need not be contiguous: a series may hold several sessions back to back, each bar
 * {@code [startNanos, endNanos)}.
 */
public final class BarSeries {
    private final String symbol;
    private final String label;
    private final int sliceSeconds;
    private final long[] startNanos;
    private final long[] endNanos;
    private final double[] midAtStart;
    private final double[] spreadAtStart;
    private final double[] midAtEnd;
    private final long[] volume;
    private final double[] notional;
    private final long[] signedVolume;
    private final int[] trades;
    private final long rejected;

    /** Copies the builder's arrays, so an aggregator that keeps writing cannot change a built series. */
    private BarSeries(final Builder b) {
        this.symbol = b.symbol;
        this.label = b.label;
        this.sliceSeconds = b.sliceSeconds;
        this.startNanos = b.startNanos.clone();
        this.endNanos = b.endNanos.clone();
        this.midAtStart = b.midAtStart.clone();
        this.spreadAtStart = b.spreadAtStart.clone();
        this.midAtEnd = b.midAtEnd.clone();
        this.volume = b.volume.clone();
        this.notional = b.notional.clone();
        this.signedVolume = b.signedVolume.clone();
        this.trades = b.trades.clone();
        this.rejected = b.rejected;
    }

    /** Arrays for {@code count} bars, filled by an aggregator, then checked and frozen by {@link #build()}. */
    public static Builder builder(final String symbol, final String label, final int sliceSeconds, final int count) {
        return new Builder(symbol, label, sliceSeconds, count);
    }

    /** Instrument symbol, e.g. {@code AMZN} or {@code 6EH4}. */
    public String symbol() {
        return symbol;
    }

    /** What the bars are of, for messages and reports, e.g. {@code AMZN 2012-06-21}. */
    public String label() {
        return label;
    }

    public int sliceSeconds() {
        return sliceSeconds;
    }

    public int size() {
        return startNanos.length;
    }

    public long startNanos(final int bar) {
        return startNanos[bar];
    }

    public long endNanos(final int bar) {
        return endNanos[bar];
    }

    public double midAtStart(final int bar) {
        return midAtStart[bar];
    }

    public double spreadAtStart(final int bar) {
        return spreadAtStart[bar];
    }

    public double midAtEnd(final int bar) {
        return midAtEnd[bar];
    }

    /** Shares (contracts) traded in the bar. */
    public long volume(final int bar) {
        return volume[bar];
    }

    /** Sum of price * size of the bar's trades. */
    public double notional(final int bar) {
        return notional[bar];
    }

    /** Buyer-initiated minus seller-initiated shares in the bar; 0 where the source does not sign trades. */
    public long signedVolume(final int bar) {
        return signedVolume[bar];
    }

    public int tradeCount(final int bar) {
        return trades[bar];
    }

    /** The bar's volume-weighted trade price, NaN when it had no trades. */
    public double vwap(final int bar) {
        return volume[bar] > 0 ? notional[bar] / volume[bar] : Double.NaN;
    }

    /**
     * Rows or bars of the source that the {@link PlausibilityFilter} refused while the series was built (left out of
     * every bar); for a CME series, over the whole file it was cut from.
     */
    public long rejected() {
        return rejected;
    }

    public long totalVolume() {
        long total = 0;
        for (final long v : volume) {
            total += v;
        }
        return total;
    }

    /** The per-bar arrays an aggregator fills; {@link #build()} refuses a series a simulator could not trust. */
    public static final class Builder {
        private final String symbol;
        private final String label;
        private final int sliceSeconds;
        public final long[] startNanos;
        public final long[] endNanos;
        public final double[] midAtStart;
        public final double[] spreadAtStart;
        public final double[] midAtEnd;
        public final long[] volume;
        public final double[] notional;
        public final long[] signedVolume;
        public final int[] trades;
        /** Rows or bars the aggregator's {@link PlausibilityFilter} refused. */
        public long rejected;

        private Builder(final String symbol, final String label, final int sliceSeconds, final int count) {
            if (sliceSeconds <= 0) {
                throw new IllegalArgumentException("bar length must be positive, found " + sliceSeconds + " s");
            }
            if (count <= 0) {
                throw new IllegalArgumentException(label + ": no bars");
            }
            this.symbol = symbol;
            this.label = label;
            this.sliceSeconds = sliceSeconds;
            startNanos = new long[count];
            endNanos = new long[count];
            midAtStart = new double[count];
            spreadAtStart = new double[count];
            midAtEnd = new double[count];
            volume = new long[count];
            notional = new double[count];
            signedVolume = new long[count];
            trades = new int[count];
        }

        public BarSeries build() {
            for (int k = 0; k < startNanos.length; k++) {
                if (endNanos[k] <= startNanos[k] || (k > 0 && startNanos[k] < endNanos[k - 1])) {
                    throw new IllegalArgumentException(label + ": bar " + k + " [" + startNanos[k] + ", "
                            + endNanos[k] + ") ns is empty or overlaps the bar before it");
                }
                if (!(midAtStart[k] > 0) || !(midAtEnd[k] > 0) || !Double.isFinite(midAtStart[k])
                        || !Double.isFinite(midAtEnd[k]) || !(spreadAtStart[k] >= 0)) {
                    throw new IllegalArgumentException(label + ": bar " + k + " has mid " + midAtStart[k] + " -> "
                            + midAtEnd[k] + " and spread " + spreadAtStart[k] + ": prices must be finite and > 0");
                }
                if (volume[k] < 0 || Math.abs(signedVolume[k]) > volume[k]) {
                    throw new IllegalArgumentException(label + ": bar " + k + " has volume " + volume[k]
                            + " and signed volume " + signedVolume[k]);
                }
            }
            return new BarSeries(this);
        }
    }
}
