package io.slicer.tools.fix.oms;

import io.slicer.tools.fix.gateway.FixSessions;
import quickfix.ApplicationAdapter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.EffectiveTime;
import quickfix.field.ExpireTime;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An OMS on QuickFIX/J (an implementation independent of the gateway's use of it): logs on to the gateway as
 * {@code OMS}, sends parent orders (NewOrderSingle with TargetStrategy 847 and TargetStrategyParameters 848), cancels
 * and replaces, and keeps every ExecutionReport and OrderCancelReject it receives. The README walkthrough and the
 * end-to-end tests drive the gateway with it.
 */
public final class OmsClient extends ApplicationAdapter implements AutoCloseable {
    private final SocketInitiator initiator;
    private final SessionID session;
    private final List<Message> received = new ArrayList<>();
    private volatile boolean loggedOn;

    private OmsClient(final String host, final int port, final String compId, final String gatewayCompId,
                      final PrintStream err) throws ConfigError {
        final SessionSettings settings = new SessionSettings();
        this.session = FixSessions.add(settings, compId, gatewayCompId, false, host, port, Path.of("."), 30);
        this.initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings, FixSessions.oneLineLog(err),
                new DefaultMessageFactory());
        initiator.start();
    }

    /** Connects as {@code OMS} to the gateway {@code SLICER} at host:port (logs on in the background). */
    public static OmsClient connect(final String host, final int port, final PrintStream err) {
        try {
            return new OmsClient(host, port, "OMS", "SLICER", err);
        } catch (final ConfigError e) {
            throw new IllegalStateException("OMS client cannot start: " + e.getMessage(), e);
        }
    }

    /** Waits up to {@code millis} for the logon; false when it did not happen. */
    public boolean awaitLogon(final long millis) throws InterruptedException {
        final long end = System.currentTimeMillis() + millis;
        while (!loggedOn && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        return loggedOn;
    }

    /**
     * A parent order. {@code limit} NaN for a market order; {@code participationRate} NaN unless POV;
     * {@code params} the 848 text ({@code slices=10;...}), null for none.
     */
    public NewOrderSingle order(final String clOrdId, final String symbol, final char side, final long qty,
                                final double limit, final String strategy, final String params,
                                final double participationRate, final long horizonMillis) {
        final NewOrderSingle o = new NewOrderSingle(new ClOrdID(clOrdId), new Side(side), new TransactTime(),
                new OrdType(Double.isNaN(limit) ? OrdType.MARKET : OrdType.LIMIT));
        o.set(new Symbol(symbol));
        o.set(new OrderQty(qty));
        if (!Double.isNaN(limit)) {
            o.set(new Price(limit));
        }
        final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        o.set(new EffectiveTime(now));
        o.set(new ExpireTime(now.plusNanos(horizonMillis * 1_000_000L)));
        if (strategy != null) {
            o.setString(847, strategy);
        }
        if (params != null) {
            o.setString(848, params);
        }
        if (!Double.isNaN(participationRate)) {
            o.setDouble(849, participationRate);
        }
        return o;
    }

    public OrderCancelRequest cancel(final String origClOrdId, final String clOrdId, final String symbol,
                                     final char side) {
        final OrderCancelRequest c = new OrderCancelRequest(new OrigClOrdID(origClOrdId), new ClOrdID(clOrdId),
                new Side(side), new TransactTime());
        c.set(new Symbol(symbol));
        return c;
    }

    public OrderCancelReplaceRequest replace(final String origClOrdId, final String clOrdId, final String symbol,
                                             final char side, final double limit) {
        final OrderCancelReplaceRequest r = new OrderCancelReplaceRequest(new OrigClOrdID(origClOrdId),
                new ClOrdID(clOrdId), new Side(side), new TransactTime(), new OrdType(OrdType.LIMIT));
        r.set(new Symbol(symbol));
        r.set(new Price(limit));
        return r;
    }

    /**
     * A replace of a market parent's terms: its total quantity {@code qty} (0: not sent) and the end of its horizon
     * {@code expireTime} (null: not sent). No Price, so the limit stays as it is.
     */
    public OrderCancelReplaceRequest replaceTerms(final String origClOrdId, final String clOrdId, final String symbol,
                                                  final char side, final long qty, final LocalDateTime expireTime) {
        final OrderCancelReplaceRequest r = new OrderCancelReplaceRequest(new OrigClOrdID(origClOrdId),
                new ClOrdID(clOrdId), new Side(side), new TransactTime(), new OrdType(OrdType.MARKET));
        r.set(new Symbol(symbol));
        if (qty > 0) {
            r.set(new OrderQty(qty));
        }
        if (expireTime != null) {
            r.set(new ExpireTime(expireTime));
        }
        return r;
    }

    /** Sends {@code m} on the session; false when not logged on (QuickFIX/J then keeps it for a resend). */
    public boolean send(final Message m) {
        final Session s = Session.lookupSession(session);
        return s != null && s.send(m);
    }

    /** Every application message received so far (ExecutionReports, OrderCancelRejects), oldest first. */
    public synchronized List<Message> received() {
        return List.copyOf(received);
    }

    /** Waits up to {@code millis} for a received message matching {@code p}; null when none came. */
    public Message await(final Predicate<Message> p, final long millis) throws InterruptedException {
        final long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            synchronized (this) {
                for (final Message m : received) {
                    if (p.test(m)) {
                        return m;
                    }
                }
                wait(20);
            }
        }
        return null;
    }

    @Override
    public synchronized void fromApp(final Message message, final SessionID sessionId) {
        received.add(message);
        notifyAll();
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        loggedOn = true;
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        loggedOn = false;
    }

    @Override
    public void close() {
        initiator.stop(true);
    }

    /** The tag's text in {@code m}, or "" (for predicates). */
    public static String field(final Message m, final int tag) {
        try {
            return m.isSetField(tag) ? m.getString(tag) : m.getHeader().isSetField(tag) ? m.getHeader().getString(tag) : "";
        } catch (final FieldNotFound e) {
            return "";
        }
    }
}
