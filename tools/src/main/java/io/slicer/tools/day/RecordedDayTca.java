package io.slicer.tools.day;

import io.slicer.engine.market.Side;
import io.slicer.tools.sim.EpisodeResult;

import java.util.Arrays;

/**
 * Transaction-cost analysis of one parent order worked on a recorded day (a LOBSTER replay): it watches the tape the
 * engine was fed and the fills the venue gave, slice by slice, and hands them to {@link EpisodeResult}, the same
 * accounting every simulated run reports, so a real day's IS, split, VWAP slippage and participation mean exactly
 * what they mean in {@code evaluate} and {@code run --scenario}.
 *
 * <p>What a recorded day can and cannot say: the tape is replayed, so our fills never moved it. The mid before each
 * slice (the last quote at or before its start, when the engine decided its children) is both the mid and the
 * unaffected mid: own permanent impact is zero by construction, impact is what we paid against that mid (half-spread
 * and any price beyond), timing is the market's own move from the arrival mid (the mid when the order came in). A
 * slice's market volume and VWAP are the tape's executions in it (ours are not on the tape). Unfilled shares are
 * valued at the mid at the end of the horizon, or the last mid seen when the data ends first.
 *
 * <p>One thread (the driver's); fed in event-time order.
 */
public final class RecordedDayTca {
    private final Side side;
    private final long quantity;
    private final long start;
    private final long sliceNanos;
    private final long[] shares;
    private final double[] fillNotional;
    private final double[] midAtStart;
    private final double[] marketVolume;
    private final double[] marketNotional;
    private double mid = Double.NaN;
    private double arrivalMid = Double.NaN;
    private double endMid = Double.NaN;
    private long fills;

    /** An order of {@code quantity} on {@code side}: {@code slices} slices of {@code sliceNanos} from {@code start}. */
    public RecordedDayTca(final Side side, final long quantity, final long start, final int slices,
                          final long sliceNanos) {
        this.side = side;
        this.quantity = quantity;
        this.start = start;
        this.sliceNanos = sliceNanos;
        this.shares = new long[slices];
        this.fillNotional = new double[slices];
        this.midAtStart = new double[slices];
        this.marketVolume = new double[slices];
        this.marketNotional = new double[slices];
        Arrays.fill(midAtStart, Double.NaN);
    }

    /** The order arrived now: the mid it is measured against is the current one. */
    public void arrival() {
        arrivalMid = mid;
    }

    /** Event time reached {@code tsNanos}: slices that have started keep the mid that held when they started. */
    public void time(final long tsNanos) {
        for (int k = 0; k < shares.length; k++) {
            if (Double.isNaN(midAtStart[k]) && tsNanos >= start + k * sliceNanos) {
                midAtStart[k] = mid;
            }
        }
        if (Double.isNaN(endMid) && tsNanos >= end()) {
            endMid = mid;
        }
    }

    /** A two-sided quote. */
    public void quote(final long tsNanos, final double bid, final double ask) {
        time(tsNanos);
        mid = 0.5 * (bid + ask);
    }

    /** An execution on the tape (not ours): counted in its slice's market volume and VWAP. */
    public void trade(final long tsNanos, final double price, final long size) {
        time(tsNanos);
        final int k = sliceAt(tsNanos);
        if (tsNanos >= start && tsNanos < end() && size > 0) {
            marketVolume[k] += size;
            marketNotional[k] += size * price;
        }
    }

    /** One of our children filled: {@code qty} at {@code price}, decided at {@code decidedNanos}. */
    public void fill(final long decidedNanos, final long qty, final double price) {
        final int k = sliceAt(decidedNanos);
        shares[k] += qty;
        fillNotional[k] += qty * price;
        fills++;
    }

    /** Fill messages so far. */
    public long fills() {
        return fills;
    }

    /** The day's accounting, built as a simulated episode's is: one record per slice, then the unfilled shares. */
    public EpisodeResult result() {
        final EpisodeResult r = new EpisodeResult(shares.length, 1.0);
        r.begin(side, quantity, arrivalMid, Double.NaN);
        for (int k = 0; k < shares.length; k++) {
            final double m = Double.isNaN(midAtStart[k]) ? mid : midAtStart[k];
            final long n = shares[k];
            final double volume = marketVolume[k];
            r.record(n, n > 0 ? fillNotional[k] / n : Double.NaN, m, m, volume,
                    volume > 0 ? marketNotional[k] / volume : m);
        }
        r.finish(Double.isNaN(endMid) ? mid : endMid);
        return r;
    }

    private long end() {
        return start + shares.length * sliceNanos;
    }

    private int sliceAt(final long tsNanos) {
        final long k = Math.floorDiv(tsNanos - start, sliceNanos);
        return (int) Math.max(0, Math.min(shares.length - 1, k));
    }
}
