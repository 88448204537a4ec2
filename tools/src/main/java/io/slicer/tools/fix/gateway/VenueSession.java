package io.slicer.tools.fix.gateway;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.journal.JournaledEngine;
import quickfix.ApplicationAdapter;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.ClOrdID;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MarketDepth;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderStatusRequest;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * The venue side (Slicer initiates). As the engine's {@link ChildOrderSink} it hands each child and cancel to the
 * gateway's outbound thread, which sends it as a NewOrderSingle (ClOrdID {@code PARENT.CHILD}, limit, Day) or an
 * OrderCancelRequest; as the venue session's application it turns the venue's ExecutionReports into engine acks,
 * fills (the engine ignores a repeated ExecID), rejects and cancel confirmations (solicited or not), and its market
 * data into engine market events: snapshots (35=W) and incremental refreshes (35=X: MDUpdateAction new, change or
 * delete of the best bid or offer, trades with their volume) both update one top of book per symbol, and each message
 * that leaves a symbol's book two-sided publishes it as a quote (best bid and offer with sizes). A crossed book is
 * passed on as it is (the engine's market-data check halts on it and journals why) with one line on the log; an
 * entry for a symbol the gateway does not trade is skipped, with one line the first time.
 *
 * <p>Recovery: the children a restarted engine still holds unresolved are asked about with an OrderStatusRequest at
 * logon (QuickFIX/J resends, before it, whatever this session's store holds that the venue missed). A child the venue
 * answers it does not know was never sent: it is sent now, under the same ClOrdID; a child with a cancel pending
 * that is still working is cancelled again. Fills the venue sent while the gateway was down arrive as its resent
 * reports, since this session counts a report only once the engine journaled it.
 */
final class VenueSession extends ApplicationAdapter implements ChildOrderSink {
    private final GatewayConfig config;
    private final SessionID session;
    private final Executor outbound;
    private final Map<String, JournaledEngine.UnresolvedChild> unresolved = new ConcurrentHashMap<>();
    /** Symbol and side of each child sent (a cancel must repeat them); outbound thread. */
    private final Map<String, long[]> children = new ConcurrentHashMap<>();
    private final java.util.Set<Integer> quoted = ConcurrentHashMap.newKeySet();
    /** Top of book per symbol as the venue's market data left it (venue session thread). */
    private final double[] bid;
    private final double[] ask;
    private final long[] bidSize;
    private final long[] askSize;
    private final boolean[] crossed;
    private final Set<String> unknownSymbols = new HashSet<>();
    private final PrintStream err;
    private EngineIngress ingress;
    private LongConsumer refresh;

    VenueSession(final GatewayConfig config, final SessionID session, final Executor outbound,
                 final PrintStream err) {
        this.config = config;
        this.session = session;
        this.outbound = outbound;
        this.err = err;
        final int n = config.symbols().size();
        this.bid = new double[n];
        this.ask = new double[n];
        this.bidSize = new long[n];
        this.askSize = new long[n];
        this.crossed = new boolean[n];
        Arrays.fill(bid, Double.NaN);
        Arrays.fill(ask, Double.NaN);
    }

    /** Connects the engine side once the engine exists (the sink is needed to build it). */
    void connect(final EngineIngress engineIngress, final LongConsumer omsRefresh,
                 final List<JournaledEngine.UnresolvedChild> toReconcile) {
        this.ingress = engineIngress;
        this.refresh = omsRefresh;
        for (final JournaledEngine.UnresolvedChild c : toReconcile) {
            final String clOrdId = FixIds.childClOrdId(c.parentId(), c.childId());
            unresolved.put(clOrdId, c);
            children.put(clOrdId, new long[]{c.symbol(), c.side() == Side.BUY ? 1 : 2});
        }
    }

    /** True once a quote for {@code symbol} was published to the engine (any thread). */
    boolean quoted(final int symbol) {
        return quoted.contains(symbol);
    }

    // ---------------------------------------------------------------- engine thread (ChildOrderSink)

    @Override
    public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                           final long quantity, final double limitPrice) {
        outbound.execute(() -> sendChild(childId, parentId, symbol, side, quantity, limitPrice));
    }

    @Override
    public void onCancelChild(final long childId, final long parentId) {
        outbound.execute(() -> sendCancel(childId, parentId));
    }

    @Override
    public void onParentStatus(final long parentId, final OrderStatus status) {
        outbound.execute(() -> refresh.accept(parentId));
    }

    // ---------------------------------------------------------------- outbound thread

    private void sendChild(final long childId, final long parentId, final int symbol, final Side side,
                           final long quantity, final double limitPrice) {
        final String clOrdId = FixIds.childClOrdId(parentId, childId);
        children.put(clOrdId, new long[]{symbol, side == Side.BUY ? 1 : 2});
        final NewOrderSingle nos = new NewOrderSingle(new ClOrdID(clOrdId),
                new quickfix.field.Side(side == Side.BUY ? quickfix.field.Side.BUY : quickfix.field.Side.SELL),
                new TransactTime(), new OrdType(OrdType.LIMIT));
        nos.set(new Symbol(config.symbols().get(symbol)));
        nos.set(new OrderQty(quantity));
        nos.set(new Price(limitPrice));
        nos.set(new TimeInForce(TimeInForce.DAY));
        send(nos);
    }

    private void sendCancel(final long childId, final long parentId) {
        final String child = FixIds.childClOrdId(parentId, childId);
        final long[] known = children.get(child);
        if (known == null) {
            return;
        }
        final OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID(child),
                new ClOrdID(FixIds.cancelClOrdId(parentId, childId)), new quickfix.field.Side(known[1] == 1
                ? quickfix.field.Side.BUY : quickfix.field.Side.SELL), new TransactTime());
        cancel.set(new Symbol(config.symbols().get((int) known[0])));
        send(cancel);
    }

    private void send(final Message m) {
        FixSessions.send(m, session);
    }

    // ---------------------------------------------------------------- venue session thread

    @Override
    public void onLogon(final SessionID sessionId) {
        int n = 0;
        for (final String symbol : config.symbols()) {
            final MarketDataRequest r = new MarketDataRequest(new MDReqID("md-" + n++),
                    new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES), new MarketDepth(1));
            for (final char type : new char[]{MDEntryType.BID, MDEntryType.OFFER, MDEntryType.TRADE}) {
                final MarketDataRequest.NoMDEntryTypes t = new MarketDataRequest.NoMDEntryTypes();
                t.set(new MDEntryType(type));
                r.addGroup(t);
            }
            final MarketDataRequest.NoRelatedSym sym = new MarketDataRequest.NoRelatedSym();
            sym.set(new Symbol(symbol));
            r.addGroup(sym);
            send(r);
        }
        for (final JournaledEngine.UnresolvedChild c : unresolved.values()) {
            final OrderStatusRequest h = new OrderStatusRequest(new ClOrdID(FixIds.childClOrdId(c.parentId(),
                    c.childId())), new quickfix.field.Side(c.side() == Side.BUY ? quickfix.field.Side.BUY
                    : quickfix.field.Side.SELL));
            h.set(new Symbol(config.symbols().get(c.symbol())));
            send(h);
        }
    }

    @Override
    public void fromApp(final Message m, final SessionID sessionId) throws FieldNotFound {
        final String type = m.getHeader().getString(35);
        if ("8".equals(type)) {
            executionReport(m);
        } else if ("W".equals(type)) {
            snapshot(m);
        } else if ("X".equals(type)) {
            incremental(m);
        }
    }

    private void executionReport(final Message m) throws FieldNotFound {
        final String childClOrdId = m.isSetField(41) ? m.getString(41) : FixFields.str(m, 11, "");
        final long[] ids = FixIds.parseChild(childClOrdId);
        if (ids == null) {
            return;
        }
        final long parent = ids[0];
        final long child = ids[1];
        final char execType = m.getChar(150);
        switch (execType) {
            case '0' -> ingress.childAck(parent, child);
            case 'F' -> ingress.fill(parent, child, FixIds.venueExecId(m.getString(17)), (long) m.getDouble(32),
                    m.getDouble(31));
            case '4', 'C' -> ingress.childCancelled(parent, child, (long) FixFields.num(m, 14, 0));
            case '8' -> ingress.childReject(parent, child);
            case 'I' -> {
                reconcile(childClOrdId, m);
                return;
            }
            default -> {
                return;
            }
        }
        ingress.durable();
        outbound.execute(() -> refresh.accept(parent));
    }

    /** The venue's answer to a recovery OrderStatusRequest. */
    private void reconcile(final String clOrdId, final Message m) {
        final JournaledEngine.UnresolvedChild c = unresolved.remove(clOrdId);
        if (c == null) {
            return;
        }
        final char ordStatus = FixFields.str(m, 39, "8").charAt(0);
        final boolean unknown = ordStatus == '8' && "5".equals(FixFields.str(m, 103, ""));
        if (unknown) {
            outbound.execute(() -> sendChild(c.childId(), c.parentId(), c.symbol(), c.side(), c.quantity(),
                    c.limitPrice()));
            if (c.cancelRequested()) {
                outbound.execute(() -> sendCancel(c.childId(), c.parentId()));
            }
        } else if (c.cancelRequested() && (ordStatus == '0' || ordStatus == '1')) {
            outbound.execute(() -> sendCancel(c.childId(), c.parentId()));
        }
    }

    private void snapshot(final Message m) throws FieldNotFound {
        final int symbol = symbolOf(FixFields.str(m, 55, ""));
        if (symbol < 0) {
            return;
        }
        // A full refresh replaces the book: a side it does not carry is empty.
        bid[symbol] = Double.NaN;
        ask[symbol] = Double.NaN;
        final int entries = m.isSetField(268) ? m.getInt(268) : 0;
        for (int i = 1; i <= entries; i++) {
            final Group g = m.getGroup(i, 268);
            entry(symbol, '0', g.getChar(269), g.getDouble(270), (long) FixFields.num(g, 271, 0), 0);
        }
        publishQuote(symbol);
    }

    /** 35=X: each entry names its symbol (or repeats the message's); one quote per symbol the message touched. */
    private void incremental(final Message m) throws FieldNotFound {
        final String defaultSymbol = FixFields.str(m, 55, "");
        final boolean[] touched = new boolean[bid.length];
        final int entries = m.isSetField(268) ? m.getInt(268) : 0;
        for (int i = 1; i <= entries; i++) {
            final Group g = m.getGroup(i, 268);
            final int symbol = symbolOf(FixFields.str(g, 55, defaultSymbol));
            if (symbol < 0) {
                continue;
            }
            final char action = FixFields.str(g, 279, "0").charAt(0);
            final char entryType = g.getChar(269);
            final double px = g.isSetField(270) ? g.getDouble(270) : Double.NaN;
            entry(symbol, action, entryType, px, (long) FixFields.num(g, 271, 0), aggressor(g));
            touched[symbol] |= entryType == MDEntryType.BID || entryType == MDEntryType.OFFER;
        }
        for (int s = 0; s < touched.length; s++) {
            if (touched[s]) {
                publishQuote(s);
            }
        }
    }

    /**
     * A trade entry's AggressorSide (2446): 1 (buy) is +1, 2 (sell) -1; absent or anything else, 0 (unknown, left
     * out of the tactic chooser's trade flow).
     */
    private static int aggressor(final Group g) {
        final String side = FixFields.str(g, 2446, "");
        return "1".equals(side) ? 1 : "2".equals(side) ? -1 : 0;
    }

    /**
     * One market data entry: a bid or offer sets (new, change) or clears (delete) its side; a trade is published
     * with its {@code aggressor} (+1, -1, 0 unknown).
     */
    private void entry(final int symbol, final char action, final char entryType, final double px, final long size,
                       final int aggressor) {
        final boolean delete = action == '2';
        if (entryType == MDEntryType.BID) {
            bid[symbol] = delete ? Double.NaN : px;
            bidSize[symbol] = delete ? 0 : size;
        } else if (entryType == MDEntryType.OFFER) {
            ask[symbol] = delete ? Double.NaN : px;
            askSize[symbol] = delete ? 0 : size;
        } else if (entryType == MDEntryType.TRADE && !delete && size > 0 && px > 0) {
            ingress.trade(symbol, px, size, aggressor);
        }
    }

    private void publishQuote(final int symbol) {
        final double b = bid[symbol];
        final double a = ask[symbol];
        if (Double.isNaN(b) || Double.isNaN(a)) {
            return;
        }
        final boolean isCrossed = b > a;
        if (isCrossed && !crossed[symbol]) {
            err.println("venue market data: " + config.symbols().get(symbol) + " crossed, bid " + b + " > ask " + a
                    + " (passed to the engine, whose market-data check decides)");
        }
        crossed[symbol] = isCrossed;
        ingress.quote(symbol, b, a, bidSize[symbol], askSize[symbol]);
        quoted.add(symbol);
    }

    private int symbolOf(final String name) {
        final int symbol = config.symbolId(name);
        if (symbol < 0 && unknownSymbols.add(name)) {
            err.println("venue market data: symbol '" + name + "' is not one of " + config.symbols()
                    + "; its entries are skipped");
        }
        return symbol;
    }
}
