package io.slicer.tools.example;

import io.slicer.tools.sim.MarketParams;
import io.slicer.tools.sim.SimRandom;

/**
 * The simulator's linear-impact market ({@link MarketParams}) played out second by second for the live engine: the
 * mid is a random walk with the scenario's volatility plus the permanent impact of our own fills, the spread is
 * twice the scenario's half-spread, and the tape prints each bar's expected volume (with its lognormal noise) in
 * equal per-second parts. Seeded: the same seed gives the same day.
 */
public final class SimulatedMarket {
    private final MarketParams params;
    private final SimRandom random;
    private final int secondsPerBar;
    private final double sigmaPerSecond;
    private double mid;
    private int second;
    private double barVolumePerSecond;

    public SimulatedMarket(final MarketParams params, final long seed, final int secondsPerBar) {
        this.params = params;
        this.random = new SimRandom(seed);
        this.secondsPerBar = secondsPerBar;
        this.sigmaPerSecond = params.sigmaPerSlice() / Math.sqrt(secondsPerBar);
        this.mid = params.arrivalPrice();
    }

    /** Advances one second; returns false after the last bar. */
    public boolean step() {
        if (second >= params.slices() * secondsPerBar) {
            return false;
        }
        if (second % secondsPerBar == 0) {
            final int bar = second / secondsPerBar;
            final double noise = params.volumeNoise();
            final double volume = params.expectedVolume()[bar]
                    * Math.exp(noise * random.nextGaussian() - noise * noise / 2);
            barVolumePerSecond = volume / secondsPerBar;
        }
        mid += sigmaPerSecond * random.nextGaussian();
        second++;
        return true;
    }

    /** Our own fill of {@code shares} (signed by side) moves the mid for good: gamma per share. */
    public void permanentImpact(final int sign, final long shares) {
        mid += sign * params.gamma() * shares;
    }

    /** Average price of {@code shares} executed at once: mid + side * (half-spread + eta * n / tau). */
    public double executionPrice(final int sign, final long shares) {
        return mid + sign * (params.epsilon() + params.eta() * shares / params.sliceLength());
    }

    /**
     * Most shares executable at once without the average price passing {@code limit}
     * (the inverse of {@link #executionPrice}).
     */
    public long executableWithin(final int sign, final double limit) {
        final double room = sign * (limit - mid) - params.epsilon();
        if (room <= 0) {
            return 0;
        }
        return params.eta() > 0 ? (long) Math.floor(room * params.sliceLength() / params.eta()) : Long.MAX_VALUE;
    }

    public double mid() {
        return mid;
    }

    public double bid() {
        return mid - params.epsilon();
    }

    public double ask() {
        return mid + params.epsilon();
    }

    /** Shares printed on the tape this second (excluding ours). */
    public long tradedThisSecond() {
        return Math.round(barVolumePerSecond);
    }

    /** Seconds elapsed since the open. */
    public int second() {
        return second;
    }

    public int secondsPerBar() {
        return secondsPerBar;
    }

    public MarketParams params() {
        return params;
    }
}
