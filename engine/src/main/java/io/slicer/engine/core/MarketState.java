package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.event.MarketDataCheck;

/**
 * The market as the engine has seen it: one {@link SymbolState} per configured symbol (with its instrument), fed
 * only by quotes and trades that pass the symbol's {@link MarketDataCheck} (sound prices and sizes, not crossed, in
 * time order, within the price band of the last accepted price during the staleness window). A refused event changes
 * nothing here and is reported as an {@link InputAnomaly}; the core then stops the symbol's orders.
 *
 * <p>Allocation-free after construction. Engine thread.
 */
final class MarketState {
    private final SymbolState[] symbols;
    private final MarketDataCheck[] checks;
    private long refused;

    MarketState(final EngineConfig config) {
        this.symbols = new SymbolState[config.maxSymbols];
        this.checks = new MarketDataCheck[config.maxSymbols];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = new SymbolState(config.instrument(i));
            checks[i] = new MarketDataCheck(config.priceBand, config.staleAfterNanos);
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
        final int s = (int) e.symbol();
        final InputAnomaly anomaly = checks[s].quote(e.timestamp(), e.bid(), e.ask(), e.bidSize(), e.askSize());
        if (anomaly != null) {
            refused++;
            return anomaly;
        }
        symbols[s].quote(e.timestamp(), e.bid(), e.ask(), e.bidSize(), e.askSize());
        return null;
    }

    /** Applies a TRADE; the anomaly when it was refused, else null. */
    InputAnomaly onTrade(final EngineEvent e) {
        if (!known(e.symbol())) {
            return InputAnomaly.UNKNOWN_SYMBOL;
        }
        final int s = (int) e.symbol();
        final InputAnomaly anomaly = checks[s].trade(e.timestamp(), e.price(), e.size());
        if (anomaly != null) {
            refused++;
            return anomaly;
        }
        symbols[s].trade(e.timestamp(), e.price(), e.size(), e.aggressor());
        return null;
    }

    /** The price the symbol's last refused quote (its mid) or trade carried, for the record. */
    double refusedPrice(final int symbol) {
        return checks[symbol].refusedPrice();
    }

    /** Quotes and trades of known symbols refused so far. */
    long refused() {
        return refused;
    }
}
