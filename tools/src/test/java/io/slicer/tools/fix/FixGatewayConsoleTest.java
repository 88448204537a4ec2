package io.slicer.tools.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.tools.console.ConsoleAccess;
import io.slicer.tools.console.OperatorConsole;
import io.slicer.tools.fix.gateway.FixGateway;
import io.slicer.tools.fix.gateway.GatewayConfig;
import io.slicer.tools.fix.oms.OmsClient;
import io.slicer.tools.fix.venue.SimulatedVenue;
import io.slicer.tools.sim.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static io.slicer.tools.fix.oms.OmsClient.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FIX gateway serves the operator console: a parent the OMS sends shows on the blotter, and a trader's Halt there
 * stops it and reaches the OMS unsolicited as DoneForDay naming the operator, with no fill reported after it.
 */
class FixGatewayConsoleTest {
    private static final String TRADER = "trader-token-fix";
    private static final String VIEWER = "viewer-token-fix";

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(final OperatorConsole console, final String path, final String token,
                                      final String postBody) throws Exception {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .header("Authorization", "Bearer " + token);
        if (postBody != null) {
            b.POST(HttpRequest.BodyPublishers.ofString(postBody)).header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTradersHaltAtTheConsoleStopsTheParentAndReachesTheOmsUnsolicited() throws Exception {
        final int venuePort = FixPorts.free();
        final int omsPort = FixPorts.free();
        try (SimulatedVenue venue = SimulatedVenue.start(Scenarios.byName("liquid-stock"), "AAPL", venuePort, 1.0,
                System.err);
             FixGateway gateway = FixGateway.start(GatewayConfig.of("AAPL").omsPort(omsPort)
                     .venue("127.0.0.1", venuePort), tmp.resolve("journal"), System.err);
             OmsClient oms = OmsClient.connect("127.0.0.1", omsPort, System.err)) {
            final OperatorConsole console = gateway.serveConsole(ConsoleAccess.of(TRADER, VIEWER), "127.0.0.1", 0);
            assertTrue(oms.awaitLogon(10_000), "OMS logged on");
            assertTrue(gateway.awaitQuote("AAPL", 10_000), "the venue's market data reached the engine");
            oms.send(oms.order("console-1", "AAPL", '1', 10_000, Double.NaN, "1001", "slices=10", Double.NaN,
                    20_000));
            final Message firstTrade = oms.await(m -> field(m, 11).equals("console-1") && field(m, 150).equals("F"),
                    15_000);
            assertNotNull(firstTrade, "console-1 trades");
            final long orderId = Long.parseLong(field(firstTrade, 37));

            final JsonNode rows = new ObjectMapper().readTree(call(console, "/api/orders", VIEWER, null).body());
            assertEquals(1, rows.size(), rows.toString());
            assertEquals(orderId, rows.get(0).get("id").asLong());
            assertEquals("AAPL", rows.get(0).get("symbol").asText());
            assertEquals("twap", rows.get(0).get("strategy").asText());

            assertEquals(403, call(console, "/api/orders/" + orderId + "/halt", VIEWER,
                    "{\"reason\":\"risk_limit\"}").statusCode());
            final HttpResponse<String> halted = call(console, "/api/orders/" + orderId + "/halt", TRADER,
                    "{\"reason\":\"risk_limit\"}");
            assertEquals(200, halted.statusCode(), halted.body());
            assertTrue(new ObjectMapper().readTree(halted.body()).get("acknowledged").asBoolean(), halted.body());

            final Message done = oms.await(m -> field(m, 11).equals("console-1") && field(m, 150).equals("3"),
                    5_000);
            assertNotNull(done, "an unsolicited DoneForDay; reports: " + oms.received());
            assertTrue(field(done, 58).contains("OPERATOR"), field(done, 58));
            final long cum = (long) Double.parseDouble(field(done, 14));
            assertTrue(cum > 0 && cum < 10_000, "0 < CumQty < OrderQty: " + cum);
            Thread.sleep(1_500);
            final List<Message> reports = oms.received().stream()
                    .filter(m -> field(m, 11).equals("console-1")).toList();
            assertEquals("3", field(reports.get(reports.size() - 1), 150), "nothing after the halt: " + reports);
            assertEquals(cum, venue.filled(orderId), "the OMS's CumQty is the venue's fills");
        }
    }
}
