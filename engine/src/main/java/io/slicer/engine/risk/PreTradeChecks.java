package io.slicer.engine.risk;

/**
 * The last gate before a child order leaves: max child quantity and notional, a price collar around the reference
 * price, a message throttle and duplicate-child detection. Fails closed: no valid reference price, no child.
 *
 * <p>The throttle counts every message the whole engine sends the venue, new children and cancels, in a sliding window
 * of event time, because that is what a venue's rate limit counts. Only new children can be refused: a cancel always
 * goes out (a kill switch that a throttle can delay is not one) but uses up the window, so a burst of cancels holds
 * back the next new children rather than the venue's limit.
 *
 * <p>Allocation-free after construction. One thread.
 */
public final class PreTradeChecks {
    private final long maxChildQuantity;
    private final double maxChildNotional;
    private final double collar;
    private final long throttleWindow;
    private final long[] sendTimes;
    private int sendCursor;

    /**
     * @param maxChildQuantity  hard limit on one child's shares
     * @param maxChildNotional  hard limit on one child's quantity * limit price
     * @param collar            allowed |limit - reference| / reference (e.g. 0.05)
     * @param throttleMessages  messages (new children and cancels) allowed per window
     * @param throttleWindow    window length in event-time nanoseconds
     */
    public PreTradeChecks(final long maxChildQuantity, final double maxChildNotional, final double collar,
                          final int throttleMessages, final long throttleWindow) {
        if (maxChildQuantity <= 0 || !(maxChildNotional > 0) || !(collar > 0) || throttleMessages <= 0
                || throttleWindow <= 0) {
            throw new IllegalArgumentException("pre-trade limits must be positive: max child quantity "
                    + maxChildQuantity + ", max notional " + maxChildNotional + ", collar " + collar
                    + ", throttle " + throttleMessages + " per " + throttleWindow + " ns");
        }
        this.maxChildQuantity = maxChildQuantity;
        this.maxChildNotional = maxChildNotional;
        this.collar = collar;
        this.throttleWindow = throttleWindow;
        this.sendTimes = new long[throttleMessages];
        java.util.Arrays.fill(sendTimes, Long.MIN_VALUE);
    }

    /** Checks a child (quantity > 0) without recording it; {@link #recordSend} once it is sent. */
    public RiskVerdict check(final long quantity, final double limitPrice, final double referencePrice,
                             final long now, final boolean duplicate) {
        if (!(referencePrice > 0) || Double.isInfinite(referencePrice)) {
            return RiskVerdict.NO_REFERENCE_PRICE;
        }
        if (quantity > maxChildQuantity) {
            return RiskVerdict.MAX_CHILD_QUANTITY;
        }
        if (!(limitPrice > 0) || Double.isInfinite(limitPrice)
                || Math.abs(limitPrice - referencePrice) > collar * referencePrice) {
            return RiskVerdict.PRICE_COLLAR;
        }
        if (quantity * limitPrice > maxChildNotional) {
            return RiskVerdict.MAX_NOTIONAL;
        }
        if (duplicate) {
            return RiskVerdict.DUPLICATE_CHILD;
        }
        final long oldest = sendTimes[sendCursor];
        if (oldest != Long.MIN_VALUE && now - oldest < throttleWindow) {
            return RiskVerdict.THROTTLE;
        }
        return RiskVerdict.ACCEPTED;
    }

    /** A new child left at {@code now}. */
    public void recordSend(final long now) {
        recordMessage(now);
    }

    /** A cancel left at {@code now}: never refused, but counted. */
    public void recordCancel(final long now) {
        recordMessage(now);
    }

    private void recordMessage(final long now) {
        sendTimes[sendCursor] = now;
        sendCursor = sendCursor + 1 == sendTimes.length ? 0 : sendCursor + 1;
    }

    public long maxChildQuantity() {
        return maxChildQuantity;
    }

    public double maxChildNotional() {
        return maxChildNotional;
    }

    public double collar() {
        return collar;
    }
}
