package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;

/**
 * The market as the engine has seen it: one {@link SymbolState} per configured symbol (with its instrument), fed
 * only by quotes and trades that pass its checks. A quote needs a positive bid, an ask at or above it, finite prices and non-negative sizes; a
 * trade a positive finite price and a positive size; either is refused when older than the symbol's last update.
 * A refused event changes nothing and is reported as an {@link InputAnomaly}.
 *
 * <p>Allocation-free after construction. Engine thread.
 */
final class MarketState {
    private final SymbolState[] symbols;

    MarketState(final EngineConfig config) {
        this.symbols = new SymbolState[config.maxSymbols];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = new SymbolState(config.instrument(i));
        }
    }

    /** True if {@code symbol} indexes a configured symbol. */
    boolean known(final long symbol) {
        return symbol >= 0 && symbol < symbols.length;
    }

    SymbolState symbol(final int symbol) {
        return symbols[symbol];
    }

    /** Applies a QUOTE; the anomaly when it was refused, else null. */
    InputAnomaly onQuote(final EngineEvent e) {
        if (!known(e.symbol())) {
            return InputAnomaly.UNKNOWN_SYMBOL;
        }
        final SymbolState sym = symbols[e.symbol()];
        final double bid = e.bid();
        final double ask = e.ask();
        if (!(bid > 0) || !(ask >= bid) || Double.isInfinite(ask) || e.bidSize() < 0 || e.askSize() < 0) {
            return InputAnomaly.BAD_MARKET_DATA;
        }
        if (e.timestamp() < sym.lastUpdate()) {
            return InputAnomaly.OUT_OF_ORDER_MARKET_DATA;
        }
        sym.quote(e.timestamp(), bid, ask, e.bidSize(), e.askSize());
        return null;
    }

    /** Applies a TRADE; the anomaly when it was refused, else null. */
    InputAnomaly onTrade(final EngineEvent e) {
        if (!known(e.symbol())) {
            return InputAnomaly.UNKNOWN_SYMBOL;
        }
        final SymbolState sym = symbols[e.symbol()];
        final double price = e.price();
        if (!(price > 0) || Double.isInfinite(price) || e.size() <= 0) {
            return InputAnomaly.BAD_MARKET_DATA;
        }
        if (e.timestamp() < sym.lastUpdate()) {
            return InputAnomaly.OUT_OF_ORDER_MARKET_DATA;
        }
        sym.trade(e.timestamp(), price, e.size());
        return null;
    }
}
