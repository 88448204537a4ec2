package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slicer.engine.core.TestDay.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlicerCoreDeterminismTest {
    static List<RegisteredStrategy> strategies() {
        final StrategyFactory equal = scenario -> new EqualSlices();
        return List.of(RegisteredStrategy.schedule("equal", equal));
    }

    @Test
    void replayingTheJournaledInputsReproducesEveryDecisionBitForBit() {
        final RecordingJournal live = new RecordingJournal();
        final RecordingSink sink = new RecordingSink();
        final SlicerCore core = new SlicerCore(EngineConfig.defaults(), strategies(), sink, live);
        final TestDay day = new TestDay(core, sink, 42);
        day.quote(0);
        day.newOrder(0, 7, Side.BUY, 60_000, 10 * SECOND, 70 * SECOND, 6, 0);
        for (long s = 1; s <= 80; s++) {
            day.second(s * SECOND, true);
        }
        assertTrue(live.decisions.size() >= 6, "one decision per slice at least, got " + live.decisions.size());

        final RecordingJournal replay = new RecordingJournal();
        final SlicerCore fresh = new SlicerCore(EngineConfig.defaults(), strategies(), ChildOrderSink.NONE, replay);
        for (final EngineEvent e : live.inputs) {
            fresh.onEvent(e);
        }
        assertEquals(live.outputs, replay.outputs);
        assertEquals(live.inputs.size(), replay.inputs.size());
    }

    @Test
    void equalSlicesFillTheParentExactlyByTheEndTime() {
        final RecordingSink sink = new RecordingSink();
        final SlicerCore core = new SlicerCore(EngineConfig.defaults(), strategies(), sink, EngineJournal.NONE);
        final TestDay day = new TestDay(core, sink, 1);
        day.quote(0);
        day.newOrder(0, 7, Side.SELL, 60_000, 10 * SECOND, 70 * SECOND, 6, 0);
        for (long s = 1; s <= 80; s++) {
            day.second(s * SECOND, true);
        }
        assertEquals(6, sink.children.size());
        for (final RecordingSink.Child c : sink.children) {
            assertEquals(10_000, c.quantity());
            assertEquals(Side.SELL, c.side());
        }
        final OrderProgress progress = new OrderProgress();
        assertTrue(core.progress(7, progress));
        assertEquals(OrderStatus.FILLED, progress.status());
        assertEquals(60_000, progress.filled());
        assertEquals(0, progress.inFlight());
        assertEquals(0, progress.remaining());
        assertEquals(List.of("7:FILLED"), sink.statuses);
    }
}
