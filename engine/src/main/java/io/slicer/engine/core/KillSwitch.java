package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.ScopeState;
import io.slicer.engine.risk.TradingState;

/**
 * The kill switch: the one owner of the ACTIVE / PAUSED / HALTED state machine of every scope (each parent order,
 * each symbol, the whole engine), as Aeron's {@code Election} owns its election state. There is one method per
 * trigger, and every one of them moves a scope through {@link #transition}, which journals the move before anything
 * it causes (cancels, the order's end, what the OMS is told).
 *
 * <pre>
 *   trigger                         scope           to
 *   manual PAUSE / RESUME / HALT    order, symbol,  PAUSED / ACTIVE / HALTED (a halted scope stays halted)
 *                                   all
 *   stale market data               order           HALTED
 *   bad market data (out of order,  every open      HALTED or PAUSED (config), working children cancelled
 *     unsound, crossed, price jump)   order of the
 *                                     symbol
 *   feature out of training domain  order           HALTED, or the TWAP fallback
 *   IS above the TWAP benchmark     order           HALTED, or the TWAP fallback
 *   policy fault (NaN, out of       order           HALTED, or the TWAP fallback
 *     range, threw)
 *   venue overfill                  order           HALTED
 *   no reference price at entry     order           HALTED
 *   symbol or engine halted         order           HALTED (PARENT_SCOPE_HALTED)
 *   engine fault                    all             HALTED, then every open order
 * </pre>
 * A policy's own faults (those whose {@link HaltReason#policyFault()} is true) finish the order on an exact TWAP of
 * what remains instead of stopping it when the engine is configured with {@code twapFallback}; once.
 *
 * <p>The detectors sit where their measurement is ({@link TwapBenchmark}, the training domain in {@link PolicyCall},
 * {@link VenueReports}, {@link SliceTimer}); they call the trigger. Orders keep their own {@link ScopeState}; the
 * symbols' and the engine's are here.
 *
 * <p>Allocation-free. Engine thread.
 */
final class KillSwitch {
    private final ScopeState engine = new ScopeState();
    private final ScopeState[] symbols;
    private final Outbox outbox;
    private final OrderBook book;
    private final OrderLifecycle lifecycle;
    private final boolean twapFallback;
    private final TradingState onBadMarketData;

    KillSwitch(final EngineConfig config, final Outbox outbox, final OrderBook book, final OrderLifecycle lifecycle) {
        this.symbols = new ScopeState[config.maxSymbols];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = new ScopeState();
        }
        this.outbox = outbox;
        this.book = book;
        this.lifecycle = lifecycle;
        this.twapFallback = config.twapFallback;
        this.onBadMarketData = config.onBadMarketData;
    }

    // ------------------------------------------------------------------ what the rest of the engine asks

    /** The order, its symbol or the engine is paused: its decisions send nothing. */
    boolean paused(final ParentOrder o) {
        return o.killSwitchState().paused() || engine.paused() || symbols[o.symbol()].paused();
    }

    /** The engine or the symbol is halted: a new order there is halted at once. */
    boolean halted(final int symbol) {
        return engine.halted() || symbols[symbol].halted();
    }

    ScopeState engine() {
        return engine;
    }

    ScopeState symbol(final int symbol) {
        return symbols[symbol];
    }

    // ------------------------------------------------------------------ triggers

    /** The desk pressed PAUSE, RESUME or HALT for the order, symbol or engine the event's scope names. */
    void manual(final EngineEvent e, final MarketState market) {
        final TradingState next = e.type() == EventType.HALT ? TradingState.HALTED
                : e.type() == EventType.PAUSE ? TradingState.PAUSED : TradingState.ACTIVE;
        final HaltScope scope = e.scope();
        if (scope == HaltScope.ORDER) {
            final ParentOrder o = lifecycle.openOrder(e.scopeId());
            if (o == null) {
                return;
            }
            if (next == TradingState.HALTED) {
                haltOrder(o, HaltReason.OPERATOR, Double.NaN, -1);
            } else if (o.killSwitchState().state() != next) {
                transition(o.killSwitchState(), HaltScope.ORDER, o.orderId(), next, false, null, Double.NaN, -1);
                lifecycle.publish(o);
            }
            return;
        }
        final int symbol;
        if (scope == HaltScope.SYMBOL) {
            if (!market.known(e.scopeId())) {
                outbox.anomaly(InputAnomaly.UNKNOWN_SYMBOL, 0, 0);
                return;
            }
            symbol = (int) e.scopeId();
        } else {
            symbol = -1;
        }
        final ScopeState s = symbol >= 0 ? symbols[symbol] : engine;
        if (s.halted() || s.state() == next) {
            return;
        }
        transition(s, scope, Math.max(0, symbol), next, false, next == TradingState.HALTED ? HaltReason.OPERATOR : null,
                Double.NaN, -1);
        if (next == TradingState.HALTED) {
            haltOpenOrders(symbol, HaltReason.PARENT_SCOPE_HALTED);
        }
    }

    /** No market data for the order's symbol within the staleness limit ({@code age} ns, infinite: never any). */
    void staleMarketData(final ParentOrder o, final double age) {
        haltOrder(o, HaltReason.STALE_MARKET_DATA, age, -1);
    }

    /**
     * A quote or trade of {@code symbol} was refused ({@code anomaly}, carrying {@code price}): every open order on the
     * symbol is halted or, as configured, paused; either way its working children are cancelled, so nothing keeps
     * working on a price the engine cannot trust. A paused order stays paused until the desk resumes it (and halts
     * as stale if no sound data follows).
     */
    void badMarketData(final int symbol, final InputAnomaly anomaly, final double price) {
        for (int i = 0; i < book.size(); i++) {
            final ParentOrder o = book.at(i);
            if (!o.isOpen() || o.symbol() != symbol) {
                continue;
            }
            if (onBadMarketData == TradingState.HALTED) {
                haltOrder(o, HaltReason.BAD_MARKET_DATA, price, anomaly.code());
            } else {
                if (!o.killSwitchState().paused()) {
                    transition(o.killSwitchState(), HaltScope.ORDER, o.orderId(), TradingState.PAUSED, false,
                            HaltReason.BAD_MARKET_DATA, price, anomaly.code());
                }
                lifecycle.cancelWorking(o, CancelReason.KILL_SWITCH_PAUSE, HaltReason.BAD_MARKET_DATA);
                lifecycle.publish(o);
            }
        }
    }

    /** Feature {@code feature} left the policy's training domain ({@code zScore} sigmas); true if the order stopped. */
    boolean featureOutOfDomain(final ParentOrder o, final int feature, final double zScore) {
        return haltOrder(o, HaltReason.FEATURE_OUT_OF_DOMAIN, zScore, feature);
    }

    /** The order's running IS exceeds its TWAP benchmark's by {@code overrun} allowances; true if it stopped. */
    boolean isAboveBenchmark(final ParentOrder o, final double overrun) {
        return haltOrder(o, HaltReason.IS_EXCEEDS_TWAP_BENCHMARK, overrun, -1);
    }

    /** The policy threw, returned NaN or an action out of range ({@code fault}); true if the order stopped. */
    boolean policyFault(final ParentOrder o, final HaltReason fault, final double actionValue, final int actionIndex) {
        return haltOrder(o, fault, actionValue, actionIndex);
    }

    /**
     * Venue rejects in a row that halt an order ({@link HaltReason#VENUE_REJECTS}). Three: one reject is re-sliced
     * (a venue's transient refusal), a second may be the same cause once more, a third is a venue that will not take
     * the order, and in the last slice the engine would otherwise send a new child at every timer.
     */
    static final int MAX_CONSECUTIVE_REJECTS = 3;

    /** The venue rejected the order's children {@code rejects} times in a row. */
    void venueRejects(final ParentOrder o, final int rejects) {
        haltOrder(o, HaltReason.VENUE_REJECTS, rejects, -1);
    }

    /** The venue reported {@code excess} units more than the child had. */
    void venueOverfill(final ParentOrder o, final long excess) {
        haltOrder(o, HaltReason.VENUE_OVERFILL, excess, -1);
    }

    /** The order arrived with no usable reference price ({@code mid}). */
    void noReferencePrice(final ParentOrder o, final double mid) {
        haltOrder(o, HaltReason.NO_REFERENCE_PRICE, mid, -1);
    }

    /** The order arrived on a halted symbol or a halted engine. */
    void scopeHalted(final ParentOrder o) {
        haltOrder(o, HaltReason.PARENT_SCOPE_HALTED, Double.NaN, -1);
    }

    /**
     * Processing an event threw (a sink, journal or strategy bug): the engine halts everything (ENGINE_FAULT), cancels
     * every working child and keeps applying venue reports so no fill is lost.
     */
    void engineFault() {
        if (engine.halted()) {
            return;
        }
        transition(engine, HaltScope.ALL, 0, TradingState.HALTED, false, HaltReason.ENGINE_FAULT, Double.NaN, -1);
        haltOpenOrders(-1, HaltReason.ENGINE_FAULT);
    }

    // ------------------------------------------------------------------ the one place a scope moves

    /**
     * Halts an order (cancels its working children, ends it HALTED, tells the OMS), or for a policy's own fault when
     * the TWAP fallback is on, cancels its working children and finishes it on TWAP. True when the order stopped.
     */
    private boolean haltOrder(final ParentOrder o, final HaltReason reason, final double detail, final int index) {
        final ScopeState s = o.killSwitchState();
        if (reason.policyFault() && twapFallback && !s.twapFallback()) {
            transition(s, HaltScope.ORDER, o.orderId(), s.state(), true, reason, detail, index);
            lifecycle.cancelWorking(o, CancelReason.TWAP_FALLBACK, reason);
            lifecycle.publish(o);
            return false;
        }
        transition(s, HaltScope.ORDER, o.orderId(), TradingState.HALTED, false, reason, detail, index);
        lifecycle.cancelWorking(o, CancelReason.KILL_SWITCH_HALT, reason);
        lifecycle.finish(o, OrderStatus.HALTED);
        lifecycle.publish(o);
        return true;
    }

    /** Halts every open order on {@code symbol} (every open order for -1), in entry order. */
    private void haltOpenOrders(final int symbol, final HaltReason reason) {
        for (int i = 0; i < book.size(); i++) {
            final ParentOrder o = book.at(i);
            if (o.isOpen() && (symbol < 0 || o.symbol() == symbol)) {
                haltOrder(o, reason, Double.NaN, -1);
            }
        }
    }

    /**
     * Moves scope {@code s} ({@code scope} {@code id}) to {@code next}, or hands an order to the TWAP fallback: journaled
     * first, then applied. The only writer of any {@link ScopeState}.
     */
    private void transition(final ScopeState s, final HaltScope scope, final long id, final TradingState next,
                            final boolean toFallback, final HaltReason reason, final double detail, final int index) {
        outbox.transition(scope, id, next, toFallback || s.twapFallback(),
                reason == null ? HaltReason.OPERATOR : reason, detail, index);
        if (toFallback) {
            s.fallBackToTwap(reason);
        } else {
            // Only a halt records its reason: a pause (even one the market data caused) keeps the reason an order's
            // TWAP fallback recorded.
            s.apply(next, next == TradingState.HALTED ? reason : null);
        }
    }
}
