package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.AmendRefusal;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.Twap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The OMS amends an order's quantity (down) and the end of its horizon: the engine re-makes the order's terms, slice
 * clock, TWAP yardstick and strategy on the amend path, or refuses the whole amend and changes nothing.
 */
class AmendTermsTest {
    private static final long UNCHANGED = EngineEvent.UNCHANGED;

    /** An engine running exact TWAP (a schedule re-made from the amended terms). */
    private static CoreFixture twap() {
        return new CoreFixture(b -> { },
                List.of(RegisteredStrategy.schedule(Twap.NAME, terms -> new Twap(terms.slices()))));
    }

    private static void amend(final CoreFixture f, final long t, final long quantity, final long end) {
        f.core.onEvent(new EngineEvent().amendOrder(t, 7, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                quantity, end));
    }

    private static List<Long> childQuantities(final CoreFixture f) {
        return f.sink.children.stream().map(RecordingSink.Child::quantity).toList();
    }

    @Test
    void quantityCutMidWayReplansTheScheduleAndEndsFilledAtTheNewQuantity() {
        final CoreFixture f = twap().quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01).tick(20).fillAll(21 * SECOND, 100.01);
        amend(f, 25 * SECOND, 60_000, UNCHANGED);
        assertEquals(60_000, f.progress(7).quantity());
        for (long s = 30; s <= 100; s += 10) {
            f.tick(s).fillAll((s + 1) * SECOND, 100.01);
        }
        // TWAP of 60,000 over 10 slices is 6,000 a slice: 20,000 done is ahead of its 18,000 after slice 2, so
        // slice 2 sends nothing, slice 3 catches up to 24,000, then 6,000 each.
        assertEquals(List.of(10_000L, 10_000L, 4_000L, 6_000L, 6_000L, 6_000L, 6_000L, 6_000L, 6_000L),
                childQuantities(f));
        final OrderProgress p = f.progress(7);
        assertEquals(OrderStatus.FILLED, p.status());
        assertEquals(60_000, p.filled());
        assertEquals(1, p.termsAmends());
        assertNull(p.lastAmendRefusal());
    }

    @Test
    void quantityCutToWhatHasFilledEndsTheOrderFilledAtOnce() {
        final CoreFixture f = twap().quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        amend(f, 12 * SECOND, 10_000, UNCHANGED);
        assertEquals(OrderStatus.FILLED, f.progress(7).status());
        f.tick(20);
        assertEquals(1, f.sink.children.size());
    }

    @Test
    void aQuantityRaisedIsRefusedWholeAndChangesNothing() {
        final CoreFixture f = twap().quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        // The refused amend also carries a new limit: it is not applied either.
        f.core.onEvent(new EngineEvent().amendOrder(12 * SECOND, 7, 99.0, Double.NaN, Double.NaN, Double.NaN,
                120_000, UNCHANGED));
        final OrderProgress p = f.progress(7);
        assertEquals(100_000, p.quantity());
        assertEquals(AmendRefusal.QUANTITY_UP, p.lastAmendRefusal());
        assertEquals(List.of(InputAnomaly.AMEND_QUANTITY_UP), f.journal.anomalies);
        f.tick(20);
        assertEquals(10_000, f.sink.children.get(1).quantity());
        assertEquals(100.01, f.sink.children.get(1).limitPrice());
    }

    @Test
    void aQuantityBelowFilledPlusWorkingIsRefusedAndTheWorkingChildStays() {
        final CoreFixture f = twap().quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01).tick(20);
        // 10,000 filled and 10,000 working: 15,000 would leave the venue filling shares the order no longer wants.
        amend(f, 21 * SECOND, 15_000, UNCHANGED);
        final OrderProgress p = f.progress(7);
        assertEquals(100_000, p.quantity());
        assertEquals(10_000, p.inFlight());
        assertEquals(AmendRefusal.QUANTITY_BELOW_DONE, p.lastAmendRefusal());
        assertEquals(List.of(InputAnomaly.AMEND_QUANTITY_BELOW_DONE), f.journal.anomalies);
        assertEquals(List.of(), f.sink.cancels);
        // Exactly filled plus working is accepted: the order ends FILLED when the working child fills.
        amend(f, 22 * SECOND, 20_000, UNCHANGED);
        assertNull(f.progress(7).lastAmendRefusal());
        f.fillAll(23 * SECOND, 100.01);
        assertEquals(OrderStatus.FILLED, f.progress(7).status());
        assertEquals(20_000, f.progress(7).filled());
    }

    @Test
    void anExtendedHorizonRecutsTheRemainingSlicesFromTheAmend() {
        final CoreFixture f = twap().quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        // At 15 s, in slice 0 of [10 s, 110 s): slices 0..9 now share [15 s, 195 s), 18 s each; slice 1 opens at 33 s.
        amend(f, 15 * SECOND, UNCHANGED, 195 * SECOND);
        assertEquals(195 * SECOND, f.progress(7).endTime());
        f.tick(20).tick(32);
        assertEquals(1, f.sink.children.size());
        f.tick(33);
        assertEquals(2, f.sink.children.size());
        f.fillAll(34 * SECOND, 100.01);
        for (long s = 35; s < 195; s++) {
            f.tick(s).fillAll(s * SECOND, 100.01);
            if (s < 177) {
                assertEquals(OrderStatus.OPEN, f.progress(7).status(), "the last slice opens at 177 s, at " + s);
            }
        }
        assertEquals(OrderStatus.FILLED, f.progress(7).status());
        assertEquals(10, f.sink.children.size());
        assertEquals(100_000, f.progress(7).filled());
    }

    @Test
    void aShortenedHorizonFinishesSooner() {
        final CoreFixture f = twap().quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        // At 15 s: slices 0..9 share [15 s, 60 s), 4.5 s each; the last opens at 55.5 s.
        amend(f, 15 * SECOND, UNCHANGED, 60 * SECOND);
        for (long s = 16; s <= 56; s++) {
            f.tick(s).fillAll(s * SECOND, 100.01);
        }
        assertEquals(OrderStatus.FILLED, f.progress(7).status());
        assertEquals(100_000, f.progress(7).filled());
        assertEquals(10, f.sink.children.size());
    }

    @Test
    void anEndNotAheadOfTheEngineIsRefused() {
        final CoreFixture f = twap().quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        amend(f, 30 * SECOND, UNCHANGED, 30 * SECOND);
        assertEquals(AmendRefusal.END_NOT_AHEAD, f.progress(7).lastAmendRefusal());
        assertEquals(110 * SECOND, f.progress(7).endTime());
        assertEquals(List.of(InputAnomaly.AMEND_END_NOT_AHEAD), f.journal.anomalies);
    }

    @Test
    void theShortfallAfterAQuantityCutIsInBpsOfTheFilledSharesArrivalValue() {
        final CoreFixture f = twap().quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.02).tick(20).fillAll(21 * SECOND, 100.03);
        final double before = f.progress(7).shortfallBps();
        amend(f, 25 * SECOND, 40_000, UNCHANGED);
        // The amend itself moves nothing: IS is per filled share, neither quantity is in it.
        assertEquals(Double.doubleToLongBits(before), Double.doubleToLongBits(f.progress(7).shortfallBps()));
        for (long s = 30; s <= 100; s += 10) {
            f.tick(s).fillAll((s + 1) * SECOND, 100.05);
        }
        final OrderProgress p = f.progress(7);
        assertEquals(40_000, p.filled());
        final double cost = 10_000 * (100.02 - 100.0) + 10_000 * (100.03 - 100.0) + 20_000 * (100.05 - 100.0);
        assertEquals(cost / (40_000 * 100.0) * 1e4, p.shortfallBps(), 1e-9);
    }
}
