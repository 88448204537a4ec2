package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.market.Side;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * Test driver: a seeded random-walk market for one symbol, one quote and one trade per second, a TIMER every second,
 * and a venue that acknowledges each child at the next second and fills it completely at its limit price. Feeds a
 * core through one reused event, the way the ring does.
 */
final class TestDay {
    static final long SECOND = 1_000_000_000L;

    final SlicerCore core;
    final RecordingSink sink;
    final EngineEvent event = new EngineEvent();
    private final SplittableRandom random;
    private final ArrayDeque<RecordingSink.Child> toFill = new ArrayDeque<>();
    private double mid = 100.0;
    private long execId = 1;
    private int seenChildren;

    TestDay(final SlicerCore core, final RecordingSink sink, final long seed) {
        this.core = core;
        this.sink = sink;
        this.random = new SplittableRandom(seed);
    }

    void quote(final long t) {
        core.onEvent(event.quote(t, 0, mid - 0.01, mid + 0.01, 500, 500));
    }

    void newOrder(final long t, final long id, final Side side, final long qty, final long start, final long end,
                  final int slices, final int strategy) {
        core.onEvent(event.newOrder(t, id, 0, side, qty, start, end, slices, strategy, Double.NaN, Double.NaN,
                Double.NaN, 0.05, 50_000));
    }

    /** One simulated second: the venue answers last second's children, the market moves, the timer ticks. */
    void second(final long t, final boolean fill) {
        while (seenChildren < sink.children.size()) {
            toFill.add(sink.children.get(seenChildren++));
        }
        while (!toFill.isEmpty()) {
            final RecordingSink.Child c = toFill.poll();
            core.onEvent(event.childAck(t, c.parentId(), c.childId()));
            if (fill) {
                core.onEvent(event.fill(t, c.parentId(), c.childId(), execId++, c.quantity(), c.limitPrice()));
            }
        }
        mid += random.nextGaussian() * 0.02;
        core.onEvent(event.quote(t, 0, mid - 0.01, mid + 0.01, 400 + random.nextInt(200), 400 + random.nextInt(200)));
        core.onEvent(event.trade(t, 0, mid, 1_000 + random.nextInt(1_000), 0));
        core.onEvent(event.timer(t));
    }

    static EngineEvent control(final EventType type, final long t, final io.slicer.engine.risk.HaltScope scope,
                               final long id) {
        return new EngineEvent().control(type, t, scope, id);
    }
}
