package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.TacticChooser;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.engine.testing.DemoModels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code twap/learned:DIR} in the engine: at each slice boundary the order's chooser picks the tactic of the child it
 * sends from the book the engine sees (displayed sizes, the tape's aggressors over the last 30 s), the child rests or
 * crosses as that tactic says, and the decision record names the tactic.
 */
class LearnedTacticTest {
    private static CoreFixture engine(final String feature) {
        final TacticChooser chooser = TacticChooser.of("learned:" + feature + "-rule", DemoModels.tacticRule(feature));
        return new CoreFixture(b -> { }, List.of(RegisteredStrategy.schedule("twap/learned",
                StrategyRegistry.schedules().factory("twap").withTacticChooser(chooser))));
    }

    private static void quote(final CoreFixture f, final long t, final long bidSize, final long askSize) {
        f.core.onEvent(new EngineEvent().quote(t, 0, 99.99, 100.01, bidSize, askSize));
    }

    @Test
    void theDisplayedSizesSteerEachChildsTactic() {
        final CoreFixture f = engine("l1_imbalance");
        quote(f, 5 * SECOND, 100, 900);
        f.order(1, 1_000, 2);
        // Slice 0: more offered than bid, imbalance -0.8 for a buy: the chooser joins the bid.
        f.timer(10 * SECOND);
        assertEquals(1, f.sink.children.size());
        assertEquals(99.99, f.sink.children.get(0).limitPrice(), 0.0, "rests at the bid");
        assertEquals(ChildTactic.JOIN, f.lastDecision().tactic());
        f.fillAll(12 * SECOND, 99.99);
        // Slice 1: more bid than offered, imbalance +0.8: the chooser crosses at the offer.
        quote(f, 19 * SECOND, 900, 100);
        f.timer(20 * SECOND);
        assertEquals(2, f.sink.children.size());
        assertEquals(100.01, f.sink.children.get(1).limitPrice(), 0.0, "crosses at the offer");
        assertEquals(ChildTactic.CROSS, f.lastDecision().tactic());
        assertEquals(500, f.sink.children.get(1).quantity());
    }

    @Test
    void theTapesAggressorsOverTheLastThirtySecondsSteerEachChildsTactic() {
        final CoreFixture f = engine("trade_flow");
        quote(f, 1 * SECOND, 500, 500);
        // Sellers hit the bid before slice 0: flow against a buy's side is negative, the chooser joins.
        f.core.onEvent(new EngineEvent().trade(2 * SECOND, 0, 99.99, 4_000, -1));
        f.core.onEvent(new EngineEvent().trade(3 * SECOND, 0, 100.01, 1_000, 1));
        // A print without an aggressor counts for neither side.
        f.core.onEvent(new EngineEvent().trade(4 * SECOND, 0, 100.00, 90_000, 0));
        f.order(1, 1_000, 2);
        f.timer(10 * SECOND);
        assertEquals(ChildTactic.JOIN, f.lastDecision().tactic());
        assertEquals(99.99, f.sink.children.get(0).limitPrice(), 0.0);
        f.fillAll(12 * SECOND, 99.99);
        // Buyers lift the offer: 6,000 bought against the 4,000 sold, all inside the 30 s before 20 s: the flow is
        // with a buy, the chooser crosses.
        f.core.onEvent(new EngineEvent().trade(15 * SECOND, 0, 100.01, 5_000, 1));
        quote(f, 19 * SECOND, 500, 500);
        f.timer(20 * SECOND);
        assertEquals(ChildTactic.CROSS, f.lastDecision().tactic());
        assertEquals(100.01, f.sink.children.get(1).limitPrice(), 0.0);
    }
}
