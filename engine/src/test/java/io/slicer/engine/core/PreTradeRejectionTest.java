package io.slicer.engine.core;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.OrderTerms;
import io.slicer.engine.order.ParentOrder;
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

    /** The checks of an engine with default limits, and an open order of 100,000 shares on its symbol 0. */
    private static PreTradeChecks checks(final ParentOrder[] order) {
        final EngineConfig config = EngineConfig.builder().throttle(100, SECOND).build();
        order[0] = new ParentOrder(0, 4, 0.94);
        order[0].open(7, 0, OrderTerms.builder(config.instrument(0), Side.BUY, 100_000, 10)
                .times(0, 10 * SECOND).arrivalPrice(100.0).build(), 0, Double.NaN, 0);
        return new PreTradeChecks(config, new ChildBook(config), new MessageThrottle(100, SECOND));
    }

    @Test
    void checksFailClosedWithoutAUsableReferencePrice() {
        final ParentOrder[] o = new ParentOrder[1];
        final PreTradeChecks checks = checks(o);
        assertEquals(RiskVerdict.NO_REFERENCE_PRICE, checks.check(o[0], 100, 100.0, Double.NaN, 0));
        assertEquals(RiskVerdict.NO_REFERENCE_PRICE, checks.check(o[0], 100, 100.0, 0.0, 0));
        assertEquals(RiskVerdict.NO_REFERENCE_PRICE, checks.check(o[0], 100, 100.0, -1.0, 0));
        assertEquals(RiskVerdict.NO_REFERENCE_PRICE, checks.check(o[0], 100, 100.0, Double.POSITIVE_INFINITY, 0));
        assertEquals(RiskVerdict.ACCEPTED, checks.check(o[0], 100, 100.0, 100.0, 0));
    }

    @Test
    void aNanLimitPriceNeverPassesTheCollar() {
        final ParentOrder[] o = new ParentOrder[1];
        assertEquals(RiskVerdict.PRICE_COLLAR, checks(o).check(o[0], 100, Double.NaN, 100.0, 0));
    }

    @Test
    void theNotionalLimitCountsTheContractMultiplier() {
        final EngineConfig config = EngineConfig.builder().throttle(100, SECOND).maxChildNotional(1_000_000)
                .instrument(0, Instrument.future("6EH4", 0.00005, 125_000, "USD")).build();
        final ParentOrder o = new ParentOrder(0, 4, 0.94);
        o.open(7, 0, OrderTerms.builder(config.instrument(0), Side.BUY, 100, 10).times(0, 10 * SECOND)
                .arrivalPrice(1.09).build(), 0, Double.NaN, 0);
        final PreTradeChecks checks = new PreTradeChecks(config, new ChildBook(config), new MessageThrottle(100,
                SECOND));
        // 7 contracts at 1.09 are 953,750 USD; 8 are 1,090,000 USD. Without the multiplier both would be about 8 USD.
        assertEquals(RiskVerdict.ACCEPTED, checks.check(o, 7, 1.09, 1.09, 0));
        assertEquals(RiskVerdict.MAX_NOTIONAL, checks.check(o, 8, 1.09, 1.09, 0));
    }

    @Test
    void badQuotesAreDroppedSoTheReferencePriceStaysTheLastGoodOneAndTheOrderHalts() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.quote(9 * SECOND, Double.NaN, 100.01).quote(9 * SECOND, 0, 0).quote(9 * SECOND, 101, 100);
        assertEquals(3, f.journal.anomalies.size());
        assertEquals(100.0, f.core.symbol(0).mid(), 1e-12);
        f.timer(10 * SECOND);
        assertEquals(0, f.sink.children.size());
        assertEquals(OrderStatus.HALTED, f.progress(7).status());
    }
}
