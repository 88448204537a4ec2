package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.TradingState;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad market data in the live engine fails closed: each kind of implausible quote or trade is journaled as an input
 * anomaly, never reaches the symbol's state, and halts (or, as configured, pauses) the symbol's open orders with their
 * working children cancelled; the halt's record names the anomaly and the refused price. The catalogue of the live
 * engine's cases; the file readers' cases are in the tools' {@code BadMarketDataCatalogueTest}.
 */
class BadMarketDataTest {
    private static final long ORDER = 7;
    private static final long T = 11 * SECOND;

    /** An order trading on symbol 0 with one child working at the venue (sent at the first slice, t = 10 s). */
    private static CoreFixture working(final Consumer<EngineConfig.Builder> settings) {
        final CoreFixture f = new CoreFixture(settings).quote(0, 99.99, 100.01).order(ORDER, 100_000, 10);
        f.tick(10);
        assertEquals(1, f.sink.children.size());
        return f;
    }

    /** One bad event: what it is, the anomaly it must be journaled as, the price the halt must record. */
    private record Bad(String name, InputAnomaly anomaly, double refusedPrice, Consumer<CoreFixture> event) {
    }

    @TestFactory
    Stream<DynamicTest> badMarketDataIsJournaledAndHaltsTheSymbolsOrderWithItsWorkingChildCancelled() {
        final EngineEvent e = new EngineEvent();
        return Stream.of(
                new Bad("quote stamped before the last one", InputAnomaly.OUT_OF_ORDER_MARKET_DATA, 100.0,
                        f -> f.core.onEvent(e.quote(9 * SECOND, 0, 99.99, 100.01, 500, 500))),
                new Bad("trade stamped before the last quote", InputAnomaly.OUT_OF_ORDER_MARKET_DATA, 100.0,
                        f -> f.core.onEvent(e.trade(9 * SECOND, 0, 100.0, 100, 0))),
                new Bad("NaN bid", InputAnomaly.BAD_MARKET_DATA, Double.NaN,
                        f -> f.quote(T, Double.NaN, 100.01)),
                new Bad("zero bid", InputAnomaly.BAD_MARKET_DATA, 50.005,
                        f -> f.quote(T, 0, 100.01)),
                new Bad("infinite ask", InputAnomaly.BAD_MARKET_DATA, Double.POSITIVE_INFINITY,
                        f -> f.quote(T, 99.99, Double.POSITIVE_INFINITY)),
                new Bad("crossed quote", InputAnomaly.BAD_MARKET_DATA, 100.5,
                        f -> f.quote(T, 101, 100)),
                new Bad("negative bid size", InputAnomaly.BAD_MARKET_DATA, 100.0,
                        f -> f.core.onEvent(e.quote(T, 0, 99.99, 100.01, -1, 500))),
                new Bad("trade of zero shares", InputAnomaly.BAD_MARKET_DATA, 100.0,
                        f -> f.trade(T, 100.0, 0)),
                new Bad("trade at a negative price", InputAnomaly.BAD_MARKET_DATA, -100.0,
                        f -> f.trade(T, -100.0, 100)),
                new Bad("trade at NaN", InputAnomaly.BAD_MARKET_DATA, Double.NaN,
                        f -> f.trade(T, Double.NaN, 100)),
                new Bad("quote 10x the last price", InputAnomaly.PRICE_JUMP, 1000.0,
                        f -> f.quote(T, 999.5, 1000.5)),
                new Bad("trade 10x the last price", InputAnomaly.PRICE_JUMP, 1000.0,
                        f -> f.trade(T, 1000.0, 100)),
                new Bad("quote 12% below the last price", InputAnomaly.PRICE_JUMP, 88.0,
                        f -> f.quote(T, 87.5, 88.5)))
                .map(bad -> DynamicTest.dynamicTest(bad.name(), () -> assertHaltedBy(bad)));
    }

    private static void assertHaltedBy(final Bad bad) {
        final String name = bad.name();
        final InputAnomaly anomaly = bad.anomaly();
        final double refusedPrice = bad.refusedPrice();
        final CoreFixture f = working(b -> { });
        final long child = f.sink.children.get(0).childId();
        final double volume = f.core.symbol(0).cumulativeVolume();
        bad.event().accept(f);

        assertEquals(List.of(anomaly), f.journal.anomalies, name);
        assertEquals(1, f.core.marketDataRefused());
        final OrderProgress p = f.progress(ORDER);
        assertEquals(OrderStatus.HALTED, p.status());
        assertEquals(HaltReason.BAD_MARKET_DATA, p.haltReason());
        assertEquals(List.of(child), f.sink.cancels);
        final String halt = f.journal.outputs.stream().filter(s -> s.startsWith("T ")).reduce((a, b) -> b)
                .orElseThrow();
        final String[] fields = halt.substring(halt.indexOf("ORDER")).split(" ");
        assertEquals(List.of("ORDER", String.valueOf(ORDER), "HALTED", "BAD_MARKET_DATA"),
                List.of(fields).subList(0, 4));
        assertEquals(refusedPrice, Double.parseDouble(fields[4]), 1e-9, "the halt names the refused price");
        assertEquals(anomaly.code(), Integer.parseInt(fields[5]), "and the anomaly");
        // The bad value never reached the symbol: the reference price and the volume are the last good ones.
        assertEquals(100.0, f.core.symbol(0).mid(), 1e-12);
        assertEquals(volume, f.core.symbol(0).cumulativeVolume());
        f.tick(20).tick(30);
        assertEquals(1, f.sink.children.size(), "nothing is sent after the halt");
    }

    @Test
    void pauseOnBadMarketDataCancelsTheWorkingChildAndTheDeskCanResume() {
        final CoreFixture f = working(b -> b.onBadMarketData(TradingState.PAUSED));
        final long child = f.sink.children.get(0).childId();
        f.quote(T, 101, 100);
        assertEquals(List.of(InputAnomaly.BAD_MARKET_DATA), f.journal.anomalies);
        final OrderProgress p = f.progress(ORDER);
        assertEquals(OrderStatus.OPEN, p.status());
        assertTrue(p.paused());
        assertEquals(List.of(child), f.sink.cancels);
        assertTrue(f.journal.outputs.stream().anyMatch(s -> s.endsWith("ORDER " + ORDER + " PAUSED BAD_MARKET_DATA "
                + 100.5 + " " + InputAnomaly.BAD_MARKET_DATA.code())), f.journal.outputs.toString());
        f.tick(20);
        assertEquals(1, f.sink.children.size(), "a paused order sends nothing");
        f.control(EventType.RESUME, 21 * SECOND, HaltScope.ORDER, ORDER);
        f.tick(30);
        assertEquals(2, f.sink.children.size(), "resumed, it trades on sound data again");
        assertFalse(f.progress(ORDER).paused());
    }

    @Test
    void aGapBeyondTheBandIsAcceptedOnceTheLastPriceIsOlderThanTheStalenessWindow() {
        final CoreFixture f = working(b -> b.staleAfterNanos(5 * SECOND));
        // The last accepted quote is the one at 10 s; at 16 s it no longer anchors the band.
        f.quote(16 * SECOND, 119.99, 120.01);
        assertEquals(List.of(), f.journal.anomalies);
        assertEquals(120.0, f.core.symbol(0).mid(), 1e-12);
        f.quote(17 * SECOND, 139.99, 140.01);
        assertEquals(List.of(InputAnomaly.PRICE_JUMP), f.journal.anomalies, "the new anchor judges the next one");
    }

    @Test
    void anInfiniteBandTurnsTheJumpRuleOff() {
        final CoreFixture f = working(b -> b.priceBand(Double.POSITIVE_INFINITY));
        f.quote(T, 999.5, 1000.5);
        assertEquals(List.of(), f.journal.anomalies);
        assertEquals(OrderStatus.OPEN, f.progress(ORDER).status());
    }

    @Test
    void badDataOnAnotherSymbolLeavesTheOrderTrading() {
        final CoreFixture f = working(b -> { });
        f.core.onEvent(new EngineEvent().quote(T, 1, 101, 100, 500, 500));
        assertEquals(List.of(InputAnomaly.BAD_MARKET_DATA), f.journal.anomalies);
        assertEquals(OrderStatus.OPEN, f.progress(ORDER).status());
        assertEquals(List.of(), f.sink.cancels);
    }

    @Test
    void aFreshCoreFedTheSameEventsReachesTheSameAnomaliesAndHalts() {
        final CoreFixture live = working(b -> { });
        live.quote(T, 999.9, 1000.1).tick(20);
        final CoreFixture replay = new CoreFixture(b -> { });
        for (final EngineEvent e : live.journal.inputs) {
            replay.core.onEvent(e);
        }
        assertEquals(live.journal.outputs, replay.journal.outputs);
        assertEquals(live.sink.cancels, replay.sink.cancels);
        assertEquals(OrderStatus.HALTED, replay.progress(ORDER).status());
    }
}
