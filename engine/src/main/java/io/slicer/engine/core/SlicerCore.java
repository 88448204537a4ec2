package io.slicer.engine.core;

import io.slicer.engine.api.ChildOrderSink;
import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.order.SliceSizer;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.PreTradeChecks;
import io.slicer.engine.risk.RiskVerdict;
import io.slicer.engine.risk.TradingState;
import io.slicer.engine.risk.TrainingDomain;

import java.util.List;

/**
 * The engine's single-threaded, deterministic state machine. {@link #onEvent} applies one event synchronously:
 * market state ({@link MarketState}), the OMS's order commands ({@link OrderCommands}), the desk's kill switch
 * ({@link KillSwitch}), venue reports on children ({@link VenueReports}), and — at slice boundaries carried by TIMER
 * events — the decision pipeline, which stays here:
 * <pre>
 *   market + order state -> DecisionContext -> ExecutionFeatures.build -> kill-switch checks -> strategy.decide
 *     -> SliceSizer -> PreTradeChecks -> ChildOrderSink.onNewChild -> EngineJournal.onDecision
 * </pre>
 * The ring's consumer thread calls it for every event; the journal's replay calls it without any thread.
 *
 * <p>Determinism: the core reads no clock and no random source. Its time is the largest event timestamp seen
 * ({@link EngineClock}); orders are visited in entry order ({@link OrderBook}); child ids are assigned from a counter
 * in decision order ({@link ChildBook}). Feeding the same
 * events to a fresh core with the same configuration and strategies reproduces every decision, child id and halt.
 *
 * <p>Slices: order {@code o} with start S, end E and N slices is in slice {@code floor((t - S) * N / (E - S))} at
 * time t. The first TIMER at or after a boundary decides that slice (a slice skipped by the timer is never decided;
 * the next decision sees the volume and fills of the whole gap). In the last slice every TIMER with nothing in
 * flight sweeps what remains; in any slice, a TIMER with nothing in flight while the far touch is at or through the
 * order's I-would price takes what is available, within what the participation cap leaves of the slice. A TIMER at
 * or after E expires the order: working children are cancelled.
 *
 * <p>The IS kill switch holds each order against an exact TWAP traded on the market path the engine observed:
 * {@link TwapBenchmark} prices it slice by slice and says when the order's running IS exceeds it by more than the
 * allowance; the rule and its measurements are written there.
 *
 * <p>What a strategy is told about participation: the limit is {@code policyParticipationLimit} (soft: only the
 * hard {@code participationCap} clamps children, in the {@link SliceSizer}); the market volume expected from the
 * current slice to the end is {@link ExpectedVolume#remaining}, the OMS's own number when it sent one.
 *
 * <p>Volatility estimate: the order's {@link io.slicer.engine.market.SliceVolatilityEstimator} (decay
 * {@code volatilityDecay}), fed the mid at every priced slice boundary and started from the OMS's reference
 * volatility; the simulators run the same estimator on their mid path, so a policy sees the estimate it was trained
 * on.
 *
 * <p>Allocation-free after construction for market events, venue reports, timers and decisions; accepting a new
 * order allocates its strategy instance.
 */
public final class SlicerCore {
    private final EngineConfig config;
    private final RegisteredStrategy[] strategies;
    private final ChildOrderSink sink;
    private final EngineJournal journal;

    private final EngineClock clock = new EngineClock();
    private final InputAnomalies anomalies;
    private final MarketState market;
    private final TradingStates states;
    private final OrderBook book;
    private final ChildBook children;
    private final OrderControl control;
    private final OrderCommands commands;
    private final KillSwitch killSwitch;
    private final VenueReports reports;

    private final SliceSizer sizer;
    private final PreTradeChecks checks;
    private final TwapBenchmark benchmark;
    private final SliceBoundaries boundaries;
    private final PolicyCall policy = new PolicyCall();
    private final DecisionRecord record = new DecisionRecord();
    private long decisions;
    private long childrenSent;

    public SlicerCore(final EngineConfig config, final List<RegisteredStrategy> strategies,
                      final ChildOrderSink sink, final EngineJournal journal) {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("the engine needs at least one registered strategy");
        }
        this.config = config;
        this.strategies = strategies.toArray(new RegisteredStrategy[0]);
        for (final RegisteredStrategy s : this.strategies) {
            if (s.domain() != null && s.domain().width() != ExecutionFeatures.COUNT) {
                throw new IllegalArgumentException("strategy " + s.name() + ": training domain has "
                        + s.domain().width() + " features, the engine builds " + ExecutionFeatures.COUNT + " "
                        + ExecutionFeatures.NAMES);
            }
        }
        this.sink = sink;
        this.journal = journal;
        this.sizer = new SliceSizer(config.lotSize, config.minChild, config.maxChild, config.participationCap);
        this.checks = new PreTradeChecks(config.maxChildQuantity, config.maxChildNotional, config.priceCollar,
                config.throttleMessages, config.throttleWindowNanos);
        this.benchmark = new TwapBenchmark(config);
        this.anomalies = new InputAnomalies(clock, journal);
        this.market = new MarketState(config.maxSymbols);
        this.boundaries = new SliceBoundaries(benchmark, market);
        this.states = new TradingStates(market);
        this.book = new OrderBook(config.maxOrders, config.maxLiveChildrenPerOrder, config.volatilityDecay);
        this.children = new ChildBook(config.maxLiveChildren, config.firstChildId);
        this.control = new OrderControl(config.twapFallback, clock, journal, sink, checks, market);
        this.commands = new OrderCommands(config, this.strategies, market, states, book, control, sink, clock,
                anomalies);
        this.killSwitch = new KillSwitch(states, market, book, commands, control, journal, clock, anomalies);
        this.reports = new VenueReports(children, control, anomalies);
    }

    /** Applies one event. Engine thread only (or a replay with no engine running). */
    public void onEvent(final EngineEvent e) {
        journal.onInput(clock.nextEvent(), e);
        final EventType type = e.type();
        if (!clock.advanceTo(e.timestamp()) && type != EventType.QUOTE && type != EventType.TRADE) {
            anomalies.report(InputAnomaly.TIMESTAMP_BEFORE_CLOCK, e.orderId(), e.childId());
        }
        switch (type) {
            case QUOTE -> onMarketData(market.onQuote(e));
            case TRADE -> onMarketData(market.onTrade(e));
            case NEW_ORDER -> commands.onNewOrder(e);
            case CANCEL_ORDER -> commands.onCancelOrder(e);
            case AMEND_ORDER -> commands.onAmendOrder(e);
            case PAUSE, RESUME, HALT -> killSwitch.onControl(e);
            case CHILD_ACK -> reports.onChildAck(e);
            case FILL -> reports.onFill(e);
            case CHILD_REJECT -> reports.onChildReject(e);
            case CHILD_CANCELLED -> reports.onChildCancelled(e);
            case TIMER -> onTimer();
            default -> throw new IllegalStateException("unhandled event type " + type);
        }
    }

    private void onMarketData(final InputAnomaly refused) {
        if (refused != null) {
            anomalies.report(refused, 0, 0);
        }
    }

    // ------------------------------------------------------------------ timer and decisions

    private void onTimer() {
        for (int i = 0; i < book.size(); i++) {
            final ParentOrder o = book.at(i);
            if (o.isOpen()) {
                onTimer(o);
            } else if (o.status() == OrderStatus.FILLED && clock.now() >= o.endTime()) {
                completeBenchmark(o);
            }
        }
    }

    /** Completes a finished order's TWAP benchmark ({@link SliceBoundaries#completeBenchmark}) and publishes it. */
    private void completeBenchmark(final ParentOrder o) {
        if (boundaries.completeBenchmark(o)) {
            control.publish(o);
        }
    }

    private void onTimer(final ParentOrder o) {
        final int p = o.periodAt(clock.now());
        if (p < 0) {
            return;
        }
        if (p >= o.slices()) {
            completeBenchmark(o);
            control.cancelWorking(o);
            control.finish(o, OrderStatus.EXPIRED);
            control.publish(o);
            return;
        }
        final SymbolState sym = market.symbol(o.symbol());
        final long age = sym.lastUpdate() == Long.MIN_VALUE ? Long.MAX_VALUE : clock.now() - sym.lastUpdate();
        if (age > config.staleAfterNanos) {
            control.halt(o, HaltReason.STALE_MARKET_DATA, age == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : age,
                    -1);
            return;
        }
        if (p > o.lastDecidedPeriod()) {
            decide(o, sym, p, true);
        } else if (o.inFlight() == 0 && o.remaining() > 0 && o.lastDecisionTime() < clock.now()
                && (p == o.slices() - 1 || wouldTouched(o, sym))) {
            decide(o, sym, p, false);
        }
    }

    /**
     * The far touch is at or through the order's I-would price. Checked at every timer, not only at slice
     * boundaries, so an opportunity inside a slice is taken at the next tick (the OMS sets how often it ticks)
     * rather than at the next boundary; nothing is sent while a child is still working.
     */
    private static boolean wouldTouched(final ParentOrder o, final SymbolState sym) {
        final double would = o.wouldPrice();
        if (Double.isNaN(would) || !sym.hasReferencePrice()) {
            return false;
        }
        return o.side() == Side.BUY ? sym.ask() <= would : sym.bid() >= would;
    }

    private void decide(final ParentOrder o, final SymbolState sym, final int p, final boolean boundary) {
        final double mid = sym.mid();
        final boolean priced = sym.hasReferencePrice();
        final DecisionContext ctx = o.context();
        double lastVolume = ctx.lastPeriodMarketVolume();
        if (boundary) {
            if (config.cancelAtSliceEnd) {
                control.cancelWorking(o);
            }
            lastVolume = boundaries.cross(o, sym, p, clock.now());
        } else {
            o.sweepDecided(clock.now());
        }
        ctx.period(p);
        ctx.remaining(o.remaining());
        if (priced) {
            ctx.market(mid, sym.spread(), o.volatility().estimate());
        }
        ctx.expectedPeriodVolume(o.expectedVolume()).expectedRemainingVolume(ExpectedVolume.remaining(o, p));
        ctx.orderFlowImbalance(sym.orderFlowImbalance());

        final RegisteredStrategy registered = strategies[o.strategyIndex()];
        final DecisionRecord r = record;
        r.reset(clock.currentSequence(), clock.now(), o.orderId(), o.symbol(), o.side(), o.strategyIndex(), p,
                o.fallback());
        ExecutionFeatures.build(ctx, r.features);
        r.referencePrice = priced ? mid : Double.NaN;
        decisions++;

        final boolean paused = states.paused(o);
        final boolean checksPass = paused || o.fallback() || killChecksPass(o, registered.domain());
        if (paused) {
            finishDecision(o, sym, RiskVerdict.NOT_ACTIVE);
            return;
        }
        if (!checksPass) {
            if (!o.isOpen()) {
                finishDecision(o, sym, RiskVerdict.NOT_ACTIVE);
                return;
            }
            r.fallback = true;
        }
        final boolean lastSlice = p == o.slices() - 1;
        long proposed;
        double strategyCap = Double.NaN;
        if (!boundary) {
            proposed = o.remaining();
        } else if (o.fallback()) {
            r.fallback = true;
            proposed = fallbackTwapShares(o, p);
        } else {
            final HaltReason fault = policy.call(o, r);
            if (fault != null) {
                if (control.halt(o, fault, r.actionValue, r.actionIndex)) {
                    finishDecision(o, sym, RiskVerdict.NOT_ACTIVE);
                    return;
                }
                r.fallback = true;
                proposed = fallbackTwapShares(o, p);
            } else {
                proposed = policy.decision().shares();
                strategyCap = policy.decision().participationCap();
            }
        }
        r.proposedShares = proposed;
        if (!priced) {
            finishDecision(o, sym, RiskVerdict.NO_REFERENCE_PRICE);
            return;
        }
        final boolean buy = o.side() == Side.BUY;
        final double touch = buy ? sym.ask() : sym.bid();
        final double would = o.wouldPrice();
        final boolean wouldTriggered = !Double.isNaN(would) && (buy ? touch <= would : touch >= would);
        final double volumeEstimate = o.lastDecidedPeriod() > 0 && p > 0 ? lastVolume : o.expectedVolume();
        // A decision between boundaries (an I-would touch) shares the slice's participation cap with the boundary's.
        final long sentThisSlice = boundary ? 0 : o.filled() - o.filledAtBoundary() + o.inFlight();
        final long qty = sizer.size(proposed, o.urgency(), o.remaining(), lastSlice, wouldTriggered, strategyCap,
                volumeEstimate, sentThisSlice);
        final double limit = o.limitPrice();
        final double offset = config.marketableOffsetBps * 1e-4;
        final double marketable = buy ? touch * (1 + offset) : touch * (1 - offset);
        final double price = Double.isNaN(limit) ? marketable
                : buy ? Math.min(marketable, limit) : Math.max(marketable, limit);
        r.childQuantity = qty;
        r.childLimitPrice = price;
        if (qty == 0) {
            finishDecision(o, sym, RiskVerdict.NOTHING_TO_SEND);
            return;
        }
        if (!o.hasChildCapacity() || !children.hasCapacity()) {
            finishDecision(o, sym, RiskVerdict.CHILD_CAPACITY);
            return;
        }
        final RiskVerdict verdict = checks.check(qty, price, mid, clock.now(),
                o.isDuplicateChild(qty, price, clock.now(), config.duplicateWindowNanos));
        if (verdict == RiskVerdict.ACCEPTED) {
            sendChild(o, qty, price, p);
        }
        finishDecision(o, sym, verdict);
    }

    /** Training domain and running-IS checks; false when the order was halted (or fell back to TWAP). */
    private boolean killChecksPass(final ParentOrder o, final TrainingDomain domain) {
        final float[] features = record.features;
        if (domain != null) {
            final int bad = domain.firstViolation(features);
            if (bad >= 0) {
                control.halt(o, HaltReason.FEATURE_OUT_OF_DOMAIN, domain.zScore(bad, features), bad);
                return false;
            }
        }
        if (benchmark.exceeded(o)) {
            control.halt(o, HaltReason.IS_EXCEEDS_TWAP_BENCHMARK, benchmark.overrun(o), -1);
            return false;
        }
        return true;
    }

    /** Exact TWAP of what remains over the slices left, the remainder one share each on the earliest. */
    private static long fallbackTwapShares(final ParentOrder o, final int p) {
        final long remaining = o.remaining();
        final int left = o.slices() - p;
        return remaining / left + (remaining % left > 0 ? 1 : 0);
    }

    private void sendChild(final ParentOrder o, final long qty, final double price, final int p) {
        final long id = children.open(o, qty, price, clock.now(), p).childId();
        o.childSent(qty, price, clock.now());
        checks.recordSend(clock.now());
        childrenSent++;
        record.childId = id;
        sink.onNewChild(id, o.orderId(), o.symbol(), o.side(), qty, price);
    }

    private void finishDecision(final ParentOrder o, final SymbolState sym, final RiskVerdict verdict) {
        record.verdict = verdict;
        journal.onDecision(record);
        OrderControl.publish(o, sym);
    }

    /**
     * Fail closed after processing an event threw: the engine halts everything (reason ENGINE_FAULT), cancels every
     * working child and keeps applying venue reports so no fill is lost. Engine thread.
     */
    public void failClosed() {
        killSwitch.failClosed();
    }

    // ------------------------------------------------------------------ read side

    /** Engine thread (or after the engine stopped): the order with this id, or null. */
    public ParentOrder order(final long orderId) {
        return book.get(orderId);
    }

    /**
     * Any thread: copies the order's latest published progress into {@code out}; false if the engine holds no such
     * order. Scans the order slots, so call it at monitoring rates, not per event.
     */
    public boolean progress(final long orderId, final OrderProgress out) {
        return book.progress(orderId, out);
    }

    public SymbolState symbol(final int symbol) {
        return market.symbol(symbol);
    }

    public TradingState globalState() {
        return states.global();
    }

    public HaltReason globalHaltReason() {
        return states.globalHaltReason();
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
        return decisions;
    }

    public long childrenSent() {
        return childrenSent;
    }

    /** Unresolved children across all orders. */
    public int liveChildren() {
        return children.live();
    }

    public EngineConfig config() {
        return config;
    }

    public List<RegisteredStrategy> strategies() {
        return List.of(strategies);
    }
}
