package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.ScopeState;
import io.slicer.engine.strategy.RegisteredStrategy;

import java.util.List;

/**
 * The engine's single-threaded, deterministic state machine. {@link #onEvent} journals one input and applies it:
 * <pre>
 *   QUOTE, TRADE                  MarketState          (refused data is an anomaly; KillSwitch stops the
 *                                                        symbol's orders)
 *   NEW_ORDER, CANCEL, AMEND      OrderCommands        (order terms, the strategy instance, lifecycle)
 *   PAUSE, RESUME, HALT           KillSwitch           (the one owner of every scope's trading state)
 *   CHILD_ACK, FILL, REJECT,      VenueReports         (exact share accounting; an overfill halts)
 *     CHILD_CANCELLED
 *   TIMER                         SliceTimer           (expiry, staleness, slice boundaries)
 *                                   -> DecisionPipeline (policy call, child sizing, pre-trade checks, outbox)
 * </pre>
 * Everything that leaves (children and cancels to the venue, statuses to the OMS, journal records, progress) leaves
 * through the {@link Outbox}. The ring's consumer thread calls {@link #onEvent} for every event; the journal's replay
 * calls it without any thread.
 *
 * <p>Determinism: the core reads no clock and no random source. Its time is the largest event timestamp seen
 * ({@link EngineClock}); orders are visited in entry order ({@link OrderBook}); child ids are assigned from a counter
 * in decision order ({@link ChildBook}). Feeding the same events to a fresh core with the same configuration and
 * strategies reproduces every decision, child id and transition.
 *
 * <p>Allocation-free after construction for market events, venue reports, timers and decisions; accepting a new
 * order allocates its terms and its strategy instance.
 */
public final class SlicerCore {
    /**
     * Loaded with the core, not with the first anomaly or halt: C2 does not inline a call whose signature names a
     * class not yet loaded, so on a clean run {@code MarketState.onQuote} and {@code onTrade} (which return an
     * {@link InputAnomaly}) and the kill-switch reads (which return a {@link HaltReason}) were compiled as calls
     * (JFR's CompilerInlining events: "unloaded signature classes").
     */
    private static final Class<?>[] HOT_PATH_SIGNATURE_TYPES = {InputAnomaly.class, HaltReason.class};

    private final CoreContext ctx;
    private final Outbox outbox;
    private final EngineClock clock;
    private final MarketState market;
    private final KillSwitch killSwitch;
    private final OrderCommands commands;
    private final VenueReports reports;
    private final DecisionPipeline pipeline;
    private final SliceTimer timer;

    public SlicerCore(final EngineConfig config, final List<RegisteredStrategy> strategies,
                      final ChildOrderSink venue, final EngineJournal journal) {
        this.ctx = new CoreContext(config, strategies, venue, journal);
        this.outbox = ctx.outbox;
        this.clock = ctx.outbox.clock();
        this.market = ctx.market;
        this.killSwitch = ctx.killSwitch;
        this.commands = new OrderCommands(ctx);
        this.reports = new VenueReports(ctx);
        this.pipeline = new DecisionPipeline(ctx);
        this.timer = new SliceTimer(ctx, pipeline);
    }

    /** Applies one event. Engine thread only (or a replay with no engine running). */
    public void onEvent(final EngineEvent e) {
        outbox.input(e);
        final EventType type = e.type();
        if (!clock.advanceTo(e.timestamp()) && type != EventType.QUOTE && type != EventType.TRADE) {
            outbox.anomaly(InputAnomaly.TIMESTAMP_BEFORE_CLOCK, e.orderId(), e.childId());
        }
        switch (type) {
            case QUOTE -> onMarketData(market.onQuote(e), e);
            case TRADE -> onMarketData(market.onTrade(e), e);
            case NEW_ORDER -> commands.onNewOrder(e);
            case CANCEL_ORDER -> commands.onCancelOrder(e);
            case AMEND_ORDER -> commands.onAmendOrder(e);
            case PAUSE, RESUME, HALT -> killSwitch.manual(e, market);
            case CHILD_ACK -> reports.onChildAck(e);
            case FILL -> reports.onFill(e);
            case CHILD_REJECT -> reports.onChildReject(e);
            case CHILD_CANCELLED -> reports.onChildCancelled(e);
            case TIMER -> timer.onTimer();
            default -> throw new IllegalStateException("unhandled event type " + type);
        }
    }

    /** A refused quote or trade is journaled, then stops its symbol's open orders: fail closed. */
    private void onMarketData(final InputAnomaly refused, final EngineEvent e) {
        if (refused != null) {
            outbox.anomaly(refused, 0, 0);
            if (refused.badMarketData()) {
                final int symbol = (int) e.symbol();
                killSwitch.badMarketData(symbol, refused, market.refusedPrice(symbol));
            }
        }
    }

    /**
     * Fail closed after processing an event threw: the engine halts everything (reason ENGINE_FAULT), cancels every
     * working child and keeps applying venue reports so no fill is lost. Engine thread.
     */
    public void failClosed() {
        killSwitch.engineFault();
    }

    // ------------------------------------------------------------------ read side

    /** Running totals of orders, children, fills, rejections and halts; readable from any thread. */
    public EngineCounters counters() {
        return outbox.counters();
    }

    /** Engine thread (or after the engine stopped): the order with this id, or null. */
    public ParentOrder order(final long orderId) {
        return ctx.book.get(orderId);
    }

    /**
     * Any thread: copies the order's latest published progress into {@code out}; false if the engine holds no such
     * order. Scans the order slots, so call it at monitoring rates, not per event.
     */
    public boolean progress(final long orderId, final OrderProgress out) {
        return ctx.book.progress(orderId, out);
    }

    public SymbolState symbol(final int symbol) {
        return market.symbol(symbol);
    }

    /**
     * Engine thread (or after the engine stopped): the kill-switch state of the engine ({@code ALL}), a symbol or an
     * order; null for an order the engine does not hold.
     */
    public ScopeState killSwitchState(final HaltScope scope, final long id) {
        return switch (scope) {
            case ALL -> killSwitch.engine();
            case SYMBOL -> killSwitch.symbol((int) id);
            case ORDER -> {
                final ParentOrder o = ctx.book.get(id);
                yield o == null ? null : o.killSwitchState();
            }
        };
    }

    /** Event time of the latest event (the core's clock). */
    public long now() {
        return clock.now();
    }

    /** Events processed so far (the next event's sequence). */
    public long sequence() {
        return clock.sequence();
    }

    public long decisions() {
        return pipeline.decisions();
    }

    /** Quotes and trades of known symbols the market-data check refused (each journaled as an anomaly). */
    public long marketDataRefused() {
        return market.refused();
    }

    public long childrenSent() {
        return pipeline.childrenSent();
    }

    /** Cancel requests sent to the venue, each journaled first ({@code EngineJournal#onChildCancel}). */
    public long cancelsSent() {
        return outbox.cancelsSent();
    }

    /** Unresolved children across all orders. */
    public int liveChildren() {
        return ctx.children.live();
    }

    public EngineConfig config() {
        return ctx.config;
    }

    public List<RegisteredStrategy> strategies() {
        return List.of(ctx.strategies);
    }
}
