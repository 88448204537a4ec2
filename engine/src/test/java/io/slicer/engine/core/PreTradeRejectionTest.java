package io.slicer.engine.core;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.risk.PreTradeChecks;
import io.slicer.engine.risk.RiskVerdict;
import org.junit.jupiter.api.Test;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each pre-trade rejection: the typed reason in the decision record, and that the child did not leave. */
class PreTradeRejectionTest {
    private static void assertRejected(final CoreFixture f, final RiskVerdict verdict, final int childrenSent) {
        final RecordingJournal.DecisionRecordCopy d = f.lastDecision();
        assertEquals(verdict, d.verdict());
        assertEquals(0, d.childId());
        assertTrue(d.childQuantity() > 0, "the record keeps the quantity that was refused");
        assertEquals(childrenSent, f.sink.children.size());
        assertEquals(OrderStatus.OPEN, f.progress(7).status(), "a rejection does not halt the order");
        assertEquals(0, f.progress(7).inFlight());
    }

    @Test
    void aChildAboveTheMaximumQuantityIsRejected() {
        final CoreFixture f = new CoreFixture(b -> b.maxChildQuantity(5_000)).quote(0, 99.99, 100.01)
                .order(7, 100_000, 10);
        f.tick(10);
        assertRejected(f, RiskVerdict.MAX_CHILD_QUANTITY, 0);
    }

    @Test
    void aChildAboveTheMaximumNotionalIsRejected() {
        final CoreFixture f = new CoreFixture(b -> b.maxChildNotional(500_000)).quote(0, 99.99, 100.01)
                .order(7, 100_000, 10);
        f.tick(10);
        assertRejected(f, RiskVerdict.MAX_NOTIONAL, 0);
    }

    @Test
    void aLimitOutsideThePriceCollarIsRejected() {
        final CoreFixture f = new CoreFixture(b -> b.priceCollar(0.05)).quote(0, 99.99, 100.01)
                .order(7, Side.BUY, 100_000, 10, 0, 90.0);
        f.tick(10);
        assertRejected(f, RiskVerdict.PRICE_COLLAR, 0);
        assertEquals(90.0, f.lastDecision().limit());
    }

    @Test
    void theThrottleRefusesChildrenBeyondItsRate() {
        final CoreFixture f = new CoreFixture(b -> b.throttle(1, 60 * SECOND)).quote(0, 99.99, 100.01)
                .order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        assertEquals(1, f.sink.children.size());
        f.tick(20);
        assertRejected(f, RiskVerdict.THROTTLE, 1);
    }

    @Test
    void cancelsAlwaysLeaveButCountTowardTheThrottle() {
        // Two messages per minute. Slice 0 sends a child (1); at slice 1 the unfilled child is cancelled (2): the
        // cancel goes out although the window is then full, and the new child of slice 1 is refused.
        final CoreFixture f = new CoreFixture(b -> b.throttle(2, 60 * SECOND).cancelAtSliceEnd(true))
                .quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10);
        assertEquals(1, f.sink.children.size());
        f.tick(20);
        assertEquals(1, f.sink.cancels.size(), "the cancel was not throttled");
        assertEquals(RiskVerdict.THROTTLE, f.lastDecision().verdict(), "the cancel used the window's last message");
        assertEquals(1, f.sink.children.size());
    }

    @Test
    void anIdenticalChildInsideTheDuplicateWindowIsRejected() {
        final CoreFixture f = new CoreFixture(b -> b.duplicateWindowNanos(3_600 * SECOND)).quote(0, 99.99, 100.01)
                .order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01);
        f.tick(20);
        assertRejected(f, RiskVerdict.DUPLICATE_CHILD, 1);
    }

    @Test
    void checksFailClosedWithoutAUsableReferencePrice() {
        final PreTradeChecks checks = new PreTradeChecks(1_000_000, 1e12, 0.05, 100, SECOND);
        assertEquals(RiskVerdict.NO_REFERENCE_PRICE, checks.check(100, 100.0, Double.NaN, 0, false));
        assertEquals(RiskVerdict.NO_REFERENCE_PRICE, checks.check(100, 100.0, 0.0, 0, false));
        assertEquals(RiskVerdict.NO_REFERENCE_PRICE, checks.check(100, 100.0, -1.0, 0, false));
        assertEquals(RiskVerdict.NO_REFERENCE_PRICE, checks.check(100, 100.0, Double.POSITIVE_INFINITY, 0, false));
        assertEquals(RiskVerdict.ACCEPTED, checks.check(100, 100.0, 100.0, 0, false));
    }

    @Test
    void aNanLimitPriceNeverPassesTheCollar() {
        final PreTradeChecks checks = new PreTradeChecks(1_000_000, 1e12, 0.05, 100, SECOND);
        assertEquals(RiskVerdict.PRICE_COLLAR, checks.check(100, Double.NaN, 100.0, 0, false));
    }

    @Test
    void badQuotesAreDroppedSoTheReferencePriceStaysTheLastGoodOne() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.quote(9 * SECOND, Double.NaN, 100.01).quote(9 * SECOND, 0, 0).quote(9 * SECOND, 101, 100);
        assertEquals(3, f.journal.anomalies.size());
        f.timer(10 * SECOND);
        assertEquals(1, f.sink.children.size());
        assertEquals(100.01, f.sink.children.get(0).limitPrice());
    }
}
