package io.slicer.tools.fix;

import io.slicer.engine.core.SymbolState;
import io.slicer.tools.fix.gateway.FixGateway;
import io.slicer.tools.fix.gateway.GatewayConfig;
import io.slicer.tools.fix.oms.OmsClient;
import io.slicer.tools.fix.venue.SimulatedVenue;
import io.slicer.tools.marketdata.lobster.LobsterDay;
import io.slicer.tools.marketdata.lobster.LobsterReader;
import io.slicer.tools.marketdata.lobster.LobsterTestData;
import io.slicer.tools.marketdata.lobster.TickListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static io.slicer.tools.fix.oms.OmsClient.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue on a LOBSTER scenario streams the day's level-1 book: every quote the engine holds is one of the day's
 * best bid/offer pairs, and a TWAP parent sent through the gateway fills against it at the day's prices. Skipped
 * without the shared LOBSTER sample.
 */
class FixLobsterVenueTest {
    @TempDir
    Path tmp;

    @Test
    void venueStreamsTheDaysQuotesAndATwapParentFillsAgainstThem() throws Exception {
        final LobsterDay day = LobsterTestData.amzn();
        final Set<String> dayQuotes = new HashSet<>();
        final double[] range = {Double.MAX_VALUE, 0};
        LobsterReader.replay(day, new TickListener() {
            @Override
            public void onQuote(final long ts, final double bid, final long bidSize, final double ask,
                                final long askSize) {
                if (!Double.isNaN(bid) && !Double.isNaN(ask)) {
                    dayQuotes.add(bid + "/" + ask);
                    range[0] = Math.min(range[0], bid);
                    range[1] = Math.max(range[1], ask);
                }
            }

            @Override
            public void onTrade(final long ts, final double price, final long size, final int sign) {
            }
        });
        final int venuePort = FixPorts.free();
        final int omsPort = FixPorts.free();
        try (SimulatedVenue venue = SimulatedVenue.start("lobster:AMZN", "AMZN", venuePort, 30, true, System.err);
             FixGateway gateway = FixGateway.start(GatewayConfig.of("AMZN").omsPort(omsPort)
                     .venue("127.0.0.1", venuePort), tmp.resolve("journal"), System.err);
             OmsClient oms = OmsClient.connect("127.0.0.1", omsPort, System.err)) {
            assertTrue(gateway.awaitQuote("AMZN", 10_000), "the day's first quote reached the engine");
            assertTrue(oms.awaitLogon(10_000), "OMS logged on");
            oms.send(oms.order("lob-1", "AMZN", '1', 2_000, Double.NaN, "1001", "slices=5", Double.NaN, 6_000));
            final Set<String> seen = new HashSet<>();
            double lastVolume = -1;
            for (int i = 0; i < 10; i++) {
                final SymbolState s = gateway.marketState("AMZN");
                String quote;
                long before;
                do {
                    // The engine thread may apply the next quote while this reads; read until no update intervened.
                    before = s.lastUpdate();
                    quote = s.bid() + "/" + s.ask();
                } while (before != s.lastUpdate());
                assertTrue(dayQuotes.contains(quote), "engine quote " + quote + " is one of the day's");
                assertTrue(s.cumulativeVolume() >= lastVolume, "volume only grows");
                lastVolume = s.cumulativeVolume();
                seen.add(quote);
                Thread.sleep(300);
            }
            assertTrue(seen.size() > 1, "the tape moves at 30x: " + seen);
            assertTrue(lastVolume > 0, "the day's trades reached the engine as volume: " + lastVolume);
            final Message filled = oms.await(m -> field(m, 11).equals("lob-1") && field(m, 39).equals("2"), 30_000);
            assertNotNull(filled, "lob-1 FILLED; reports: " + oms.received());
            assertEquals(2_000, (long) Double.parseDouble(field(filled, 14)));
            assertEquals(2_000, venue.filled(Long.parseLong(field(filled, 37))));
            for (final Message m : oms.received()) {
                if (field(m, 11).equals("lob-1") && field(m, 150).equals("F")) {
                    final double px = Double.parseDouble(field(m, 31));
                    assertTrue(px >= range[0] && px <= range[1] * 1.001,
                            "fill at " + px + " within the day's book " + range[0] + ".." + range[1]);
                }
            }
        }
    }
}
