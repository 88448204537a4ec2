package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A passive tactic through the core: a buy of 1,000 in two ten-second slices from t = 10 s, quoted 99.99 / 100.01
 * (two ticks wide). The slice's child rests where the tactic says; at the deadline (t = 19 s, 90% of the slice) it is
 * cancelled, and once the venue has confirmed, what it left crosses at the ask; a peg whose touch moves is cancelled
 * and sent again at the new price for what it has left.
 */
class ChildTacticEngineTest {
    private final EngineEvent e = new EngineEvent();

    private static CoreFixture fixture(final String spec) {
        return new CoreFixture(b -> {
        }, List.of(RegisteredStrategy.schedule(spec, StrategyRegistry.schedules().factory(spec))));
    }

    @Test
    void joinRestsAtTheBidAndCrossesWhatItLeftAtTheDeadlineOnceTheCancelIsConfirmed() {
        final CoreFixture f = fixture("twap/join");
        f.quote(SECOND, 99.99, 100.01).order(1, 1_000, 2).tick(10);
        assertEquals(1, f.sink.children.size());
        final RecordingSink.Child resting = f.sink.children.get(0);
        assertEquals(500, resting.quantity());
        assertEquals(99.99, resting.limitPrice());
        f.core.onEvent(e.childAck(11 * SECOND, 1, resting.childId()));
        f.fill(12 * SECOND, resting, 200, 99.99);
        f.tick(18);
        assertEquals(List.of(), f.sink.cancels, "before the deadline the child rests");
        f.tick(19);
        assertEquals(List.of(resting.childId()), f.sink.cancels);
        assertEquals(1, f.sink.children.size(), "nothing crosses while the cancel is in flight");
        f.core.onEvent(e.childCancelled(19 * SECOND + 100_000_000, 1, resting.childId(), 200));
        f.quote(19 * SECOND + 500_000_000, 99.99, 100.01).timer(19 * SECOND + 500_000_000);
        assertEquals(2, f.sink.children.size());
        final RecordingSink.Child cross = f.sink.children.get(1);
        assertEquals(300, cross.quantity(), "the 300 the resting child left");
        assertEquals(100.01, cross.limitPrice());
        f.tick(20);
        assertEquals(500, f.sink.children.get(2).quantity(), "slice 1 rests its own 500");
        assertEquals(99.99, f.sink.children.get(2).limitPrice());
    }

    @Test
    void stepRestsOneTickInsideAndAPegFollowsTheBidWithWhatItHasLeft() {
        final CoreFixture step = fixture("twap/step");
        step.quote(SECOND, 99.99, 100.01).order(1, 1_000, 2).tick(10);
        assertEquals(100.00, step.sink.children.get(0).limitPrice());

        final CoreFixture peg = fixture("twap/peg");
        peg.quote(SECOND, 99.99, 100.01).order(1, 1_000, 2).tick(10);
        final RecordingSink.Child first = peg.sink.children.get(0);
        peg.core.onEvent(e.childAck(11 * SECOND, 1, first.childId()));
        peg.fill(11 * SECOND, first, 100, 99.99);
        peg.quote(12 * SECOND, 100.00, 100.02).timer(12 * SECOND);
        assertEquals(List.of(first.childId()), peg.sink.cancels, "the bid moved: cancel");
        peg.core.onEvent(e.childCancelled(12 * SECOND + 1, 1, first.childId(), 100));
        peg.timer(13 * SECOND);
        final RecordingSink.Child replaced = peg.sink.children.get(1);
        assertEquals(400, replaced.quantity());
        assertEquals(100.00, replaced.limitPrice(), "rests at the new bid");
    }
}
