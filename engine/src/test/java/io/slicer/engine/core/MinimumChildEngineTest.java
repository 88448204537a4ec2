package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.risk.RiskVerdict;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The minimum child size through the core (100 shares here, ten-second slices from t = 10 s, quoted 99.99 / 100.01):
 * no child below it is sent except the one that finishes the order, what a slice cannot send rolls into the next,
 * and no order is left stuck with a remainder it may not send.
 */
class MinimumChildEngineTest {
    private final EngineEvent e = new EngineEvent();

    private static CoreFixture fixture(final String spec) {
        return new CoreFixture(b -> b.minChild(100), List.of(RegisteredStrategy.schedule(spec,
                StrategyRegistry.schedules().factory(spec))));
    }

    @Test
    void theLastSlicesRemainderBelowTheMinimumIsSentAsTheFinishingChild() {
        final CoreFixture f = fixture("twap");
        f.quote(SECOND, 99.99, 100.01).order(1, 1_000, 2).tick(10);
        f.fillAll(11 * SECOND, 100.01).tick(20);
        final RecordingSink.Child last = f.sink.children.get(1);
        assertEquals(500, last.quantity());
        f.core.onEvent(e.childAck(21 * SECOND, 1, last.childId()));
        f.fill(21 * SECOND, last, 450, 100.01);
        // The venue cancels the last 50 on its own: the order now holds 50 shares, half the minimum child.
        f.core.onEvent(e.childCancelled(22 * SECOND, 1, last.childId(), 450));
        f.tick(23);
        assertEquals(3, f.sink.children.size());
        final RecordingSink.Child finishing = f.sink.children.get(2);
        assertEquals(50, finishing.quantity(), "the remainder finishes the order, below the minimum or not");
        f.fillAll(24 * SECOND, 100.01);
        assertEquals(OrderStatus.FILLED, f.progress(1).status());
    }

    @Test
    void slicesBelowTheMinimumSendNothingAndTheScheduleCatchesUpInChildrenOfAtLeastTheMinimum() {
        // TWAP of 950 over ten slices wants 95 a slice, below the minimum and the 100-share lot: slice 0 sends nothing,
        // each later slice sends the whole lots its catch-up reaches, and the last sweeps the odd 150.
        final CoreFixture f = fixture("twap");
        f.quote(SECOND, 99.99, 100.01).order(1, 950, 10);
        for (int s = 10; s < 110; s += 10) {
            f.tick(s).fillAll((s + 1) * SECOND, 100.01);
        }
        final List<RecordingSink.Child> children = f.sink.children;
        assertEquals(9, children.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(100, children.get(i).quantity(), "child " + i);
        }
        assertEquals(150, children.get(8).quantity(), "the last slice's sweep");
        assertEquals(OrderStatus.FILLED, f.progress(1).status());
    }

    @Test
    void aTacticsLeftoverBelowTheMinimumRollsIntoTheNextSliceInsteadOfBeingDecidedAtEveryTimer() {
        final CoreFixture f = fixture("twap/join");
        f.quote(SECOND, 99.99, 100.01).order(1, 1_000, 2).tick(10);
        final RecordingSink.Child resting = f.sink.children.get(0);
        f.core.onEvent(e.childAck(11 * SECOND, 1, resting.childId()));
        f.fill(12 * SECOND, resting, 450, 99.99);
        f.tick(18).tick(19);
        f.core.onEvent(e.childCancelled(19 * SECOND + 100_000_000, 1, resting.childId(), 450));
        final int before = f.journal.decisions.size();
        for (int i = 1; i < 10; i++) {
            f.quote(19 * SECOND + i * 100_000_000L, 99.99, 100.01).timer(19 * SECOND + i * 100_000_000L);
        }
        // The deadline's cross of the 50 left is below the minimum: one empty decision, not one per timer.
        assertEquals(1, f.journal.decisions.size() - before);
        assertEquals(RiskVerdict.NOTHING_TO_SEND, f.journal.decisions.get(before).verdict());
        assertEquals(1, f.sink.children.size());
        f.tick(20);
        assertEquals(550, f.sink.children.get(1).quantity(), "slice 1 rests its 500 and the 50 slice 0 left");
        assertTrue(f.sink.children.stream().allMatch(c -> c.quantity() >= 100));
    }
}
