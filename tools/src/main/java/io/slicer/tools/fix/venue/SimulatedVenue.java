package io.slicer.tools.fix.venue;

import io.slicer.engine.market.Side;
import io.slicer.tools.fix.gateway.FixFields;
import io.slicer.tools.fix.gateway.FixIds;
import io.slicer.tools.fix.gateway.FixSessions;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterDays;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.sim.historical.HistoricalScenarios;
import quickfix.ApplicationAdapter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDUpdateAction;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.MarketDataSnapshotFullRefresh;
import quickfix.fix44.OrderCancelReject;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A FIX 4.4 venue for tests, demos and a desk's integration testing: a QuickFIX/J acceptor that streams a scenario's
 * market ({@link VenueMarket}: a simulator preset, or a LOBSTER day's tape) to subscribers every {@code tickMillis},
 * and works limit orders: a marketable order fills at once (in two executions when it is larger than one lot), a
 * resting one when the market reaches it, at the scenario's impact-model price. Market data is incremental by
 * default, as venues stream it: a MarketDataSnapshotFullRefresh (35=W) when a client subscribes, then
 * MarketDataIncrementalRefresh (35=X) carrying each change of the best bid or offer (MDUpdateAction change, with its
 * size) and the volume traded since the last tick (a trade entry, action new); in snapshot mode every tick is a 35=W
 * with both sides and the trade. It answers OrderCancelRequest (Canceled, or OrderCancelReject when the order is
 * done or unknown), OrderStatusRequest (the order's status, or Rejected with OrdRejReason 5 when unknown) and refuses
 * a ClOrdID it has seen. It keeps, for tests, every ClOrdID it was sent and the shares it filled per parent.
 */
public final class SimulatedVenue extends ApplicationAdapter implements AutoCloseable {
    private static final class VenueOrder {
        final String clOrdId;
        final String symbol;
        final Side side;
        final long quantity;
        final double limit;
        final String orderId;
        long cum;
        double notional;
        boolean done;

        VenueOrder(final String clOrdId, final String symbol, final Side side, final long quantity, final double limit,
                   final String orderId) {
            this.clOrdId = clOrdId;
            this.symbol = symbol;
            this.side = side;
            this.quantity = quantity;
            this.limit = limit;
            this.orderId = orderId;
        }
    }

    private final String symbol;
    private final VenueMarket market;
    private final long lotSize;
    private final SocketAcceptor acceptor;
    private final ScheduledExecutorService ticker;
    private final Map<String, VenueOrder> orders = new HashMap<>();
    private final List<String> received = new ArrayList<>();
    private final Map<Long, Long> filledByParent = new TreeMap<>();
    private final Map<SessionID, String> subscribers = new HashMap<>();
    private final boolean incremental;
    private double sentBid = Double.NaN;
    private double sentAsk = Double.NaN;
    private long sentBidSize;
    private long sentAskSize;
    private long nextExecId = 1;
    private long nextOrderId = 1;
    private long lastTick = System.nanoTime();

    private SimulatedVenue(final Scenario scenario, final LobsterDay tape, final String symbol, final int port,
                           final double speed, final boolean incremental, final long tickMillis, final String compId,
                           final String clientCompId, final PrintStream err) throws ConfigError {
        this.symbol = symbol;
        this.incremental = incremental;
        this.market = new VenueMarket(scenario.terms(), tape, speed, 1);
        this.lotSize = scenario.terms().instrument().lotSize();
        final SessionSettings settings = new SessionSettings();
        FixSessions.add(settings, compId, clientCompId, true, "127.0.0.1", port, Path.of("."), 30);
        this.acceptor = new SocketAcceptor(this, new MemoryStoreFactory(), settings, FixSessions.oneLineLog(err),
                new DefaultMessageFactory());
        acceptor.start();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "venue-market");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a venue on 127.0.0.1:{@code port} trading {@code symbol} on {@code scenario}'s market, {@code speed}
     * times faster than the wall clock, as CompID VENUE for the client SLICER.
     */
    public static SimulatedVenue start(final Scenario scenario, final String symbol, final int port,
                                       final double speed, final PrintStream err) {
        return start(scenario, null, symbol, port, speed, true, err);
    }

    /**
     * Starts a venue on the scenario {@code spec} names ({@link Scenarios#byName}); a LOBSTER scenario
     * ({@code lobster:SYMBOL...}) streams that day's tape. {@code incremental}: 35=X after one 35=W, or 35=W only.
     */
    public static SimulatedVenue start(final String spec, final String symbol, final int port, final double speed,
                                       final boolean incremental, final PrintStream err) {
        final Scenario scenario = Scenarios.byName(spec);
        final LobsterDay tape = HistoricalScenarios.isHistorical(spec)
                ? LobsterDays.find(LobsterDays.sharedDataRoot().orElseThrow(), HistoricalScenarios.parseSymbol(spec))
                : null;
        return start(scenario, tape, symbol, port, speed, incremental, err);
    }

    private static SimulatedVenue start(final Scenario scenario, final LobsterDay tape, final String symbol,
                                        final int port, final double speed, final boolean incremental,
                                        final PrintStream err) {
        try {
            return new SimulatedVenue(scenario, tape, symbol, port, speed, incremental, 20, "VENUE", "SLICER", err);
        } catch (final ConfigError e) {
            throw new IllegalStateException("venue on port " + port + " cannot start: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- test view

    /** Every ClOrdID of a NewOrderSingle the venue received, in arrival order (repeats included). */
    public synchronized List<String> receivedClOrdIds() {
        return List.copyOf(received);
    }

    /** Shares the venue filled for each parent (the part of the ClOrdID before the dot). */
    public synchronized long filled(final long parent) {
        return filledByParent.getOrDefault(parent, 0L);
    }

    // ---------------------------------------------------------------- market

    private synchronized void tick() {
        final long now = System.nanoTime();
        final long volume = market.advance(now - lastTick);
        lastTick = now;
        if (!market.hasQuote()) {
            return;
        }
        for (final VenueOrder o : orders.values()) {
            if (!o.done && market.marketable(o.side, o.limit)) {
                fillAll(o);
            }
        }
        final long depth = Math.max(lotSize, volume * 2 + 1000);
        final double bid = market.bid();
        final double ask = market.ask();
        final long bidSize = market.bidSize(depth);
        final long askSize = market.askSize(depth);
        final double tradePx = market.tradePrice();
        final boolean trade = volume > 0 && tradePx > 0;
        Message update = null;
        if (incremental) {
            final MarketDataIncrementalRefresh x = new MarketDataIncrementalRefresh();
            if (bid != sentBid || bidSize != sentBidSize) {
                addChange(x, MDUpdateAction.CHANGE, MDEntryType.BID, bid, bidSize);
            }
            if (ask != sentAsk || askSize != sentAskSize) {
                addChange(x, MDUpdateAction.CHANGE, MDEntryType.OFFER, ask, askSize);
            }
            if (trade) {
                addChange(x, MDUpdateAction.NEW, MDEntryType.TRADE, tradePx, volume);
            }
            update = x.getGroupCount(268) > 0 ? x : null;
        }
        sentBid = bid;
        sentAsk = ask;
        sentBidSize = bidSize;
        sentAskSize = askSize;
        for (final Map.Entry<SessionID, String> sub : subscribers.entrySet()) {
            final Session s = Session.lookupSession(sub.getKey());
            if (s == null || !s.isLoggedOn()) {
                continue;
            }
            if (incremental) {
                if (update != null) {
                    update.setString(262, sub.getValue());
                    s.send(update);
                }
            } else {
                s.send(snapshot(sub.getValue(), trade ? volume : 0));
            }
        }
    }

    /** The whole top of book (and the volume {@code traded} since the last tick, when positive) as one 35=W. */
    private MarketDataSnapshotFullRefresh snapshot(final String mdReqId, final long traded) {
        final MarketDataSnapshotFullRefresh w = new MarketDataSnapshotFullRefresh();
        w.set(new Symbol(symbol));
        w.setString(262, mdReqId);
        addEntry(w, MDEntryType.BID, market.bid(), sentBidSize);
        addEntry(w, MDEntryType.OFFER, market.ask(), sentAskSize);
        if (traded > 0) {
            addEntry(w, MDEntryType.TRADE, market.tradePrice(), traded);
        }
        return w;
    }

    private void addChange(final MarketDataIncrementalRefresh x, final char action, final char type, final double px,
                           final long size) {
        final MarketDataIncrementalRefresh.NoMDEntries e = new MarketDataIncrementalRefresh.NoMDEntries();
        e.set(new MDUpdateAction(action));
        e.set(new MDEntryType(type));
        e.set(new Symbol(symbol));
        e.set(new MDEntryPx(px));
        e.set(new MDEntrySize(size));
        x.addGroup(e);
    }

    private static void addEntry(final MarketDataSnapshotFullRefresh w, final char type, final double px,
                                 final long size) {
        final MarketDataSnapshotFullRefresh.NoMDEntries e = new MarketDataSnapshotFullRefresh.NoMDEntries();
        e.set(new MDEntryType(type));
        e.set(new MDEntryPx(px));
        e.set(new MDEntrySize(size));
        w.addGroup(e);
    }

    // ---------------------------------------------------------------- orders

    @Override
    public synchronized void fromApp(final Message m, final SessionID session) throws FieldNotFound {
        switch (m.getHeader().getString(35)) {
            case "D" -> newOrder(m, session);
            case "F" -> cancel(m, session);
            case "H" -> status(m, session);
            case "V" -> subscribe(m, session);
            default -> { }
        }
    }

    /** A subscription gets the current book at once (when there is one), then the stream. */
    private void subscribe(final Message m, final SessionID session) {
        final String mdReqId = FixFields.str(m, 262, "md");
        subscribers.put(session, mdReqId);
        if (market.hasQuote() && !Double.isNaN(sentBid)) {
            send(snapshot(mdReqId, 0), session);
        }
    }

    private void newOrder(final Message m, final SessionID session) throws FieldNotFound {
        final String clOrdId = m.getString(11);
        received.add(clOrdId);
        final Side side = m.getChar(54) == '1' ? Side.BUY : Side.SELL;
        final long qty = (long) m.getDouble(38);
        final double limit = m.isSetField(44) ? m.getDouble(44) : (side == Side.BUY ? Double.MAX_VALUE : 0);
        final VenueOrder o = new VenueOrder(clOrdId, FixFields.str(m, 55, symbol), side, qty, limit,
                "V" + nextOrderId++);
        if (orders.containsKey(clOrdId)) {
            final ExecutionReport r = report(o, ExecType.REJECTED, OrdStatus.REJECTED);
            r.set(new OrdRejReason(OrdRejReason.DUPLICATE_ORDER));
            r.set(new Text("duplicate ClOrdID " + clOrdId));
            send(r, session);
            return;
        }
        orders.put(clOrdId, o);
        send(report(o, ExecType.NEW, OrdStatus.NEW), session);
        if (market.marketable(side, limit)) {
            fillAll(o);
        }
    }

    private void fillAll(final VenueOrder o) {
        final long first = o.quantity - o.cum > lotSize ? Math.max(lotSize, (o.quantity - o.cum) / 2 / lotSize * lotSize)
                : o.quantity - o.cum;
        fill(o, first);
        if (o.cum < o.quantity) {
            fill(o, o.quantity - o.cum);
        }
    }

    private void fill(final VenueOrder o, final long qty) {
        final double px = market.execute(o.side, qty, o.limit);
        o.cum += qty;
        o.notional += px * qty;
        o.done = o.cum == o.quantity;
        final long[] ids = FixIds.parseChild(o.clOrdId);
        if (ids != null) {
            filledByParent.merge(ids[0], qty, Long::sum);
        }
        final ExecutionReport r = report(o, ExecType.TRADE, o.done ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED);
        r.set(new LastQty(qty));
        r.set(new LastPx(px));
        sendToAll(r);
    }

    private void cancel(final Message m, final SessionID session) throws FieldNotFound {
        final String orig = m.getString(41);
        final VenueOrder o = orders.get(orig);
        if (o == null || o.done) {
            final OrderCancelReject r = new OrderCancelReject(new OrderID(o == null ? "NONE" : o.orderId),
                    new ClOrdID(m.getString(11)), new OrigClOrdID(orig),
                    new OrdStatus(o == null ? OrdStatus.REJECTED : o.cum == o.quantity ? OrdStatus.FILLED
                            : OrdStatus.CANCELED),
                    new CxlRejResponseTo(CxlRejResponseTo.ORDER_CANCEL_REQUEST));
            r.set(new CxlRejReason(o == null ? CxlRejReason.UNKNOWN_ORDER : CxlRejReason.TOO_LATE_TO_CANCEL));
            send(r, session);
            return;
        }
        o.done = true;
        final ExecutionReport r = report(o, ExecType.CANCELED, OrdStatus.CANCELED);
        r.set(new ClOrdID(m.getString(11)));
        r.set(new OrigClOrdID(orig));
        r.set(new LeavesQty(0));
        send(r, session);
    }

    private void status(final Message m, final SessionID session) throws FieldNotFound {
        final String clOrdId = m.getString(11);
        final VenueOrder o = orders.get(clOrdId);
        if (o == null) {
            final VenueOrder unknown = new VenueOrder(clOrdId, FixFields.str(m, 55, symbol),
                    m.getChar(54) == '1' ? Side.BUY : Side.SELL, 0, 0, "NONE");
            final ExecutionReport r = report(unknown, ExecType.ORDER_STATUS, OrdStatus.REJECTED);
            r.set(new OrdRejReason(OrdRejReason.UNKNOWN_ORDER));
            send(r, session);
            return;
        }
        final char st = o.cum == o.quantity ? OrdStatus.FILLED : o.done ? OrdStatus.CANCELED
                : o.cum > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
        send(report(o, ExecType.ORDER_STATUS, st), session);
    }

    private ExecutionReport report(final VenueOrder o, final char execType, final char ordStatus) {
        final ExecutionReport r = new ExecutionReport(new OrderID(o.orderId),
                new ExecID(Long.toString(nextExecId++)), new ExecType(execType), new OrdStatus(ordStatus),
                new quickfix.field.Side(o.side == Side.BUY ? quickfix.field.Side.BUY : quickfix.field.Side.SELL),
                new LeavesQty(o.done ? 0 : o.quantity - o.cum), new CumQty(o.cum),
                new AvgPx(o.cum > 0 ? Math.round(o.notional / o.cum * 1e6) / 1e6 : 0));
        r.set(new ClOrdID(o.clOrdId));
        r.set(new Symbol(o.symbol));
        r.set(new OrderQty(o.quantity));
        return r;
    }

    private void sendToAll(final Message m) {
        for (final SessionID id : acceptor.getSessions()) {
            send(m, id);
        }
    }

    private static void send(final Message m, final SessionID session) {
        final Session s = Session.lookupSession(session);
        if (s != null) {
            s.send(m);
        }
    }

    @Override
    public synchronized void onLogout(final SessionID sessionId) {
        subscribers.remove(sessionId);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        acceptor.stop(true);
        synchronized (this) {
            market.close();
        }
    }
}
