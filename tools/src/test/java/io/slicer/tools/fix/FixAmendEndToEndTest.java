package io.slicer.tools.fix;

import io.slicer.tools.fix.gateway.FixGateway;
import io.slicer.tools.fix.gateway.GatewayConfig;
import io.slicer.tools.fix.oms.OmsClient;
import io.slicer.tools.fix.venue.SimulatedVenue;
import io.slicer.tools.sim.Scenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.slicer.tools.fix.oms.OmsClient.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OrderCancelReplaceRequests (35=G) that lower a parent's OrderQty or move its ExpireTime, from a QuickFIX/J OMS
 * through the gateway to a QuickFIX/J venue on 127.0.0.1: a quantity cut mid-way ends FILLED at the new quantity, a
 * moved horizon moves when the parent finishes, and a quantity raised or cut below CumQty, or an ExpireTime already
 * passed, gets an OrderCancelReject (35=9) saying why while the parent works on unchanged.
 */
class FixAmendEndToEndTest {
    private static final double SECOND_NANOS = 1e9;

    @TempDir
    static Path tmp;
    static SimulatedVenue venue;
    static FixGateway gateway;
    static OmsClient oms;

    @BeforeAll
    static void start() throws Exception {
        final int venuePort = FixPorts.free();
        final int omsPort = FixPorts.free();
        venue = SimulatedVenue.start(Scenarios.byName("liquid-stock"), "AAPL", venuePort, 1.0, System.err);
        gateway = FixGateway.start(GatewayConfig.of("AAPL").omsPort(omsPort).venue("127.0.0.1", venuePort),
                tmp.resolve("journal"), System.err);
        oms = OmsClient.connect("127.0.0.1", omsPort, System.err);
        assertTrue(oms.awaitLogon(10_000), "OMS logged on");
        assertTrue(gateway.awaitQuote("AAPL", 10_000), "the venue's market data reached the engine");
    }

    @AfterAll
    static void stop() {
        oms.close();
        gateway.close();
        venue.close();
    }

    private static List<Message> reportsOf(final String... clOrdIds) {
        final List<String> ids = List.of(clOrdIds);
        return oms.received().stream().filter(m -> ids.contains(field(m, 11)) || ids.contains(field(m, 41)))
                .toList();
    }

    private static long qty(final Message m, final int tag) {
        return (long) Double.parseDouble(field(m, tag));
    }

    private static LocalDateTime inMillis(final long millis) {
        return LocalDateTime.now(ZoneOffset.UTC).plusNanos(millis * 1_000_000L);
    }

    private static Message acknowledged(final String clOrdId) throws InterruptedException {
        final Message acked = oms.await(m -> field(m, 11).equals(clOrdId) && field(m, 150).equals("0"), 10_000);
        assertNotNull(acked, clOrdId + " acknowledged; reports: " + reportsOf(clOrdId));
        return acked;
    }

    @Test
    void aQuantityCutMidWayEndsFilledAtTheNewQuantityWithTradesSummingToCumQty() throws Exception {
        oms.send(oms.order("cut-1", "AAPL", '1', 10_000, Double.NaN, "1001", "slices=10", Double.NaN, 10_000));
        acknowledged("cut-1");
        assertNotNull(oms.await(m -> field(m, 11).equals("cut-1") && field(m, 150).equals("F")
                && qty(m, 14) >= 2_000, 10_000), "cut-1 traded two slices; reports: " + reportsOf("cut-1"));
        oms.send(oms.replaceTerms("cut-1", "cut-2", "AAPL", '1', 6_000, null));
        final Message replaced = oms.await(m -> field(m, 11).equals("cut-2") && field(m, 150).equals("5"), 10_000);
        assertNotNull(replaced, "Replaced; reports: " + reportsOf("cut-1", "cut-2"));
        assertEquals(6_000, qty(replaced, 38));
        assertEquals(6_000 - qty(replaced, 14), qty(replaced, 151), "LeavesQty = new OrderQty - CumQty");

        final Message filled = oms.await(m -> field(m, 11).equals("cut-2") && field(m, 39).equals("2"), 40_000);
        assertNotNull(filled, "FILLED at the new quantity; reports: " + reportsOf("cut-1", "cut-2"));
        assertEquals(6_000, qty(filled, 14));
        assertEquals(6_000, qty(filled, 38));
        assertEquals(0, qty(filled, 151));
        long lastQtySum = 0;
        for (final Message m : reportsOf("cut-1", "cut-2")) {
            if (field(m, 150).equals("F")) {
                lastQtySum += qty(m, 32);
            }
        }
        assertEquals(6_000, lastQtySum);
        assertEquals(6_000, venue.filled(Long.parseLong(field(filled, 37))));
    }

    @Test
    void aQuantityRaisedOrCutBelowCumQtyIsRefusedAndTheParentWorksOnUnchanged() throws Exception {
        oms.send(oms.order("ref-1", "AAPL", '2', 5_000, Double.NaN, "1001", "slices=10", Double.NaN, 10_000));
        acknowledged("ref-1");
        assertNotNull(oms.await(m -> field(m, 11).equals("ref-1") && field(m, 150).equals("F"), 10_000),
                "ref-1 traded; reports: " + reportsOf("ref-1"));

        oms.send(oms.replaceTerms("ref-1", "ref-up", "AAPL", '2', 8_000, null));
        final Message up = oms.await(m -> field(m, 35).equals("9") && field(m, 11).equals("ref-up"), 10_000);
        assertNotNull(up, "quantity up refused; reports: " + reportsOf("ref-1", "ref-up"));
        assertEquals("ref-1", field(up, 41));
        assertTrue(field(up, 58).contains("OrderQty 38 8000 is above the order's 5000: a quantity can only go down"),
                field(up, 58));

        oms.send(oms.replaceTerms("ref-1", "ref-low", "AAPL", '2', 1, null));
        final Message low = oms.await(m -> field(m, 35).equals("9") && field(m, 11).equals("ref-low"), 10_000);
        assertNotNull(low, "quantity below CumQty refused");
        assertTrue(field(low, 58).contains("OrderQty 38 1 is below CumQty"), field(low, 58));

        oms.send(oms.replaceTerms("ref-1", "ref-past", "AAPL", '2', 0, inMillis(-5_000)));
        final Message past = oms.await(m -> field(m, 35).equals("9") && field(m, 11).equals("ref-past"), 10_000);
        assertNotNull(past, "an ExpireTime already passed refused");
        assertTrue(field(past, 58).contains("ExpireTime 126: the end of the horizon must be after now"),
                field(past, 58));

        // Nothing changed: the parent still works its 5,000 under its original ClOrdID, and cancels as such.
        oms.send(oms.cancel("ref-1", "ref-c", "AAPL", '2'));
        final Message cancelled = oms.await(m -> field(m, 11).equals("ref-1") && field(m, 150).equals("4"), 10_000);
        assertNotNull(cancelled, "ref-1 CANCELED; reports: " + reportsOf("ref-1"));
        assertEquals(5_000, qty(cancelled, 38));
        assertTrue(reportsOf("ref-up", "ref-low", "ref-past").stream().noneMatch(m -> field(m, 35).equals("8")),
                "no ExecutionReport for a refused replace");
    }

    @Test
    void anExtendedExpireTimeMakesTheParentFinishLaterAndAShortenedOneSooner() throws Exception {
        // Four slices over 4 s would finish within about 3 s; extended to 12 s, the last slice opens no earlier than
        // 3/4 of the way from the amend to the new end.
        final long extendedAt = System.nanoTime();
        oms.send(oms.order("ext-1", "AAPL", '1', 2_000, Double.NaN, "1001", "slices=4", Double.NaN, 4_000));
        acknowledged("ext-1");
        oms.send(oms.replaceTerms("ext-1", "ext-2", "AAPL", '1', 0, inMillis(12_000)));
        assertNotNull(oms.await(m -> field(m, 11).equals("ext-2") && field(m, 150).equals("5"), 10_000),
                "Replaced; reports: " + reportsOf("ext-1", "ext-2"));

        // Four slices over 30 s would finish no earlier than 22.5 s; shortened to 4 s, it ends within it.
        final long shortenedAt = System.nanoTime();
        oms.send(oms.order("short-1", "AAPL", '1', 2_000, Double.NaN, "1001", "slices=4", Double.NaN, 30_000));
        acknowledged("short-1");
        oms.send(oms.replaceTerms("short-1", "short-2", "AAPL", '1', 0, inMillis(4_000)));
        assertNotNull(oms.await(m -> field(m, 11).equals("short-2") && field(m, 150).equals("5"), 10_000),
                "Replaced; reports: " + reportsOf("short-1", "short-2"));

        final Message shortFilled = oms.await(m -> field(m, 11).equals("short-2") && field(m, 39).equals("2"),
                20_000);
        final double shortSeconds = (System.nanoTime() - shortenedAt) / SECOND_NANOS;
        assertNotNull(shortFilled, "short-1 FILLED; reports: " + reportsOf("short-1", "short-2"));
        assertTrue(shortSeconds < 22.5, "a 30 s horizon shortened to 4 s filled after " + shortSeconds + " s");

        final Message extFilled = oms.await(m -> field(m, 11).equals("ext-2") && field(m, 39).equals("2"), 30_000);
        final double extSeconds = (System.nanoTime() - extendedAt) / SECOND_NANOS;
        assertNotNull(extFilled, "ext-1 FILLED; reports: " + reportsOf("ext-1", "ext-2"));
        assertTrue(extSeconds >= 8.0, "a 4 s horizon extended to 12 s filled after only " + extSeconds + " s");
        assertEquals(2_000, qty(extFilled, 14));
        assertEquals(2_000, qty(shortFilled, 14));
    }
}
