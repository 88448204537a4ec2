package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.RiskVerdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parent-order commands and the order's own prices: cancel, amend, limit, I-would, symbol pause, bad input. */
class OrderCommandsTest {
    @Test
    void cancellingTheParentCancelsItsWorkingChildAndLateFillsStillCount() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10);
        final RecordingSink.Child child = f.sink.children.get(0);
        f.core.onEvent(new EngineEvent().cancelOrder(11 * SECOND, 7));
        assertEquals(List.of(child.childId()), f.sink.cancels);
        assertEquals(OrderStatus.CANCELLED, f.progress(7).status());
        f.fill(12 * SECOND, child, 4_000, 100.01);
        f.core.onEvent(new EngineEvent().childCancelled(12 * SECOND, 7, child.childId(), 4_000));
        assertEquals(4_000, f.progress(7).filled());
        assertEquals(0, f.progress(7).inFlight());
        f.tick(20);
        assertEquals(1, f.sink.children.size());
    }

    @Test
    void amendingUrgencyScalesTheNextSlices() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        f.core.onEvent(new EngineEvent().amendOrder(12 * SECOND, 7, Double.NaN, 2.0));
        f.tick(20);
        assertEquals(10_000, f.sink.children.get(0).quantity());
        assertEquals(20_000, f.sink.children.get(1).quantity());
    }

    @Test
    void amendingTheExpectedVolumeSetsTheVolumeRatioOfTheSliceThatFollows() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        f.core.onEvent(new EngineEvent().amendOrder(12 * SECOND, 7, Double.NaN, Double.NaN, 50_000));
        f.trade(15 * SECOND, 100.0, 40_000).tick(20).fillAll(21 * SECOND, 100.01);
        f.core.onEvent(new EngineEvent().amendOrder(22 * SECOND, 7, Double.NaN, Double.NaN, -1));
        f.trade(25 * SECOND, 100.0, 40_000).tick(30);

        assertEquals(0.8f, f.journal.decisions.get(1).features()[4]);
        assertEquals(0.8f, f.journal.decisions.get(2).features()[4]);
        assertEquals(List.of(InputAnomaly.INVALID_ORDER), f.journal.anomalies);
    }

    @Test
    void theParentLimitCapsTheChildPrice() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01)
                .order(7, Side.BUY, 100_000, 10, 0, 100.00);
        f.tick(10);
        assertEquals(100.00, f.sink.children.get(0).limitPrice());
        f.core.onEvent(new EngineEvent().amendOrder(11 * SECOND, 7, 99.98, Double.NaN));
        f.fillAll(11 * SECOND, 100.0).tick(20);
        assertEquals(99.98, f.sink.children.get(1).limitPrice());
    }

    @Test
    void aMarketAtTheIWouldPriceTakesEverythingAvailable() {
        final CoreFixture f = new CoreFixture(b -> b.maxChild(60_000)).quote(0, 99.99, 100.01);
        f.core.onEvent(new EngineEvent().newOrder(0, 7, 0, Side.BUY, 100_000, 10 * SECOND, 110 * SECOND, 10, 0,
                Double.NaN, 99.50, Double.NaN, 0.05, 100_000));
        f.tick(10).fillAll(11 * SECOND, 100.01);
        f.quote(19 * SECOND, 99.48, 99.50).timer(20 * SECOND);
        assertEquals(10_000, f.sink.children.get(0).quantity());
        assertEquals(60_000, f.sink.children.get(1).quantity());
    }

    @Test
    void anIWouldPriceTouchedInsideASliceIsTakenAtTheNextTimerNotTheNextBoundary() {
        final CoreFixture f = new CoreFixture(b -> b.maxChild(60_000)).quote(0, 99.99, 100.01);
        f.core.onEvent(new EngineEvent().newOrder(0, 7, 0, Side.BUY, 100_000, 10 * SECOND, 110 * SECOND, 10, 0,
                Double.NaN, 99.50, Double.NaN, 0.05, 100_000));
        f.tick(10).fillAll(11 * SECOND, 100.01);
        f.tick(12);
        assertEquals(1, f.sink.children.size(), "above the I-would price a mid-slice timer sends nothing");
        f.quote(13 * SECOND, 99.48, 99.50).timer(14 * SECOND);
        assertEquals(2, f.sink.children.size(), "at the I-would price the next timer takes what is available");
        assertEquals(60_000, f.sink.children.get(1).quantity());
        f.timer(15 * SECOND);
        assertEquals(2, f.sink.children.size(), "nothing more while that child is working");
    }

    @Test
    void anIWouldTouchInsideASliceStaysWithinWhatTheParticipationCapLeavesOfTheSlice() {
        final CoreFixture f = new CoreFixture(b -> b.maxChild(60_000).participationCap(0.10)).quote(0, 99.99, 100.01);
        f.core.onEvent(new EngineEvent().newOrder(0, 7, 0, Side.BUY, 100_000, 10 * SECOND, 110 * SECOND, 10, 0,
                Double.NaN, 99.50, Double.NaN, 0.05, 50_000));
        f.tick(10).fillAll(11 * SECOND, 100.01);
        assertEquals(5_000, f.sink.children.get(0).quantity(), "10% of the 50,000 expected");
        f.quote(13 * SECOND, 99.48, 99.50).timer(14 * SECOND);
        f.timer(15 * SECOND).timer(16 * SECOND);
        assertEquals(1, f.sink.children.size(), "the slice's cap is used up: no child however often it ticks");
        assertEquals(RiskVerdict.NOTHING_TO_SEND, f.lastDecision().verdict());
    }

    @Test
    void aPausedSymbolSendsNothingUntilResumed() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.control(EventType.PAUSE, 5 * SECOND, HaltScope.SYMBOL, 0);
        f.tick(10);
        assertEquals(0, f.sink.children.size());
        assertEquals(RiskVerdict.NOT_ACTIVE, f.lastDecision().verdict());
        f.control(EventType.RESUME, 15 * SECOND, HaltScope.SYMBOL, 0);
        f.tick(20);
        assertEquals(1, f.sink.children.size());
    }

    @Test
    void invalidOrdersAreRejectedWithAReason() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01);
        f.core.onEvent(new EngineEvent().newOrder(0, 7, 0, Side.BUY, -5, 10 * SECOND, 110 * SECOND, 10, 0,
                Double.NaN, Double.NaN, Double.NaN, 0.05, 100_000));
        f.core.onEvent(new EngineEvent().newOrder(0, 8, 0, Side.BUY, 100, 10 * SECOND, 110 * SECOND, 10, 9,
                Double.NaN, Double.NaN, Double.NaN, 0.05, 100_000));
        f.order(9, 100, 10).order(9, 100, 10);
        assertEquals(List.of(InputAnomaly.INVALID_ORDER, InputAnomaly.INVALID_ORDER,
                InputAnomaly.DUPLICATE_ORDER_ID), f.journal.anomalies);
        assertEquals(List.of("7:REJECTED", "8:REJECTED", "9:REJECTED"), f.sink.statuses);
        assertEquals(OrderStatus.OPEN, f.progress(9).status());
    }

    @Test
    void reportsForUnknownChildrenAndOutOfOrderMarketDataAreDroppedAndJournaled() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(10 * SECOND, 99.99, 100.01).order(7, 100_000, 10);
        f.core.onEvent(new EngineEvent().fill(11 * SECOND, 7, 999, 1, 100, 100.0));
        f.quote(5 * SECOND, 50, 51);
        assertEquals(List.of(InputAnomaly.TIMESTAMP_BEFORE_CLOCK, InputAnomaly.UNKNOWN_CHILD,
                InputAnomaly.OUT_OF_ORDER_MARKET_DATA), f.journal.anomalies, "the order at t=0 came after a quote at 10 s");
        assertEquals(100.0, f.core.symbol(0).mid(), 1e-9);
        assertEquals(0, f.progress(7).filled());
    }
}
