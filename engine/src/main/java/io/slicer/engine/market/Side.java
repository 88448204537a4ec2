package io.slicer.engine.market;

/**
 * Side of a parent order. Every cost formula is written once for a buy and signed by {@link #sign()}:
 * a buy pays when the price rises, a sell pays when it falls.
 */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(final int sign) {
        this.sign = sign;
    }

    /** +1 for a buy, -1 for a sell: cost = sign * (executionPrice - benchmark) * shares. */
    public int sign() {
        return sign;
    }
}
