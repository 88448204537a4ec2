package io.slicer.tools.fix.venue;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.MarketImpact;
import io.slicer.engine.order.OrderTerms;
import io.slicer.tools.marketdata.lobster.LobsterBook;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterMessage;
import io.slicer.tools.marketdata.lobster.LobsterReader;

import java.util.SplittableRandom;

/**
 * A scenario's market run against the wall clock, scenario time running {@code speed} times faster. Not thread-safe:
 * the venue calls it under its lock.
 *
 * <p>A simulator preset: the mid follows the scenario's volatility (sigma per slice, scaled to the time that passed),
 * the market prints the scenario's expected volume per slice pro rata, and our fills move the price by the scenario's
 * impact model ({@link MarketImpact}): a fill of n shares executes at
 * {@code mid + s * (halfSpread + temporary * n / sliceLength)} (never through the child's limit) and leaves the mid
 * {@code s * permanent * n} further on.
 *
 * <p>A LOBSTER day (a tape): the day's rows are played from the session's start as scenario time reaches them; the
 * quotes are the day's level-1 best bid and offer with their sizes, the trades its executions. Our footprint is laid
 * over the recorded path, not fed back into it, as in the historical scenario: a marketable fill of n shares takes the
 * displayed size at the touch first (what our earlier fills took from it is gone until the tape's touch changes),
 * the rest at the touch plus {@code temporary * rest / sliceLength}, both shifted by {@code permanent} times the
 * shares we executed so far (the scenario's calibrated impact model); never through the child's limit.
 */
final class VenueMarket {
    private final OrderTerms terms;
    private final Instrument instrument;
    private final MarketImpact impact;
    private final long sliceNanos;
    private final double impactSliceLength;
    private final double speed;
    private final SplittableRandom random;
    private final LobsterReader tape;
    private final long tapeStart;
    private double mid;
    private double scenarioNanos;
    private double pendingVolume;
    private boolean rowPending;
    private double tapeBid = Double.NaN;
    private double tapeAsk = Double.NaN;
    private long tapeBidSize;
    private long tapeAskSize;
    private long bidTaken;
    private long askTaken;
    private double lastTrade = Double.NaN;
    /** Our signed executed shares (buys positive): the permanent impact's footprint on a tape. */
    private long executed;

    VenueMarket(final OrderTerms terms, final double speed, final long seed) {
        this(terms, null, speed, seed);
    }

    /** {@code day} null: the preset's simulated market; otherwise that LOBSTER day's tape. */
    VenueMarket(final OrderTerms terms, final LobsterDay day, final double speed, final long seed) {
        this.terms = terms;
        this.instrument = terms.instrument();
        this.impact = terms.impact();
        this.sliceNanos = Math.max(1, (terms.endTime() - terms.startTime()) / terms.slices());
        this.impactSliceLength = impact == null ? 1.0 : impact.sliceLength();
        this.speed = speed;
        this.random = new SplittableRandom(seed);
        this.mid = terms.arrivalPrice();
        this.tape = day == null ? null : LobsterReader.open(day);
        this.tapeStart = day == null ? 0 : day.startNanos();
    }

    /** Moves the market on by {@code wallNanos} of wall-clock time; returns the volume printed meanwhile. */
    long advance(final long wallNanos) {
        final double dt = wallNanos * speed;
        if (tape != null) {
            scenarioNanos += dt;
            return playTape(tapeStart + (long) scenarioNanos);
        }
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

    /** Plays the tape's rows up to {@code until} (nanoseconds after midnight); the day's volume traded in them. */
    private long playTape(final long until) {
        long volume = 0;
        while (rowPending || tape.next()) {
            final LobsterMessage m = tape.message();
            if (m.timeNanos() > until) {
                rowPending = true;
                break;
            }
            rowPending = false;
            if (m.isExecution()) {
                volume += m.size();
                lastTrade = m.price();
            }
            final LobsterBook b = tape.book();
            if (b.isTwoSided()) {
                if (b.bid() != tapeBid || b.bidSize() != tapeBidSize) {
                    bidTaken = 0;
                }
                if (b.ask() != tapeAsk || b.askSize() != tapeAskSize) {
                    askTaken = 0;
                }
                tapeBid = b.bid();
                tapeAsk = b.ask();
                tapeBidSize = b.bidSize();
                tapeAskSize = b.askSize();
            }
        }
        return volume;
    }

    /** False before a LOBSTER day's first two-sided book (nothing to quote or fill against yet). */
    boolean hasQuote() {
        return tape == null || !Double.isNaN(tapeBid);
    }

    double halfSpread() {
        return Math.max(impact == null ? 0 : impact.halfSpread(), instrument.tickSize() / 2);
    }

    double bid() {
        return tape != null ? tapeBid : instrument.roundDown(mid - halfSpread());
    }

    double ask() {
        return tape != null ? tapeAsk : instrument.roundUp(mid + halfSpread());
    }

    /** Size displayed at the best bid; {@code fallback} for a simulated market, which has no book. */
    long bidSize(final long fallback) {
        return tape != null ? tapeBidSize : fallback;
    }

    long askSize(final long fallback) {
        return tape != null ? tapeAskSize : fallback;
    }

    /** The price to print a trade at: the day's last execution on a tape, the mid otherwise. */
    double tradePrice() {
        return tape != null ? lastTrade : Math.round(mid * 1e4) / 1e4;
    }

    double mid() {
        return tape != null ? (tapeBid + tapeAsk) / 2 : mid;
    }

    /** True when a limit order on {@code side} at {@code limit} crosses the touch. */
    boolean marketable(final Side side, final double limit) {
        if (!hasQuote()) {
            return false;
        }
        return side == Side.BUY ? limit >= ask() : limit <= bid();
    }

    /** Executes {@code qty} on {@code side} within {@code limit}: the price, with the impact applied. */
    double execute(final Side side, final long qty, final double limit) {
        final double s = side == Side.BUY ? 1 : -1;
        double price;
        if (tape != null) {
            final long shown = Math.max(0, side == Side.BUY ? tapeAskSize - askTaken : tapeBidSize - bidTaken);
            final long atTouch = Math.min(qty, shown);
            final long beyond = qty - atTouch;
            final double touch = side == Side.BUY ? tapeAsk : tapeBid;
            final double permanent = impact == null ? 0 : impact.permanent() * executed;
            final double temporary = impact == null ? 0 : impact.temporary() * beyond / impactSliceLength;
            price = touch + permanent + s * temporary * beyond / qty;
            if (side == Side.BUY) {
                askTaken += atTouch;
            } else {
                bidTaken += atTouch;
            }
            executed += (long) s * qty;
        } else {
            final double temporary = impact == null ? 0 : impact.temporary() * qty / impactSliceLength;
            price = mid + s * (halfSpread() + temporary);
            if (impact != null) {
                mid += s * impact.permanent() * qty;
            }
        }
        price = side == Side.BUY ? Math.min(price, limit) : Math.max(price, limit);
        return Math.round(price * 1e6) / 1e6;
    }

    /** Releases the tape's files. */
    void close() {
        if (tape != null) {
            tape.close();
        }
    }
}
