package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.engine.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every cancel the engine sends is journaled first, with why: one cancel record per cancel the venue is sent, written
 * before it leaves (the sink had sent only the cancels before it), under the input that caused it, with the child's
 * price and open quantity at the request and a {@link CancelReason} (and the kill switch's {@link HaltReason} when it
 * caused the cancel).
 */
class ChildCancelJournalTest {
    private final EngineEvent e = new EngineEvent();

    private static CoreFixture fixture(final String spec) {
        return new CoreFixture(b -> {
        }, List.of(RegisteredStrategy.schedule(spec, StrategyRegistry.schedules().factory(spec))));
    }

    /** One record per cancel sent, in the same order, each journaled while the sink had sent only those before it. */
    private static void assertEachCancelJournaledBeforeItLeft(final CoreFixture f) {
        final List<RecordingJournal.CancelCopy> records = f.journal.cancels;
        assertEquals(f.sink.cancels.size(), records.size(), "one record per cancel sent: " + records);
        for (int i = 0; i < records.size(); i++) {
            assertEquals(f.sink.cancels.get(i), records.get(i).childId(), "cancel " + i);
            assertEquals(i, records.get(i).cancelsSentBefore(), "cancel " + i + " journaled before it left");
        }
    }

    private static List<CancelReason> reasons(final CoreFixture f) {
        return f.journal.cancels.stream().map(RecordingJournal.CancelCopy::reason).toList();
    }

    @Test
    void aJoinDayJournalsTheDeadlineTheSliceEndAndTheExpiryCancelsBeforeTheyLeave() {
        final CoreFixture f = fixture("twap/join");
        f.quote(SECOND, 99.99, 100.01).order(1, 1_000, 2).tick(10);
        final RecordingSink.Child resting = f.sink.children.get(0);
        f.core.onEvent(e.childAck(11 * SECOND, 1, resting.childId()));
        f.fill(12 * SECOND, resting, 200, 99.99);
        f.tick(19);
        assertEquals(1, f.journal.cancels.size(), "the deadline pulls the resting child");
        final RecordingJournal.CancelCopy deadline = f.journal.cancels.get(0);
        assertEquals(f.core.sequence() - 1, deadline.sequence(), "under the timer that pulled it");
        assertEquals(19 * SECOND, deadline.timestamp());
        assertEquals(1, deadline.orderId());
        assertEquals(0, deadline.symbol());
        assertEquals(99.99, deadline.limitPrice());
        assertEquals(300, deadline.openQuantity(), "500 less the 200 filled");
        assertNull(deadline.haltReason());

        f.core.onEvent(e.childCancelled(19 * SECOND + 100_000_000, 1, resting.childId(), 200));
        f.quote(19 * SECOND + 500_000_000, 99.99, 100.01).timer(19 * SECOND + 500_000_000);
        final RecordingSink.Child cross = f.sink.children.get(1);
        f.core.onEvent(e.childAck(19 * SECOND + 600_000_000, 1, cross.childId()));
        f.tick(20);
        f.tick(30);
        assertEachCancelJournaledBeforeItLeft(f);
        assertEquals(List.of(CancelReason.TACTIC_DEADLINE, CancelReason.SLICE_END, CancelReason.ORDER_EXPIRED),
                reasons(f), f.journal.cancels.toString());
        final RecordingJournal.CancelCopy sliceEnd = f.journal.cancels.get(1);
        assertEquals(cross.childId(), sliceEnd.childId(), "the unfilled cross is pulled at the boundary");
        assertEquals(100.01, sliceEnd.limitPrice());
        assertEquals(300, sliceEnd.openQuantity());
        assertEquals(f.sink.children.get(2).childId(), f.journal.cancels.get(2).childId(),
                "slice 1's resting child is pulled when the order expires");
    }

    @Test
    void aPegWhoseTouchMovedIsJournaledAsARepriceWithItsOldPrice() {
        final CoreFixture peg = fixture("twap/peg");
        peg.quote(SECOND, 99.99, 100.01).order(1, 1_000, 2).tick(10);
        final RecordingSink.Child first = peg.sink.children.get(0);
        peg.core.onEvent(e.childAck(11 * SECOND, 1, first.childId()));
        peg.fill(11 * SECOND, first, 100, 99.99);
        peg.quote(12 * SECOND, 100.00, 100.02).timer(12 * SECOND);
        assertEachCancelJournaledBeforeItLeft(peg);
        assertEquals(List.of(CancelReason.PEG_REPRICE), reasons(peg));
        assertEquals(99.99, peg.journal.cancels.get(0).limitPrice(), "the price it rested at, not the new one");
        assertEquals(400, peg.journal.cancels.get(0).openQuantity());
    }

    @Test
    void aHaltsCancelsCarryTheHaltReason() {
        final CoreFixture order = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(7, 100_000, 10);
        order.order(8, 50_000, 10).tick(10);
        order.control(EventType.HALT, 11 * SECOND, HaltScope.ORDER, 7);
        assertEachCancelJournaledBeforeItLeft(order);
        assertEquals(List.of(CancelReason.KILL_SWITCH_HALT), reasons(order));
        assertEquals(7, order.journal.cancels.get(0).orderId());
        assertEquals(HaltReason.OPERATOR, order.journal.cancels.get(0).haltReason());

        order.control(EventType.HALT, 12 * SECOND, HaltScope.SYMBOL, 0);
        assertEachCancelJournaledBeforeItLeft(order);
        assertEquals(List.of(CancelReason.KILL_SWITCH_HALT, CancelReason.KILL_SWITCH_HALT), reasons(order));
        assertEquals(8, order.journal.cancels.get(1).orderId());
        assertEquals(HaltReason.PARENT_SCOPE_HALTED, order.journal.cancels.get(1).haltReason());
    }

    @Test
    void anOmsCancelAndABadQuotePauseAreJournaledWithTheirReasons() {
        final CoreFixture f = new CoreFixture(b -> b.onBadMarketData(io.slicer.engine.risk.TradingState.PAUSED))
                .quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.order(8, 50_000, 10).tick(10);
        f.core.onEvent(e.cancelOrder(11 * SECOND, 7));
        f.quote(12 * SECOND, 100.01, 99.99);
        assertEachCancelJournaledBeforeItLeft(f);
        assertEquals(List.of(CancelReason.OMS_CANCEL, CancelReason.KILL_SWITCH_PAUSE), reasons(f));
        assertNull(f.journal.cancels.get(0).haltReason());
        assertEquals(8, f.journal.cancels.get(1).orderId());
        assertEquals(HaltReason.BAD_MARKET_DATA, f.journal.cancels.get(1).haltReason());
    }

    @Test
    void aPolicyFaultHandingTheOrderToTwapCancelsWithTheFaultAsItsReason() {
        final StrategyFactory throwsFromSlice2 = scenario -> new TestPolicies.Faulty(TestPolicies.Fault.THROWS, 2);
        // Children outlive their slice here, so the one slice 1 sent is still working when slice 2's policy throws.
        final CoreFixture f = new CoreFixture(b -> b.twapFallback(true).cancelAtSliceEnd(false),
                List.of(RegisteredStrategy.schedule("faulty", throwsFromSlice2)))
                .quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10).fillAll(11 * SECOND, 100.01).tick(20).tick(30);
        assertEachCancelJournaledBeforeItLeft(f);
        assertEquals(List.of(CancelReason.TWAP_FALLBACK), reasons(f));
        assertEquals(f.sink.children.get(1).childId(), f.journal.cancels.get(0).childId());
        assertEquals(HaltReason.POLICY_THREW, f.journal.cancels.get(0).haltReason());
    }
}
