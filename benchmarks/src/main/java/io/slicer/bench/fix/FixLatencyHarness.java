package io.slicer.bench.fix;

import io.slicer.tools.fix.gateway.FixGateway;
import io.slicer.tools.fix.gateway.FixSessions;
import io.slicer.tools.fix.gateway.GatewayConfig;
import org.HdrHistogram.Histogram;
import quickfix.ApplicationAdapter;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;
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
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.MarketDataSnapshotFullRefresh;

import java.io.PrintStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Latency through the FIX gateway over loopback TCP, closed loop (one parent in flight at a time):
 * <pre>
 *   OMS (QuickFIX/J) ──35=D──▶ gateway ──35=D child──▶ venue (QuickFIX/J)      A: OMS send → venue receive
 *   OMS ◀──35=8 Trade── gateway ◀──35=8 fill──────── venue                     B: venue send → OMS receive
 * </pre>
 * Both peers run in this JVM, so their {@code System.nanoTime()} stamps compare. Each sample includes the peers'
 * QuickFIX/J encode and decode and two loopback hops, as well as the gateway (its QuickFIX/J sessions, the ring, the
 * engine's decision, the journal write and fsync-free Chronicle append, and the wait for durability before a
 * message counts as received). Every parent is 100 shares, one slice, so its one child fills at once.
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.fix.FixLatencyHarness [parents]
 * </pre>
 */
public final class FixLatencyHarness {
    private FixLatencyHarness() {
    }

    public static void main(final String[] args) throws Exception {
        final int parents = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        final int venuePort = freePort();
        final int omsPort = freePort();
        final Path journal = Files.createTempDirectory("slicer-fix-latency");
        final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        final Venue venue = new Venue();
        final SessionSettings vs = new SessionSettings();
        final SessionID venueId = FixSessions.add(vs, "VENUE", "SLICER", true, "127.0.0.1", venuePort, journal, 30);
        final SocketAcceptor venueAcceptor = new SocketAcceptor(venue, new MemoryStoreFactory(), vs,
                FixSessions.oneLineLog(quiet), new DefaultMessageFactory());
        venueAcceptor.start();
        final Oms oms = new Oms();
        try (FixGateway gateway = FixGateway.start(GatewayConfig.of("AAPL").omsPort(omsPort)
                .venue("127.0.0.1", venuePort), journal.resolve("gateway"), quiet)) {
            final SessionSettings os = new SessionSettings();
            final SessionID omsId = FixSessions.add(os, "OMS", "SLICER", false, "127.0.0.1", omsPort, journal, 30);
            final SocketInitiator omsInitiator = new SocketInitiator(oms, new MemoryStoreFactory(), os,
                    FixSessions.oneLineLog(quiet), new DefaultMessageFactory());
            omsInitiator.start();
            while (!oms.loggedOn || !venue.loggedOn) {
                Thread.sleep(10);
            }
            venue.quote(venueId);
            final Histogram orderToChild = new Histogram(1, 10_000_000_000L, 3);
            final Histogram fillToReport = new Histogram(1, 10_000_000_000L, 3);
            final int warmup = Math.min(1_000, parents / 3);
            for (int i = 0; i < parents + warmup; i++) {
                if (i % 200 == 0) {
                    venue.quote(venueId);
                }
                final quickfix.fix44.NewOrderSingle nos = new quickfix.fix44.NewOrderSingle(
                        new ClOrdID("L" + i), new Side(Side.BUY), new quickfix.field.TransactTime(),
                        new quickfix.field.OrdType(quickfix.field.OrdType.MARKET));
                nos.set(new Symbol("AAPL"));
                nos.set(new OrderQty(100));
                nos.set(new quickfix.field.ExpireTime(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                        .plusSeconds(60)));
                nos.setString(847, "1001");
                nos.setString(848, "slices=1");
                final long sent = System.nanoTime();
                Session.lookupSession(omsId).send(nos);
                final long childArrived = venue.arrivals.poll(10, TimeUnit.SECONDS);
                final long fillSent = venue.fillsSent.poll(10, TimeUnit.SECONDS);
                final long reportArrived = oms.trades.poll(10, TimeUnit.SECONDS);
                if (i >= warmup) {
                    orderToChild.recordValue(Math.max(1, childArrived - sent));
                    fillToReport.recordValue(Math.max(1, reportArrived - fillSent));
                }
            }
            print("OMS NewOrderSingle -> venue child NewOrderSingle", orderToChild);
            print("venue fill ExecutionReport -> OMS Trade report", fillToReport);
            omsInitiator.stop(true);
            System.out.printf("gateway journaled %,d inputs%n", gateway.journaledInputs());
            print("floor: one QuickFIX/J hop, NewOrderSingle", oneHop(parents, warmup, journal, quiet));
        } finally {
            venueAcceptor.stop(true);
        }
        System.exit(0);
    }

    /**
     * The floor under both paths: the same QuickFIX/J peers with no gateway between them, one NewOrderSingle from
     * send to receipt (each gateway path above is two such hops plus the gateway).
     */
    private static Histogram oneHop(final int parents, final int warmup, final Path dir, final PrintStream quiet)
            throws Exception {
        final int port = freePort();
        final Venue venue = new Venue();
        final SessionSettings vs = new SessionSettings();
        FixSessions.add(vs, "VENUE", "OMS", true, "127.0.0.1", port, dir, 30);
        final SocketAcceptor acceptor = new SocketAcceptor(venue, new MemoryStoreFactory(), vs,
                FixSessions.oneLineLog(quiet), new DefaultMessageFactory());
        acceptor.start();
        final Oms oms = new Oms();
        final SessionSettings os = new SessionSettings();
        final SessionID id = FixSessions.add(os, "OMS", "VENUE", false, "127.0.0.1", port, dir, 30);
        final SocketInitiator initiator = new SocketInitiator(oms, new MemoryStoreFactory(), os,
                FixSessions.oneLineLog(quiet), new DefaultMessageFactory());
        initiator.start();
        while (!oms.loggedOn || !venue.loggedOn) {
            Thread.sleep(10);
        }
        final Histogram hop = new Histogram(1, 10_000_000_000L, 3);
        for (int i = 0; i < parents + warmup; i++) {
            final quickfix.fix44.NewOrderSingle nos = new quickfix.fix44.NewOrderSingle(new ClOrdID("H" + i),
                    new Side(Side.BUY), new quickfix.field.TransactTime(),
                    new quickfix.field.OrdType(quickfix.field.OrdType.LIMIT));
            nos.set(new Symbol("AAPL"));
            nos.set(new OrderQty(100));
            nos.set(new quickfix.field.Price(100.01));
            final long sent = System.nanoTime();
            Session.lookupSession(id).send(nos);
            final long arrived = venue.arrivals.poll(10, TimeUnit.SECONDS);
            venue.fillsSent.poll(10, TimeUnit.SECONDS);
            oms.trades.poll(10, TimeUnit.SECONDS);
            if (i >= warmup) {
                hop.recordValue(Math.max(1, arrived - sent));
            }
        }
        initiator.stop(true);
        acceptor.stop(true);
        return hop;
    }

    private static void print(final String label, final Histogram h) {
        System.out.printf("%-50s n=%,7d  p50 %,9d ns  p90 %,9d ns  p99 %,10d ns  max %,11d ns%n", label,
                h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getMaxValue());
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Fills every child at once and stamps its arrival and the fill's send. */
    private static final class Venue extends Peer {
        final SynchronousQueue<Long> arrivals = new SynchronousQueue<>();
        final SynchronousQueue<Long> fillsSent = new SynchronousQueue<>();
        private long execId;

        void quote(final SessionID id) {
            final MarketDataSnapshotFullRefresh w = new MarketDataSnapshotFullRefresh();
            w.set(new Symbol("AAPL"));
            for (final char type : new char[]{MDEntryType.BID, MDEntryType.OFFER}) {
                final MarketDataSnapshotFullRefresh.NoMDEntries e = new MarketDataSnapshotFullRefresh.NoMDEntries();
                e.set(new MDEntryType(type));
                e.set(new MDEntryPx(type == MDEntryType.BID ? 99.99 : 100.01));
                e.set(new MDEntrySize(1_000_000));
                w.addGroup(e);
            }
            Session.lookupSession(id).send(w);
        }

        @Override
        public void fromApp(final Message m, final SessionID id) throws FieldNotFound {
            if (!"D".equals(m.getHeader().getString(35))) {
                return;
            }
            final long arrived = System.nanoTime();
            final long qty = (long) m.getDouble(38);
            final ExecutionReport r = new ExecutionReport(new OrderID("V" + execId), new ExecID(Long.toString(++execId)),
                    new ExecType(ExecType.TRADE), new OrdStatus(OrdStatus.FILLED), new Side(Side.BUY),
                    new LeavesQty(0), new CumQty(qty), new AvgPx(100.01));
            r.set(new ClOrdID(m.getString(11)));
            r.set(new Symbol("AAPL"));
            r.set(new OrderQty(qty));
            r.set(new LastQty(qty));
            r.set(new LastPx(100.01));
            final long sending = System.nanoTime();
            Session.lookupSession(id).send(r);
            try {
                arrivals.put(arrived);
                fillsSent.put(sending);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stamps the arrival of each Trade report. */
    private static final class Oms extends Peer {
        final SynchronousQueue<Long> trades = new SynchronousQueue<>();

        @Override
        public void fromApp(final Message m, final SessionID id) throws FieldNotFound {
            if ("8".equals(m.getHeader().getString(35)) && m.getChar(150) == ExecType.TRADE) {
                final long arrived = System.nanoTime();
                try {
                    trades.put(arrived);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private abstract static class Peer extends ApplicationAdapter {
        volatile boolean loggedOn;

        @Override
        public void onLogon(final SessionID id) {
            loggedOn = true;
        }

        @Override
        public void onLogout(final SessionID id) {
            loggedOn = false;
        }

    }
}
