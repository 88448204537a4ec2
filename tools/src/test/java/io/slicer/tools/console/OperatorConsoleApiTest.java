package io.slicer.tools.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.risk.ControlReason;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.OperatorRole;
import io.slicer.journal.EngineRecords;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.TransitionDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's JSON API and metrics against a real ring engine and journal: no token is 401, a viewer acting is
 * 403, a trader's halt is answered only once acknowledged and is in the journal with the trader and the reason, and
 * the Prometheus counters scraped during the day equal what the journal holds.
 */
class OperatorConsoleApiTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theConsoleRefusesToStartWithoutTokens() {
        final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConsoleAccess.fromEnvironment(Map.of()));
        assertTrue(e.getMessage().contains("SLICER_TRADER_TOKEN"), e.getMessage());
    }

    @Test
    void noTokenIs401AViewerActingIs403AndATraderHaltIsJournaledWithRoleAndReason() throws Exception {
        try (ConsoleFixture f = new ConsoleFixture(tmp.resolve("journal"), 3, 2_000)) {
            assertEquals(401, f.get("/api/orders", null).statusCode());
            assertEquals(401, f.get("/api/orders", "wrong").statusCode());
            assertEquals(401, f.get("/metrics", null).statusCode());
            assertEquals(401, f.post("/api/orders/1/halt", null, "{\"reason\":\"risk_limit\"}").statusCode());
            assertEquals(200, f.get("/api/orders", ConsoleFixture.VIEWER).statusCode());
            assertEquals(403, f.post("/api/orders/1/halt", ConsoleFixture.VIEWER, "{\"reason\":\"risk_limit\"}")
                    .statusCode());
            assertEquals(403, f.post("/api/halt-all", ConsoleFixture.VIEWER, "{\"reason\":\"risk_limit\"}")
                    .statusCode());
            assertEquals(400, f.post("/api/orders/2/halt", ConsoleFixture.TRADER, "{}").statusCode());
            assertEquals(404, f.post("/api/orders/99/halt", ConsoleFixture.TRADER, "{\"reason\":\"risk_limit\"}")
                    .statusCode());

            final HttpResponse<String> halt = f.post("/api/orders/2/halt", ConsoleFixture.TRADER,
                    "{\"reason\":\"market_conditions\"}");
            assertEquals(200, halt.statusCode(), halt.body());
            assertTrue(json.readTree(halt.body()).get("acknowledged").asBoolean());
            final OrderProgress p = new OrderProgress();
            assertTrue(f.ring.engine().progress(2, p));
            assertEquals(OrderStatus.HALTED, p.status(), "acknowledged means the engine has halted it");
            assertEquals(HaltReason.OPERATOR, p.haltReason());

            final HttpResponse<String> orders = f.get("/api/orders", ConsoleFixture.VIEWER);
            final JsonNode rows = json.readTree(orders.body());
            assertEquals(3, rows.size());
            f.stopDay();
            int viewerHalts = 0;
            int traderHalts = 0;
            final JournalRecord r = new JournalRecord();
            final EngineRecords records = new EngineRecords();
            final EngineEvent e = new EngineEvent();
            try (JournalReader reader = JournalReader.open(JournalDirectory.queue(f.journal))) {
                while (reader.next(r)) {
                    if (r.type() == RecordType.INPUT) {
                        records.decodeInput(r, e);
                        if (e.type() == EventType.HALT) {
                            assertEquals(2, e.scopeId());
                            assertEquals(OperatorRole.TRADER, e.role());
                            assertEquals(ControlReason.MARKET_CONDITIONS, e.reason());
                            traderHalts++;
                        }
                    } else if (r.type() == RecordType.TRANSITION) {
                        viewerHalts += records.transition(r).reason() == HaltReason.OPERATOR.code() ? 1 : 0;
                    }
                }
            }
            assertEquals(1, traderHalts, "exactly the trader's one halt reached the engine");
            assertEquals(1, viewerHalts, "one OPERATOR transition: the viewer's attempts never reached the engine");
        }
    }

    @Test
    void scrapedCountersEqualWhatTheJournalHolds() throws Exception {
        try (ConsoleFixture f = new ConsoleFixture(tmp.resolve("journal"), 4, 5_000)) {
            f.awaitFills(3);
            final HttpResponse<String> during = f.get("/metrics", ConsoleFixture.VIEWER);
            assertEquals(200, during.statusCode());
            assertTrue(during.body().contains("slicer_orders_total"), during.body());
            assertEquals(200, f.post("/api/orders/3/halt", ConsoleFixture.TRADER, "{\"reason\":\"risk_limit\"}")
                    .statusCode());
            final Map<String, Double> mid = parse(during.body());
            f.finishDay();
            final Map<String, Double> m = parse(f.get("/metrics", ConsoleFixture.VIEWER).body());

            long orders = 0;
            long fills = 0;
            long children = 0;
            long decisions = 0;
            final Map<Integer, Long> halts = new HashMap<>();
            final JournalRecord r = new JournalRecord();
            final EngineRecords records = new EngineRecords();
            final EngineEvent e = new EngineEvent();
            try (JournalReader reader = JournalReader.open(JournalDirectory.queue(f.journal))) {
                while (reader.next(r)) {
                    switch (r.type()) {
                        case INPUT -> {
                            records.decodeInput(r, e);
                            orders += e.type() == EventType.NEW_ORDER ? 1 : 0;
                            fills += e.type() == EventType.FILL ? 1 : 0;
                        }
                        case DECISION -> {
                            final DecisionDecoder d = records.decision(r);
                            decisions++;
                            children += d.childId() != 0 ? 1 : 0;
                        }
                        case TRANSITION -> {
                            final TransitionDecoder t = records.transition(r);
                            if (t.state() == io.slicer.engine.risk.TradingState.HALTED.code() && t.scope() == 1) {
                                halts.merge((int) t.reason(), 1L, Long::sum);
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
            assertEquals(4, orders);
            assertTrue(mid.get("slicer_fills_total") >= 1 && mid.get("slicer_fills_total") <= fills,
                    "mid-day fills " + mid.get("slicer_fills_total") + " of the day's " + fills);
            assertTrue(fills > 10 && children > 10, "fills " + fills + ", children " + children);
            assertEquals(orders, m.get("slicer_orders_total").longValue());
            assertEquals(fills, m.get("slicer_fills_total").longValue());
            assertEquals(children, m.get("slicer_children_total").longValue());
            assertEquals(decisions, m.get("slicer_decisions_total").longValue());
            assertEquals(1L, halts.get(HaltReason.OPERATOR.code()));
            assertEquals(1L, m.get("slicer_halts_total{reason=\"operator\"}").longValue());
            assertEquals(0L, m.get("slicer_ring_backlog").longValue());
            assertTrue(m.get("slicer_decision_latency_seconds_count") > 0, m.toString());
            assertTrue(m.containsKey("slicer_decision_latency_seconds_bucket{le=\"0.001\"}")
                    || m.keySet().stream().anyMatch(k -> k.startsWith("slicer_decision_latency_seconds_bucket")));
        }
    }

    private static final Pattern SAMPLE = Pattern.compile("^(slicer_[a-z_]+(?:\\{[^}]*\\})?) (\\S+)$",
            Pattern.MULTILINE);

    private static Map<String, Double> parse(final String text) {
        final Map<String, Double> m = new HashMap<>();
        final Matcher matcher = SAMPLE.matcher(text);
        while (matcher.find()) {
            m.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return m;
    }
}
