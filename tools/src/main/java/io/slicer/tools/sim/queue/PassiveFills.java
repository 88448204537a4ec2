package io.slicer.tools.sim.queue;

import java.util.Arrays;

/**
 * What one slice's passive child did in a {@link QueueReplay}: its fills at its own prices, what each fill was worth
 * against the far touch when the child was sent, the mid's move after each fill, and what was left to cross at the
 * deadline and on which row's book. Prices here are the day's, in dollars; the caller lays its own impact over them.
 * A reused value; valid until the replay's next {@code work}.
 *
 * <p>Mutable, allocation-free. One thread.
 */
public final class PassiveFills {
    /** The markout horizons of {@link #adverse(int)}: 1 s and 10 s. */
    public static final long[] MARKOUT_NANOS = {1_000_000_000L, 10_000_000_000L};

    long shares;
    double notional;
    long leftover;
    int crossRow;
    double farTouchAtSubmission;
    final double[] adverse = new double[MARKOUT_NANOS.length];
    int repricings;
    boolean posted;

    void reset(final long quantity) {
        shares = 0;
        notional = 0;
        leftover = quantity;
        crossRow = -1;
        farTouchAtSubmission = Double.NaN;
        Arrays.fill(adverse, 0.0);
        repricings = 0;
        posted = false;
    }

    /** Shares filled passively. */
    public long shares() {
        return shares;
    }

    /** Sum of shares x price of the passive fills, dollars. */
    public double notional() {
        return notional;
    }

    /** Shares still unfilled when the cancel reached the venue: crossed by the caller. */
    public long leftover() {
        return leftover;
    }

    /** The row whose book the leftover crosses: the last one before the cancel arrived (-1: before the day). */
    public int crossRow() {
        return crossRow;
    }

    /** The far touch (a buy's ask) on the book the child was priced on, dollars; NaN if it was never posted. */
    public double farTouchAtSubmission() {
        return farTouchAtSubmission;
    }

    /**
     * Sum over passive fills of shares x side x (mid before the fill - mid {@code MARKOUT_NANOS[h]} later), dollars:
     * positive when the market moved against us after we were filled (a buy filled just before the price fell).
     */
    public double adverse(final int horizon) {
        return adverse[horizon];
    }

    /** Times a pegged child was cancelled and sent again at a new price. */
    public int repricings() {
        return repricings;
    }

    /** False when no passive price existed (a one-sided or crossed book): everything crosses. */
    public boolean posted() {
        return posted;
    }
}
