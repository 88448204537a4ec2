package io.slicer.engine.market;

/**
 * The volatility estimate a slicing decision sees (feature {@code volatility_ratio}): an EWMA of the squared mid change
 * per slice, sampled at slice boundaries and started from the order's reference volatility. The live engine and every
 * simulator episode run this one class on the mids they observe at their boundaries, so a policy is trained on the
 * same estimate the engine will compute.
 * <pre>
 *   start:                          variance = reference^2
 *   boundary with mid m, a previous
 *   mid m' and k slices since it:   variance = decay * variance + (1 - decay) * (m - m')^2 / k
 *   estimate = sqrt(variance)       (price units per slice)
 * </pre>
 * Decay 1 keeps the reference volatility for the whole order; 0 is the last change alone. A mid that is not a price
 * (not > 0) never reaches the estimator: the caller samples only boundaries with a valid mid.
 *
 * <p>Deterministic (no clock, no randomness). Mutable, one thread. Allocation-free after construction.
 */
public final class SliceVolatilityEstimator {
    /** RiskMetrics' daily decay, the engine's default and the one every simulator uses. */
    public static final double DEFAULT_DECAY = 0.94;

    private final double decay;
    private double variance;
    private double previousMid = Double.NaN;

    public SliceVolatilityEstimator(final double decay) {
        if (!(decay >= 0 && decay <= 1)) {
            throw new IllegalArgumentException("volatility decay must be in [0, 1], got " + decay);
        }
        this.decay = decay;
    }

    /** With {@link #DEFAULT_DECAY}. */
    public SliceVolatilityEstimator() {
        this(DEFAULT_DECAY);
    }

    /** Starts a new order: the estimate is {@code referenceVolatility} (per slice) until a mid change is seen. */
    public SliceVolatilityEstimator start(final double referenceVolatility) {
        this.variance = referenceVolatility * referenceVolatility;
        this.previousMid = Double.NaN;
        return this;
    }

    /**
     * The mid observed at a slice boundary, {@code elapsedSlices} (>= 1) slices after the previous sampled boundary.
     * The first mid of an order only becomes the reference for the next change.
     */
    public SliceVolatilityEstimator onBoundary(final double mid, final int elapsedSlices) {
        if (previousMid > 0) {
            final double change = mid - previousMid;
            variance = decay * variance + (1 - decay) * (change * change / elapsedSlices);
        }
        previousMid = mid;
        return this;
    }

    /** One slice after the previous boundary: a simulator's slice. */
    public SliceVolatilityEstimator onBoundary(final double mid) {
        return onBoundary(mid, 1);
    }

    /** Volatility per slice, price units. */
    public double estimate() {
        return Math.sqrt(variance);
    }

    /** Variance per slice, price units squared. */
    public double variance() {
        return variance;
    }

    public double decay() {
        return decay;
    }
}
