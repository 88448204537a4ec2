package io.slicer.tools.fix;

import io.slicer.tools.fix.gateway.FixGateway;
import io.slicer.tools.fix.gateway.FixSessions;
import io.slicer.tools.fix.gateway.GatewayConfig;
import io.slicer.tools.fix.oms.OmsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.ApplicationAdapter;
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
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDUpdateAction;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.MarketDataIncrementalRefresh;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.slicer.tools.fix.oms.OmsClient.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A venue on QuickFIX/J that takes children back or refuses them, between the gateway and a QuickFIX/J OMS on
 * 127.0.0.1: a working child the venue cancels unsolicited after a partial fill, or a child it rejects, gives its
 * unfilled shares back to the parent, which the engine re-slices and fills, the OMS seeing only Trades that add up;
 * a venue that rejects every child stops the parent after three rejects in a row, reported to the OMS as DoneForDay
 * naming {@code VENUE_REJECTS}.
 */
class FixVenueUnsolicitedTest {
    /** What the venue does with a parent's children: the first one, or every one. */
    enum Script { CANCEL_FIRST_AFTER_HALF, REJECT_FIRST, REJECT_ALL }

    @TempDir
    static Path tmp;
    static SocketAcceptor venue;
    static FixGateway gateway;
    static OmsClient oms;
    static ScheduledExecutorService market;
    static volatile SessionID venueSession;
    static volatile Script script = Script.REJECT_FIRST;
    /** Children the venue received, by parent (the engine's order id in the child ClOrdID "PARENT.CHILD"). */
    static final Map<Long, List<Long>> children = new ConcurrentHashMap<>();
    static final Map<Long, Long> filled = new ConcurrentHashMap<>();
    static final AtomicLong execIds = new AtomicLong();

    @BeforeAll
    static void start() throws Exception {
        final int venuePort = FixPorts.free();
        final int omsPort = FixPorts.free();
        final SessionSettings settings = new SessionSettings();
        FixSessions.add(settings, "VENUE", "SLICER", true, "127.0.0.1", venuePort, tmp.resolve("venue"), 30);
        venue = new SocketAcceptor(new ApplicationAdapter() {
            @Override
            public void onLogon(final SessionID id) {
                venueSession = id;
            }

            @Override
            public void fromApp(final Message m, final SessionID id) throws FieldNotFound {
                if (m.getHeader().getString(35).equals("D")) {
                    child(m);
                }
            }
        }, new MemoryStoreFactory(), settings, FixSessions.oneLineLog(System.err), new DefaultMessageFactory());
        venue.start();
        gateway = FixGateway.start(GatewayConfig.of("AAPL").omsPort(omsPort).venue("127.0.0.1", venuePort),
                tmp.resolve("journal"), System.err);
        market = Executors.newSingleThreadScheduledExecutor();
        market.scheduleAtFixedRate(FixVenueUnsolicitedTest::quote, 0, 100, TimeUnit.MILLISECONDS);
        assertTrue(gateway.awaitQuote("AAPL", 10_000), "the venue's market data reached the engine");
        oms = OmsClient.connect("127.0.0.1", omsPort, System.err);
        assertTrue(oms.awaitLogon(10_000), "OMS logged on");
    }

    @AfterAll
    static void stop() {
        market.shutdownNow();
        oms.close();
        gateway.close();
        venue.stop(true);
    }

    /** A two-sided book at 100.00 / 100.02 and a print, every 100 ms. */
    private static void quote() {
        final SessionID s = venueSession;
        if (s == null) {
            return;
        }
        final MarketDataIncrementalRefresh x = new MarketDataIncrementalRefresh();
        x.setString(262, "md");
        x.addGroup(entry(MDEntryType.BID, 100.00, 5_000));
        x.addGroup(entry(MDEntryType.OFFER, 100.02, 5_000));
        x.addGroup(entry(MDEntryType.TRADE, 100.01, 1_000));
        Session.lookupSession(s).send(x);
    }

    private static MarketDataIncrementalRefresh.NoMDEntries entry(final char type, final double px,
                                                                  final long size) {
        final MarketDataIncrementalRefresh.NoMDEntries e = new MarketDataIncrementalRefresh.NoMDEntries();
        e.set(new MDUpdateAction(MDUpdateAction.NEW));
        e.set(new MDEntryType(type));
        e.set(new Symbol("AAPL"));
        e.set(new MDEntryPx(px));
        e.set(new MDEntrySize(size));
        return e;
    }

    /** The venue's answer to a child NewOrderSingle, as the current script says. */
    private static void child(final Message d) throws FieldNotFound {
        final String clOrdId = d.getString(11);
        final long parent = Long.parseLong(clOrdId.substring(0, clOrdId.indexOf('.')));
        final long qty = (long) d.getDouble(38);
        final char side = d.getChar(54);
        final List<Long> seen = children.computeIfAbsent(parent, p -> new CopyOnWriteArrayList<>());
        seen.add(qty);
        final boolean first = seen.size() == 1;
        if (script == Script.REJECT_ALL || script == Script.REJECT_FIRST && first) {
            send(report(clOrdId, side, ExecType.REJECTED, OrdStatus.REJECTED, 0, 0, 0));
            return;
        }
        send(report(clOrdId, side, ExecType.NEW, OrdStatus.NEW, qty, 0, 0));
        if (script == Script.CANCEL_FIRST_AFTER_HALF && first) {
            final long half = qty / 2;
            // The venue's tally moves before its report leaves, so a test woken by the report never reads it stale.
            filled.merge(parent, half, Long::sum);
            send(report(clOrdId, side, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, qty - half, half, half));
            // Unsolicited: no OrderCancelRequest asked for it (ClOrdID 11 is the child's own, no OrigClOrdID 41).
            send(report(clOrdId, side, ExecType.CANCELED, OrdStatus.CANCELED, 0, half, 0));
            return;
        }
        filled.merge(parent, qty, Long::sum);
        send(report(clOrdId, side, ExecType.TRADE, OrdStatus.FILLED, 0, qty, qty));
    }

    private static ExecutionReport report(final String clOrdId, final char side, final char execType,
                                          final char ordStatus, final long leaves, final long cum, final long last) {
        final ExecutionReport r = new ExecutionReport(new OrderID("V-" + clOrdId),
                new ExecID("V" + execIds.incrementAndGet()), new ExecType(execType), new OrdStatus(ordStatus),
                new Side(side), new LeavesQty(leaves), new CumQty(cum), new AvgPx(cum > 0 ? 100.02 : 0));
        r.set(new ClOrdID(clOrdId));
        r.set(new Symbol("AAPL"));
        if (last > 0) {
            r.set(new LastQty(last));
            r.set(new LastPx(100.02));
        }
        return r;
    }

    private static void send(final Message m) {
        assertTrue(Session.lookupSession(venueSession).send(m), "venue report sent");
    }

    private static List<Message> reportsOf(final String clOrdId) {
        return oms.received().stream().filter(m -> field(m, 11).equals(clOrdId)).toList();
    }

    private static long qty(final Message m, final int tag) {
        return (long) Double.parseDouble(field(m, tag));
    }

    /**
     * Sends a 2,000-share two-slice TWAP parent over 6 s (the second slice opens at 3 s, time for a loaded machine to
     * answer the first child); returns its engine order id once acknowledged.
     */
    private static long parent(final String clOrdId) throws InterruptedException {
        oms.send(oms.order(clOrdId, "AAPL", '1', 2_000, Double.NaN, "1001", "slices=2", Double.NaN, 6_000));
        final Message acked = oms.await(m -> field(m, 11).equals(clOrdId) && field(m, 150).equals("0"), 10_000);
        assertNotNull(acked, clOrdId + " acknowledged; reports: " + reportsOf(clOrdId));
        return Long.parseLong(field(acked, 37));
    }

    private static void assertFilledWithTradesAddingUp(final String clOrdId, final long orderId)
            throws InterruptedException {
        final Message done = oms.await(m -> field(m, 11).equals(clOrdId) && field(m, 39).equals("2"), 15_000);
        assertNotNull(done, clOrdId + " FILLED; children at the venue " + children.get(orderId) + ", reports: "
                + reportsOf(clOrdId));
        assertEquals(2_000, qty(done, 14));
        long lastQtySum = 0;
        for (final Message m : reportsOf(clOrdId)) {
            assertTrue(!field(m, 150).equals("8") && !field(m, 150).equals("4") && !field(m, 150).equals("3"),
                    "the OMS sees no reject, cancel or halt of its parent: " + m);
            if (field(m, 150).equals("F")) {
                lastQtySum += qty(m, 32);
            }
        }
        assertEquals(2_000, lastQtySum);
        assertEquals(2_000L, filled.get(orderId), "the venue's fills");
    }

    @Test
    void aChildTheVenueCancelsUnsolicitedAfterAPartialFillIsReslicedAndTheParentFills() throws Exception {
        script = Script.CANCEL_FIRST_AFTER_HALF;
        final long orderId = parent("ucxl-1");
        assertFilledWithTradesAddingUp("ucxl-1", orderId);
        final List<Long> sent = children.get(orderId);
        assertEquals(1_000L, sent.get(0), "the first slice's child, half filled then cancelled by the venue");
        assertEquals(1_500L, sent.stream().skip(1).mapToLong(Long::longValue).sum(),
                "the 500 it gave back re-sliced with the second slice: " + sent);
    }

    @Test
    void aChildTheVenueRejectsIsReslicedAndTheParentFills() throws Exception {
        script = Script.REJECT_FIRST;
        final long orderId = parent("rej-1");
        assertFilledWithTradesAddingUp("rej-1", orderId);
        final List<Long> sent = children.get(orderId);
        assertEquals(1_000L, sent.get(0), "the rejected child");
        assertEquals(2_000L, sent.stream().skip(1).mapToLong(Long::longValue).sum(), "re-sliced: " + sent);
    }

    @Test
    void aVenueRejectingEveryChildHaltsTheParentAfterThreeAndTheOmsIsToldWhy() throws Exception {
        script = Script.REJECT_ALL;
        final long orderId = parent("rejall-1");
        final Message halted = oms.await(m -> field(m, 11).equals("rejall-1") && field(m, 150).equals("3"), 15_000);
        assertNotNull(halted, "DoneForDay; reports: " + reportsOf("rejall-1"));
        assertEquals("3", field(halted, 39));
        assertTrue(field(halted, 58).contains("VENUE_REJECTS"), field(halted, 58));
        assertEquals(0, qty(halted, 14));
        // Past the parent's end (6 s; halted at the second slice, 3 s in): nothing more reached the venue.
        Thread.sleep(4_000);
        assertEquals(3, children.get(orderId).size(), "children the venue saw: " + children.get(orderId));
        assertEquals(List.of("0", "3"), reportsOf("rejall-1").stream().map(m -> field(m, 150)).toList());
    }
}
