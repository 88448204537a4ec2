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
        oms.send(oms.order("twap-1", "AAPL", '1', 10_000, Double.NaN, "1001", "slices=10", Double.NaN, 20_000));
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
    }
}
