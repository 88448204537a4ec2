package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;

/**
 * The desk's kill switch: PAUSE, RESUME and HALT for one order, one symbol or the whole engine, and the engine's own
 * halt when it fails. Halting a symbol or the engine journals the scope's halt, then halts each of its open orders
 * (reason PARENT_SCOPE_HALTED) in entry order; a halted scope stays halted ({@link TradingStates}). The automatic
 * per-order checks (training domain, running IS against {@link TwapBenchmark}, policy faults, stale market data)
 * run in the core's decision pipeline.
 *
 * <p>Allocation-free. Engine thread.
 */
final class KillSwitch {
    private final TradingStates states;
    private final MarketState market;
    private final OrderBook book;
    private final OrderCommands commands;
    private final OrderControl control;
    private final EngineJournal journal;
    private final EngineClock clock;
    private final InputAnomalies anomalies;

    KillSwitch(final TradingStates states, final MarketState market, final OrderBook book,
               final OrderCommands commands, final OrderControl control, final EngineJournal journal,
               final EngineClock clock, final InputAnomalies anomalies) {
        this.states = states;
        this.market = market;
        this.book = book;
        this.commands = commands;
        this.control = control;
        this.journal = journal;
        this.clock = clock;
        this.anomalies = anomalies;
    }

    /** Applies a PAUSE, RESUME or HALT from the desk to the order, symbol or engine its scope names. */
    void onControl(final EngineEvent e) {
        final EventType type = e.type();
        final HaltScope scope = e.scope();
        if (scope == HaltScope.ORDER) {
            final ParentOrder o = commands.openOrder(e.scopeId());
            if (o == null) {
                return;
            }
            if (type == EventType.HALT) {
                control.halt(o, HaltReason.MANUAL, Double.NaN, -1);
            } else {
                o.paused(type == EventType.PAUSE);
                control.publish(o);
            }
            return;
        }
        final int symbol;
        if (scope == HaltScope.SYMBOL) {
            if (!market.known(e.scopeId())) {
                anomalies.report(InputAnomaly.UNKNOWN_SYMBOL, 0, 0);
                return;
            }
            symbol = (int) e.scopeId();
        } else {
            symbol = -1;
        }
        if (states.apply(type, symbol)) {
            journal.onHalt(clock.currentSequence(), clock.now(), scope, symbol >= 0 ? symbol : 0, HaltReason.MANUAL,
                    Double.NaN, -1);
            for (int i = 0; i < book.size(); i++) {
                final ParentOrder o = book.at(i);
                if (o.isOpen() && (symbol < 0 || o.symbol() == symbol)) {
                    control.halt(o, HaltReason.PARENT_SCOPE_HALTED, Double.NaN, -1);
                }
            }
        }
    }

    /**
     * Fail closed after processing an event threw: the engine halts everything (reason ENGINE_FAULT), cancels every
     * working child and keeps applying venue reports so no fill is lost. Engine thread.
     */
    void failClosed() {
        if (!states.haltAll(HaltReason.ENGINE_FAULT)) {
            return;
        }
        journal.onHalt(clock.currentSequence(), clock.now(), HaltScope.ALL, 0, HaltReason.ENGINE_FAULT, Double.NaN,
                -1);
        for (int i = 0; i < book.size(); i++) {
            final ParentOrder o = book.at(i);
            if (o.isOpen()) {
                control.halt(o, HaltReason.ENGINE_FAULT, Double.NaN, -1);
            }
        }
    }
}
