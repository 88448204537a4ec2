package io.slicer.tools.fix.venue;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.MarketImpact;
import io.slicer.engine.order.OrderTerms;

import java.util.SplittableRandom;

/**
 * A scenario's market run against the wall clock: the mid follows the scenario's volatility (sigma per slice, scaled
 * to the time that passed), the market prints the scenario's expected volume per slice pro rata, and our fills move
 * the price by the scenario's impact model ({@link MarketImpact}): a fill of n shares executes at
 * {@code mid + s * (halfSpread + temporary * n / sliceLength)} (never through the child's limit) and leaves the mid
 * {@code s * permanent * n} further on. Scenario time runs {@code speed} times faster than the wall clock. Not
 * thread-safe: the venue calls it under its lock.
 */
final class VenueMarket {
    private final OrderTerms terms;
    private final Instrument instrument;
    private final MarketImpact impact;
    private final long sliceNanos;
    private final double impactSliceLength;
    private final double speed;
    private final SplittableRandom random;
    private double mid;
    private double scenarioNanos;
    private double pendingVolume;

    VenueMarket(final OrderTerms terms, final double speed, final long seed) {
        this.terms = terms;
        this.instrument = terms.instrument();
        this.impact = terms.impact();
        this.sliceNanos = Math.max(1, (terms.endTime() - terms.startTime()) / terms.slices());
        this.impactSliceLength = impact == null ? 1.0 : impact.sliceLength();
        this.speed = speed;
        this.random = new SplittableRandom(seed);
        this.mid = terms.arrivalPrice();
    }

    /** Moves the market on by {@code wallNanos} of wall-clock time; returns the volume printed meanwhile. */
    long advance(final long wallNanos) {
        final double dt = wallNanos * speed;
        final int slice = (int) Math.min(terms.slices() - 1, (long) (scenarioNanos / sliceNanos));
        scenarioNanos += dt;
        final double fraction = dt / sliceNanos;
        mid += terms.sigmaPerSlice() * Math.sqrt(fraction) * random.nextGaussian();
        mid = Math.max(instrument.tickSize(), mid);
        pendingVolume += terms.expectedVolume(slice) * fraction;
        final long printed = (long) pendingVolume;
        pendingVolume -= printed;
        return printed;
    }

    double halfSpread() {
        return Math.max(impact == null ? 0 : impact.halfSpread(), instrument.tickSize() / 2);
    }

    double bid() {
        return instrument.roundDown(mid - halfSpread());
    }

    double ask() {
        return instrument.roundUp(mid + halfSpread());
    }

    double mid() {
        return mid;
    }

    /** True when a limit order on {@code side} at {@code limit} crosses the touch. */
    boolean marketable(final Side side, final double limit) {
        return side == Side.BUY ? limit >= ask() : limit <= bid();
    }

    /** Executes {@code qty} on {@code side} within {@code limit}: the price, with the impact applied to the mid. */
    double execute(final Side side, final long qty, final double limit) {
        final double s = side == Side.BUY ? 1 : -1;
        final double temporary = impact == null ? 0 : impact.temporary() * qty / impactSliceLength;
        double price = mid + s * (halfSpread() + temporary);
        price = side == Side.BUY ? Math.min(price, limit) : Math.max(price, limit);
        if (impact != null) {
            mid += s * impact.permanent() * qty;
        }
        return Math.round(price * 1e6) / 1e6;
    }
}
