package io.slicer.tools.sim.queue;

import io.slicer.tools.marketdata.lobster.LobsterFormat;

/**
 * One resting child order's place in the queue at its price, moved by a LOBSTER day's messages. The day's orders
 * are replayed as they happened; ours is laid into their queue and changes nothing they did (a small order's
 * footprint). The rules, each pinned by {@code QueuePositionTest} on a hand-written message file:
 * <ol>
 *   <li><b>Join.</b> We stand behind everything displayed at our price when our order arrives ({@link #join}): the
 *       near touch's size when we join it, nothing when we step inside the spread. Orders that arrive at our price
 *       later (type 1) queue behind us.</li>
 *   <li><b>Executions ahead.</b> An execution at our price on our side (type 4 visible or 5 hidden) takes the queue
 *       ahead first; only what is left of it reaches us.</li>
 *   <li><b>Cancellations ahead.</b> A cancellation or deletion at our price on our side (types 2 and 3) is split
 *       between ahead and behind by the {@link CancelAttribution} (pro rata by default).</li>
 *   <li><b>Our fill.</b> We fill when the queue ahead is gone, at our price, never more than what traded at our
 *       price after we joined. Two events count as trading at our price: an execution on our side at a worse price
 *       (the aggressor walked through our level, so it met us first, as hftbacktest fills a resting order on a
 *       trade through its price), and a new order of the other side at or through our price (in the real book it
 *       rested, because we were not there; with us there it trades with us). Both take the queue ahead first,
 *       like an execution at our price.</li>
 *   <li><b>Our cancel.</b> {@link #cancel} ends the order; the replay applies every message the venue had before
 *       the cancel arrived first, so an execution that races our cancel fills us ({@link QueueReplay}).</li>
 * </ol>
 * Messages about other prices, halts (type 7) and cross trades (type 6) leave us where we are. A queue behind us is
 * kept only so that cancellations can be split; its size never reaches us.
 *
 * <p>Mutable, reused, allocation-free. One thread.
 */
public final class QueuePosition {
    private int sign;
    private long priceTicks;
    private long ahead;
    private long behind;
    private long leaves;
    private long filled;
    private CancelAttribution cancels = CancelAttribution.PRO_RATA_MODEL;

    /**
     * Our order of {@code quantity} arrives at {@code priceTicks} (LOBSTER price units) on side {@code sign}
     * (+1 buy, -1 sell), behind {@code displayedAhead} shares.
     */
    public QueuePosition join(final int sign, final long priceTicks, final long displayedAhead, final long quantity,
                              final CancelAttribution cancelAttribution) {
        this.sign = sign;
        this.priceTicks = priceTicks;
        this.ahead = Math.max(0, displayedAhead);
        this.behind = 0;
        this.leaves = quantity;
        this.filled = 0;
        this.cancels = cancelAttribution;
        return this;
    }

    /**
     * Applies one message ({@code direction} 1: about a buy limit order, -1: a sell) and returns the shares it filled
     * of ours, at {@link #priceTicks()}.
     */
    public long onMessage(final int type, final int direction, final long price, final long size) {
        if (leaves == 0) {
            return 0;
        }
        if (direction == sign) {
            if (price == priceTicks) {
                switch (type) {
                    case LobsterFormat.TYPE_SUBMISSION -> behind += size;
                    case LobsterFormat.TYPE_CANCELLATION, LobsterFormat.TYPE_DELETION -> cancelled(size);
                    case LobsterFormat.TYPE_VISIBLE_EXECUTION, LobsterFormat.TYPE_HIDDEN_EXECUTION -> {
                        return traded(size);
                    }
                    default -> {
                    }
                }
                return 0;
            }
            final boolean worse = sign > 0 ? price < priceTicks : price > priceTicks;
            if (worse && (type == LobsterFormat.TYPE_VISIBLE_EXECUTION
                    || type == LobsterFormat.TYPE_HIDDEN_EXECUTION)) {
                return traded(size);
            }
            return 0;
        }
        final boolean crossesUs = sign > 0 ? price <= priceTicks : price >= priceTicks;
        if (type == LobsterFormat.TYPE_SUBMISSION && crossesUs) {
            return traded(size);
        }
        return 0;
    }

    private void cancelled(final long size) {
        final long fromAhead = cancels.fromAhead(size, ahead, behind);
        ahead -= fromAhead;
        behind = Math.max(0, behind - (size - fromAhead));
    }

    private long traded(final long size) {
        final long fromAhead = Math.min(size, ahead);
        ahead -= fromAhead;
        final long reaching = size - fromAhead;
        final long fill = Math.min(reaching, leaves);
        leaves -= fill;
        filled += fill;
        behind = Math.max(0, behind - (reaching - fill));
        return fill;
    }

    /** Ends the order; returns what it had not filled. */
    public long cancel() {
        final long unfilled = leaves;
        leaves = 0;
        return unfilled;
    }

    public long priceTicks() {
        return priceTicks;
    }

    /** Shares estimated to rest ahead of us at our price. */
    public long ahead() {
        return ahead;
    }

    /** Shares estimated to rest behind us at our price. */
    public long behind() {
        return behind;
    }

    /** Shares still working. */
    public long leaves() {
        return leaves;
    }

    /** Shares filled since {@link #join}. */
    public long filled() {
        return filled;
    }
}
