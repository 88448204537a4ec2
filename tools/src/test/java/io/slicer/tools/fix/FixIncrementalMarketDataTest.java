package io.slicer.tools.fix;

import io.slicer.engine.core.SymbolState;
import io.slicer.tools.fix.gateway.FixGateway;
import io.slicer.tools.fix.gateway.FixSessions;
import io.slicer.tools.fix.gateway.GatewayConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.ApplicationAdapter;
import quickfix.DefaultMessageFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDUpdateAction;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataIncrementalRefresh;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A venue on QuickFIX/J that streams chosen MarketDataIncrementalRefresh messages (35=X) to the gateway: the engine's
 * top of book (prices, and the sizes through the order-flow imbalance) and traded volume follow the updates — new,
 * change, delete — and a crossed book or an unknown symbol costs one log line, not the session.
 */
class FixIncrementalMarketDataTest {
    @TempDir
    Path tmp;
    private SocketAcceptor venue;
    private FixGateway gateway;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile SessionID venueSession;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        final int venuePort = FixPorts.free();
        final SessionSettings settings = new SessionSettings();
        FixSessions.add(settings, "VENUE", "SLICER", true, "127.0.0.1", venuePort, tmp.resolve("venue"), 30);
        venue = new SocketAcceptor(new ApplicationAdapter() {

            @Override
            public void onLogon(final SessionID id) {
                venueSession = id;
            }

            @Override
            public void fromApp(final Message m, final SessionID id) throws quickfix.FieldNotFound {
                if (m.getHeader().getString(35).equals("V")) {
                    subscribed.countDown();
                }
            }
        }, new MemoryStoreFactory(), settings, FixSessions.oneLineLog(System.err), new DefaultMessageFactory());
        venue.start();
        gateway = FixGateway.start(GatewayConfig.of("AAPL").omsPort(FixPorts.free()).venue("127.0.0.1", venuePort),
                tmp.resolve("journal"), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(subscribed.await(10, TimeUnit.SECONDS), "the gateway subscribed with 35=V");
    }

    @AfterEach
    void stop() {
        gateway.close();
        venue.stop(true);
    }

    private static MarketDataIncrementalRefresh.NoMDEntries entry(final char action, final char type,
                                                                  final String symbol, final double px,
                                                                  final long size) {
        final MarketDataIncrementalRefresh.NoMDEntries e = new MarketDataIncrementalRefresh.NoMDEntries();
        e.set(new MDUpdateAction(action));
        e.set(new MDEntryType(type));
        e.set(new Symbol(symbol));
        if (action != MDUpdateAction.DELETE) {
            e.set(new MDEntryPx(px));
            e.set(new MDEntrySize(size));
        }
        return e;
    }

    private void send(final MarketDataIncrementalRefresh.NoMDEntries... entries) {
        final MarketDataIncrementalRefresh x = new MarketDataIncrementalRefresh();
        x.setString(262, "md-0");
        for (final MarketDataIncrementalRefresh.NoMDEntries e : entries) {
            x.addGroup(e);
        }
        assertTrue(Session.lookupSession(venueSession).send(x), "35=X sent");
    }

    private SymbolState await(final Predicate<SymbolState> reached) throws InterruptedException {
        final long end = System.currentTimeMillis() + 10_000;
        SymbolState s = gateway.marketState("AAPL");
        while (!reached.test(s) && System.currentTimeMillis() < end) {
            Thread.sleep(5);
            s = gateway.marketState("AAPL");
        }
        return s;
    }

    @Test
    void incrementalRefreshesKeepTheEnginesTopOfBookAndVolume() throws Exception {
        send(entry(MDUpdateAction.NEW, MDEntryType.BID, "AAPL", 100.00, 500),
                entry(MDUpdateAction.NEW, MDEntryType.OFFER, "AAPL", 100.02, 300));
        SymbolState s = await(x -> x.ask() == 100.02);
        assertEquals(100.00, s.bid());
        assertEquals(100.02, s.ask());
        assertEquals(0.25, s.orderFlowImbalance(), 1e-12, "(500 - 300) / 800");
        assertEquals(0, s.cumulativeVolume());
        assertTrue(gateway.awaitQuote("AAPL", 1_000), "a two-sided book from 35=X counts as the first quote");

        send(entry(MDUpdateAction.CHANGE, MDEntryType.OFFER, "AAPL", 100.03, 700),
                entry(MDUpdateAction.NEW, MDEntryType.TRADE, "AAPL", 100.01, 250));
        s = await(x -> x.ask() == 100.03 && x.cumulativeVolume() == 250);
        assertEquals(100.00, s.bid());
        assertEquals(100.03, s.ask());
        assertEquals(-200.0 / 1200, s.orderFlowImbalance(), 1e-12, "(500 - 700) / 1200");
        assertEquals(250, s.cumulativeVolume());

        send(entry(MDUpdateAction.DELETE, MDEntryType.BID, "AAPL", 0, 0),
                entry(MDUpdateAction.NEW, MDEntryType.BID, "AAPL", 100.01, 100),
                entry(MDUpdateAction.NEW, MDEntryType.TRADE, "AAPL", 100.02, 150));
        s = await(x -> x.bid() == 100.01 && x.cumulativeVolume() == 400);
        assertEquals(100.01, s.bid());
        assertEquals(100.03, s.ask());
        assertEquals(-600.0 / 800, s.orderFlowImbalance(), 1e-12, "(100 - 700) / 800");
        assertEquals(400, s.cumulativeVolume());

        // A side deleted alone leaves a one-sided book: no quote reaches the engine, which keeps the last one.
        send(entry(MDUpdateAction.DELETE, MDEntryType.OFFER, "AAPL", 0, 0));
        send(entry(MDUpdateAction.NEW, MDEntryType.OFFER, "AAPL", 100.04, 900),
                entry(MDUpdateAction.NEW, MDEntryType.TRADE, "AAPL", 100.03, 50));
        s = await(x -> x.ask() == 100.04 && x.cumulativeVolume() == 450);
        assertEquals(100.01, s.bid());
        assertEquals(100.04, s.ask());
        assertEquals(450, s.cumulativeVolume());
    }

    @Test
    void aCrossedBookOrAnUnknownSymbolIsLoggedOnceAndTheStreamCarriesOn() throws Exception {
        send(entry(MDUpdateAction.NEW, MDEntryType.BID, "AAPL", 100.00, 500),
                entry(MDUpdateAction.NEW, MDEntryType.OFFER, "AAPL", 100.02, 300));
        assertEquals(100.02, await(x -> x.ask() == 100.02).ask());

        send(entry(MDUpdateAction.NEW, MDEntryType.BID, "ZZZZ", 1.00, 10),
                entry(MDUpdateAction.NEW, MDEntryType.TRADE, "ZZZZ", 1.00, 10));
        send(entry(MDUpdateAction.NEW, MDEntryType.BID, "ZZZZ", 1.00, 10));
        // Crossed: bid 100.05 over the ask 100.02; the engine's market-data check refuses the quote.
        send(entry(MDUpdateAction.CHANGE, MDEntryType.BID, "AAPL", 100.05, 100));
        send(entry(MDUpdateAction.CHANGE, MDEntryType.BID, "AAPL", 100.06, 100));
        send(entry(MDUpdateAction.CHANGE, MDEntryType.BID, "AAPL", 100.01, 200),
                entry(MDUpdateAction.NEW, MDEntryType.TRADE, "AAPL", 100.01, 75));
        final SymbolState s = await(x -> x.bid() == 100.01);
        assertEquals(100.01, s.bid(), "the uncrossed update after the crossed ones is applied");
        assertEquals(100.02, s.ask());
        assertEquals(75, s.cumulativeVolume(), "the unknown symbol's trade did not count");
        final String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().filter(l -> l.contains("symbol 'ZZZZ' is not one of")).count(), text);
        assertEquals(1, text.lines().filter(l -> l.contains("AAPL crossed, bid 100.05 > ask 100.02")).count(),
                text);
        assertEquals(0, text.lines().filter(l -> l.contains("Exception") || l.startsWith("\tat ")).count(), text);
    }
}
