package io.slicer.engine.order;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;

import java.util.Arrays;
import java.util.Objects;

/**
 * The terms of one parent order: what to trade (instrument, side, quantity), over what horizon (start, end, slices),
 * within which limits (limit and "I would" prices, urgency, the participation limit told to the strategy), and the
 * market inputs it is planned with (arrival price, volatility per slice, expected market volume of each slice, the
 * impact model). A strategy is created from these terms and nothing else ({@code StrategyFactory}), so the simulator
 * (whose scenarios build them from their market) and the live engine (which builds them from the OMS's NEW_ORDER and
 * its own configuration) hand a strategy the same value.
 *
 * <p>Times are event-time nanoseconds. Optional prices, the urgency and the participation limit are NaN when absent.
 * Immutable; build with {@link #builder}.
 */
public final class OrderTerms {
    private final Instrument instrument;
    private final Side side;
    private final long quantity;
    private final long startTime;
    private final long endTime;
    private final int slices;
    private final double limitPrice;
    private final double wouldPrice;
    private final double urgency;
    private final double participationLimit;
    private final double arrivalPrice;
    private final double sigmaPerSlice;
    private final double[] expectedVolume;
    private final MarketImpact impact;

    private OrderTerms(final Builder b) {
        this.instrument = Objects.requireNonNull(b.instrument, "instrument");
        this.side = Objects.requireNonNull(b.side, "side");
        this.impact = Objects.requireNonNull(b.impact, "market impact");
        if (b.quantity <= 0 || b.slices <= 0 || b.endTime <= b.startTime) {
            throw new IllegalArgumentException("order terms need quantity > 0, slices > 0 and end after start; got "
                    + b.quantity + ", " + b.slices + ", [" + b.startTime + ", " + b.endTime + ")");
        }
        if (!(b.sigmaPerSlice >= 0) || Double.isInfinite(b.sigmaPerSlice)) {
            throw new IllegalArgumentException("order terms: volatility per slice must be finite and >= 0, got "
                    + b.sigmaPerSlice);
        }
        if (!Double.isNaN(b.participationLimit) && !(b.participationLimit > 0 && b.participationLimit <= 1)) {
            throw new IllegalArgumentException("order terms: participation limit must be in (0, 1] or NaN, got "
                    + b.participationLimit);
        }
        this.expectedVolume = b.expectedVolume == null ? flat(b.slices, 0.0) : b.expectedVolume.clone();
        if (expectedVolume.length != b.slices) {
            throw new IllegalArgumentException("order terms: " + expectedVolume.length + " expected slice volumes for "
                    + b.slices + " slices");
        }
        this.quantity = b.quantity;
        this.startTime = b.startTime;
        this.endTime = b.endTime;
        this.slices = b.slices;
        this.limitPrice = b.limitPrice;
        this.wouldPrice = b.wouldPrice;
        this.urgency = b.urgency;
        this.participationLimit = b.participationLimit;
        this.arrivalPrice = b.arrivalPrice;
        this.sigmaPerSlice = b.sigmaPerSlice;
    }

    private static double[] flat(final int slices, final double perSlice) {
        final double[] v = new double[slices];
        Arrays.fill(v, perSlice);
        return v;
    }

    /** Terms for {@code quantity} of {@code instrument} on {@code side} in {@code slices} slices. */
    public static Builder builder(final Instrument instrument, final Side side, final long quantity,
                                  final int slices) {
        return new Builder(instrument, side, quantity, slices);
    }

    public Instrument instrument() { return instrument; }
    public Side side() { return side; }
    public long quantity() { return quantity; }
    public long startTime() { return startTime; }
    public long endTime() { return endTime; }
    public int slices() { return slices; }
    /** NaN: a market order. */
    public double limitPrice() { return limitPrice; }
    /** NaN: none. */
    public double wouldPrice() { return wouldPrice; }
    /** Multiplier on the strategy's slice sizes; NaN when the OMS gave none (1). */
    public double urgency() { return urgency; }
    /** The participation limit told to the strategy (soft), NaN for none. */
    public double participationLimit() { return participationLimit; }
    public double arrivalPrice() { return arrivalPrice; }
    /** Price volatility per slice, currency per unit (a random walk's step standard deviation). */
    public double sigmaPerSlice() { return sigmaPerSlice; }
    public MarketImpact impact() { return impact; }

    /** Expected market volume of slice {@code k}. */
    public double expectedVolume(final int k) {
        return expectedVolume[k];
    }

    /** Expected market volume of each slice, a copy. */
    public double[] expectedVolumeProfile() {
        return expectedVolume.clone();
    }

    /**
     * These terms with {@code newQuantity} and the horizon ending at {@code newEnd}: everything else (the slices,
     * the arrival price, the expected volume of each slice, the impact model) as it was. What a strategy is re-made
     * from when the OMS amends an order's quantity or horizon.
     */
    public OrderTerms amended(final long newQuantity, final long newEnd) {
        return builder(instrument, side, newQuantity, slices)
                .times(startTime, newEnd)
                .limitPrice(limitPrice)
                .wouldPrice(wouldPrice)
                .urgency(urgency)
                .participationLimit(participationLimit)
                .arrivalPrice(arrivalPrice)
                .sigmaPerSlice(sigmaPerSlice)
                .expectedVolume(expectedVolume)
                .impact(impact)
                .build();
    }

    @Override
    public String toString() {
        return side + " " + quantity + " " + instrument.quantityUnit() + " of " + instrument.symbol() + " over "
                + slices + " slices from arrival " + arrivalPrice;
    }

    /** Builds {@link OrderTerms}; optional fields default to absent (NaN), the impact model to none. */
    public static final class Builder {
        private final Instrument instrument;
        private final Side side;
        private final long quantity;
        private final int slices;
        private long startTime;
        private long endTime;
        private double limitPrice = Double.NaN;
        private double wouldPrice = Double.NaN;
        private double urgency = Double.NaN;
        private double participationLimit = Double.NaN;
        private double arrivalPrice = Double.NaN;
        private double sigmaPerSlice;
        private double[] expectedVolume;
        private MarketImpact impact = MarketImpact.of(0, 0, 0, 1);

        private Builder(final Instrument instrument, final Side side, final long quantity, final int slices) {
            this.instrument = instrument;
            this.side = side;
            this.quantity = quantity;
            this.slices = slices;
            this.endTime = slices;
        }

        /** Event-time start and end of the horizon. */
        public Builder times(final long start, final long end) {
            this.startTime = start;
            this.endTime = end;
            return this;
        }

        public Builder limitPrice(final double v) { limitPrice = v; return this; }
        public Builder wouldPrice(final double v) { wouldPrice = v; return this; }
        public Builder urgency(final double v) { urgency = v; return this; }
        public Builder participationLimit(final double v) { participationLimit = v; return this; }
        public Builder arrivalPrice(final double v) { arrivalPrice = v; return this; }
        public Builder sigmaPerSlice(final double v) { sigmaPerSlice = v; return this; }

        /** Expected market volume of each slice (copied). */
        public Builder expectedVolume(final double[] perSlice) {
            this.expectedVolume = perSlice.clone();
            return this;
        }

        /** The same expected market volume in every slice. */
        public Builder flatExpectedVolume(final double perSlice) {
            this.expectedVolume = flat(slices, perSlice);
            return this;
        }

        public Builder impact(final MarketImpact v) { impact = v; return this; }

        public OrderTerms build() {
            return new OrderTerms(this);
        }
    }
}
