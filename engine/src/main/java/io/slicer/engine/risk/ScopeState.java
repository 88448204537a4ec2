package io.slicer.engine.risk;

/**
 * The kill-switch state of one scope (one parent order, one symbol, or the whole engine): ACTIVE, PAUSED or HALTED,
 * why it was halted, and, for an order, whether a policy fault handed it to the TWAP fallback. The engine's
 * {@code KillSwitch} is the one writer: every transition goes through its {@code transition} method, which journals
 * it first ({@code EngineArchitectureTest} pins that no other class calls the mutators). Everyone else reads.
 *
 * <p>Allocation-free. Engine thread.
 */
public final class ScopeState {
    private TradingState state = TradingState.ACTIVE;
    private HaltReason reason;
    private boolean twapFallback;

    /** Back to ACTIVE with no reason: a new order in a reused slot. */
    public void reset() {
        state = TradingState.ACTIVE;
        reason = null;
        twapFallback = false;
    }

    /**
     * Moves the scope to {@code next}; {@code why} is why it halted (null for a pause or resume, which keep the reason
     * an order's TWAP fallback recorded). KillSwitch only.
     */
    public void apply(final TradingState next, final HaltReason why) {
        this.state = next;
        if (why != null) {
            this.reason = why;
        }
    }

    /** A policy fault handed the order to the TWAP fallback: it keeps trading, on TWAP. KillSwitch only. */
    public void fallBackToTwap(final HaltReason why) {
        this.twapFallback = true;
        this.reason = why;
    }

    public TradingState state() {
        return state;
    }

    public boolean halted() {
        return state == TradingState.HALTED;
    }

    public boolean paused() {
        return state == TradingState.PAUSED;
    }

    /** Why the scope was halted or fell back to TWAP; null if never. */
    public HaltReason reason() {
        return reason;
    }

    public boolean twapFallback() {
        return twapFallback;
    }
}
