package io.slicer.engine.core;

import io.slicer.engine.event.EventType;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.TradingState;

/**
 * The kill switch's engine-wide and per-symbol scopes: each ACTIVE, PAUSED or HALTED, a halt with its reason. PAUSE
 * and RESUME move a scope between ACTIVE and PAUSED; HALT is final for the scope (later PAUSE, RESUME or HALT of a
 * halted scope are ignored). An order trades only while it, its symbol and the engine are all active; halting a
 * scope's orders is the caller's job, told by {@link #apply}'s result. Per-symbol states live on the
 * {@link SymbolState}s.
 *
 * <p>Allocation-free. Engine thread.
 */
final class TradingStates {
    private final MarketState market;
    private TradingState global = TradingState.ACTIVE;
    private HaltReason globalHaltReason;

    TradingStates(final MarketState market) {
        this.market = market;
    }

    TradingState global() {
        return global;
    }

    HaltReason globalHaltReason() {
        return globalHaltReason;
    }

    /** The engine or the symbol is halted: a new order there is halted at once. */
    boolean halted(final int symbol) {
        return global == TradingState.HALTED || market.symbol(symbol).state() == TradingState.HALTED;
    }

    /** The order, its symbol or the engine is paused: its decisions send nothing. */
    boolean paused(final ParentOrder o) {
        return o.paused() || global == TradingState.PAUSED
                || market.symbol(o.symbol()).state() == TradingState.PAUSED;
    }

    /** Halts the whole engine with {@code reason}; false if it was halted already. */
    boolean haltAll(final HaltReason reason) {
        if (global == TradingState.HALTED) {
            return false;
        }
        global = TradingState.HALTED;
        globalHaltReason = reason;
        return true;
    }

    /**
     * Applies a PAUSE, RESUME or HALT ({@code type}) from the desk to one symbol, or to the whole engine when
     * {@code symbol} is negative. True when the scope has just been halted (its open orders must be halted).
     */
    boolean apply(final EventType type, final int symbol) {
        final TradingState current = symbol >= 0 ? market.symbol(symbol).state() : global;
        if (current == TradingState.HALTED) {
            return false;
        }
        final TradingState next = type == EventType.HALT ? TradingState.HALTED
                : type == EventType.PAUSE ? TradingState.PAUSED : TradingState.ACTIVE;
        final HaltReason reason = next == TradingState.HALTED ? HaltReason.MANUAL : null;
        if (symbol >= 0) {
            market.symbol(symbol).state(next, reason);
        } else {
            global = next;
            globalHaltReason = reason;
        }
        return next == TradingState.HALTED;
    }
}
