package io.slicer.tools.fix;

import io.slicer.engine.risk.HaltScope;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.slicer.tools.fix.oms.OmsClient.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An OMS and a venue on QuickFIX/J, the gateway between them on 127.0.0.1: a TWAP parent fills through Trade reports
 * that add up, a cancelled parent stops part way, invalid orders are refused with a reason.
 */
class FixGatewayEndToEndTest {
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
        // Sent first so the other tests run while it works its 20 seconds.
        oms.send(oms.order("twap-1", "AAPL", '1', 10_000, Double.NaN, "1001", "slices=10", Double.NaN, 20_000));
    }

    @AfterAll
    static void stop() {
        oms.close();
        gateway.close();
        venue.close();
    }

    private static List<Message> reportsOf(final String clOrdId) {
        return oms.received().stream().filter(m -> field(m, 11).equals(clOrdId) || field(m, 41).equals(clOrdId))
                .toList();
    }

    @Test
    void twapParentFillsAndItsTradesAddUpToCumQty() throws Exception {
        final Message last = oms.await(m -> field(m, 11).equals("twap-1") && field(m, 39).equals("2"), 40_000);
        assertNotNull(last, "twap-1 FILLED; reports: " + reportsOf("twap-1"));
        long lastQtySum = 0;
        final Set<String> execIds = new HashSet<>();
        for (final Message m : reportsOf("twap-1")) {
            assertTrue(execIds.add(field(m, 17)), "ExecID once: " + field(m, 17));
            if (field(m, 150).equals("F")) {
                lastQtySum += (long) Double.parseDouble(field(m, 32));
            }
        }
        assertEquals(10_000, (long) Double.parseDouble(field(last, 14)));
        assertEquals(10_000, lastQtySum);
        assertEquals(10_000, venue.filled(Long.parseLong(field(last, 37))));
        final Set<String> allExecIds = new HashSet<>();
        for (final Message m : oms.received()) {
            if (field(m, 35).equals("8")) {
                assertTrue(allExecIds.add(field(m, 17)), "ExecID twice in the session: " + field(m, 17));
            }
        }
    }

    @Test
    void cancelledParentStopsPartWayAndReportsNoFillAfterTheCancel() throws Exception {
        oms.send(oms.order("cxl-1", "AAPL", '2', 10_000, Double.NaN, "1001", "slices=10", Double.NaN, 20_000));
        assertNotNull(oms.await(m -> field(m, 11).equals("cxl-1") && field(m, 150).equals("F")
                && Double.parseDouble(field(m, 14)) >= 2_000, 15_000), "cxl-1 traded two slices");
        oms.send(oms.cancel("cxl-1", "cxl-1-c", "AAPL", '2'));
        final Message cancelled = oms.await(m -> field(m, 11).equals("cxl-1") && field(m, 150).equals("4"), 10_000);
        assertNotNull(cancelled, "cxl-1 CANCELED; reports: " + reportsOf("cxl-1"));
        final long cum = (long) Double.parseDouble(field(cancelled, 14));
        assertTrue(cum > 0 && cum < 10_000, "0 < CumQty < OrderQty: " + cum);
        Thread.sleep(2_500);
        final List<Message> reports = reportsOf("cxl-1");
        assertEquals("4", field(reports.get(reports.size() - 1), 150), "nothing after the cancel: " + reports);
        long lastQtySum = 0;
        for (final Message m : reports) {
            if (field(m, 150).equals("F")) {
                lastQtySum += (long) Double.parseDouble(field(m, 32));
            }
        }
        assertEquals(cum, lastQtySum);
        assertEquals(cum, venue.filled(Long.parseLong(field(cancelled, 37))));
    }

    @Test
    void invalidOrdersAreRejectedWithTheirReasonAndNothingElseHappens() throws Exception {
        oms.send(oms.order("bad-strategy", "AAPL", '1', 1_000, Double.NaN, "77", null, Double.NaN, 20_000));
        oms.send(oms.order("bad-qty", "AAPL", '1', 0, Double.NaN, "1001", null, Double.NaN, 20_000));
        oms.send(oms.order("bad-symbol", "ZZZZ", '1', 1_000, Double.NaN, "1001", null, Double.NaN, 20_000));
        oms.send(oms.order("bad-tag", "AAPL", '1', 1_000, Double.NaN, null, null, Double.NaN, 20_000));
        oms.send(oms.order("twap-1", "AAPL", '1', 1_000, Double.NaN, "1001", null, Double.NaN, 20_000));
        assertRejected("bad-strategy", "unknown TargetStrategy 847=77");
        assertRejected("bad-qty", "OrderQty 38=0");
        assertRejected("bad-symbol", "unknown symbol 'ZZZZ'");
        assertRejected("bad-tag", "required tag 847 missing");
        assertRejected("twap-1", "duplicate ClOrdID twap-1");
        for (final String id : List.of("bad-strategy", "bad-qty", "bad-symbol", "bad-tag")) {
            assertEquals(1, reportsOf(id).size(), id + ": one report, the reject");
        }
        for (final String id : List.of("bad-strategy", "bad-qty", "bad-symbol", "bad-tag")) {
            assertEquals("NONE", field(reportsOf(id).get(0), 37), id + " never reached the engine");
        }
    }

    private static void assertRejected(final String clOrdId, final String text) throws InterruptedException {
        final Message r = oms.await(m -> field(m, 11).equals(clOrdId) && field(m, 150).equals("8"), 10_000);
        assertNotNull(r, clOrdId + " rejected; reports: " + reportsOf(clOrdId));
        assertTrue(field(r, 58).contains(text), clOrdId + ": Text '" + field(r, 58) + "' should say " + text);
    }

    @Test
    void replaceAmendsTheLimitAndRefusesAQuantityChange() throws Exception {
        oms.send(oms.order("amend-1", "AAPL", '1', 5_000, 1_000.0, "1001", "slices=10", Double.NaN, 20_000));
        assertNotNull(oms.await(m -> field(m, 11).equals("amend-1") && field(m, 150).equals("0"), 10_000));
        oms.send(oms.replace("amend-1", "amend-2", "AAPL", '1', 999.0));
        final Message replaced = oms.await(m -> field(m, 11).equals("amend-2") && field(m, 150).equals("5"), 10_000);
        assertNotNull(replaced, "replaced; reports: " + reportsOf("amend-1"));
        assertEquals("amend-1", field(replaced, 41));
        final quickfix.fix44.OrderCancelReplaceRequest more = oms.replace("amend-2", "amend-3", "AAPL", '1', 998.0);
        more.set(new quickfix.field.OrderQty(6_000));
        oms.send(more);
        final Message refused = oms.await(m -> field(m, 35).equals("9") && field(m, 11).equals("amend-3"), 10_000);
        assertNotNull(refused, "quantity up refused");
        assertTrue(field(refused, 58).contains("OrderQty 38 6000 is above the order's 5000: a quantity can only go"
                + " down"), field(refused, 58));
        oms.send(oms.cancel("nope", "nope-c", "AAPL", '1'));
        final Message unknown = oms.await(m -> field(m, 35).equals("9") && field(m, 11).equals("nope-c"), 10_000);
        assertNotNull(unknown, "cancel of an unknown order refused");
        assertEquals("1", field(unknown, 102));
        oms.send(oms.cancel("amend-2", "amend-c", "AAPL", '1'));
        assertNotNull(oms.await(m -> field(m, 11).equals("amend-2") && field(m, 150).equals("4"), 10_000),
                "the amended order cancels under its new ClOrdID");
    }

    @Test
    void killSwitchHaltReachesTheOmsAsAnUnsolicitedReportNamingTheReason() throws Exception {
        oms.send(oms.order("halt-1", "AAPL", '1', 5_000, Double.NaN, "1001", "slices=10", Double.NaN, 20_000));
        final Message acked = oms.await(m -> field(m, 11).equals("halt-1") && field(m, 150).equals("0"), 10_000);
        assertNotNull(acked);
        gateway.halt(HaltScope.ORDER, Long.parseLong(field(acked, 37)));
        final Message halted = oms.await(m -> field(m, 11).equals("halt-1") && field(m, 150).equals("3"), 10_000);
        assertNotNull(halted, "DoneForDay; reports: " + reportsOf("halt-1"));
        assertEquals("3", field(halted, 39));
        assertTrue(field(halted, 58).contains("OPERATOR"), field(halted, 58));
    }
}
