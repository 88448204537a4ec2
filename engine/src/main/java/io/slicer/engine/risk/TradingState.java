package io.slicer.engine.risk;

/**
 * Kill-switch state of a scope. ACTIVE sends children; PAUSED sends none but keeps working children and can resume;
 * HALTED has cancelled its working children and never sends again.
 */
public enum TradingState {
    ACTIVE,
    PAUSED,
    HALTED;

    /** The stricter of two states: an order is as stopped as the most stopped of its order, symbol and engine. */
    public TradingState worst(final TradingState other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
