package io.slicer.tools.marketdata.lobster;

/**
 * One validated message row: the event that changed the book. A reused view owned by a {@link LobsterReader}, valid
 * until its next {@code next()}. Prices are integer ticks (dollars times {@link LobsterFormat#PRICE_SCALE}).
 */
public final class LobsterMessage {
    long timeNanos;
    int type;
    long orderId;
    long size;
    long priceTicks;
    int direction;

    /** Nanoseconds after midnight, exchange local time. */
    public long timeNanos() {
        return timeNanos;
    }

    /** LOBSTER event type 1..7, see {@link LobsterFormat}. */
    public int type() {
        return type;
    }

    public long orderId() {
        return orderId;
    }

    public long size() {
        return size;
    }

    /** The price in LOBSTER's integer units (dollars times {@link LobsterFormat#PRICE_SCALE}). */
    public long priceTicks() {
        return priceTicks;
    }

    public double price() {
        return LobsterFormat.toDollars(priceTicks);
    }

    /** Side of the limit order the event is about: 1 buy, -1 sell. For an execution, the resting order's side. */
    public int direction() {
        return direction;
    }

    /** A continuous-market trade against a visible (type 4) or hidden (type 5) resting order. */
    public boolean isExecution() {
        return type == LobsterFormat.TYPE_VISIBLE_EXECUTION || type == LobsterFormat.TYPE_HIDDEN_EXECUTION;
    }

    /** +1 for a buyer-initiated trade, -1 for seller-initiated: the opposite of the resting order's side. */
    public int aggressorSign() {
        return -direction;
    }
}
